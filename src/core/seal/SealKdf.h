// SPDX-License-Identifier: GPL-3.0-or-later
// SealKdf: key derivation and transcript hashing for sealed envelopes, both keyed BLAKE2b-256
// (crypto_generichash) over a domain-separated input:
//
//   KDF(key, label, data...) = BLAKE2b-256(key = key,
//                                          message = "orion-seal" || V || label || 0x00 || data...)
//   TH(label, data...)       = KDF("orion-seal transcript", label, data...)
//
// where V is the format version byte (SealFormat::kVersion) and label is ASCII. The key is
// 1..64 bytes (a DH output, two DH outputs concatenated, or a chaining key). Stateless; any
// thread.
#pragma once

#include <QByteArrayView>

#include <cstdint>
#include <initializer_list>

namespace orion::seal {

class SealKdf {
public:
    static constexpr int kOutputBytes = 32;

    // Writes kOutputBytes to out. key must have 1..64 bytes.
    static void derive(std::uint8_t *out, QByteArrayView key, const char *label,
                       std::initializer_list<QByteArrayView> data);
    static void transcript(std::uint8_t *out, const char *label,
                           std::initializer_list<QByteArrayView> data);
};

} // namespace orion::seal
