// SPDX-License-Identifier: GPL-3.0-or-later
// Container logs in the profile's database: they outlive the manager (a node restart), ids
// go on increasing across restarts so `since` never skips, the log of each container stays
// within its bound, and removing a container deletes its log.
#include "TestKeyWrap.h"
#include "container/ContainerManager.h"
#include "crypto/Random.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace orion;
using namespace orion::container;
using identity::Key160;

namespace {

const QString kTalker = QStringLiteral("(defun main ()\n  (log \"got\" MESSAGE))\n");

// Rows of one container in the log table, read with a connection of the test's own.
int storedRows(const QString &databasePath, const QString &containerKey) {
    int rows = -1;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("test-reader"));
        db.setDatabaseName(databasePath);
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT COUNT(*) FROM container_log WHERE container = ?"));
            q.addBindValue(containerKey);
            if (q.exec() && q.next()) {
                rows = q.value(0).toInt();
            }
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("test-reader"));
    return rows;
}

QStringList textsOf(const std::vector<ContainerLogRing::Entry> &entries) {
    QStringList out;
    for (const auto &e : entries) {
        out << e.text;
    }
    return out;
}

} // namespace

class TestContainerLogs : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ContainerManager> m_manager;
    int m_outcomes = 0;

    QString databasePath() const { return m_dir->filePath(QStringLiteral("orion.sqlite")); }

    void reopen(size_t logCapacity = ContainerLogRing::kDefaultCapacity) {
        m_manager.reset();
        ContainerManager::Options o;
        o.containersDirectory = m_dir->filePath(QStringLiteral("containers"));
        o.databasePath = databasePath();
        o.keyWrap = test::TestKeyWrap::make();
        o.maxThreads = 2;
        o.logCapacity = logCapacity;
        m_manager = std::make_unique<ContainerManager>(o);
        const Status s = m_manager->open();
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error()));
        m_outcomes = 0;
        connect(m_manager.get(), &ContainerManager::outcome, this, [this] { ++m_outcomes; });
    }

    // Sends @p count messages ("m<first>", ...) and waits until each has run.
    void talk(const QString &key, int first, int count) {
        const int before = m_outcomes;
        for (int i = first; i < first + count; ++i) {
            ContainerMessage m;
            m.messageId = crypto::Random::bytes(16);
            m.container = *Key160::fromHex(key);
            m.source = Key160::random();
            m.origin = m.source;
            m.body = QStringLiteral("m%1").arg(i);
            m_manager->deliver(m);
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_outcomes, before + count, 20000);
    }

private Q_SLOTS:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        reopen();
    }
    void cleanup() {
        m_manager.reset();
        m_dir.reset();
    }

    void logsOutliveARestartAndIdsGoOn() {
        auto key = m_manager->create(QStringLiteral("talker"), kTalker);
        QVERIFY2(key.ok(), key ? "" : qPrintable(key.error()));
        talk(*key, 1, 3);
        const auto before = m_manager->logs(QStringLiteral("talker"), 0);
        QVERIFY(before.ok());
        QCOMPARE(textsOf(before->entries),
                 (QStringList{QStringLiteral("created, version 1"), QStringLiteral("got m1"),
                              QStringLiteral("got m2"), QStringLiteral("got m3")}));
        const quint64 lastId = before->lastId;
        QCOMPARE(lastId, quint64(4));

        // A restart: the same entries with the same ids and times.
        reopen();
        const auto after = m_manager->logs(QStringLiteral("talker"), 0);
        QVERIFY(after.ok());
        QCOMPARE(after->lastId, lastId);
        QCOMPARE(after->entries.size(), before->entries.size());
        for (size_t i = 0; i < after->entries.size(); ++i) {
            QCOMPARE(after->entries[i].id, before->entries[i].id);
            QCOMPARE(after->entries[i].timeMs, before->entries[i].timeMs);
            QCOMPARE(after->entries[i].level, before->entries[i].level);
            QCOMPARE(after->entries[i].text, before->entries[i].text);
        }

        // New entries continue the ids: a client that had seen lastId gets exactly them.
        talk(*key, 4, 2);
        const auto since = m_manager->logs(QStringLiteral("talker"), lastId);
        QVERIFY(since.ok());
        QCOMPARE(textsOf(since->entries),
                 (QStringList{QStringLiteral("got m4"), QStringLiteral("got m5")}));
        QCOMPARE(since->entries.front().id, lastId + 1);
        QCOMPARE(since->lastId, lastId + 2);

        // And after one more restart, what was written since the first one is there too.
        reopen();
        const auto again = m_manager->logs(QStringLiteral("talker"), lastId + 1);
        QCOMPARE(textsOf(again->entries), QStringList{QStringLiteral("got m5")});
        QCOMPARE(again->entries.front().level, ContainerLogRing::Level::Info);
    }

    void eachLogStaysWithinItsBound() {
        reopen(10);
        auto key = m_manager->create(QStringLiteral("talker"), kTalker);
        QVERIFY(key.ok());
        talk(*key, 1, 24); // 25 entries with "created"
        reopen(10);
        const auto logs = m_manager->logs(QStringLiteral("talker"), 0);
        QVERIFY(logs.ok());
        QCOMPARE(logs->lastId, quint64(25));
        QCOMPARE(int(logs->entries.size()), 10);
        QCOMPARE(logs->entries.front().id, quint64(16));
        QCOMPARE(logs->entries.front().text, QStringLiteral("got m15"));
        QCOMPARE(logs->entries.back().text, QStringLiteral("got m24"));
        // The oldest are gone from the database as well, not only from memory.
        m_manager.reset();
        QCOMPARE(storedRows(databasePath(), *key), 10);
    }

    void removingAContainerDeletesItsLog() {
        auto key = m_manager->create(QStringLiteral("talker"), kTalker);
        auto other = m_manager->create(QStringLiteral("other"), kTalker);
        QVERIFY(key.ok() && other.ok());
        talk(*key, 1, 2);
        talk(*other, 1, 1);
        QVERIFY(m_manager->remove(QStringLiteral("talker")).ok());
        reopen();
        QCOMPARE(storedRows(databasePath(), *key), 0);
        QCOMPARE(storedRows(databasePath(), *other), 2);
        // A new container of the old name starts a log of its own.
        auto again = m_manager->create(QStringLiteral("talker"), kTalker);
        QVERIFY(again.ok());
        QCOMPARE(textsOf(m_manager->logs(QStringLiteral("talker"), 0)->entries),
                 QStringList{QStringLiteral("created, version 1")});
    }
};

QTEST_GUILESS_MAIN(TestContainerLogs)
#include "tst_containerlogs.moc"
