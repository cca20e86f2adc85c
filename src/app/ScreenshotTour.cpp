// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScreenshotTour.h"

#include "Application.h"
#include "facade/NodeHost.h"
#include "models/ContainerListModel.h"
#include "models/MessageLogModel.h"
#include "models/RoutingTableModel.h"
#include "node/BootstrapList.h"
#include "node/NodeRunner.h"
#include "widgets/ScriptEditor.h"
#include "windows/ConsolePage.h"
#include "windows/ContainersPage.h"
#include "windows/LogPage.h"
#include "windows/MainWindow.h"
#include "windows/NetworkDialog.h"
#include "windows/RoutingPage.h"
#include "windows/StatusPage.h"
#include "windows/UnlockDialog.h"
#include "wizard/SetupModel.h"
#include "wizard/SetupWizard.h"

#include <QAbstractButton>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <functional>

namespace orion::app {

namespace {

bool waitUntil(const std::function<bool()> &done, int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired()) {
            return false;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(20);
    }
    return true;
}

void settle() {
    waitUntil([] { return false; }, 300);
}

bool save(QWidget *widget, const QString &dir, const QString &name) {
    settle();
    const QString path = QDir(dir).filePath(name + QStringLiteral(".png"));
    const bool ok = widget->grab().save(path);
    std::fprintf(stderr, "%s %s\n", ok ? "wrote" : "FAILED", qPrintable(path));
    return ok;
}

void loopback(node::NodeConfig &c) {
    c.listenAddress = QHostAddress::LocalHost;
    c.listenPort = 0;
    c.overlay.routing.addressLimits = false;
    c.overlay.requestTimeoutMs = 2000;
    c.overlay.refreshIntervalMs = 3000;
    c.overlay.maintenanceIntervalMs = 1000;
    c.bootstrapIntervalMs = 1000;
    c.transport.maxPerAddress = 10000;
    c.transport.maxHandshakingPerAddress = 10000;
    c.transport.maxHandshakingPerSubnet = 10000;
    c.transport.acceptsPerSecondPerAddress = 10000;
    c.transport.maxInbound = 10000;
    c.transport.maxHandshaking = 10000;
}

} // namespace

int ScreenshotTour::run(const QString &outputDir) {
    QDir().mkpath(outputDir);
    QTemporaryDir tmp;
    const QString profileDir = tmp.filePath(QStringLiteral("laptop"));
    const QString passphrase = QStringLiteral("orbit lantern quietly seven");
    bool ok = true;

    // Peers first, so the wizard can join their network with a real member file.
    const identity::NetworkKey network = identity::NetworkKey::generate();
    std::vector<std::unique_ptr<node::NodeRunner>> peers;
    std::optional<identity::MemberRecord> seed;
    for (int i = 0; i < 4; ++i) {
        const node::Profile profile(tmp.filePath(QStringLiteral("peer-%1").arg(i)));
        (void)profile.create();
        if (seed) {
            (void)node::BootstrapList::add(profile, *seed, network.networkId());
        }
        node::NodeConfig config;
        loopback(config);
        auto thread = std::make_unique<node::NodeRunner>(std::make_unique<node::Node>(
            profile, identity::NodeIdentity::generate(), network.clone(), config));
        if (!thread->start()) {
            std::fprintf(stderr, "a peer could not start\n");
            return 1;
        }
        if (!seed) {
            identity::MemberRecord record;
            auto *n = thread->node();
            thread->call([&] { record = n->memberRecord(); });
            seed = record;
        }
        peers.push_back(std::move(thread));
    }
    const QString seedFile = tmp.filePath(QStringLiteral("friend.member.json"));
    {
        QFile out(seedFile);
        (void)out.open(QIODevice::WriteOnly);
        out.write(seed->toJson());
    }

    // A genuine member file, but of a node in another network.
    const QString foreignFile = tmp.filePath(QStringLiteral("other-network.member.json"));
    {
        const identity::NodeIdentity stranger = identity::NodeIdentity::generate();
        identity::MemberRecord record =
            identity::MemberRecord::create(stranger, identity::NetworkKey::generate().networkId(),
                                           {QStringLiteral("192.0.2.7")}, 7400);
        record.sign(stranger);
        QFile out(foreignFile);
        (void)out.open(QIODevice::WriteOnly);
        out.write(record.toJson());
    }

    crypto::SecureBuffer secret;
    {
        wizard::SetupModel model(profileDir);
        model.setKeyLimits(crypto::Argon2id::Limits::interactive());
        wizard::SetupWizard wizard(&model);
        wizard.show();
        auto find = [&](const char *name) {
            return wizard.findChild<QWidget *>(QLatin1String(name));
        };
        ok &= save(&wizard, outputDir, QStringLiteral("wizard-1-welcome"));
        wizard.next();
        static_cast<QPushButton *>(find("runButton"))->click();
        waitUntil([&] { return model.hasIdentity(); }, 30000);
        ok &= save(&wizard, outputDir, QStringLiteral("wizard-2-identity"));
        wizard.next();
        static_cast<QLineEdit *>(find("passphraseEdit"))->setText(passphrase);
        static_cast<QLineEdit *>(find("confirmEdit"))->setText(passphrase);
        ok &= save(&wizard, outputDir, QStringLiteral("wizard-3-passphrase"));
        wizard.next();
        static_cast<QAbstractButton *>(find("joinRadio"))->setChecked(true);
        static_cast<QLineEdit *>(find("joinKeyEdit"))->setText(network.toText());
        // First a member file of another network (a common mix-up), then the right one.
        auto *memberEdit = static_cast<QLineEdit *>(find("memberEdit"));
        memberEdit->setText(foreignFile);
        Q_EMIT memberEdit->editingFinished();
        ok &= save(&wizard, outputDir, QStringLiteral("wizard-4-network-wrong-file"));
        memberEdit->setText(seedFile);
        Q_EMIT memberEdit->editingFinished();
        ok &= save(&wizard, outputDir, QStringLiteral("wizard-4-network"));
        wizard.next();
        QTcpServer probe;
        probe.listen(QHostAddress::Any, 0);
        const int port = probe.serverPort();
        probe.close();
        static_cast<QSpinBox *>(find("portSpin"))->setValue(port);
        ok &= save(&wizard, outputDir, QStringLiteral("wizard-5-port"));
        wizard.next();
        ok &= save(&wizard, outputDir, QStringLiteral("wizard-6-summary"));
        wizard.button(QWizard::FinishButton)->click();
        if (!waitUntil([&] { return model.isCommitted(); }, 60000)) {
            std::fprintf(stderr, "the wizard did not finish\n");
            return 1;
        }
        secret = model.passphrase().clone();
    }

    // The unlock dialog as the next start shows it, after a mistyped passphrase.
    {
        windows::UnlockDialog unlock(node::Profile(profileDir).identityPath(),
                                     QStringLiteral("laptop"));
        unlock.show();
        unlock.findChild<QLineEdit *>(QStringLiteral("passphraseEdit"))
            ->setText(QStringLiteral("orbit lantern quietly"));
        unlock.accept();
        auto *edit = unlock.findChild<QLineEdit *>(QStringLiteral("passphraseEdit"));
        waitUntil([&] { return edit->isEnabled(); }, 30000);
        ok &= save(&unlock, outputDir, QStringLiteral("unlock-wrong-passphrase"));
    }

    Application::Options options;
    options.profileDir = profileDir;
    options.trayMode = desktop::DesktopIntegration::TrayMode::Never;
    Application app(options,
                    [](const QString &dir, std::shared_ptr<const crypto::SecureBuffer> pass) {
                        return std::make_unique<facade::NodeHost>(dir, std::move(pass), &loopback);
                    });
    app.startSession(std::move(secret));
    windows::MainWindow *window = app.window();
    waitUntil([&] { return window->routingPage()->model()->rowCount() >= 4; }, 60000);
    waitUntil([&] { return app.node()->status()->current().activePeers >= 2; }, 20000);
    // Let the log gather a few entries too.
    settle();
    window->showPage(window->routingPage());
    ok &= save(window, outputDir, QStringLiteral("main-routing"));
    // A container deployed from the page, one message to it, then a program being edited
    // with a mistake in it.
    windows::ContainersPage *containers = window->containersPage();
    window->showPage(containers);
    containers->findChild<QLineEdit *>(QStringLiteral("nameEdit"))
        ->setText(QStringLiteral("greeter"));
    waitUntil(
        [&] {
            return containers->findChild<QPushButton *>(QStringLiteral("deployButton"))
                ->isEnabled();
        },
        10000);
    containers->findChild<QPushButton *>(QStringLiteral("deployButton"))->click();
    waitUntil([&] { return containers->model()->rowOf(QStringLiteral("greeter")) >= 0; }, 10000);
    if (containers->model()->rowCount() > 0) {
        app.node()->messages()->send(containers->model()->containerAt(0).key, QString(),
                                     "hi from the tour");
        app.node()->messages()->send(containers->model()->containerAt(0).key, QString(),
                                     "and once more");
    }
    waitUntil(
        [&] {
            return containers->model()->rowCount() > 0 &&
                   containers->model()->containerAt(0).messagesIn >= 2;
        },
        10000);
    QPlainTextEdit *editor = containers->editor();
    QTextCursor cursor = editor->document()->find(QStringLiteral("concat"));
    if (!cursor.isNull()) {
        cursor.insertText(QStringLiteral("concatt"));
    }
    waitUntil([&] { return containers->editor()->hasError(); }, 10000);
    ok &= save(window, outputDir, QStringLiteral("main-containers"));

    window->showPage(window->consolePage());
    auto *target = window->consolePage()->findChild<QLineEdit *>(QStringLiteral("targetEdit"));
    target->setText(window->routingPage()->model()->contactAt(0).id.toHex());
    window->consolePage()
        ->findChild<QLineEdit *>(QStringLiteral("bodyEdit"))
        ->setText(QStringLiteral("hello from the console"));
    window->consolePage()
        ->findChild<QLineEdit *>(QStringLiteral("serviceEdit"))
        ->setText(QStringLiteral("echo"));
    window->consolePage()->findChild<QPushButton *>(QStringLiteral("sendButton"))->click();
    window->consolePage()
        ->findChild<QLineEdit *>(QStringLiteral("bodyEdit"))
        ->setText(QStringLiteral("{\"text\": \"JSON travels as JSON\"}"));
    window->consolePage()->findChild<QPushButton *>(QStringLiteral("sendButton"))->click();
    target->setText(app.node()->status()->current().nodeId);
    window->consolePage()
        ->findChild<QLineEdit *>(QStringLiteral("serviceEdit"))
        ->setText(QStringLiteral("console"));
    window->consolePage()
        ->findChild<QLineEdit *>(QStringLiteral("bodyEdit"))
        ->setText(QStringLiteral("a note to this node"));
    window->consolePage()->findChild<QPushButton *>(QStringLiteral("sendButton"))->click();
    waitUntil([&] { return window->consolePage()->model()->rowCount() >= 6; }, 15000);
    ok &= save(window, outputDir, QStringLiteral("main-console"));
    // The status last, when its counters have something to show.
    window->showPage(window->statusPage());
    waitUntil([] { return false; }, 1500);
    ok &= save(window, outputDir, QStringLiteral("main-status"));
    window->showPage(window->logPage());
    ok &= save(window, outputDir, QStringLiteral("main-log"));
    // The network key (shown, as after "Show the key") and this node's member card.
    windows::NetworkDialog *networkDialog = window->showNetwork();
    waitUntil(
        [&] {
            return !networkDialog->networkKeyText().isEmpty() &&
                   !networkDialog->memberCard().isEmpty();
        },
        10000);
    networkDialog->findChild<QAbstractButton *>(QStringLiteral("showKeyCheck"))->setChecked(true);
    ok &= save(networkDialog, outputDir, QStringLiteral("main-network"));
    // The invite as a QR code, for a phone or another computer's camera.
    waitUntil([&] { return !networkDialog->inviteText().isEmpty(); }, 10000);
    networkDialog->findChild<QAbstractButton *>(QStringLiteral("qrButton"))->setChecked(true);
    ok &= !networkDialog->inviteText().isEmpty();
    ok &= save(networkDialog, outputDir, QStringLiteral("main-invite-qr"));
    networkDialog->close();

    app.node()->stopAndWait();
    for (auto &p : peers) {
        p->stop();
    }
    return ok ? 0 : 1;
}

} // namespace orion::app
