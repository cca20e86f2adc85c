// SPDX-License-Identifier: GPL-3.0-or-later
#include "seal/SessionKeys.h"

#include "seal/SealAead.h"
#include "seal/SealFormat.h"

#include <QVarLengthArray>
#include <QtEndian>

#include <algorithm>
#include <array>
#include <cstring>

namespace orion::seal {

namespace {
using Nonce = std::array<std::uint8_t, SealFormat::kNonceBytes>;

Nonce nonceFor(std::uint64_t counter) {
    Nonce nonce{};
    qToBigEndian<quint64>(counter, nonce.data() + SealFormat::kNonceBytes - 8);
    return nonce;
}

// ad = the 18-byte prefix || header, on the stack for ordinary headers.
using Associated = QVarLengthArray<char, 256>;
void associated(Associated &ad, QByteArrayView prefix, QByteArrayView header) {
    ad.resize(prefix.size() + header.size());
    std::memcpy(ad.data(), prefix.data(), std::size_t(prefix.size()));
    if (!header.isEmpty()) {
        std::memcpy(ad.data() + prefix.size(), header.data(), std::size_t(header.size()));
    }
}
} // namespace

SessionKeys::SessionKeys(QByteArray sessionId, Role role, crypto::SecureBuffer sendKey,
                         crypto::SecureBuffer receiveKey, QByteArray peerPublicKey,
                         qint64 createdAtMs)
    : m_id(std::move(sessionId))
    , m_role(role)
    , m_sendKey(std::move(sendKey))
    , m_receiveKey(std::move(receiveKey))
    , m_peer(std::move(peerPublicKey))
    , m_createdAtMs(createdAtMs) {
    Q_ASSERT(m_id.size() == SealFormat::kSessionIdBytes);
    Q_ASSERT(m_sendKey.size() == std::size_t(SealFormat::kKeyBytes));
    Q_ASSERT(m_receiveKey.size() == std::size_t(SealFormat::kKeyBytes));
}

bool SessionKeys::needsRenewal(qint64 nowMs) const {
    return nowMs - m_createdAtMs >= kRenewAfterMs || m_nextSend >= kRenewAfterMessages ||
           (!m_window.empty() && m_window.highest() + 1 >= kRenewAfterMessages);
}

void SessionKeys::skipSendCounterTo(std::uint64_t counter) {
    m_nextSend = std::max(m_nextSend, counter);
}

Result<QByteArray> SessionKeys::seal(QByteArrayView header, QByteArrayView plaintext) {
    if (isNull()) {
        return Result<QByteArray>::failure(ErrorCode::InvalidArgument,
                                           QStringLiteral("no session"));
    }
    if (m_nextSend >= kHardMessageLimit) {
        return Result<QByteArray>::failure(
            ErrorCode::Refused, QStringLiteral("the session is used up: renew it first"));
    }
    const std::uint64_t counter = m_nextSend++;
    QByteArray out;
    out.reserve(SealFormat::kDataOverhead + plaintext.size());
    out.append(char(SealFormat::kVersion));
    out.append(char(SealFormat::SessionData));
    out.append(m_id);
    out.resize(SealFormat::kDataBodyOffset);
    qToBigEndian<quint64>(counter, out.data() + SealFormat::kDataCounterOffset);
    Associated ad;
    associated(ad, QByteArrayView(out), header);
    const Nonce nonce = nonceFor(counter);
    SealAead::sealAppend(out, m_sendKey.data(), nonce.data(), plaintext,
                         QByteArrayView(ad.constData(), ad.size()));
    return out;
}

Result<QByteArray> SessionKeys::open(QByteArrayView header, QByteArrayView sealed) {
    using R = Result<QByteArray>;
    if (isNull() || sealed.size() < SealFormat::kDataOverhead) {
        return R::failure(ErrorCode::InvalidArgument, QStringLiteral("the sealed part is short"));
    }
    if (std::uint8_t(sealed[0]) != SealFormat::kVersion) {
        return R::failure(
            ErrorCode::Unsupported,
            QStringLiteral("sealed envelope version %1").arg(int(std::uint8_t(sealed[0]))));
    }
    if (std::uint8_t(sealed[1]) != SealFormat::SessionData ||
        sealed.sliced(SealFormat::kDataSessionOffset, SealFormat::kSessionIdBytes) !=
            QByteArrayView(m_id)) {
        return R::failure(ErrorCode::InvalidArgument,
                          QStringLiteral("not a data message of this session"));
    }
    const std::uint64_t counter =
        qFromBigEndian<quint64>(sealed.data() + SealFormat::kDataCounterOffset);
    switch (m_window.check(counter)) {
    case ReplayWindow::Verdict::Fresh:
        break;
    case ReplayWindow::Verdict::Duplicate:
        return R::failure(ErrorCode::AlreadyExists, QStringLiteral("a replayed message"));
    case ReplayWindow::Verdict::TooOld:
        return R::failure(ErrorCode::AlreadyExists,
                          QStringLiteral("a message older than the replay window"));
    }
    Associated ad;
    associated(ad, sealed.first(SealFormat::kDataBodyOffset), header);
    const Nonce nonce = nonceFor(counter);
    QByteArray plain;
    if (!SealAead::open(plain, m_receiveKey.data(), nonce.data(),
                        sealed.sliced(SealFormat::kDataBodyOffset),
                        QByteArrayView(ad.constData(), ad.size()))) {
        return R::failure(ErrorCode::Corrupt,
                          QStringLiteral("the message does not open: altered bytes or header"));
    }
    m_window.accept(counter);
    ++m_received;
    return plain;
}

} // namespace orion::seal
