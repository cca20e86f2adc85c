// SPDX-License-Identifier: GPL-3.0-or-later
// TransportHarness: helpers for loopback transport tests: nodes (ConnectionManagers),
// a raw socket peer that speaks the handshake by hand, and a close-log recorder. Test thread.
#pragma once

#include "crypto/Ed25519.h"
#include "net/BoxStreamEncryptor.h"
#include "net/ConnectionManager.h"
#include "net/SecretHandshake.h"

#include <QCborMap>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QtTest>

#include <sys/resource.h>

#include <memory>

namespace orion::test {

inline const QByteArray kNetworkKey =
    QByteArray::fromHex("5f1ad2e0c7a4c2ab3b1e2fd0e3a1b8c6d7e9f0a1b2c3d4e5f60718293a4b5c6d");

inline net::TransportConfig quickConfig() {
    net::TransportConfig c;
    c.handshakeTimeout = std::chrono::milliseconds(3000);
    c.idleTimeout = std::chrono::milliseconds(20000);
    c.keepAliveInterval = std::chrono::milliseconds(5000);
    c.maxInbound = 2000;
    c.maxHandshaking = 2000;
    c.maxPerAddress = 2000;
    c.maxHandshakingPerAddress = 2000;
    c.maxHandshakingPerSubnet = 2000;
    c.acceptsPerSecondPerAddress = 2000;
    return c;
}

// One node's transport: identity, manager, and records of what happened.
struct Node {
    explicit Node(net::TransportConfig config = quickConfig(), bool listen = true)
        : identity(crypto::Ed25519::generate())
        , manager(std::make_unique<net::ConnectionManager>(identity, kNetworkKey, config)) {
        QObject::connect(manager.get(), &net::ConnectionManager::connectionClosed, manager.get(),
                         [this](net::PeerConnection *c, const QString &reason) {
                             closeReasons.append(reason);
                             closedInbound += c->isInbound() ? 1 : 0;
                         });
        QObject::connect(manager.get(), &net::ConnectionManager::connectionEstablished,
                         manager.get(), [this](net::PeerConnection *) { ++established; });
        QObject::connect(manager.get(), &net::ConnectionManager::messageReceived, manager.get(),
                         [this](net::PeerConnection *, const QCborValue &m) { inbox.append(m); });
        if (listen) {
            const Status s = manager->listen(QHostAddress::LocalHost, 0);
            Q_ASSERT(s.ok());
        }
    }
    QByteArray publicKey() const { return identity.publicKey(); }
    quint16 port() const { return manager->listenPort(); }
    int countReasons(const QString &prefix) const {
        int n = 0;
        for (const QString &r : closeReasons) {
            n += r.startsWith(prefix) ? 1 : 0;
        }
        return n;
    }

    crypto::Ed25519 identity;
    std::unique_ptr<net::ConnectionManager> manager;
    QStringList closeReasons;
    int closedInbound = 0;
    int established = 0;
    QList<QCborValue> inbox;
};

// Dials `to` from `from`, waits for both sides, sends a few messages both ways and
// checks they arrive: proof that a node is still serving well-behaved peers.
inline bool exchange(Node &from, Node &to, int messages = 20) {
    net::PeerConnection *c =
        from.manager->connectTo(QStringLiteral("127.0.0.1"), to.port(), to.publicKey());
    if (!QTest::qWaitFor([&] { return c->isEstablished(); }, 20000)) {
        return false;
    }
    if (!QTest::qWaitFor([&] { return to.manager->connectionFor(from.publicKey()); }, 20000)) {
        return false;
    }
    net::PeerConnection *back = to.manager->connectionFor(from.publicKey());
    const qsizetype toBefore = to.inbox.size(), fromBefore = from.inbox.size();
    for (int i = 0; i < messages; ++i) {
        c->send(QCborMap{{QStringLiteral("ping"), i}});
        back->send(QCborMap{{QStringLiteral("pong"), i}});
    }
    const bool ok = QTest::qWaitFor(
        [&] {
            return to.inbox.size() - toBefore >= messages &&
                   from.inbox.size() - fromBefore >= messages;
        },
        20000);
    if (!ok) {
        return false;
    }
    for (int i = 0; i < messages; ++i) {
        if (to.inbox.at(toBefore + i).toMap().value(QStringLiteral("ping")).toInteger() != i) {
            return false;
        }
    }
    c->close(QStringLiteral("exchange done"));
    return QTest::qWaitFor([&] { return !to.manager->connectionFor(from.publicKey()); }, 20000);
}

// A peer driven by hand over a plain socket, for sending exactly the bytes a test wants.
struct RawPeer {
    explicit RawPeer(quint16 port) {
        socket.connectToHost(QHostAddress::LocalHost, port);
        connected = socket.waitForConnected(10000);
    }

    // Completes a valid handshake with the node; the box stream keys are then ready. The
    // node runs on this thread too, so this waits by spinning the event loop.
    bool handshake(const QByteArray &serverKey) {
        auto hs = net::SecretHandshake::client(
            std::make_shared<const crypto::Ed25519>(identity.clone()), kNetworkKey, serverKey);
        socket.write(hs.takeOutput());
        const auto connection = QObject::connect(&socket, &QTcpSocket::readyRead, [&] {
            hs.feed(socket.readAll());
            if (hs.hasOutput()) {
                socket.write(hs.takeOutput());
            }
        });
        const bool ended = QTest::qWaitFor([&] { return hs.isDone() || hs.hasFailed(); }, 10000);
        QObject::disconnect(connection);
        if (!ended || !hs.isDone()) {
            return false;
        }
        keys = hs.takeKeys();
        encryptor = net::BoxStreamEncryptor(crypto::SecureBuffer::fromBytes(keys.encryptionKey()),
                                            keys.encryptionNonce);
        return true;
    }

    void write(const QByteArray &bytes) {
        socket.write(bytes);
        socket.flush();
    }

    crypto::Ed25519 identity = crypto::Ed25519::generate();
    QTcpSocket socket;
    bool connected = false;
    net::BoxStreamKeys keys;
    net::BoxStreamEncryptor encryptor;
};

// Collects "orion.net" log lines about closed connections.
class CloseLog {
public:
    CloseLog() {
        s_lines = &m_lines;
        s_previous = qInstallMessageHandler(&CloseLog::handler);
        QLoggingCategory::setFilterRules(QStringLiteral("orion.net.info=true"));
    }
    ~CloseLog() {
        qInstallMessageHandler(s_previous);
        s_lines = nullptr;
    }
    int count(const QString &reasonPrefix) const {
        int n = 0;
        for (const QString &line : m_lines) {
            n += line.contains(QStringLiteral("reason: ") + reasonPrefix) ? 1 : 0;
        }
        return n;
    }

private:
    static void handler(QtMsgType type, const QMessageLogContext &context, const QString &message) {
        if (s_lines && context.category && QByteArray(context.category) == "orion.net" &&
            message.startsWith(QStringLiteral("closed"))) {
            s_lines->append(message);
            return; // hundreds of expected closes would drown the test output
        }
        if (s_previous) {
            s_previous(type, context, message);
        }
    }
    static inline QStringList *s_lines = nullptr;
    static inline QtMessageHandler s_previous = nullptr;
    QStringList m_lines;
};

// Many sockets at once need more descriptors than some defaults allow.
inline void raiseFileLimit() {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < 4096) {
        limit.rlim_cur = std::min<rlim_t>(limit.rlim_max, 4096);
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

} // namespace orion::test
