// SPDX-License-Identifier: GPL-3.0-or-later
#include "seal/FirstMessage.h"

#include "crypto/Random.h"
#include "seal/SealAead.h"
#include "seal/SealKdf.h"
#include "seal/SealPublicKeyOps.h"

#include <QtEndian>

#include <cstring>

namespace orion::seal {

namespace {
constexpr qsizetype kKey = SealFormat::kKeyBytes;

QByteArrayView view(const std::uint8_t *p, qsizetype n = kKey) {
    return {reinterpret_cast<const char *>(p), n};
}

// One secure buffer for every secret of a message: e, es || ss, k1, ck1, k2.
struct Work {
    crypto::SecureBuffer buffer{std::size_t(6 * kKey)};
    std::uint8_t *ephemeral() { return buffer.data(); }
    std::uint8_t *es() { return buffer.data() + kKey; } // es || ss: 64 bytes
    std::uint8_t *ss() { return buffer.data() + 2 * kKey; }
    std::uint8_t *k1() { return buffer.data() + 3 * kKey; }
    std::uint8_t *ck1() { return buffer.data() + 4 * kKey; }
    std::uint8_t *k2() { return buffer.data() + 5 * kKey; }
};

const std::uint8_t *raw(QByteArrayView v) {
    return reinterpret_cast<const std::uint8_t *>(v.data());
}

QByteArray lengthOf(QByteArrayView header) {
    QByteArray out(4, Qt::Uninitialized);
    qToBigEndian<quint32>(quint32(header.size()), out.data());
    return out;
}

// h0 over the cleartext prefix, the receiver's key and the bound header.
void firstTranscript(std::uint8_t *h0, QByteArrayView prefix, QByteArrayView receiverEd,
                     QByteArrayView header) {
    SealKdf::transcript(h0, "msg1", {prefix, receiverEd, lengthOf(header), header});
}

void keepState(FirstMessage::State *keep, Work &work, const std::uint8_t *h1, QByteArrayView c2,
               QByteArrayView ephemeralPublic, const SealIdentity::Peer &peer,
               QByteArrayView peerEd, bool initiator) {
    keep->chainKey = crypto::SecureBuffer::fromBytes(view(work.ck1()));
    keep->transcript.resize(kKey);
    SealKdf::transcript(reinterpret_cast<std::uint8_t *>(keep->transcript.data()), "body",
                        {view(h1), c2});
    keep->ephemeralPublic = ephemeralPublic.toByteArray();
    keep->ephemeralSecret = initiator ? crypto::SecureBuffer::fromBytes(view(work.ephemeral()))
                                      : crypto::SecureBuffer();
    keep->peerEdPublic = peerEd.toByteArray();
    keep->peerCurvePublic = peer.curvePublicKey;
}
} // namespace

QByteArray FirstMessage::sessionIdFor(QByteArrayView ephemeralPublic) {
    std::uint8_t full[kKey];
    SealKdf::transcript(full, "session-id", {ephemeralPublic});
    return QByteArray(reinterpret_cast<const char *>(full), SealFormat::kSessionIdBytes);
}

Result<QByteArray> FirstMessage::seal(SealFormat::Type type, const SealIdentity &sender,
                                      QByteArrayView receiverEdPublicKey, QByteArrayView header,
                                      QByteArrayView plaintext, const Fixed *fixed, State *keep) {
    Q_ASSERT(type == SealFormat::Static || type == SealFormat::SessionInit);
    const SealIdentity::Peer *peer = sender.peer(receiverEdPublicKey);
    if (!peer) {
        return Result<QByteArray>::failure(
            ErrorCode::InvalidArgument,
            QStringLiteral("the receiver's public key is not a valid Ed25519 key"));
    }
    Work work;
    QByteArray out;
    out.reserve(SealFormat::kFirstOverhead + plaintext.size());
    out.append(char(SealFormat::kVersion));
    out.append(char(type));
    out.resize(SealFormat::kFirstSenderOffset);
    auto *ephemeralPublic =
        reinterpret_cast<std::uint8_t *>(out.data()) + SealFormat::kFirstEphemeralOffset;
    auto *nonce = reinterpret_cast<std::uint8_t *>(out.data()) + SealFormat::kFirstNonceOffset;
    if (fixed) {
        if (fixed->ephemeralSecret.size() != kKey ||
            fixed->nonce.size() != SealFormat::kNonceBytes) {
            return Result<QByteArray>::failure(ErrorCode::InvalidArgument,
                                               QStringLiteral("fixed values have wrong sizes"));
        }
        std::memcpy(work.ephemeral(), fixed->ephemeralSecret.constData(), kKey);
        if (!SealPublicKeyOps::publicFromSecret(ephemeralPublic, work.ephemeral())) {
            return Result<QByteArray>::failure(ErrorCode::InvalidArgument,
                                               QStringLiteral("degenerate ephemeral secret"));
        }
        std::memcpy(nonce, fixed->nonce.constData(), SealFormat::kNonceBytes);
    } else {
        SealPublicKeyOps::generate(ephemeralPublic, work.ephemeral());
        crypto::Random::fill(nonce, SealFormat::kNonceBytes);
    }
    // out grows below: keep the nonce apart from its bytes.
    std::uint8_t n[SealFormat::kNonceBytes];
    std::memcpy(n, nonce, sizeof n);

    std::uint8_t h0[kKey], h1[kKey];
    firstTranscript(h0, QByteArrayView(out), receiverEdPublicKey, header);
    if (!SealPublicKeyOps::dh(work.es(), work.ephemeral(), raw(peer->curvePublicKey))) {
        return Result<QByteArray>::failure(ErrorCode::InvalidArgument,
                                           QStringLiteral("es is degenerate"));
    }
    SealKdf::derive(work.k1(), view(work.es()), "sender-key", {view(h0)});
    SealAead::sealAppend(out, work.k1(), n, sender.edPublicKey(), view(h0));
    SealKdf::transcript(h1, "sender",
                        {view(h0), QByteArrayView(out).sliced(SealFormat::kFirstSenderOffset)});
    std::memcpy(work.ss(), peer->staticShared.data(), kKey);
    SealKdf::derive(work.ck1(), view(work.es(), 2 * kKey), "chain", {view(h1)});
    SealKdf::derive(work.k2(), view(work.ck1()), "body", {view(h1)});
    SealAead::sealAppend(out, work.k2(), n, plaintext, view(h1));
    if (keep) {
        keepState(keep, work, h1, QByteArrayView(out).sliced(SealFormat::kFirstBodyOffset),
                  QByteArrayView(out).sliced(SealFormat::kFirstEphemeralOffset, kKey), *peer,
                  receiverEdPublicKey, true);
    }
    return out;
}

Result<FirstMessage::Opened> FirstMessage::open(SealFormat::Type type, const SealIdentity &receiver,
                                                QByteArrayView header, QByteArrayView sealed,
                                                State *keep) {
    using R = Result<Opened>;
    if (sealed.size() < SealFormat::kFirstOverhead) {
        return R::failure(ErrorCode::InvalidArgument, QStringLiteral("the sealed part is short"));
    }
    if (std::uint8_t(sealed[0]) != SealFormat::kVersion) {
        return R::failure(ErrorCode::Unsupported,
                          QStringLiteral("sealed envelope version %1").arg(int(sealed[0])));
    }
    if (std::uint8_t(sealed[1]) != type) {
        return R::failure(ErrorCode::InvalidArgument,
                          QStringLiteral("sealed envelope of type %1, not %2")
                              .arg(int(std::uint8_t(sealed[1])))
                              .arg(int(type)));
    }
    const QByteArrayView ephemeralPublic = sealed.sliced(SealFormat::kFirstEphemeralOffset, kKey);
    const auto *nonce = raw(sealed.sliced(SealFormat::kFirstNonceOffset));
    const QByteArrayView c1 = sealed.sliced(SealFormat::kFirstSenderOffset, kKey + 16);
    const QByteArrayView c2 = sealed.sliced(SealFormat::kFirstBodyOffset);
    Work work;
    std::uint8_t h0[kKey], h1[kKey];
    firstTranscript(h0, sealed.first(SealFormat::kFirstSenderOffset), receiver.edPublicKey(),
                    header);
    if (!SealPublicKeyOps::dh(work.es(), receiver.curveSecretKey().data(), raw(ephemeralPublic))) {
        return R::failure(ErrorCode::Corrupt,
                          QStringLiteral("the ephemeral key is invalid or has small order"));
    }
    SealKdf::derive(work.k1(), view(work.es()), "sender-key", {view(h0)});
    std::uint8_t senderEd[kKey];
    if (!SealAead::openInto(senderEd, work.k1(), nonce, c1, view(h0))) {
        return R::failure(ErrorCode::Corrupt,
                          QStringLiteral("the sealed part does not open: altered, or not for us"));
    }
    const SealIdentity::Peer *peer = receiver.peer(view(senderEd));
    if (!peer) {
        return R::failure(ErrorCode::Corrupt,
                          QStringLiteral("the sender's key is invalid or has small order"));
    }
    SealKdf::transcript(h1, "sender", {view(h0), c1});
    std::memcpy(work.ss(), peer->staticShared.data(), kKey);
    SealKdf::derive(work.ck1(), view(work.es(), 2 * kKey), "chain", {view(h1)});
    SealKdf::derive(work.k2(), view(work.ck1()), "body", {view(h1)});
    Opened opened;
    if (!SealAead::open(opened.plaintext, work.k2(), nonce, c2, view(h1))) {
        return R::failure(ErrorCode::Corrupt,
                          QStringLiteral("the body does not open: altered, or a forged sender"));
    }
    opened.senderPublicKey = view(senderEd).toByteArray();
    if (keep) {
        keepState(keep, work, h1, c2, ephemeralPublic, *peer, view(senderEd), false);
    }
    return opened;
}

} // namespace orion::seal
