// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/PassphraseStrength.h"

namespace orion::app::wizard {

using identity::PassphrasePolicy;

QString PassphraseStrength::label(int score) {
    switch (score) {
    case 0:
        return tr("Very weak");
    case 1:
        return tr("Weak");
    case 2:
        return tr("Fair");
    case 3:
        return tr("Strong");
    default:
        return tr("Very strong");
    }
}

QString PassphraseStrength::hint(const QString &passphrase) {
    switch (PassphrasePolicy::verdict(passphrase)) {
    case PassphrasePolicy::Verdict::TooShort:
        return tr("Use at least %n character(s).", nullptr, kMinimumLength);
    case PassphrasePolicy::Verdict::Weak:
        return tr("Longer is better: several unrelated words make a strong passphrase that is "
                  "easy to remember.");
    case PassphrasePolicy::Verdict::Good:
        break;
    }
    return {};
}

} // namespace orion::app::wizard
