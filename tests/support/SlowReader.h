// SPDX-License-Identifier: GPL-3.0-or-later
// SlowReader: a member that completes the handshake and activation over a plain socket,
// asks the node for more than its send queue may hold (echo requests with large bodies) and
// then never reads again, so that what the node sends it piles up. It keeps sending
// keep-alives, so the node's idle limit does not end the connection. Lives on the thread
// that creates it (its socket and timer).
#pragma once

#include "identity/NetworkKey.h"
#include "identity/NodeIdentity.h"
#include "net/BoxStreamEncryptor.h"

#include <QCborValue>
#include <QObject>
#include <QTimer>

namespace orion::test {

class SlowReader : public QObject {
    Q_OBJECT

public:
    explicit SlowReader(const identity::NetworkKey &networkKey, QObject *parent = nullptr);
    ~SlowReader() override;

    // Connects to the node at 127.0.0.1:port (its key: nodeKey), completes the handshake and
    // sends its activation; false when that did not work within timeoutMs.
    bool connectTo(quint16 port, const QByteArray &nodeKey, int timeoutMs = 10000);
    // Sends `count` echo requests with bodies of `bodyBytes` to the node and stops reading:
    // the node's replies (count × bodyBytes) stay in its send queue.
    bool requestEchoes(int count, int bodyBytes);
    bool isConnected() const { return m_fd >= 0; }
    const identity::Key160 &id() const { return m_identity.nodeId(); }
    void close();

private:
    bool send(const QCborValue &message);
    // Writes all of `wire`, spinning the event loop while the socket is full.
    bool write(QByteArrayView wire, int timeoutMs = 10000);

    identity::NodeIdentity m_identity = identity::NodeIdentity::generate();
    identity::NetworkKey m_networkKey;
    identity::Key160 m_nodeId;
    QByteArray m_nodeKey;
    int m_fd = -1; // a plain descriptor: nothing reads it behind our back
    net::BoxStreamEncryptor m_encryptor;
    QTimer m_keepAlive;
};

} // namespace orion::test
