// SPDX-License-Identifier: GPL-3.0-or-later
// The routing view over a live network: the GUI's own node (NodeController + NodeHost on
// its thread) and four more nodes on loopback. The view lists the contacts, and follows
// when one of them stops.
#include "LoopbackConfig.h"
#include "facade/NodeController.h"
#include "facade/NodeHost.h"
#include "models/RoutingTableModel.h"
#include "node/BootstrapList.h"
#include "node/NodeRunner.h"
#include "windows/RoutingPage.h"
#include "windows/StatusPage.h"

#include <QLineEdit>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace orion;
using namespace orion::app;

namespace {
constexpr int kPeers = 4;
const QByteArray kPassphrase = "routing view test";

void adjust(node::NodeConfig &c) {
    test::LoopbackConfig::apply(c);
}
} // namespace

class TestRoutingView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void showsLiveContactsAndFollowsAStop() {
        QTemporaryDir dir;
        const identity::NetworkKey network = identity::NetworkKey::generate();
        identity::SaveOptions cheap;
        cheap.limits = crypto::Argon2id::Limits::minimum();

        // Four plain nodes; the first is everybody's seed.
        std::vector<std::unique_ptr<node::NodeRunner>> peers;
        std::optional<identity::MemberRecord> seed;
        QStringList peerIds;
        for (int i = 0; i < kPeers; ++i) {
            const node::Profile profile(dir.filePath(QStringLiteral("peer-%1").arg(i)));
            QVERIFY(profile.create().ok());
            if (seed) {
                QVERIFY(node::BootstrapList::add(profile, *seed, network.networkId()).ok());
            }
            node::NodeConfig config;
            adjust(config);
            auto identity = identity::NodeIdentity::generate();
            peerIds << identity.nodeId().toHex();
            auto thread = std::make_unique<node::NodeRunner>(std::make_unique<node::Node>(
                profile, std::move(identity), network.clone(), config));
            auto started = thread->start();
            QVERIFY2(started.ok(), started ? "" : qPrintable(started.error()));
            if (!seed) {
                identity::MemberRecord record;
                auto *n = thread->node();
                thread->call([&] { record = n->memberRecord(); });
                seed = record;
            }
            peers.push_back(std::move(thread));
        }

        // The GUI's node, from a profile as the wizard leaves it.
        const node::Profile mine(dir.filePath(QStringLiteral("gui")));
        QVERIFY(mine.create().ok());
        const auto me = identity::NodeIdentity::generate();
        const QString myId = me.nodeId().toHex();
        QVERIFY(me.save(mine.identityPath(), kPassphrase, cheap).ok());
        QVERIFY(network.save(mine.networkKeyPath(), kPassphrase, cheap).ok());
        QVERIFY(node::BootstrapList::add(mine, *seed, network.networkId()).ok());

        auto secret = std::make_shared<const crypto::SecureBuffer>(
            crypto::SecureBuffer::fromBytes(kPassphrase));
        facade::NodeController controller([&]() {
            return std::make_unique<facade::NodeHost>(mine.directory(), secret, &adjust);
        });
        windows::RoutingPage page(controller.routing());
        windows::StatusPage status(controller.status());
        page.show();
        QSignalSpy resets(page.model(), &QAbstractItemModel::modelReset);
        controller.start();

        QTRY_COMPARE_WITH_TIMEOUT(controller.status()->current().nodeId, myId, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), kPeers, 60000);
        QStringList shown;
        for (int row = 0; row < page.model()->rowCount(); ++row) {
            shown << page.model()->contactAt(row).id.toHex();
        }
        shown.sort();
        QStringList expected = peerIds;
        expected.sort();
        QCOMPARE(shown, expected);
        QTRY_VERIFY_WITH_TIMEOUT(controller.status()->current().activePeers > 0, 20000);
        QCOMPARE(page.findChild<QLineEdit *>(QStringLiteral("nodeIdEdit")), nullptr);
        QCOMPARE(status.findChild<QLineEdit *>(QStringLiteral("nodeIdEdit"))->text(), myId);

        // Stop one node the GUI's node is connected to; its row must follow.
        auto connectedRow = [&]() {
            for (int row = 0; row < page.model()->rowCount(); ++row) {
                if (page.model()->contactAt(row).state == facade::ContactState::Connected) {
                    return row;
                }
            }
            return -1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(connectedRow() >= 0, 30000);
        const identity::Key160 victim = page.model()->contactAt(connectedRow()).id;
        const int victimIndex = int(peerIds.indexOf(victim.toHex()));
        QVERIFY(victimIndex >= 0);
        peers[size_t(victimIndex)]->stop();
        auto victimState = [&]() -> std::optional<facade::ContactState> {
            for (int row = 0; row < page.model()->rowCount(); ++row) {
                if (page.model()->contactAt(row).id == victim) {
                    return page.model()->contactAt(row).state;
                }
            }
            return std::nullopt;
        };
        QTRY_VERIFY_WITH_TIMEOUT(victimState() != facade::ContactState::Connected, 30000);
        QCOMPARE(resets.size(), 0);

        QVERIFY(controller.stopAndWait());
        for (auto &p : peers) {
            if (p->isRunning()) {
                p->stop();
            }
        }
    }
};

QTEST_MAIN(TestRoutingView)
#include "tst_routingview.moc"
