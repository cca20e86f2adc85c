// SPDX-License-Identifier: GPL-3.0-or-later
#include "seal/SealKdf.h"

#include "crypto/Sodium.h"
#include "seal/SealFormat.h"

#include <sodium.h>

#include <cstring>

namespace orion::seal {

namespace {
constexpr char kDomain[] = "orion-seal";
constexpr char kTranscriptKey[] = "orion-seal transcript";

const unsigned char *bytes(const void *data) {
    return static_cast<const unsigned char *>(data);
}
} // namespace

void SealKdf::derive(std::uint8_t *out, QByteArrayView key, const char *label,
                     std::initializer_list<QByteArrayView> data) {
    Q_ASSERT(key.size() >= 1 && key.size() <= int(crypto_generichash_KEYBYTES_MAX));
    crypto::Sodium::ensureInitialized();
    crypto_generichash_state state;
    crypto_generichash_init(&state, bytes(key.data()), std::size_t(key.size()), kOutputBytes);
    crypto_generichash_update(&state, bytes(kDomain), sizeof kDomain - 1);
    const unsigned char version = SealFormat::kVersion;
    crypto_generichash_update(&state, &version, 1);
    crypto_generichash_update(&state, bytes(label), std::strlen(label) + 1); // with its 0x00
    for (const QByteArrayView part : data) {
        crypto_generichash_update(&state, bytes(part.data()), std::size_t(part.size()));
    }
    crypto_generichash_final(&state, out, kOutputBytes);
    sodium_memzero(&state, sizeof state);
}

void SealKdf::transcript(std::uint8_t *out, const char *label,
                         std::initializer_list<QByteArrayView> data) {
    derive(out, QByteArrayView(kTranscriptKey, sizeof kTranscriptKey - 1), label, data);
}

} // namespace orion::seal
