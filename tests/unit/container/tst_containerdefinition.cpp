// SPDX-License-Identifier: GPL-3.0-or-later
// Container definitions on disk: the files create writes, their modes, a key that never
// changes, and the reasons a bad definition, name or program is refused.
#include "TestKeyWrap.h"
#include "container/ContainerDefinition.h"
#include "container/ContainerJson.h"
#include "container/ContainerManager.h"
#include "container/ContainerRepository.h"
#include "crypto/Random.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace orion;
using namespace orion::container;
using identity::Key160;

namespace {

const QString kEcho = QStringLiteral("(defun main ()\n  (reply MESSAGE))\n");

int modeOf(const QString &path) {
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) {
        return -1;
    }
    return int(st.st_mode & 0777);
}

QJsonObject readJson(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object()
                                       : QJsonObject();
}

bool writeFile(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

} // namespace

class TestContainerDefinition : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;

    ContainerManager::Options options() const {
        ContainerManager::Options o;
        o.containersDirectory = m_dir->filePath(QStringLiteral("containers"));
        o.databasePath = m_dir->filePath(QStringLiteral("orion.sqlite"));
        o.keyWrap = test::TestKeyWrap::make();
        return o;
    }
    QString containerFile(const QString &name, const QString &file) const {
        return m_dir->filePath(QStringLiteral("containers/%1/%2").arg(name, file));
    }

private Q_SLOTS:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void createWritesFilesWithOwnerOnlyModes() {
        ContainerManager m(options());
        QVERIFY(m.open().ok());
        auto allow = AllowList::fromEntries({QString(40, u'A'), QStringLiteral("chat")});
        QVERIFY(allow.ok());
        auto key = m.create(QStringLiteral("echo"), kEcho, *allow,
                            QJsonObject{{QStringLiteral("max_call_depth"), 50}});
        QVERIFY2(key.ok(), qPrintable(key.ok() ? QString() : key.error()));
        QCOMPARE(key->size(), 40);
        QCOMPARE(modeOf(m_dir->filePath(QStringLiteral("containers/echo"))), 0700);
        for (const char *file : {"container.json", "main.ns", "container.key"}) {
            QCOMPARE(modeOf(containerFile(QStringLiteral("echo"), QLatin1String(file))), 0600);
        }
        QFile source(containerFile(QStringLiteral("echo"), QStringLiteral("main.ns")));
        QVERIFY(source.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(source.readAll()), kEcho);
        const QJsonObject json =
            readJson(containerFile(QStringLiteral("echo"), QStringLiteral("container.json")));
        QCOMPARE(json.value(QStringLiteral("name")).toString(), QStringLiteral("echo"));
        QCOMPARE(json.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(json.value(QStringLiteral("key")).toString(), *key);
        QCOMPARE(json.value(QStringLiteral("enabled")).toBool(), true);
        QCOMPARE(json.value(QStringLiteral("allow"))
                     .toObject()
                     .value(QStringLiteral("senders"))
                     .toArray(),
                 QJsonArray{QString(40, u'a')});
        QCOMPARE(json.value(QStringLiteral("allow"))
                     .toObject()
                     .value(QStringLiteral("services"))
                     .toArray(),
                 QJsonArray{QStringLiteral("chat")});
        QCOMPARE(json.value(QStringLiteral("limits")).toObject(),
                 (QJsonObject{{QStringLiteral("max_call_depth"), 50}}));
        // The key is BLAKE2b-160 of the public key, and the key file holds that pair.
        const auto identity = m.containerIdentity(QStringLiteral("echo"));
        QVERIFY(identity.ok());
        QCOMPARE(identity->nodeId().toHex(), *key);
        QCOMPARE(identity::NodeIdentity::nodeIdFor(identity->publicKey()).toHex(), *key);
        QCOMPARE(m.info(QStringLiteral("echo"))->limits.script.maxCallDepth, 50);
    }

    void keyIsStableAcrossReloadAndUpdate() {
        QString key;
        QByteArray keyFile;
        {
            ContainerManager m(options());
            QVERIFY(m.open().ok());
            key = m.create(QStringLiteral("stable"), kEcho).value();
            QFile f(containerFile(QStringLiteral("stable"), QStringLiteral("container.key")));
            QVERIFY(f.open(QIODevice::ReadOnly));
            keyFile = f.readAll();
            QVERIFY(m.update(QStringLiteral("stable"), QStringLiteral("(defun main () (reply 2))"))
                        .ok());
        }
        ContainerManager again(options());
        QVERIFY(again.open().ok());
        QVERIFY(again.rejected().empty());
        const auto info = again.info(QStringLiteral("stable"));
        QVERIFY(info.ok());
        QCOMPARE(info->key, key);
        QCOMPARE(info->version, qint64(2));
        QVERIFY(again.hosts(*Key160::fromHex(key)));
        QCOMPARE(*again.nameOf(*Key160::fromHex(key)), QStringLiteral("stable"));
        QFile f(containerFile(QStringLiteral("stable"), QStringLiteral("container.key")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), keyFile);
    }

    void badNamesAreRejected_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("empty") << QString();
        QTest::newRow("upper case") << QStringLiteral("Echo");
        QTest::newRow("leading dash") << QStringLiteral("-echo");
        QTest::newRow("leading underscore") << QStringLiteral("_echo");
        QTest::newRow("space") << QStringLiteral("my echo");
        QTest::newRow("slash") << QStringLiteral("../echo");
        QTest::newRow("dot") << QStringLiteral("echo.ns");
        QTest::newRow("65 characters") << QString(65, u'a');
    }
    void badNamesAreRejected() {
        QFETCH(QString, name);
        ContainerManager m(options());
        QVERIFY(m.open().ok());
        auto key = m.create(name, kEcho);
        QVERIFY(!key.ok());
        QVERIFY2(key.error().contains(QStringLiteral("not a valid container name")),
                 qPrintable(key.error()));
        QVERIFY(QDir(m_dir->filePath(QStringLiteral("containers")))
                    .entryList(QDir::AllEntries | QDir::NoDotAndDotDot)
                    .isEmpty());
    }

    void goodNamesAreAccepted() {
        for (const QString &name :
             {QStringLiteral("a"), QStringLiteral("0chat_room-2"), QString(64, u'z')}) {
            QVERIFY2(ContainerDefinition::isValidName(name), qPrintable(name));
        }
    }

    void duplicateNameIsRejected() {
        ContainerManager m(options());
        QVERIFY(m.open().ok());
        const QString first = m.create(QStringLiteral("dup"), kEcho).value();
        auto second = m.create(QStringLiteral("dup"), kEcho);
        QVERIFY(!second.ok());
        QCOMPARE(second.error(), QStringLiteral("a container named \"dup\" already exists"));
        QCOMPARE(m.info(QStringLiteral("dup"))->key, first);
    }

    void syntaxErrorIsRejectedWithPosition() {
        ContainerManager m(options());
        QVERIFY(m.open().ok());
        auto key = m.create(QStringLiteral("broken"),
                            QStringLiteral("(defun main ()\n  (reply (concatt MESSAGE \"!\")))\n"));
        QVERIFY(!key.ok());
        QCOMPARE(key.error(), QStringLiteral("main.ns:2:11: error: unknown function 'concatt'"));
        QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("containers/broken"))));
        auto noMain = m.create(QStringLiteral("nomain"), QStringLiteral("(defun helper () 1)\n"));
        QVERIFY(!noMain.ok());
        QVERIFY2(noMain.error().startsWith(QStringLiteral("main.ns:1:1: error:")),
                 qPrintable(noMain.error()));
        auto unclosed =
            m.create(QStringLiteral("unclosed"), QStringLiteral("(defun main ()\n  (reply 1)\n"));
        QVERIFY(!unclosed.ok());
        QVERIFY2(unclosed.error().startsWith(QStringLiteral("main.ns:")),
                 qPrintable(unclosed.error()));
        QVERIFY(m.list().empty());
    }

    void badAllowAndLimitsAreRejected() {
        ContainerManager m(options());
        QVERIFY(m.open().ok());
        QVERIFY(!AllowList::fromEntries({QStringLiteral("not a service!")}).ok());
        auto tooBig = m.create(QStringLiteral("x"), kEcho, {},
                               QJsonObject{{QStringLiteral("max_wall_clock_ms"), 3'600'000}});
        QVERIFY(!tooBig.ok());
        QVERIFY2(tooBig.error().contains(QStringLiteral("max_wall_clock_ms")),
                 qPrintable(tooBig.error()));
        auto unknown =
            m.create(QStringLiteral("x"), kEcho, {}, QJsonObject{{QStringLiteral("max_fun"), 1}});
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error(), QStringLiteral("unknown limit \"max_fun\""));
    }

    void malformedDefinitionsAreRejectedWithReason_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("reason");
        QTest::newRow("version zero")
            << "version" << QJsonValue(0) << "\"version\" must be a positive integer";
        QTest::newRow("version text")
            << "version" << QJsonValue("2") << "\"version\" must be a positive integer";
        QTest::newRow("other name") << "name" << QJsonValue("other")
                                    << "\"name\" is \"other\" but the directory is \"good\"";
        QTest::newRow("bad key") << "key" << QJsonValue("xyz") << "\"key\" must be 40 hex digits";
        QTest::newRow("foreign key") << "key" << QJsonValue(QString(40, u'0'))
                                     << "\"key\" is not the hash of \"public_key\"";
        QTest::newRow("enabled text")
            << "enabled" << QJsonValue("yes") << "\"enabled\" must be true or false";
        QTest::newRow("allow list")
            << "allow" << QJsonValue(QJsonArray{1}) << "\"allow\" must be an object";
        QTest::newRow("allow sender")
            << "allow" << QJsonValue(QJsonObject{{"senders", QJsonArray{"abc"}}})
            << "\"allow.senders\" has an invalid entry [\"abc\"]";
        QTest::newRow("negative limit")
            << "limits" << QJsonValue(QJsonObject{{"max_queue", -1}})
            << "limit \"max_queue\" must be an integer from 1 to 1000000";
        QTest::newRow("format") << "format" << QJsonValue("something")
                                << "\"format\" is not \"orion-container\"";
    }
    void malformedDefinitionsAreRejectedWithReason() {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, reason);
        QString goodKey;
        {
            ContainerManager m(options());
            QVERIFY(m.open().ok());
            QVERIFY(m.create(QStringLiteral("good"), kEcho).ok());
            goodKey = m.create(QStringLiteral("other-good"), kEcho).value();
        }
        const QString path =
            containerFile(QStringLiteral("good"), QStringLiteral("container.json"));
        QJsonObject json = readJson(path);
        json.insert(field, value);
        QVERIFY(writeFile(path, QJsonDocument(json).toJson()));
        ContainerManager m(options());
        QVERIFY(m.open().ok());
        QCOMPARE(m.rejected().size(), size_t(1));
        QCOMPARE(m.rejected()[0].name, QStringLiteral("good"));
        QCOMPARE(m.rejected()[0].reason, QStringLiteral("container.json: ") + reason);
        // The other container runs on.
        QVERIFY(m.hosts(*Key160::fromHex(goodKey)));
        const auto list = m.list();
        QCOMPARE(list.size(), size_t(2));
        QCOMPARE(ContainerJson::info(list[0]).value(QStringLiteral("state")).toString(),
                 QStringLiteral("broken"));
        QCOMPARE(ContainerJson::info(list[1]).value(QStringLiteral("state")).toString(),
                 QStringLiteral("running"));
        // A broken container can still be removed, and its name reused.
        QVERIFY(m.remove(QStringLiteral("good")).ok());
        QVERIFY(m.create(QStringLiteral("good"), kEcho).ok());
    }

    void notJsonAndMissingFilesAreRejected() {
        {
            ContainerManager m(options());
            QVERIFY(m.open().ok());
            QVERIFY(m.create(QStringLiteral("garbage"), kEcho).ok());
            QVERIFY(m.create(QStringLiteral("keyless"), kEcho).ok());
            QVERIFY(m.create(QStringLiteral("fine"), kEcho).ok());
        }
        QVERIFY(writeFile(
            containerFile(QStringLiteral("garbage"), QStringLiteral("container.json")), "{ nope"));
        QVERIFY(QFile::remove(
            containerFile(QStringLiteral("keyless"), QStringLiteral("container.key"))));
        QVERIFY(
            QDir(m_dir->filePath(QStringLiteral("containers"))).mkdir(QStringLiteral("half-made")));
        ContainerManager m(options());
        QVERIFY(m.open().ok());
        QCOMPARE(m.rejected().size(), size_t(3));
        QHash<QString, QString> reasons;
        for (const auto &r : m.rejected()) {
            reasons.insert(r.name, r.reason);
        }
        QVERIFY2(reasons.value(QStringLiteral("garbage"))
                     .startsWith(QStringLiteral("container.json: not valid JSON")),
                 qPrintable(reasons.value(QStringLiteral("garbage"))));
        QVERIFY2(reasons.value(QStringLiteral("keyless"))
                     .endsWith(QStringLiteral("/keyless/container.key: cannot read: the file does "
                                              "not exist")),
                 qPrintable(reasons.value(QStringLiteral("keyless"))));
        QCOMPARE(reasons.value(QStringLiteral("half-made")),
                 QStringLiteral("no container.json (an interrupted create?)"));
        QVERIFY(m.info(QStringLiteral("fine")).ok());
        QVERIFY(m.nameTaken(QStringLiteral("half-made")));
        QVERIFY(!m.create(QStringLiteral("half-made"), kEcho).ok());
    }

    void programThatNoLongerCompilesIsReportedNotRun() {
        {
            ContainerManager m(options());
            QVERIFY(m.open().ok());
            QVERIFY(m.create(QStringLiteral("edited"), kEcho).ok());
        }
        QVERIFY(writeFile(containerFile(QStringLiteral("edited"), QStringLiteral("main.ns")),
                          "(defun main ()"));
        ContainerManager m(options());
        QVERIFY(m.open().ok());
        const auto info = m.info(QStringLiteral("edited"));
        QVERIFY(info.ok());
        QVERIFY(!info->loaded);
        QVERIFY2(info->error.startsWith(QStringLiteral("main.ns:1:")), qPrintable(info->error));
        QVERIFY(!m.start(QStringLiteral("edited")).ok());
        // Deploying a good version brings it back.
        QVERIFY(m.update(QStringLiteral("edited"), kEcho).ok());
        QVERIFY(m.info(QStringLiteral("edited"))->loaded);
    }
};

QTEST_GUILESS_MAIN(TestContainerDefinition)
#include "tst_containerdefinition.moc"
