// SPDX-License-Identifier: GPL-3.0-or-later
#include "seal/SessionHandshake.h"

#include "seal/SealAead.h"
#include "seal/SealKdf.h"
#include "seal/SealPublicKeyOps.h"

#include <QtEndian>

#include <cstring>

namespace orion::seal {

namespace {
constexpr qsizetype kKey = SealFormat::kKeyBytes;
constexpr std::uint8_t kZeroNonce[SealFormat::kNonceBytes] = {};

QByteArrayView view(const std::uint8_t *p, qsizetype n = kKey) {
    return {reinterpret_cast<const char *>(p), n};
}

const std::uint8_t *raw(QByteArrayView v) {
    return reinterpret_cast<const std::uint8_t *>(v.data());
}

// Secrets of the second message: e', ee || se, ck2, k3.
struct Work {
    crypto::SecureBuffer buffer{std::size_t(5 * kKey)};
    std::uint8_t *ephemeral() { return buffer.data(); }
    std::uint8_t *ee() { return buffer.data() + kKey; }
    std::uint8_t *se() { return buffer.data() + 2 * kKey; }
    std::uint8_t *ck2() { return buffer.data() + 3 * kKey; }
    std::uint8_t *k3() { return buffer.data() + 4 * kKey; }
};

void responseTranscript(std::uint8_t *h3, QByteArrayView h2, QByteArrayView prefix,
                        QByteArrayView header) {
    QByteArray length(4, Qt::Uninitialized);
    qToBigEndian<quint32>(quint32(header.size()), length.data());
    SealKdf::transcript(h3, "response", {h2, prefix, length, header});
}

// ck2, k3 and both directions' keys from ee, se and h3 (ee and se already in work).
void schedule(Work &work, const crypto::SecureBuffer &ck1, const std::uint8_t *h3,
              crypto::SecureBuffer &initiatorToResponder,
              crypto::SecureBuffer &responderToInitiator) {
    SealKdf::derive(work.ck2(), ck1.view(), "chain2", {view(work.ee()), view(work.se()), view(h3)});
    SealKdf::derive(work.k3(), view(work.ck2()), "response", {view(h3)});
    initiatorToResponder = crypto::SecureBuffer(kKey);
    responderToInitiator = crypto::SecureBuffer(kKey);
    SealKdf::derive(initiatorToResponder.data(), view(work.ck2()), "initiator-to-responder",
                    {view(h3)});
    SealKdf::derive(responderToInitiator.data(), view(work.ck2()), "responder-to-initiator",
                    {view(h3)});
}
} // namespace

QByteArray SessionHandshake::sessionIdOf(QByteArrayView sealed) {
    if (sealed.size() < 2 + SealFormat::kSessionIdBytes ||
        std::uint8_t(sealed[0]) != SealFormat::kVersion ||
        (std::uint8_t(sealed[1]) != SealFormat::SessionResponse &&
         std::uint8_t(sealed[1]) != SealFormat::SessionData)) {
        return {};
    }
    return sealed.sliced(2, SealFormat::kSessionIdBytes).toByteArray();
}

Result<SessionHandshake::Started> SessionHandshake::initiate(const SealIdentity &initiator,
                                                             QByteArrayView responderEdPublicKey,
                                                             QByteArrayView header,
                                                             QByteArrayView plaintext,
                                                             const FirstMessage::Fixed *fixed) {
    Started started;
    auto sealed = FirstMessage::seal(SealFormat::SessionInit, initiator, responderEdPublicKey,
                                     header, plaintext, fixed, &started.pending.state);
    if (!sealed) {
        return Result<Started>::failure(sealed.errorValue());
    }
    started.sealed = std::move(sealed).value();
    started.pending.sessionId = FirstMessage::sessionIdFor(started.pending.state.ephemeralPublic);
    return started;
}

Result<SessionHandshake::Accepted> SessionHandshake::accept(const SealIdentity &responder,
                                                            QByteArrayView header,
                                                            QByteArrayView sealed) {
    Accepted accepted;
    auto opened =
        FirstMessage::open(SealFormat::SessionInit, responder, header, sealed, &accepted.state);
    if (!opened) {
        return Result<Accepted>::failure(opened.errorValue());
    }
    accepted.senderPublicKey = std::move(opened->senderPublicKey);
    accepted.plaintext = std::move(opened->plaintext);
    accepted.sessionId = FirstMessage::sessionIdFor(accepted.state.ephemeralPublic);
    return accepted;
}

Result<SessionHandshake::Responded>
SessionHandshake::respond(Accepted accepted, QByteArrayView header, QByteArrayView plaintext,
                          qint64 nowMs, QByteArrayView fixedEphemeralSecret) {
    using R = Result<Responded>;
    Work work;
    QByteArray out;
    out.reserve(SealFormat::kResponseOverhead + plaintext.size());
    out.append(char(SealFormat::kVersion));
    out.append(char(SealFormat::SessionResponse));
    out.append(accepted.sessionId);
    out.resize(SealFormat::kResponseBodyOffset);
    auto *ephemeralPublic =
        reinterpret_cast<std::uint8_t *>(out.data()) + SealFormat::kResponseEphemeralOffset;
    if (!fixedEphemeralSecret.isEmpty()) {
        if (fixedEphemeralSecret.size() != kKey) {
            return R::failure(ErrorCode::InvalidArgument,
                              QStringLiteral("a fixed ephemeral secret has 32 bytes"));
        }
        std::memcpy(work.ephemeral(), fixedEphemeralSecret.data(), kKey);
        if (!SealPublicKeyOps::publicFromSecret(ephemeralPublic, work.ephemeral())) {
            return R::failure(ErrorCode::InvalidArgument,
                              QStringLiteral("degenerate ephemeral secret"));
        }
    } else {
        SealPublicKeyOps::generate(ephemeralPublic, work.ephemeral());
    }
    std::uint8_t h3[kKey];
    responseTranscript(h3, accepted.state.transcript, QByteArrayView(out), header);
    if (!SealPublicKeyOps::dh(work.ee(), work.ephemeral(), raw(accepted.state.ephemeralPublic)) ||
        !SealPublicKeyOps::dh(work.se(), work.ephemeral(), raw(accepted.state.peerCurvePublic))) {
        return R::failure(ErrorCode::Corrupt, QStringLiteral("ee or se is degenerate"));
    }
    crypto::SecureBuffer toResponder, toInitiator;
    schedule(work, accepted.state.chainKey, h3, toResponder, toInitiator);
    SealAead::sealAppend(out, work.k3(), kZeroNonce, plaintext, view(h3));
    Responded responded;
    responded.sealed = std::move(out);
    responded.session =
        SessionKeys(accepted.sessionId, SessionKeys::Role::Responder, std::move(toInitiator),
                    std::move(toResponder), accepted.senderPublicKey, nowMs);
    return responded;
}

Result<SessionHandshake::Finished> SessionHandshake::finish(const SealIdentity &initiator,
                                                            Pending pending, QByteArrayView header,
                                                            QByteArrayView sealed, qint64 nowMs) {
    using R = Result<Finished>;
    if (sealed.size() < SealFormat::kResponseOverhead) {
        return R::failure(ErrorCode::InvalidArgument, QStringLiteral("the response is short"));
    }
    if (std::uint8_t(sealed[0]) != SealFormat::kVersion) {
        return R::failure(
            ErrorCode::Unsupported,
            QStringLiteral("sealed envelope version %1").arg(int(std::uint8_t(sealed[0]))));
    }
    if (std::uint8_t(sealed[1]) != SealFormat::SessionResponse ||
        sessionIdOf(sealed) != pending.sessionId || pending.state.ephemeralSecret.isEmpty()) {
        return R::failure(ErrorCode::InvalidArgument,
                          QStringLiteral("not the response to this session-init"));
    }
    const auto *responderEphemeral = raw(sealed.sliced(SealFormat::kResponseEphemeralOffset, kKey));
    Work work;
    std::uint8_t h3[kKey];
    responseTranscript(h3, pending.state.transcript, sealed.first(SealFormat::kResponseBodyOffset),
                       header);
    if (!SealPublicKeyOps::dh(work.ee(), pending.state.ephemeralSecret.data(),
                              responderEphemeral) ||
        !SealPublicKeyOps::dh(work.se(), initiator.curveSecretKey().data(), responderEphemeral)) {
        return R::failure(ErrorCode::Corrupt,
                          QStringLiteral("the responder's ephemeral key is invalid or small"));
    }
    crypto::SecureBuffer toResponder, toInitiator;
    schedule(work, pending.state.chainKey, h3, toResponder, toInitiator);
    Finished finished;
    if (!SealAead::open(finished.plaintext, work.k3(), kZeroNonce,
                        sealed.sliced(SealFormat::kResponseBodyOffset), view(h3))) {
        return R::failure(ErrorCode::Corrupt,
                          QStringLiteral("the response does not open: altered, or not from the "
                                         "responder"));
    }
    finished.session =
        SessionKeys(pending.sessionId, SessionKeys::Role::Initiator, std::move(toResponder),
                    std::move(toInitiator), pending.state.peerEdPublic, nowMs);
    return finished;
}

} // namespace orion::seal
