// SPDX-License-Identifier: GPL-3.0-or-later
// PassphrasePolicy: the one rule for a new passphrase, shared by the setup wizard and the
// command line: how long it must be, and a rough estimate of how hard it is to guess
// (length, variety, repetition, common words). Stateless; any thread.
#pragma once

#include <QString>

namespace orion::identity {

class PassphrasePolicy {
public:
    // Shorter ones are refused everywhere: Argon2id slows a guesser down, it cannot make
    // a handful of characters strong.
    static constexpr int kMinimumLength = 8;
    static constexpr int kMaxScore = 4;
    // Below this score a face says the passphrase is weak (it is still accepted).
    static constexpr int kGoodScore = 3;

    enum class Verdict {
        Good,     // long enough and not weak
        Weak,     // accepted, but the user is told it could be stronger
        TooShort, // refused
    };

    // 0 (very weak) .. 4 (very strong); 0 for anything shorter than kMinimumLength.
    static int score(const QString &passphrase);
    // Estimated entropy in bits, after penalties.
    static double entropyBits(const QString &passphrase);
    static Verdict verdict(const QString &passphrase);
    // The English sentence for a verdict other than Good (the GUI has its own, translated).
    static QString advice(Verdict verdict);
};

} // namespace orion::identity
