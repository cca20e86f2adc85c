// SPDX-License-Identifier: GPL-3.0-or-later
#include "identity/PassphrasePolicy.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace orion::identity {

namespace {
// Passwords that appear at the top of every leaked list; containing one costs most of the
// estimate, because guessers try them first.
const char *const kCommon[] = {"password", "passwort", "123456", "qwerty", "qwertz", "letmein",
                               "welcome",  "admin",    "orion",  "secret", "geheim", "abc123",
                               "iloveyou", "monkey",   "dragon", "111111", "000000"};
} // namespace

double PassphrasePolicy::entropyBits(const QString &passphrase) {
    if (passphrase.isEmpty()) {
        return 0;
    }
    bool lower = false, upper = false, digit = false, symbol = false, other = false;
    for (const QChar c : passphrase) {
        if (c.unicode() >= 128) {
            other = true;
        } else if (c.isLower()) {
            lower = true;
        } else if (c.isUpper()) {
            upper = true;
        } else if (c.isDigit()) {
            digit = true;
        } else {
            symbol = true;
        }
    }
    const int alphabet = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) +
                         (symbol ? 33 : 0) + (other ? 100 : 0);
    // Only distinct characters count fully: "aaaaaaaa" is not eight random letters.
    const int distinct = int(QSet<QChar>(passphrase.begin(), passphrase.end()).size());
    const double effectiveLength = distinct + 0.25 * double(passphrase.size() - distinct);
    double bits = effectiveLength * std::log2(std::max(alphabet, 2));
    const QString folded = passphrase.toLower();
    for (const char *word : kCommon) {
        if (folded.contains(QLatin1String(word))) {
            bits -= 6.0 * double(qstrlen(word));
        }
    }
    return std::max(0.0, bits);
}

int PassphrasePolicy::score(const QString &passphrase) {
    if (passphrase.size() < kMinimumLength) {
        return 0;
    }
    const double bits = entropyBits(passphrase);
    if (bits < 35) {
        return 0;
    }
    if (bits < 50) {
        return 1;
    }
    if (bits < 65) {
        return 2;
    }
    if (bits < 85) {
        return 3;
    }
    return 4;
}

PassphrasePolicy::Verdict PassphrasePolicy::verdict(const QString &passphrase) {
    if (passphrase.size() < kMinimumLength) {
        return Verdict::TooShort;
    }
    return score(passphrase) < kGoodScore ? Verdict::Weak : Verdict::Good;
}

QString PassphrasePolicy::advice(Verdict verdict) {
    switch (verdict) {
    case Verdict::TooShort:
        return QStringLiteral("the passphrase needs at least %1 characters").arg(kMinimumLength);
    case Verdict::Weak:
        return QStringLiteral("this passphrase is weak; longer is better: several unrelated "
                              "words make a strong passphrase that is easy to remember");
    case Verdict::Good:
        break;
    }
    return {};
}

} // namespace orion::identity
