// SPDX-License-Identifier: GPL-3.0-or-later
// Container keys and the node that hosts them: a node seals its containers' keys under its
// own identity, opens them again after a restart, seals a key file of the old clear format
// when it starts, and rejects — naming the file, running the other containers — a key
// file sealed by another node's identity.
#include "Cluster.h"
#include "container/ContainerKeyFile.h"
#include "container/ContainerManager.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace orion;
using container::ContainerKeyFile;
using identity::NodeIdentity;

namespace {

const QString kEcho = QStringLiteral("(defun main () (reply MESSAGE))");

QString keyPath(const test::Cluster &cluster, int node, const QString &name) {
    return cluster.profile(node).containersDirectory() + u'/' + name +
           QStringLiteral("/container.key");
}

QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool copyDirectory(const QString &from, const QString &to) {
    if (!QDir().mkpath(to)) {
        return false;
    }
    for (const QString &file : QDir(from).entryList(QDir::Files)) {
        if (!QFile::copy(from + u'/' + file, to + u'/' + file)) {
            return false;
        }
    }
    return true;
}

} // namespace

class TestContainerKeys : public QObject {
    Q_OBJECT

    static Result<QString> create(test::Cluster &cluster, int i, const QString &name) {
        node::Node *n = cluster.node(i);
        return cluster.runner(i).call([&] { return n->containers()->create(name, kEcho); });
    }

    static Result<NodeIdentity> identityOf(test::Cluster &cluster, int i, const QString &name) {
        node::Node *n = cluster.node(i);
        return cluster.runner(i).call([&] { return n->containers()->containerIdentity(name); });
    }

    static std::vector<container::ContainerManager::Rejection> rejected(test::Cluster &cluster,
                                                                        int i) {
        node::Node *n = cluster.node(i);
        return cluster.runner(i).call([&] { return n->containers()->rejected(); });
    }

private Q_SLOTS:
    void nodeSealsOpensMigratesAndRejects() {
        test::Cluster cluster(2);
        QVERIFY(cluster.isValid());
        QVERIFY(cluster.start(0).ok());
        const auto echo = create(cluster, 0, QStringLiteral("echo"));
        QVERIFY2(echo.ok(), qPrintable(echo.ok() ? QString() : echo.error()));
        const auto old = create(cluster, 0, QStringLiteral("old"));
        QVERIFY(old.ok());
        const NodeIdentity echoKey = identityOf(cluster, 0, QStringLiteral("echo")).value();
        const NodeIdentity oldKey = identityOf(cluster, 0, QStringLiteral("old")).value();
        const QByteArray oldSeed = oldKey.keyPair().seed().view().toByteArray();
        cluster.stop(0);

        // Sealed on disk, for node 0.
        const QString echoPath = keyPath(cluster, 0, QStringLiteral("echo"));
        QCOMPARE(ContainerKeyFile::version(echoPath).value(), ContainerKeyFile::kVersion);
        const QJsonObject sealed = QJsonDocument::fromJson(readAll(echoPath)).object();
        QCOMPARE(sealed.value(QStringLiteral("host")).toString(), cluster.id(0).toHex());
        QVERIFY(!readAll(echoPath).contains(echoKey.keyPair().seed().view().toByteArray().toHex()));

        // "old" goes back to the clear format of version 1 (positive control: the seed is
        // in the file then).
        const QString oldPath = keyPath(cluster, 0, QStringLiteral("old"));
        const QJsonObject legacy{
            {QStringLiteral("format"), QStringLiteral("orion-container-key")},
            {QStringLiteral("algorithm"), QStringLiteral("ed25519")},
            {QStringLiteral("public_key"), QString::fromLatin1(oldKey.publicKey().toHex())},
            {QStringLiteral("key"), oldKey.nodeId().toHex()},
            {QStringLiteral("seed"), QString::fromLatin1(oldSeed.toHex())}};
        QVERIFY(QFile::remove(oldPath));
        {
            QFile f(oldPath);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QJsonDocument(legacy).toJson());
        }
        QVERIFY(readAll(oldPath).contains(oldSeed.toHex()));

        // Node 1 is given a copy of "echo", sealed by node 0.
        QVERIFY(cluster.profile(1).create().ok());
        QVERIFY(copyDirectory(cluster.profile(0).containersDirectory() + QStringLiteral("/echo"),
                              cluster.profile(1).containersDirectory() + QStringLiteral("/echo")));

        // Node 0 restarts: both open, "old" is sealed now and gives the same key.
        QVERIFY(cluster.start(0).ok());
        QVERIFY(rejected(cluster, 0).empty());
        QCOMPARE(identityOf(cluster, 0, QStringLiteral("echo")).value().publicKey(),
                 echoKey.publicKey());
        const auto reopened = identityOf(cluster, 0, QStringLiteral("old"));
        QVERIFY(reopened.ok());
        QCOMPARE(reopened->keyPair().seed().view().toByteArray(), oldSeed);
        QCOMPARE(ContainerKeyFile::version(oldPath).value(), ContainerKeyFile::kVersion);
        QVERIFY(!readAll(oldPath).contains(oldSeed.toHex()));
        QVERIFY(!readAll(oldPath).contains(oldSeed));

        // Node 1 cannot open node 0's "echo": rejected with the file and both node IDs named,
        // while its own container runs.
        QVERIFY(cluster.start(1).ok());
        QVERIFY(create(cluster, 1, QStringLiteral("mine")).ok());
        const auto refused = rejected(cluster, 1);
        QCOMPARE(refused.size(), size_t(1));
        QCOMPARE(refused.front().name, QStringLiteral("echo"));
        const QString reason = refused.front().reason;
        QVERIFY2(reason.startsWith(keyPath(cluster, 1, QStringLiteral("echo")) +
                                   QStringLiteral(": sealed by the identity of node ") +
                                   cluster.id(0).toHex()),
                 qPrintable(reason));
        QVERIFY(reason.contains(cluster.id(1).toHex()));
        QVERIFY(identityOf(cluster, 1, QStringLiteral("mine")).ok());
        QVERIFY(!identityOf(cluster, 1, QStringLiteral("echo")).ok());
        cluster.stopAll();
    }
};

QTEST_GUILESS_MAIN(TestContainerKeys)
#include "tst_containerkeys.moc"
