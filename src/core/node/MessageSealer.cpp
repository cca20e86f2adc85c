// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/MessageSealer.h"

#include "crypto/Ed25519.h"
#include "overlay/ProviderRecord.h"
#include "routing/NodeInfo.h"
#include "seal/SealedEnvelope.h"

namespace orion::node {

using identity::Key160;
using routing::RoutedMessage;

namespace {
constexpr std::size_t kHostCacheLimit = 1024;
}

MessageSealer::MessageSealer(const crypto::Ed25519 &nodeKey, ContainerKey containerKey,
                             ContainerKeys containerKeys, HostRecord hostRecord,
                             Clock wallClockSecs)
    : m_nodeKey(nodeKey)
    , m_nodeId(routing::NodeInfo::idForPublicKey(nodeKey.publicKey()))
    , m_containerKey(std::move(containerKey))
    , m_containerKeys(std::move(containerKeys))
    , m_hostRecord(std::move(hostRecord))
    , m_wallClockSecs(std::move(wallClockSecs)) {
    if (auto identity = seal::SealIdentity::fromEd25519(nodeKey.secretKey(), nodeKey.publicKey())) {
        m_node = std::move(*identity);
    }
}

const QByteArray &MessageSealer::nodeKeyBytes() const {
    return m_nodeKey.publicKey();
}

const seal::SealIdentity *MessageSealer::identityFor(const Key160 &endpoint) {
    if (endpoint == m_nodeId) {
        return m_node.isNull() ? nullptr : &m_node;
    }
    if (auto it = m_containers.find(endpoint); it != m_containers.end()) {
        // Still hosted? A removed container's messages are no longer this node's to open.
        if (m_containerKey && m_containerKey(endpoint)) {
            return &it->second;
        }
        m_containers.erase(it);
        return nullptr;
    }
    const crypto::Ed25519 *key = m_containerKey ? m_containerKey(endpoint) : nullptr;
    if (!key) {
        return nullptr;
    }
    auto identity = seal::SealIdentity::fromEd25519(key->secretKey(), key->publicKey());
    if (!identity) {
        return nullptr;
    }
    return &m_containers.insert_or_assign(endpoint, std::move(*identity)).first->second;
}

Result<RoutedMessage> MessageSealer::seal(const RoutedMessage &message,
                                          const QByteArray &receiverKey) {
    using R = Result<RoutedMessage>;
    const seal::SealIdentity *sender = identityFor(message.source);
    if (!sender) {
        return R::failure(ErrorCode::NotFound,
                          QStringLiteral("this node holds no key for the endpoint %1")
                              .arg(message.source.toHex()));
    }
    RoutedMessage inner = message;
    if (message.source != m_nodeId && m_hostRecord) {
        inner.hostRecord = m_hostRecord(message.source);
    }
    RoutedMessage out = message.sealedShell();
    auto sealed =
        seal::SealedEnvelope::seal(*sender, receiverKey, out.sealHeader(), inner.sealedPlaintext());
    if (!sealed) {
        return R::failure(sealed.error());
    }
    out.sealed = std::move(*sealed);
    ++m_stats.sealed;
    return out;
}

Result<RoutedMessage> MessageSealer::open(const RoutedMessage &message) {
    using R = Result<RoutedMessage>;
    const QByteArray header = message.sealHeader();
    std::vector<Key160> candidates{m_nodeId};
    if (m_containerKeys) {
        const auto hosted = m_containerKeys();
        candidates.insert(candidates.end(), hosted.begin(), hosted.end());
    }
    for (const Key160 &endpoint : candidates) {
        const seal::SealIdentity *identity = identityFor(endpoint);
        if (!identity) {
            continue;
        }
        auto opened = seal::SealedEnvelope::open(*identity, header, message.sealed);
        if (!opened) {
            continue; // another endpoint's, or altered: the next key may open it
        }
        if (!m_seen.insert(message.sealed)) {
            ++m_stats.replays;
            return R::failure(ErrorCode::AlreadyExists,
                              QStringLiteral("a sealed part opened here before (a replay)"));
        }
        auto result = message.withOpened(opened->plaintext, opened->senderPublicKey);
        if (!result) {
            ++m_stats.notOpened;
            return R::failure(ErrorCode::InvalidArgument, result.error());
        }
        if (result->target != endpoint) {
            // Sealed for one endpoint, naming another: nothing any honest sender makes.
            ++m_stats.notOpened;
            return R::failure(ErrorCode::InvalidArgument,
                              QStringLiteral("sealed for %1 but naming %2 as its target")
                                  .arg(endpoint.toHex(), result->target.toHex()));
        }
        result->originAuthenticated = originHosts(*result);
        ++m_stats.opened;
        return result;
    }
    ++m_stats.notOpened;
    return R::failure(ErrorCode::NotFound,
                      QStringLiteral("the sealed part opens for no endpoint of this node"));
}

bool MessageSealer::originHosts(const RoutedMessage &opened) {
    if (opened.source == opened.origin) {
        return true; // the origin node sealed it itself
    }
    if (auto it = m_hosts.find(opened.source); it != m_hosts.end() && it->second == opened.origin) {
        return true;
    }
    if (opened.hostRecord.isEmpty()) {
        return false;
    }
    auto record = overlay::ProviderRecord::fromCbor(opened.hostRecord);
    if (!record || record->containerKey != opened.source || record->hostId != opened.origin ||
        !record->verify(m_wallClockSecs())) {
        return false;
    }
    if (m_hosts.size() >= kHostCacheLimit) {
        m_hosts.erase(m_hosts.begin());
    }
    m_hosts.insert_or_assign(opened.source, opened.origin);
    return true;
}

void MessageSealer::signReport(RoutedMessage &error) const {
    error.reporterKey = m_nodeKey.publicKey();
    error.reporterSignature = m_nodeKey.sign(error.reportSignedBytes());
}

bool MessageSealer::verifyReport(const RoutedMessage &error) {
    const bool valid = error.reporterKey.size() == 32 &&
                       routing::NodeInfo::idForPublicKey(error.reporterKey) == error.origin &&
                       crypto::Ed25519::verify(error.reporterKey, error.reportSignedBytes(),
                                               error.reporterSignature);
    if (!valid) {
        ++m_stats.badReports;
    }
    return valid;
}

} // namespace orion::node
