// SPDX-License-Identifier: GPL-3.0-or-later
#include "seal/SealAead.h"

#include "crypto/Sodium.h"
#include "seal/SealFormat.h"

#include <sodium.h>

namespace orion::seal {

static_assert(SealFormat::kNonceBytes == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
static_assert(SealFormat::kTagBytes == crypto_aead_xchacha20poly1305_ietf_ABYTES);
static_assert(SealFormat::kKeyBytes == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);

namespace {
const unsigned char *bytes(QByteArrayView view) {
    return reinterpret_cast<const unsigned char *>(view.data());
}
} // namespace

void SealAead::sealAppend(QByteArray &out, const std::uint8_t *key, const std::uint8_t *nonce,
                          QByteArrayView plaintext, QByteArrayView associatedData) {
    crypto::Sodium::ensureInitialized();
    const qsizetype start = out.size();
    out.resize(start + plaintext.size() + SealFormat::kTagBytes);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        reinterpret_cast<unsigned char *>(out.data()) + start, &written, bytes(plaintext),
        std::size_t(plaintext.size()), bytes(associatedData), std::size_t(associatedData.size()),
        nullptr, nonce, key);
}

bool SealAead::open(QByteArray &out, const std::uint8_t *key, const std::uint8_t *nonce,
                    QByteArrayView ciphertext, QByteArrayView associatedData) {
    if (ciphertext.size() < SealFormat::kTagBytes) {
        return false;
    }
    out.resize(ciphertext.size() - SealFormat::kTagBytes);
    unsigned char scratch = 0;
    if (!openInto(out.isEmpty() ? &scratch : reinterpret_cast<std::uint8_t *>(out.data()), key,
                  nonce, ciphertext, associatedData)) {
        out.clear();
        return false;
    }
    return true;
}

bool SealAead::openInto(std::uint8_t *out, const std::uint8_t *key, const std::uint8_t *nonce,
                        QByteArrayView ciphertext, QByteArrayView associatedData) {
    if (ciphertext.size() < SealFormat::kTagBytes) {
        return false;
    }
    crypto::Sodium::ensureInitialized();
    unsigned long long written = 0;
    return crypto_aead_xchacha20poly1305_ietf_decrypt(
               out, &written, nullptr, bytes(ciphertext), std::size_t(ciphertext.size()),
               bytes(associatedData), std::size_t(associatedData.size()), nonce, key) == 0;
}

} // namespace orion::seal
