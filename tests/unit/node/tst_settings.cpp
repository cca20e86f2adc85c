// SPDX-License-Identifier: GPL-3.0-or-later
// Settings: profiles written by the old orion-node init and by the old desktop app both
// read and migrate to one version key; reading alone writes nothing; a newer file is left
// alone; docs/settings.md lists exactly the keys of the registry, with their defaults.
#include "node/NodeConfig.h"
#include "node/Settings.h"
#include "node/SettingsRegistry.h"

#include <QFile>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace orion;
using namespace orion::node;

namespace {

QString write(const QTemporaryDir &tmp, const QByteArray &ini) {
    const QString path = tmp.filePath(QStringLiteral("settings.ini"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(ini) != ini.size()) {
        qFatal("cannot write %s", qPrintable(path));
    }
    return path;
}

// The rows "| `name` | default | ..." of each "## [group]" section of docs/settings.md.
QMap<QString, QString> documentedKeys() {
    QFile doc(QStringLiteral(ORION_SOURCE_DIR "/docs/settings.md"));
    if (!doc.open(QIODevice::ReadOnly)) {
        qFatal("cannot read docs/settings.md");
    }
    QMap<QString, QString> keys;
    QString group;
    const QRegularExpression section(QStringLiteral("^## \\[(\\w+)\\]"));
    const QRegularExpression row(QStringLiteral("^\\| `(\\w+)` \\| ([^|]*) \\|"));
    for (const QString &line : QString::fromUtf8(doc.readAll()).split(QLatin1Char('\n'))) {
        if (const auto m = section.match(line); m.hasMatch()) {
            group = m.captured(1);
        } else if (const auto r = row.match(line); r.hasMatch() && !group.isEmpty()) {
            keys.insert(group + QLatin1Char('/') + r.captured(1), r.captured(2).trimmed());
        } else if (line.startsWith(QLatin1String("## "))) {
            group.clear();
        }
    }
    return keys;
}

} // namespace

class TestSettings : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void anOldCliProfileReadsAndMigrates() {
        QTemporaryDir tmp;
        // As orion-node init wrote it before version 2.
        const QString path = write(tmp, "[%General]\nsettingsVersion=1\n\n[network]\nport=7411\n"
                                        "addresses=127.0.0.1, node.example.org\n");
        Settings settings(path);
        QCOMPARE(settings.version(), 1);
        QCOMPARE(settings.port(), quint16(7411));
        const QStringList addresses{QStringLiteral("127.0.0.1"),
                                    QStringLiteral("node.example.org")};
        QCOMPARE(settings.addresses(), addresses);
        auto config = NodeConfig::fromSettings(settings.qsettings());
        QVERIFY(config.ok());
        QCOMPARE(config->listenPort, quint16(7411));
        QCOMPARE(config->advertisedAddresses, addresses);

        QVERIFY(settings.migrateFile());
        QCOMPARE(settings.version(), Settings::kVersion);
        QVERIFY(!settings.migrateFile());
        const QSettings after(path, QSettings::IniFormat);
        QCOMPARE(after.value(QStringLiteral("settings/version")).toInt(), Settings::kVersion);
        QCOMPARE(after.value(QStringLiteral("network/port")).toInt(), 7411);
        QCOMPARE(after.value(QStringLiteral("network/addresses")).toStringList(), addresses);
    }

    void anOldDesktopProfileReadsAndMigrates() {
        QTemporaryDir tmp;
        // As the desktop app wrote it before version 2: its own version key, no general one.
        const QString path = write(tmp, "[gui]\nversion=1\ncloseToTray=false\nlanguage=de\n\n"
                                        "[network]\nport=7422\n");
        Settings settings(path);
        QCOMPARE(settings.version(), 1);
        QCOMPARE(settings.port(), quint16(7422));
        QCOMPARE(NodeConfig::fromSettings(settings.qsettings())->listenPort, quint16(7422));
        QVERIFY(settings.migrateFile());
        const QSettings after(path, QSettings::IniFormat);
        QVERIFY(!after.contains(QStringLiteral("gui/version")));
        QCOMPARE(after.value(QStringLiteral("settings/version")).toInt(), Settings::kVersion);
        QCOMPARE(after.value(QStringLiteral("gui/closeToTray")).toBool(), false);
        QCOMPARE(after.value(QStringLiteral("gui/language")).toString(), QStringLiteral("de"));
        QCOMPARE(after.value(QStringLiteral("network/port")).toInt(), 7422);
    }

    void aProfileWithBothOldKeysMigrates() {
        QTemporaryDir tmp;
        // orion-node init first, then the desktop app on the same profile.
        const QString path = write(
            tmp, "[%General]\nsettingsVersion=1\n\n[gui]\nversion=1\n\n[network]\nport=7433\n");
        Settings settings(path);
        settings.setPort(7434); // a write migrates too
        QVERIFY(settings.sync().ok());
        const QSettings after(path, QSettings::IniFormat);
        QVERIFY(!after.contains(QStringLiteral("gui/version")));
        QCOMPARE(after.value(QStringLiteral("settings/version")).toInt(), Settings::kVersion);
        QCOMPARE(after.value(QStringLiteral("network/port")).toInt(), 7434);
    }

    void readingAloneWritesNothing() {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("settings.ini"));
        {
            Settings settings(path);
            QCOMPARE(settings.version(), 0);
            QCOMPARE(settings.port(), quint16(7400));
            QVERIFY(settings.addresses().isEmpty());
            QVERIFY(!settings.migrateFile());
        }
        QVERIFY(!QFile::exists(path));
        {
            Settings settings(path);
            settings.setPort(7500);
            QVERIFY(settings.sync().ok());
        }
        QCOMPARE(Settings(path).version(), Settings::kVersion);
    }

    void aNewerFileIsLeftAsItIs() {
        QTemporaryDir tmp;
        const QString path = write(tmp, "[settings]\nversion=99\n\n[gui]\nversion=1\n");
        Settings settings(path);
        QVERIFY(!settings.migrateFile());
        settings.setPort(7501);
        QVERIFY(settings.sync().ok());
        const QSettings after(path, QSettings::IniFormat);
        QCOMPARE(after.value(QStringLiteral("settings/version")).toInt(), 99);
        QVERIFY(after.contains(QStringLiteral("gui/version")));
    }

    void theOldCliVersionKeyIsReadAsQSettingsStoresIt() {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("settings.ini"));
        {
            // Exactly what orion-node init did before version 2.
            QSettings old(path, QSettings::IniFormat);
            old.setValue(QStringLiteral("general/settingsVersion"), 1);
            old.setValue(QStringLiteral("network/port"), 7440);
        }
        Settings settings(path);
        QCOMPARE(settings.version(), 1);
        QVERIFY(settings.migrateFile());
        const QSettings after(path, QSettings::IniFormat);
        QCOMPARE(after.allKeys().size(), 2);
        QCOMPARE(after.value(QStringLiteral("settings/version")).toInt(), Settings::kVersion);
        QCOMPARE(after.value(QStringLiteral("network/port")).toInt(), 7440);
    }

    void docsListEveryKeyOfTheRegistry() {
        const QMap<QString, QString> documented = documentedKeys();
        QSet<QString> registered;
        for (const SettingInfo &info : SettingsRegistry::nodeKeys()) {
            registered.insert(info.key);
            QVERIFY2(documented.contains(info.key), qPrintable(info.key + " is not documented"));
            const QString doc = documented.value(info.key);
            if (info.defaultValue.isEmpty()) {
                QVERIFY2(doc == u"—" || doc == u"any", qPrintable(info.key + ": " + doc));
            } else {
                QVERIFY2(doc == info.defaultValue, qPrintable(info.key + ": docs say " + doc +
                                                              ", code " + info.defaultValue));
            }
        }
        for (auto it = documented.begin(); it != documented.end(); ++it) {
            if (!it.key().startsWith(QLatin1String("gui/"))) { // the desktop app's own keys
                QVERIFY2(registered.contains(it.key()),
                         qPrintable(it.key() + " is documented but not in the registry"));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
