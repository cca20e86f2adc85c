// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/AtomicFile.h"
#include "util/Hex.h"

#include <QtTest>

#include <QDir>
#include <QTemporaryDir>

using orion::util::AtomicFile;
using orion::util::Hex;

class TestAtomicFile : public QObject {
    Q_OBJECT

    static QByteArray read(const QString &path) {
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }

private Q_SLOTS:
    void writesWithPermissions() {
        QTemporaryDir dir;
        const QString secret = dir.filePath("secret");
        QVERIFY(AtomicFile::write(secret, "s3cret").ok());
        QCOMPARE(read(secret), QByteArray("s3cret"));
        QCOMPARE(QFile::permissions(secret) & 0x0777,
                 QFileDevice::ReadUser | QFileDevice::WriteUser);
        QVERIFY(!(QFile::permissions(secret) & (QFileDevice::ReadGroup | QFileDevice::ReadOther)));
        const QString pub = dir.filePath("public");
        QVERIFY(AtomicFile::write(pub, "hello", AtomicFile::Access::Readable).ok());
        QVERIFY(QFile::permissions(pub) & QFileDevice::ReadOwner);
        QVERIFY(AtomicFile::write(secret, "replaced").ok());
        QCOMPARE(read(secret), QByteArray("replaced"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 2); // no temporaries left
    }

    void interruptionLeavesTheOldFile() {
        QTemporaryDir dir;
        const QString file = dir.filePath("state");
        QVERIFY(AtomicFile::write(file, "old").ok());
        AtomicFile interrupted(file);
        interrupted.setInterruptBeforeCommit(true);
        const auto status = interrupted.write("new contents");
        QVERIFY(!status.ok());
        QVERIFY(status.error().contains(QStringLiteral("interrupted")));
        QCOMPARE(read(file), QByteArray("old"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("state")});
    }

    void failsIntoMissingDirectory() {
        QTemporaryDir dir;
        QVERIFY(!AtomicFile::write(dir.filePath("no/such/dir/file"), "x").ok());
    }

    void strictHex() {
        QCOMPARE(Hex::decode(u"00ff10").value(), QByteArray::fromHex("00ff10"));
        QVERIFY(!Hex::decode(u"00FF10").has_value());
        QVERIFY(!Hex::decode(u"0").has_value());
        QVERIFY(!Hex::decode(u"0011", 3).has_value());
        QCOMPARE(Hex::encode(QByteArray::fromHex("abcd")), QStringLiteral("abcd"));
    }
};

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomicfile.moc"
