// SPDX-License-Identifier: GPL-3.0-or-later
#include "SealedRouting.h"

#include "seal/SealIdentity.h"
#include "seal/SealedEnvelope.h"

namespace orion::test {

using routing::RoutedMessage;

routing::RoutedMessage SealedRouting::seal(const identity::NodeIdentity &sender,
                                           const QByteArray &receiverKey,
                                           const RoutedMessage &plain) {
    RoutedMessage out = plain.sealedShell();
    auto identity =
        seal::SealIdentity::fromEd25519(sender.keyPair().secretKey(), sender.publicKey());
    if (!identity) {
        return out;
    }
    auto sealed = seal::SealedEnvelope::seal(*identity, receiverKey, out.sealHeader(),
                                             plain.sealedPlaintext());
    if (sealed) {
        out.sealed = *sealed;
    }
    return out;
}

std::optional<RoutedMessage> SealedRouting::open(const identity::NodeIdentity &receiver,
                                                 const RoutedMessage &sealed) {
    auto identity =
        seal::SealIdentity::fromEd25519(receiver.keyPair().secretKey(), receiver.publicKey());
    if (!identity || sealed.kind != RoutedMessage::Kind::Sealed) {
        return std::nullopt;
    }
    auto opened = seal::SealedEnvelope::open(*identity, sealed.sealHeader(), sealed.sealed);
    if (!opened) {
        return std::nullopt;
    }
    auto message = sealed.withOpened(opened->plaintext, opened->senderPublicKey);
    if (!message) {
        return std::nullopt;
    }
    return *message;
}

RoutedMessage SealedRouting::data(const identity::Key160 &from, const identity::Key160 &to,
                                  const QString &service, const QCborValue &body) {
    RoutedMessage m;
    m.messageId = RoutedMessage::newMessageId();
    m.origin = m.source = from;
    m.destination = m.target = to;
    m.service = service;
    m.body = body;
    return m;
}

} // namespace orion::test
