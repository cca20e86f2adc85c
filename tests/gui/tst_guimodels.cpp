// SPDX-License-Identifier: GPL-3.0-or-later
// The non-widget parts of the desktop app: models update in place, the log stays bounded,
// settings have defaults, autostart entries, one instance per profile, passphrase strength.
#include "desktop/AppSettings.h"
#include "desktop/DesktopIntegration.h"
#include "desktop/LanguageManager.h"
#include "desktop/SingleInstance.h"
#include "models/LogFilterModel.h"
#include "models/LogModel.h"
#include "models/RoutingTableModel.h"
#include "widgets/KeySpaceView.h"
#include "wizard/PassphraseStrength.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace orion;
using namespace orion::app;

namespace {
facade::ContactInfo contact(quint8 lead, facade::ContactState state, int rtt = 10) {
    std::array<std::uint8_t, identity::Key160::kBytes> bytes{};
    bytes[0] = lead;
    bytes[19] = lead;
    facade::ContactInfo c;
    c.id = identity::Key160(bytes);
    c.bucket = lead >> 4;
    c.prefixBits = lead >> 4;
    c.address = QStringLiteral("127.0.0.1:%1").arg(7000 + lead);
    c.rttMs = rtt;
    c.state = state;
    return c;
}
} // namespace

class TestGuiModels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void routingModelUpdatesInPlace() {
        models::RoutingTableModel model;
        QAbstractItemModelTester tester(&model);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        facade::RoutingSnapshot snap;
        snap.contacts = {contact(0x10, facade::ContactState::Connected),
                         contact(0x20, facade::ContactState::Known),
                         contact(0x30, facade::ContactState::Known)};
        model.applySnapshot(snap);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(inserted.size(), 1);

        // Same snapshot: nothing to tell the views.
        model.applySnapshot(snap);
        QCOMPARE(changed.size(), 0);

        // One changes, one leaves, one arrives.
        snap.contacts[0].rttMs = 42;
        snap.contacts.removeAt(1);
        snap.contacts.append(contact(0x40, facade::ContactState::Failing));
        model.applySnapshot(snap);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.contactAt(0).rttMs, 42);
        QCOMPARE(model.index(0, models::RoutingTableModel::RttColumn).data().toString(),
                 QStringLiteral("42 ms"));
        QCOMPARE(model.contactAt(2).id, snap.contacts[2].id);
        QCOMPARE(resets.size(), 0);

        model.applySnapshot({});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(resets.size(), 0);
    }

    void logModelIsABoundedRing() {
        models::LogModel model(5);
        QAbstractItemModelTester tester(&model);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QList<facade::LogEntry> batch;
        for (int i = 1; i <= 7; ++i) {
            batch.append({quint64(i), QDateTime::currentDateTime(),
                          i % 2 ? facade::LogLevel::Info : facade::LogLevel::Error,
                          QStringLiteral("orion.test"), QStringLiteral("entry %1").arg(i)});
        }
        model.append(batch.mid(0, 4));
        model.append(batch.mid(4));
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.index(0, models::LogModel::MessageColumn).data().toString(),
                 QStringLiteral("entry 3"));
        QCOMPARE(model.index(4, models::LogModel::MessageColumn).data().toString(),
                 QStringLiteral("entry 7"));
        QCOMPARE(resets.size(), 0);

        models::LogFilterModel filter;
        filter.setSourceModel(&model);
        filter.setMinimumLevel(facade::LogLevel::Error);
        QCOMPARE(filter.rowCount(), 2); // entries 4 and 6
        filter.setMinimumLevel(facade::LogLevel::Debug);
        filter.setFilterFixedString(QStringLiteral("entry 5"));
        QCOMPARE(filter.rowCount(), 1);
    }

    void keySpacePlacesKeysByLeadingBits() {
        QCOMPARE(widgets::KeySpaceView::turnOf(identity::Key160()), 0.0);
        QCOMPARE(widgets::KeySpaceView::turnOf(contact(0x80, facade::ContactState::Known).id), 0.5);
        widgets::KeySpaceView view;
        facade::RoutingSnapshot snap;
        snap.self = contact(0x01, facade::ContactState::Known).id;
        snap.contacts = {contact(0x40, facade::ContactState::Connected)};
        view.setSnapshot(snap);
        view.resize(300, 300);
        QVERIFY(!view.grab().isNull());
    }

    void settingsHaveDefaultsAndPersist() {
        QTemporaryDir tmp;
        {
            desktop::AppSettings settings(tmp.path());
            QCOMPARE(settings.port(), desktop::AppSettings::kDefaultPort);
            QVERIFY(settings.closeToTray());
            QVERIFY(!settings.startMinimized());
            QVERIFY(!settings.startAtLogin());
            QVERIFY(settings.language().isEmpty());
            // Reading alone writes nothing into the profile.
            QVERIFY(!QFileInfo::exists(settings.fileName()));
            QSignalSpy changed(&settings, &desktop::AppSettings::changed);
            settings.setPort(7555);
            settings.setCloseToTray(false);
            settings.setLanguage(QStringLiteral("de"));
            QCOMPARE(changed.size(), 3);
        }
        desktop::AppSettings again(tmp.path());
        QCOMPARE(again.port(), quint16(7555));
        QVERIFY(!again.closeToTray());
        QCOMPARE(again.language(), QStringLiteral("de"));
    }

    void autostartEntryIsWrittenAndRemoved() {
        QTemporaryDir config;
        const QString profile = config.filePath(QStringLiteral("my profile"));
        const QString path = desktop::DesktopIntegration::autostartPath(config.path());
        QCOMPARE(path, config.filePath(QStringLiteral("autostart/orion.desktop")));
        QVERIFY(desktop::DesktopIntegration::setAutostart(true, profile, config.path()).ok());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray entry = file.readAll();
        QVERIFY(entry.startsWith("[Desktop Entry]\n"));
        QVERIFY(entry.contains("--minimized --profile \"" + profile.toUtf8() + "\""));
        QVERIFY(desktop::DesktopIntegration::setAutostart(false, profile, config.path()).ok());
        QVERIFY(!QFileInfo::exists(path));
    }

    void secondInstanceActivatesTheFirst() {
        QTemporaryDir tmp;
        desktop::SingleInstance first(tmp.path());
        QVERIFY(!first.notifyRunningInstance(500));
        QVERIFY(first.listen());
        QSignalSpy activated(&first, &desktop::SingleInstance::activationRequested);
        desktop::SingleInstance second(tmp.path() + QStringLiteral("/"));
        QVERIFY(second.notifyRunningInstance(2000));
        QTRY_COMPARE(activated.size(), 1);

        QTemporaryDir other;
        QVERIFY(desktop::SingleInstance::serverName(other.path()) !=
                desktop::SingleInstance::serverName(tmp.path()));
    }

    void passphraseStrengthRanks() {
        using wizard::PassphraseStrength;
        QCOMPARE(PassphraseStrength::score(QString()), 0);
        QCOMPARE(PassphraseStrength::score(QStringLiteral("abc")), 0);
        QCOMPARE(PassphraseStrength::score(QStringLiteral("password1")), 0);
        QCOMPARE(PassphraseStrength::score(QStringLiteral("aaaaaaaaaaaa")), 0);
        QVERIFY(PassphraseStrength::score(QStringLiteral("correct horse battery staple")) >= 3);
        QVERIFY(PassphraseStrength::score(QStringLiteral("Tr0ub4dor&3xQ!")) >= 2);
        QVERIFY(!PassphraseStrength::hint(QStringLiteral("short")).isEmpty());
    }

    void germanCatalogueIsShipped() {
        QVERIFY(desktop::LanguageManager::available().contains(QStringLiteral("de")));
        desktop::LanguageManager manager;
        QCOMPARE(manager.apply(QStringLiteral("de")), QStringLiteral("de"));
        QCOMPARE(models::RoutingTableModel::stateText(facade::ContactState::Connected),
                 QStringLiteral("Verbunden"));
        QCOMPARE(manager.apply(QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(models::RoutingTableModel::stateText(facade::ContactState::Connected),
                 QStringLiteral("Connected"));
    }
};

QTEST_MAIN(TestGuiModels)
#include "tst_guimodels.moc"
