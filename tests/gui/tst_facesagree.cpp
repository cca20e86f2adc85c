// SPDX-License-Identifier: GPL-3.0-or-later
// One node, two faces: the desktop backend (NodeController + NodeHost, as the app runs it)
// and the portal (as orionctl talks to it) must show the same contacts with the same states
// and give the same verdicts on the same member files.
#include "LoopbackConfig.h"
#include "facade/NodeController.h"
#include "facade/NodeHost.h"
#include "node/BootstrapList.h"
#include "node/NodeRunner.h"
#include "portal/PortalClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace orion;
using namespace orion::app;

namespace {
const QByteArray kPassphrase = "faces test";

void adjust(node::NodeConfig &c) {
    test::LoopbackConfig::apply(c);
    c.portal = true;
    c.containers = false;
}

QString stateName(facade::ContactState state) {
    switch (state) {
    case facade::ContactState::Connected:
        return QStringLiteral("connected");
    case facade::ContactState::Known:
        return QStringLiteral("known");
    case facade::ContactState::Failing:
        return QStringLiteral("failing");
    case facade::ContactState::Replacement:
        return QStringLiteral("replacement");
    }
    return {};
}

QStringList guiContacts(const facade::RoutingSnapshot &snapshot) {
    QStringList rows;
    for (const facade::ContactInfo &c : snapshot.contacts) {
        if (c.state != facade::ContactState::Replacement) {
            rows << c.id.toHex() + u' ' + c.address + u' ' + stateName(c.state);
        }
    }
    rows.sort();
    return rows;
}

QStringList portalContacts(portal::PortalClient &client) {
    const auto reply = client.request(QStringLiteral("peers"));
    if (!reply) {
        return {QStringLiteral("error: ") + reply.error()};
    }
    QStringList rows;
    for (const QJsonValue &v : reply->value(QStringLiteral("peers")).toArray()) {
        const QJsonObject p = v.toObject();
        rows << p.value(QStringLiteral("node_id")).toString() + u' ' +
                    p.value(QStringLiteral("address")).toString() + u' ' +
                    p.value(QStringLiteral("state")).toString();
    }
    rows.sort();
    return rows;
}

} // namespace

class TestFacesAgree : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    identity::NetworkKey m_network = identity::NetworkKey::generate();

    std::unique_ptr<node::NodeRunner> startPeer(const QString &name) {
        const node::Profile profile(m_dir.filePath(name));
        node::NodeConfig config = test::LoopbackConfig::make();
        config.portal = false;
        config.containers = false;
        auto runner = std::make_unique<node::NodeRunner>(std::make_unique<node::Node>(
            profile, identity::NodeIdentity::generate(), m_network.clone(), config));
        const auto started = runner->start();
        return started ? std::move(runner) : nullptr;
    }

    // The GUI's verdict on a member file: empty when imported, else the reason.
    static QString guiImport(facade::NodeController &controller, const QByteArray &content) {
        QString verdict = QStringLiteral("(no answer)");
        const quint64 id = controller.importMemberFile(content);
        bool answered = false;
        auto c = QObject::connect(&controller, &facade::NodeController::memberFileImported,
                                  [&](quint64 requestId, const QString &error) {
                                      if (requestId == id) {
                                          verdict = error;
                                          answered = true;
                                      }
                                  });
        QDeadlineTimer deadline(10000);
        while (!answered && !deadline.hasExpired()) {
            QTest::qWait(10);
        }
        QObject::disconnect(c);
        return verdict;
    }

    // The portal's verdict: empty when imported, else the reason (without the code).
    static QString portalImport(portal::PortalClient &client, const QByteArray &content) {
        const QJsonDocument doc = QJsonDocument::fromJson(content);
        const auto reply = client.request(QStringLiteral("member.import"),
                                          {{QStringLiteral("member"), doc.object()}});
        if (reply) {
            return {};
        }
        const QString prefix = client.lastErrorCode() + QStringLiteral(": ");
        return reply.error().startsWith(prefix) ? reply.error().mid(prefix.size()) : reply.error();
    }

    // A GUI profile of a node listening on every address with no published address, as the
    // setup wizard writes it (no peers yet).
    std::unique_ptr<facade::NodeController> startLoneEverywhere(const QString &name) {
        identity::SaveOptions cheap;
        cheap.limits = crypto::Argon2id::Limits::minimum();
        const node::Profile profile(m_dir.filePath(name));
        if (!profile.create().ok() ||
            !identity::NodeIdentity::generate().save(profile.identityPath(), kPassphrase, cheap) ||
            !m_network.save(profile.networkKeyPath(), kPassphrase, cheap)) {
            return nullptr;
        }
        auto secret = std::make_shared<const crypto::SecureBuffer>(
            crypto::SecureBuffer::fromBytes(kPassphrase));
        const QString directory = profile.directory();
        auto controller = std::make_unique<facade::NodeController>([directory, secret]() {
            return std::make_unique<facade::NodeHost>(directory, secret, [](node::NodeConfig &c) {
                adjust(c);
                c.listenAddress = QHostAddress(QHostAddress::Any);
                c.advertisedAddresses.clear();
            });
        });
        controller->start();
        return controller;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        // The portal's socket directory of this test only.
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_dir.filePath(QStringLiteral("run"))));
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("run"))));
        QVERIFY(QFile::setPermissions(m_dir.filePath(QStringLiteral("run")),
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    }

    void aLoneNodeOnEveryAddressGivesTheCardThePortalGives() {
        // The wizard's founder listens on every address and has no peer to learn its address
        // from: its card (and so its invite) must still name an address to dial — the one
        // `orionctl member export` names — or no one could ever join it.
        auto controller = startLoneEverywhere(QStringLiteral("lone"));
        QVERIFY(controller);
        QTRY_VERIFY_WITH_TIMEOUT(!controller->status()->current().portalSocket.isEmpty(), 20000);
        portal::PortalClient client;
        QVERIFY(client.connectToNode(controller->status()->current().portalSocket).ok());
        const auto exported = client.request(QStringLiteral("member.export"));
        QVERIFY2(exported.ok(), exported ? "" : qPrintable(exported.error()));
        const QJsonArray portalAddresses = exported->value(QStringLiteral("member"))
                                               .toObject()
                                               .value(QStringLiteral("addresses"))
                                               .toArray();
        QVERIFY(!portalAddresses.isEmpty());

        QByteArray card;
        QString cardError = QStringLiteral("(no answer)");
        const quint64 cardId = controller->exportMemberFile();
        QObject::connect(controller.get(), &facade::NodeController::memberFileExported,
                         [&](quint64 id, const QByteArray &content, const QString &error) {
                             if (id == cardId) {
                                 card = content;
                                 cardError = error;
                             }
                         });
        QTRY_VERIFY_WITH_TIMEOUT(cardError != QStringLiteral("(no answer)"), 10000);
        QVERIFY2(cardError.isEmpty(), qPrintable(cardError));
        const QJsonArray guiAddresses =
            QJsonDocument::fromJson(card).object().value(QStringLiteral("addresses")).toArray();
        QCOMPARE(guiAddresses, portalAddresses);

        QString invite;
        QString inviteError = QStringLiteral("(no answer)");
        const quint64 inviteId = controller->requestInvite();
        QObject::connect(controller.get(), &facade::NodeController::inviteReady,
                         [&](quint64 id, const QString &uri, const QString &error) {
                             if (id == inviteId) {
                                 invite = uri;
                                 inviteError = error;
                             }
                         });
        QTRY_VERIFY_WITH_TIMEOUT(inviteError != QStringLiteral("(no answer)"), 10000);
        QVERIFY2(inviteError.isEmpty(), qPrintable(inviteError));
        QVERIFY(invite.startsWith(QStringLiteral("orion:join?")));
        QVERIFY(controller->stopAndWait());
    }

    void contactsAndMemberVerdictsAgree() {
        auto seed = startPeer(QStringLiteral("seed"));
        auto other = startPeer(QStringLiteral("other"));
        QVERIFY(seed && other);
        const identity::MemberRecord seedRecord =
            seed->call([&seed] { return seed->node()->memberRecord(); });
        const identity::MemberRecord otherRecord =
            other->call([&other] { return other->node()->memberRecord(); });

        identity::SaveOptions cheap;
        cheap.limits = crypto::Argon2id::Limits::minimum();
        const node::Profile mine(m_dir.filePath(QStringLiteral("gui")));
        QVERIFY(mine.create().ok());
        const auto me = identity::NodeIdentity::generate();
        QVERIFY(me.save(mine.identityPath(), kPassphrase, cheap).ok());
        QVERIFY(m_network.save(mine.networkKeyPath(), kPassphrase, cheap).ok());
        QVERIFY(node::BootstrapList::add(mine, seedRecord, m_network.networkId()).ok());

        auto secret = std::make_shared<const crypto::SecureBuffer>(
            crypto::SecureBuffer::fromBytes(kPassphrase));
        facade::NodeController controller([&]() {
            return std::make_unique<facade::NodeHost>(mine.directory(), secret, &adjust);
        });
        controller.start();
        QTRY_VERIFY_WITH_TIMEOUT(controller.status()->current().activePeers > 0, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!controller.status()->current().portalSocket.isEmpty(), 10000);

        portal::PortalClient client;
        const Status connected = client.connectToNode(controller.status()->current().portalSocket);
        QVERIFY2(connected.ok(), connected ? "" : qPrintable(connected.error()));

        // Contacts: the same IDs, addresses and states through both faces. Both are
        // snapshots taken at slightly different times, so compare once they settle.
        QTRY_VERIFY_WITH_TIMEOUT(!guiContacts(controller.routing()->current()).isEmpty(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(guiContacts(controller.routing()->current()),
                                  portalContacts(client), 20000);
        const QStringList contacts = portalContacts(client);
        QVERIFY2(contacts.join(u'\n').contains(seedRecord.nodeId.toHex() +
                                               QStringLiteral(" 127.0.0.1:")),
                 qPrintable(contacts.join(u'\n')));
        QVERIFY2(contacts.join(u'\n').contains(QStringLiteral(" connected")),
                 qPrintable(contacts.join(u'\n')));

        // Member files: the node's own, one of another network, a broken signature, and a
        // good one. Each gets the same verdict and reason through both faces.
        const auto exported = client.request(QStringLiteral("member.export"));
        QVERIFY2(exported.ok(), exported ? "" : qPrintable(exported.error()));
        const QByteArray own =
            QJsonDocument(exported->value(QStringLiteral("member")).toObject()).toJson();

        const identity::NetworkKey elsewhere = identity::NetworkKey::generate();
        const auto stranger = identity::NodeIdentity::generate();
        auto foreign = identity::MemberRecord::create(stranger, elsewhere.networkId(),
                                                      {QStringLiteral("127.0.0.1")}, 7400);
        foreign.sign(stranger);

        QJsonObject tampered = otherRecord.toJsonObject();
        tampered.insert(QStringLiteral("port"), 1);

        const QList<QPair<QString, QByteArray>> files = {
            {QStringLiteral("own"), own},
            {QStringLiteral("foreign"), QJsonDocument(foreign.toJsonObject()).toJson()},
            {QStringLiteral("tampered"), QJsonDocument(tampered).toJson()},
            {QStringLiteral("good"), QJsonDocument(otherRecord.toJsonObject()).toJson()},
        };
        for (const auto &[name, content] : files) {
            const QString gui = guiImport(controller, content);
            const QString viaPortal = portalImport(client, content);
            QVERIFY2(gui != QStringLiteral("(no answer)"), qPrintable(name));
            QCOMPARE(gui, viaPortal);
            if (name == QStringLiteral("good")) {
                QVERIFY2(gui.isEmpty(), qPrintable(gui));
            } else {
                QVERIFY2(!gui.isEmpty(), qPrintable(name)); // refused, with a reason
            }
        }

        // Pausing from the GUI keeps the node: the portal stays up, the contacts stay, and
        // resuming reconnects (the bootstrap file is gone by then).
        auto portalIds = [&] {
            QStringList ids;
            for (const QString &row : portalContacts(client)) {
                ids << row.section(u' ', 0, 0);
            }
            return ids;
        };
        // The imported member has joined the table by now or soon.
        QTRY_VERIFY_WITH_TIMEOUT(portalIds().contains(otherRecord.nodeId.toHex()), 20000);
        const QStringList idsBefore = portalIds();
        controller.setPaused(true);
        QTRY_COMPARE_WITH_TIMEOUT(controller.status()->current().state, facade::NodeState::Paused,
                                  10000);
        QTRY_COMPARE_WITH_TIMEOUT(controller.status()->current().activePeers, 0, 10000);
        QVERIFY(client.request(QStringLiteral("status")).ok());
        QCOMPARE(portalIds(), idsBefore);
        QDir(node::BootstrapList::directory(mine)).removeRecursively();
        controller.setPaused(false);
        QTRY_VERIFY_WITH_TIMEOUT(controller.status()->current().activePeers > 0, 30000);
        QVERIFY(!controller.isPaused());

        client.close();
        QVERIFY(controller.stopAndWait());
        other->stop();
        seed->stop();
    }
};

QTEST_MAIN(TestFacesAgree)
#include "tst_facesagree.moc"
