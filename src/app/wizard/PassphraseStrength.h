// SPDX-License-Identifier: GPL-3.0-or-later
// PassphraseStrength: the wizard's words for identity::PassphrasePolicy (the rule the command
// line applies too): a score with a translated label and a hint for the user. Stateless;
// any thread.
#pragma once

#include "identity/PassphrasePolicy.h"

#include <QCoreApplication>
#include <QString>

namespace orion::app::wizard {

class PassphraseStrength {
    Q_DECLARE_TR_FUNCTIONS(PassphraseStrength)

public:
    static constexpr int kMinimumLength = identity::PassphrasePolicy::kMinimumLength;
    static constexpr int kMaxScore = identity::PassphrasePolicy::kMaxScore;

    // 0 (very weak) .. 4 (very strong).
    static int score(const QString &passphrase) {
        return identity::PassphrasePolicy::score(passphrase);
    }
    // Estimated entropy in bits, after penalties.
    static double entropyBits(const QString &passphrase) {
        return identity::PassphrasePolicy::entropyBits(passphrase);
    }
    static QString label(int score);
    // What would make it stronger, or empty when nothing needs saying.
    static QString hint(const QString &passphrase);
};

} // namespace orion::app::wizard
