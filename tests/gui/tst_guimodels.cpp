// SPDX-License-Identifier: GPL-3.0-or-later
// The non-widget parts of the desktop app: models update in place, the log stays bounded,
// settings have defaults, autostart entries, one instance per profile, passphrase strength,
// console results land on their message's row, NET-Script colours come from the palette.
#include "desktop/AppSettings.h"
#include "desktop/DesktopIntegration.h"
#include "desktop/LanguageManager.h"
#include "desktop/SingleInstance.h"
#include "models/ContainerListModel.h"
#include "models/LogFilterModel.h"
#include "models/LogModel.h"
#include "models/MessageLogModel.h"
#include "models/RoutingTableModel.h"
#include "widgets/KeySpaceView.h"
#include "widgets/NetScriptHighlighter.h"
#include "wizard/PassphraseStrength.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
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

    void consoleResultsUpdateTheirMessage() {
        models::MessageLogModel model;
        QAbstractItemModelTester tester(&model);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        auto event = [](quint64 request, facade::ConsoleEvent kind) {
            facade::ConsoleMessage m;
            m.requestId = request;
            m.event = kind;
            return m;
        };
        facade::ConsoleMessage delivered = event(1, facade::ConsoleEvent::Delivered);
        delivered.hops = 2;
        facade::ConsoleMessage failed = event(2, facade::ConsoleEvent::Failed);
        failed.status = QStringLiteral("NoRoute: nowhere");
        // A result in the same batch as its message updates the row before it is inserted.
        model.append(
            {event(1, facade::ConsoleEvent::Sent), event(2, facade::ConsoleEvent::Sent), failed});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.outcomeAt(1), facade::ConsoleEvent::Failed);
        QCOMPARE(model.resultText(1), QStringLiteral("Failed: NoRoute: nowhere"));
        QCOMPARE(model.outcomeAt(0), facade::ConsoleEvent::Sent);
        // Later results change the row in place; a reply is a row of its own.
        model.append({delivered});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.resultText(0), QStringLiteral("Delivered after 2 hop(s)"));
        facade::ConsoleMessage reply = event(1, facade::ConsoleEvent::Reply);
        reply.body = "pong";
        model.append({reply});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.outcomeAt(0), facade::ConsoleEvent::Reply);
        QCOMPARE(model.messageAt(2).body, QByteArray("pong"));
        // A late receipt does not hide the reply.
        model.append({delivered});
        QCOMPARE(model.outcomeAt(0), facade::ConsoleEvent::Reply);
    }

    void containerListUpdatesInPlace() {
        models::ContainerListModel model;
        QAbstractItemModelTester tester(&model);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        auto info = [](const QString &name, facade::ContainerState state, quint64 in = 0) {
            facade::ContainerInfo c;
            c.name = name;
            c.key = QString(40, QLatin1Char('a'));
            c.state = state;
            c.messagesIn = in;
            return c;
        };
        model.applySnapshot({info(QStringLiteral("alpha"), facade::ContainerState::Running),
                             info(QStringLiteral("gamma"), facade::ContainerState::Stopped)});
        QCOMPARE(model.rowCount(), 2);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.applySnapshot({info(QStringLiteral("alpha"), facade::ContainerState::Running, 3),
                             info(QStringLiteral("beta"), facade::ContainerState::Broken),
                             info(QStringLiteral("gamma"), facade::ContainerState::Stopped)});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowOf(QStringLiteral("beta")), 1);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.index(0, models::ContainerListModel::MessagesColumn).data().toString(),
                 QStringLiteral("3"));
        model.applySnapshot({info(QStringLiteral("gamma"), facade::ContainerState::Running)});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.containerAt(0).state, facade::ContainerState::Running);
        QCOMPARE(resets.size(), 0);
    }

    void netScriptColoursComeFromThePalette() {
        QTextDocument document;
        widgets::NetScriptHighlighter highlighter(&document);
        QPalette palette;
        palette.setColor(QPalette::Link, QColor(10, 20, 30));
        palette.setColor(QPalette::PlaceholderText, QColor(40, 50, 60));
        highlighter.setPalette(palette);
        document.setPlainText(QStringLiteral("(defun main () ; hi\n  (reply \"a;b\" 42))"));
        auto formatAt = [&](int blockNumber, int column) {
            const QTextBlock block = document.findBlockByNumber(blockNumber);
            for (const QTextLayout::FormatRange &r : block.layout()->formats()) {
                if (column >= r.start && column < r.start + r.length) {
                    return r.format;
                }
            }
            return QTextCharFormat();
        };
        // A new highlighter's first pass is deferred to the event loop; run it now.
        highlighter.rehighlight();
        QCOMPARE(formatAt(0, 1).foreground().color(), QColor(10, 20, 30)); // defun
        QCOMPARE(formatAt(0, 1).fontWeight(), int(QFont::Bold));
        QCOMPARE(formatAt(0, 16).foreground().color(), QColor(40, 50, 60)); // ; hi
        QVERIFY(formatAt(0, 16).fontItalic());
        // A ';' inside a string is not a comment; the string and the number are coloured.
        const QColor string = formatAt(1, 10).foreground().color();
        QVERIFY(formatAt(1, 10).hasProperty(QTextFormat::ForegroundBrush));
        QCOMPARE(formatAt(1, 11).foreground().color(), string);
        QVERIFY(!formatAt(1, 11).fontItalic());
        QVERIFY(formatAt(1, 15).hasProperty(QTextFormat::ForegroundBrush)); // 42
        QVERIFY(formatAt(1, 3).hasProperty(QTextFormat::ForegroundBrush));  // reply (built-in)
        QVERIFY(!formatAt(1, 15).fontItalic());
        QVERIFY(widgets::NetScriptHighlighter::specialForms().contains(QStringLiteral("defun")));
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

    void settingsDocsListTheAppKeys() {
        QFile doc(QStringLiteral(ORION_SOURCE_DIR "/docs/settings.md"));
        QVERIFY(doc.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(doc.readAll());
        const qsizetype gui = text.indexOf(QLatin1String("\n## [gui]\n"));
        QVERIFY(gui >= 0);
        const QString section = text.mid(gui, text.indexOf(QLatin1String("\n## "), gui + 1) - gui);
        for (const node::SettingInfo &info : desktop::AppSettings::settingKeys()) {
            QVERIFY(info.key.startsWith(QLatin1String("gui/")));
            const QString shown =
                info.defaultValue.isEmpty() ? QStringLiteral("—") : info.defaultValue;
            const QString row = QStringLiteral("| `%1` | %2 |").arg(info.key.mid(4), shown);
            QVERIFY2(section.contains(row), qPrintable(row));
        }
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

    void autostartEntryFollowsTheInstalledTemplate() {
        // Not installed: the entry compiled into the program.
        QCOMPARE(desktop::DesktopIntegration::autostartTemplatePath(),
                 QStringLiteral(":/packaging/autostart.desktop"));

        // Installed: <prefix>/share/orion/autostart/orion.desktop beside <prefix>/bin.
        const QDir prefix(QCoreApplication::applicationDirPath() + QStringLiteral("/.."));
        const QString shareDir = prefix.filePath(QStringLiteral("share"));
        QVERIFY2(!QFileInfo::exists(shareDir), qPrintable(shareDir));
        const auto removeShare = qScopeGuard([&] { QDir(shareDir).removeRecursively(); });
        QVERIFY(QDir().mkpath(shareDir + QStringLiteral("/orion/autostart")));
        const QString installed = shareDir + QStringLiteral("/orion/autostart/orion.desktop");
        QFile templateFile(installed);
        QVERIFY(templateFile.open(QIODevice::WriteOnly));
        templateFile.write("[Desktop Entry]\nType=Application\nName=Orion (packaged)\n"
                           "Exec=orion --minimized --from-package\nIcon=org.orion.Orion\n");
        templateFile.close();
        QCOMPARE(desktop::DesktopIntegration::autostartTemplatePath(), QDir::cleanPath(installed));

        QTemporaryDir config;
        const QString profile = config.filePath(QStringLiteral("profile"));
        QVERIFY(desktop::DesktopIntegration::setAutostart(true, profile, config.path()).ok());
        QFile entryFile(desktop::DesktopIntegration::autostartPath(config.path()));
        QVERIFY(entryFile.open(QIODevice::ReadOnly));
        const QByteArray entry = entryFile.readAll();
        QVERIFY(entry.contains("\nName=Orion (packaged)\n"));
        QVERIFY(entry.contains("\nExec=\"" + QCoreApplication::applicationFilePath().toUtf8() +
                               "\" --minimized --from-package --profile \"" + profile.toUtf8() +
                               "\"\n"));
        QCOMPARE(entry.count("Exec="), 1);
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
