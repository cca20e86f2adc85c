// SPDX-License-Identifier: GPL-3.0-or-later
// PassphraseStrength: a rough estimate of how hard a passphrase is to guess (length, variety,
// repetition, common words), with a label and a hint for the user. Stateless; any thread.
#pragma once

#include <QCoreApplication>
#include <QString>

namespace orion::app::wizard {

class PassphraseStrength {
    Q_DECLARE_TR_FUNCTIONS(PassphraseStrength)

public:
    static constexpr int kMinimumLength = 8;
    static constexpr int kMaxScore = 4;

    // 0 (very weak) .. 4 (very strong).
    static int score(const QString &passphrase);
    // Estimated entropy in bits, after penalties.
    static double entropyBits(const QString &passphrase);
    static QString label(int score);
    // What would make it stronger, or empty when nothing needs saying.
    static QString hint(const QString &passphrase);
};

} // namespace orion::app::wizard
