// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/SecretHandshake.h"

#include "crypto/Ed25519ToCurve25519.h"
#include "crypto/HmacSha512256.h"
#include "crypto/SecretBox.h"
#include "crypto/Sha256.h"

#include <array>
#include <cstring>

namespace orion::net {

using crypto::Ed25519;
using crypto::SecretBox;
using crypto::Sha256;

namespace {

// Layout of the secrets buffer. One allocation per handshake keeps the guarded-memory
// cost (an mmap and mprotects per buffer) out of the handshake rate.
enum Offsets : std::size_t {
    kN = 0,                  // network key
    kAb = kN + 32,           // X25519(ae, Be)
    kABig = kAb + 32,        // X25519(ae, curve(B))
    kAbBig = kABig + 32,     // X25519(curve(a), Be)
    kOwnCurve = kAbBig + 32, // curve(own long-term secret)
    kHashAb = kOwnCurve + 32,
    kKey3 = kHashAb + 32,
    kKey4 = kKey3 + 32,
    kK = kKey4 + 32,
    kEphemeral = kK + 32,  // own ephemeral X25519 secret
    kH = kEphemeral + 32,  // client's signature, 64 bytes
    kPlain = kH + 64,      // msg3/msg4 plaintext, up to 96 bytes
    kSigned = kPlain + 96, // message being signed or verified, up to 160 bytes
    kEncryptionKey = kSigned + 160,
    kDecryptionKey = kEncryptionKey + 32,
    kTotal = kDecryptionKey + 32,
};

const std::uint8_t *u8(const QByteArray &bytes) {
    return reinterpret_cast<const std::uint8_t *>(bytes.constData());
}

const std::uint8_t kZeroNonce[SecretBox::kNonceBytes] = {};

} // namespace

SecretHandshake SecretHandshake::client(std::shared_ptr<const Ed25519> longTerm,
                                        QByteArrayView networkKey, QByteArrayView serverPublicKey,
                                        crypto::X25519 ephemeral) {
    SecretHandshake hs;
    hs.m_role = Role::Client;
    hs.m_longTerm = std::move(longTerm);
    hs.start(std::move(ephemeral));
    if (!hs.m_longTerm || hs.m_longTerm->isNull()) {
        hs.fail(QStringLiteral("no long-term key"));
        return hs;
    }
    if (networkKey.size() != kNetworkKeyBytes) {
        hs.fail(QStringLiteral("the network key has 32 bytes"));
        return hs;
    }
    if (serverPublicKey.size() != Ed25519::kPublicKeyBytes) {
        hs.fail(QStringLiteral("the server's public key has 32 bytes"));
        return hs;
    }
    std::memcpy(hs.m_secrets.data() + kN, networkKey.data(), kNetworkKeyBytes);
    hs.m_remotePublicKey = serverPublicKey.toByteArray();

    // msg1 = hmac_N(Ae) || Ae
    hs.m_output.resize(kMsg1Bytes);
    auto *out = reinterpret_cast<std::uint8_t *>(hs.m_output.data());
    crypto::HmacSha512256::mac(out, hs.m_secrets.data() + kN, u8(hs.m_ephemeralPublic), 32);
    std::memcpy(out + 32, hs.m_ephemeralPublic.constData(), 32);
    hs.m_msg1Mac = hs.m_output.first(32);
    hs.m_state = State::AwaitingMsg2;
    return hs;
}

SecretHandshake SecretHandshake::server(std::shared_ptr<const Ed25519> longTerm,
                                        QByteArrayView networkKey, crypto::X25519 ephemeral) {
    SecretHandshake hs;
    hs.m_role = Role::Server;
    hs.m_longTerm = std::move(longTerm);
    hs.start(std::move(ephemeral));
    if (!hs.m_longTerm || hs.m_longTerm->isNull()) {
        hs.fail(QStringLiteral("no long-term key"));
        return hs;
    }
    if (networkKey.size() != kNetworkKeyBytes) {
        hs.fail(QStringLiteral("the network key has 32 bytes"));
        return hs;
    }
    std::memcpy(hs.m_secrets.data() + kN, networkKey.data(), kNetworkKeyBytes);
    hs.m_state = State::AwaitingMsg1;
    return hs;
}

void SecretHandshake::start(crypto::X25519 ephemeral) {
    // The ephemeral secret lives in the one secrets buffer; a fresh one is made in place.
    m_secrets = crypto::SecureBuffer(kTotal);
    m_ephemeralPublic.resize(crypto::X25519::kPublicKeyBytes);
    auto *pk = reinterpret_cast<std::uint8_t *>(m_ephemeralPublic.data());
    if (ephemeral.isNull()) {
        crypto::X25519::generate(pk, m_secrets.data() + kEphemeral);
    } else {
        std::memcpy(m_secrets.data() + kEphemeral, ephemeral.secretKey().data(), 32);
        std::memcpy(pk, ephemeral.publicKey().constData(), 32);
    }
}

SecretHandshake::~SecretHandshake() {
    if (!m_in.isEmpty()) {
        crypto::wipe(m_in.data(), std::size_t(m_in.size()));
    }
}

int SecretHandshake::expectedSize() const {
    switch (m_state) {
    case State::AwaitingMsg1:
        return kMsg1Bytes;
    case State::AwaitingMsg2:
        return kMsg2Bytes;
    case State::AwaitingMsg3:
        return kMsg3Bytes;
    case State::AwaitingMsg4:
        return kMsg4Bytes;
    case State::Done:
    case State::Failed:
        break;
    }
    return 0;
}

int SecretHandshake::bytesWanted() const {
    const int expected = expectedSize();
    return expected == 0 ? 0 : expected - int(m_in.size());
}

qsizetype SecretHandshake::feed(QByteArrayView bytes) {
    qsizetype consumed = 0;
    while (consumed < bytes.size()) {
        const int wanted = bytesWanted();
        if (wanted == 0) {
            break;
        }
        const qsizetype take = std::min<qsizetype>(wanted, bytes.size() - consumed);
        m_in.append(bytes.sliced(consumed, take));
        consumed += take;
        if (bytesWanted() > 0) {
            break;
        }
        switch (m_state) {
        case State::AwaitingMsg1:
            processMsg1();
            break;
        case State::AwaitingMsg2:
            processMsg2();
            break;
        case State::AwaitingMsg3:
            processMsg3();
            break;
        case State::AwaitingMsg4:
            processMsg4();
            break;
        case State::Done:
        case State::Failed:
            break;
        }
        crypto::wipe(m_in.data(), std::size_t(m_in.size()));
        m_in.clear();
    }
    return consumed;
}

QByteArray SecretHandshake::takeOutput() {
    return std::exchange(m_output, {});
}

BoxStreamKeys SecretHandshake::takeKeys() {
    return std::move(m_keys);
}

bool SecretHandshake::fail(const QString &reason) {
    m_state = State::Failed;
    m_error = reason;
    m_output.clear();
    m_keys = {};
    m_secrets = {};
    return false;
}

void SecretHandshake::processMsg1() {
    // Server: msg1 = hmac_N(Ae) || Ae
    const auto *msg = u8(m_in);
    std::uint8_t *s = m_secrets.data();
    if (!crypto::HmacSha512256::verify(msg, s + kN, msg + 32, 32)) {
        fail(QStringLiteral("msg1 failed to authenticate (wrong network key?)"));
        return;
    }
    m_remoteEphemeral = m_in.sliced(32, 32);
    m_msg1Mac = m_in.first(32);
    if (!crypto::X25519::scalarMult(s + kAb, s + kEphemeral, u8(m_remoteEphemeral))) {
        fail(QStringLiteral("msg1 carries a low-order ephemeral key"));
        return;
    }
    Sha256::hash(s + kHashAb, s + kAb, 32);

    m_output.resize(kMsg2Bytes);
    auto *out = reinterpret_cast<std::uint8_t *>(m_output.data());
    crypto::HmacSha512256::mac(out, s + kN, u8(m_ephemeralPublic), 32);
    std::memcpy(out + 32, m_ephemeralPublic.constData(), 32);
    m_msg2Mac = m_output.first(32);
    m_state = State::AwaitingMsg3;
}

void SecretHandshake::processMsg2() {
    // Client: msg2 = hmac_N(Be) || Be
    const auto *msg = u8(m_in);
    std::uint8_t *s = m_secrets.data();
    if (!crypto::HmacSha512256::verify(msg, s + kN, msg + 32, 32)) {
        fail(QStringLiteral("msg2 failed to authenticate (wrong network key?)"));
        return;
    }
    m_remoteEphemeral = m_in.sliced(32, 32);
    m_msg2Mac = m_in.first(32);
    const std::uint8_t *ae = s + kEphemeral;
    if (!crypto::X25519::scalarMult(s + kAb, ae, u8(m_remoteEphemeral))) {
        fail(QStringLiteral("msg2 carries a low-order ephemeral key"));
        return;
    }
    std::array<std::uint8_t, 32> curveB;
    if (!crypto::Ed25519ToCurve25519::publicKey(curveB.data(), u8(m_remotePublicKey))) {
        fail(QStringLiteral("the server's public key is not a valid Ed25519 key"));
        return;
    }
    if (!crypto::X25519::scalarMult(s + kABig, ae, curveB.data())) {
        fail(QStringLiteral("the server's public key has low order"));
        return;
    }
    Sha256::hash(s + kHashAb, s + kAb, 32);

    // H = sign_a(N || B || sha256(ab))
    std::uint8_t *signedMsg = s + kSigned;
    std::memcpy(signedMsg, s + kN, 32);
    std::memcpy(signedMsg + 32, m_remotePublicKey.constData(), 32);
    std::memcpy(signedMsg + 64, s + kHashAb, 32);
    const QByteArray h =
        m_longTerm->sign(QByteArrayView(reinterpret_cast<const char *>(signedMsg), 96));
    std::memcpy(s + kH, h.constData(), 64);

    // key3 = sha256(N || ab || aB); msg3 = box(H || A)
    Sha256().update(s + kN, 32).update(s + kAb, 32).update(s + kABig, 32).finish(s + kKey3);
    std::memcpy(s + kPlain, s + kH, 64);
    std::memcpy(s + kPlain + 64, m_longTerm->publicKey().constData(), 32);
    m_output.resize(kMsg3Bytes);
    SecretBox::sealEasy(reinterpret_cast<std::uint8_t *>(m_output.data()), s + kPlain, 96,
                        kZeroNonce, s + kKey3);
    m_state = State::AwaitingMsg4;
}

void SecretHandshake::processMsg3() {
    // Server: msg3 = box(H || A, sha256(N || ab || aB))
    std::uint8_t *s = m_secrets.data();
    if (!crypto::Ed25519ToCurve25519::secretKey(s + kOwnCurve, m_longTerm->secretKey().data())) {
        fail(QStringLiteral("the long-term secret key cannot be converted"));
        return;
    }
    if (!crypto::X25519::scalarMult(s + kABig, s + kOwnCurve, u8(m_remoteEphemeral))) {
        fail(QStringLiteral("msg1 carries a low-order ephemeral key"));
        return;
    }
    Sha256().update(s + kN, 32).update(s + kAb, 32).update(s + kABig, 32).finish(s + kKey3);
    if (!SecretBox::openEasy(s + kPlain, u8(m_in), kMsg3Bytes, kZeroNonce, s + kKey3)) {
        fail(QStringLiteral("msg3 failed to decrypt"));
        return;
    }
    std::memcpy(s + kH, s + kPlain, 64);
    const QByteArray clientKey(reinterpret_cast<const char *>(s + kPlain + 64), 32);

    std::uint8_t *signedMsg = s + kSigned;
    std::memcpy(signedMsg, s + kN, 32);
    std::memcpy(signedMsg + 32, m_longTerm->publicKey().constData(), 32);
    std::memcpy(signedMsg + 64, s + kHashAb, 32);
    if (!Ed25519::verify(clientKey, QByteArrayView(reinterpret_cast<const char *>(signedMsg), 96),
                         QByteArrayView(reinterpret_cast<const char *>(s + kH), 64))) {
        fail(QStringLiteral("msg3 carries a bad client signature"));
        return;
    }
    std::array<std::uint8_t, 32> curveA;
    if (!crypto::Ed25519ToCurve25519::publicKey(curveA.data(), u8(clientKey))) {
        fail(QStringLiteral("the client's public key is not a valid Ed25519 key"));
        return;
    }
    if (!crypto::X25519::scalarMult(s + kAbBig, s + kEphemeral, curveA.data())) {
        fail(QStringLiteral("the client's public key has low order"));
        return;
    }
    m_remotePublicKey = clientKey;

    // key4 = sha256(N || ab || aB || Ab); msg4 = box(sign_b(N || H || A || sha256(ab)))
    Sha256()
        .update(s + kN, 32)
        .update(s + kAb, 32)
        .update(s + kABig, 32)
        .update(s + kAbBig, 32)
        .finish(s + kKey4);
    std::memcpy(signedMsg, s + kN, 32);
    std::memcpy(signedMsg + 32, s + kH, 64);
    std::memcpy(signedMsg + 96, clientKey.constData(), 32);
    std::memcpy(signedMsg + 128, s + kHashAb, 32);
    const QByteArray sig =
        m_longTerm->sign(QByteArrayView(reinterpret_cast<const char *>(signedMsg), 160));
    m_output.resize(kMsg4Bytes);
    SecretBox::sealEasy(reinterpret_cast<std::uint8_t *>(m_output.data()), u8(sig), 64, kZeroNonce,
                        s + kKey4);
    deriveKeys();
}

void SecretHandshake::processMsg4() {
    // Client: msg4 = box(sign_b(N || H || A || sha256(ab)), sha256(N || ab || aB || Ab))
    std::uint8_t *s = m_secrets.data();
    if (!crypto::Ed25519ToCurve25519::secretKey(s + kOwnCurve, m_longTerm->secretKey().data())) {
        fail(QStringLiteral("the long-term secret key cannot be converted"));
        return;
    }
    if (!crypto::X25519::scalarMult(s + kAbBig, s + kOwnCurve, u8(m_remoteEphemeral))) {
        fail(QStringLiteral("msg2 carries a low-order ephemeral key"));
        return;
    }
    Sha256()
        .update(s + kN, 32)
        .update(s + kAb, 32)
        .update(s + kABig, 32)
        .update(s + kAbBig, 32)
        .finish(s + kKey4);
    if (!SecretBox::openEasy(s + kPlain, u8(m_in), kMsg4Bytes, kZeroNonce, s + kKey4)) {
        fail(QStringLiteral("msg4 failed to decrypt"));
        return;
    }
    std::uint8_t *signedMsg = s + kSigned;
    std::memcpy(signedMsg, s + kN, 32);
    std::memcpy(signedMsg + 32, s + kH, 64);
    std::memcpy(signedMsg + 96, m_longTerm->publicKey().constData(), 32);
    std::memcpy(signedMsg + 128, s + kHashAb, 32);
    if (!Ed25519::verify(m_remotePublicKey,
                         QByteArrayView(reinterpret_cast<const char *>(signedMsg), 160),
                         QByteArrayView(reinterpret_cast<const char *>(s + kPlain), 64))) {
        fail(QStringLiteral("msg4 carries a bad server signature"));
        return;
    }
    deriveKeys();
}

void SecretHandshake::deriveKeys() {
    // K = sha256(key4); each side encrypts with sha256(K || peer's key) and starts at the
    // nonce the peer chose (the first 24 bytes of the peer's hello MAC).
    std::uint8_t *s = m_secrets.data();
    Sha256::hash(s + kK, s + kKey4, 32);
    const bool client = m_role == Role::Client;
    const QByteArray &ownKey = m_longTerm->publicKey();
    Sha256().update(s + kK, 32).update(m_remotePublicKey).finish(s + kEncryptionKey);
    Sha256().update(s + kK, 32).update(ownKey).finish(s + kDecryptionKey);
    crypto::wipe(s, kEncryptionKey); // everything but the two stream keys
    m_keys.encryptionNonce = (client ? m_msg2Mac : m_msg1Mac).first(24);
    m_keys.decryptionNonce = (client ? m_msg1Mac : m_msg2Mac).first(24);
    m_keys.encryptionOffset = kEncryptionKey;
    m_keys.decryptionOffset = kDecryptionKey;
    m_keys.material = std::move(m_secrets);
    m_secrets = {};
    m_state = State::Done;
}

} // namespace orion::net
