// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/Profile.h"
#include "node/ProfileLock.h"

#include <QtTest>

#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryDir>

using namespace orion::node;

class TestProfile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void layout() {
        const Profile p(QStringLiteral("/tmp/some/../orion-profile"));
        QCOMPARE(p.directory(), QStringLiteral("/tmp/orion-profile"));
        QCOMPARE(p.identityPath(), QStringLiteral("/tmp/orion-profile/identity.key"));
        QCOMPARE(p.networkKeyPath(), QStringLiteral("/tmp/orion-profile/network.key"));
        QCOMPARE(p.memberFilePath(), QStringLiteral("/tmp/orion-profile/member.json"));
        QCOMPARE(p.settingsPath(), QStringLiteral("/tmp/orion-profile/settings.ini"));
        QCOMPARE(p.contactsPath(), QStringLiteral("/tmp/orion-profile/contacts.json"));
        QCOMPARE(p.containersDirectory(), QStringLiteral("/tmp/orion-profile/containers"));
        QCOMPARE(p.databasePath(), QStringLiteral("/tmp/orion-profile/orion.sqlite"));
        QCOMPARE(p.lockPath(), QStringLiteral("/tmp/orion-profile/node.lock"));
        QVERIFY(Profile::defaultDirectory().endsWith(QStringLiteral("/orion")));
        QCOMPARE(Profile::fromOption({}).directory(),
                 Profile(Profile::defaultDirectory()).directory());
        QCOMPARE(Profile::fromOption(QStringLiteral("/x/y")).directory(), QStringLiteral("/x/y"));
    }

    void createIsOwnerOnly() {
        QTemporaryDir tmp;
        const Profile p(tmp.filePath(QStringLiteral("a/b")));
        QVERIFY(!p.exists());
        QVERIFY(p.create().ok());
        QVERIFY(p.exists());
        QVERIFY(!p.hasIdentity());
        const auto perms = QFile::permissions(p.directory());
        QVERIFY(perms & QFileDevice::ReadOwner);
        QVERIFY(!(perms & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::ExeOther |
                           QFileDevice::WriteGroup | QFileDevice::WriteOther)));
        QVERIFY(QFileInfo(p.containersDirectory()).isDir());
        auto settings = p.settings();
        settings->setValue(QStringLiteral("network/port"), 7400);
        settings->sync();
        QCOMPARE(QSettings(p.settingsPath(), QSettings::IniFormat).value("network/port").toInt(),
                 7400);
    }

    void lockRefusesASecondHolder() {
        QTemporaryDir tmp;
        const Profile p(tmp.path());
        auto first = ProfileLock::acquire(p);
        QVERIFY(first.ok());
        QVERIFY(QFile::exists(p.lockPath()));
        auto second = ProfileLock::acquire(p);
        QVERIFY(!second.ok());
        QVERIFY2(second.error().contains(QStringLiteral("in use")), qPrintable(second.error()));
        QVERIFY2(second.error().contains(QString::number(QCoreApplication::applicationPid())),
                 qPrintable(second.error()));
        first.value().reset();
        QVERIFY(!QFile::exists(p.lockPath()));
        QVERIFY(ProfileLock::acquire(p).ok());
    }

    void lockOfADeadProcessIsTakenOver() {
        QTemporaryDir tmp;
        const Profile p(tmp.path());
        QVERIFY(p.create().ok());
        // A process that has exited: its PID is recorded in a leftover lock file.
        QProcess child;
        child.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QStringLiteral("echo $$")});
        QVERIFY(child.waitForFinished());
        const QByteArray deadPid = child.readAllStandardOutput().trimmed();
        QVERIFY(!deadPid.isEmpty());
        QFile lock(p.lockPath());
        QVERIFY(lock.open(QIODevice::WriteOnly));
        lock.write(deadPid + "\norion-node\n" + QSysInfo::machineHostName().toUtf8() + "\n");
        lock.close();
        auto taken = ProfileLock::acquire(p);
        QVERIFY2(taken.ok(), qPrintable(taken.ok() ? QString() : taken.error()));
        QVERIFY(!ProfileLock::acquire(p).ok());
    }
};

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_profile.moc"
