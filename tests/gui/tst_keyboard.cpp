// SPDX-License-Identifier: GPL-3.0-or-later
// Keyboard use: no Alt+letter is claimed twice on any wizard page, dialog or main-window tab;
// the container name field takes capitals (as lowercase) instead of dropping them; a wrong
// key in the console is told under its field and leaves the page's header alone.
#include "Application.h"
#include "FakeBackend.h"
#include "FindChild.h"
#include "Mnemonics.h"
#include "desktop/AppSettings.h"
#include "windows/ChangePassphraseDialog.h"
#include "windows/ConsolePage.h"
#include "windows/ContainersPage.h"
#include "windows/LogPage.h"
#include "windows/MainWindow.h"
#include "windows/NetworkDialog.h"
#include "windows/RoutingPage.h"
#include "windows/SettingsDialog.h"
#include "windows/StatusPage.h"
#include "windows/UnlockDialog.h"
#include "wizard/SetupModel.h"
#include "wizard/SetupWizard.h"

#include <QAbstractButton>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace orion;
using orion::test::child;
using namespace orion::app;

namespace {
QString where(QWidget *window, const QString &what) {
    return what + QStringLiteral(": ") +
           orion::test::duplicateMnemonics(window).join(QLatin1String("; "));
}
} // namespace

#define VERIFY_UNIQUE_MNEMONICS(window, what)                                                      \
    QVERIFY2(orion::test::duplicateMnemonics(window).isEmpty(), qPrintable(where(window, what)))

class TestKeyboard : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<test::FakeNodeState> m_state;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Application> m_app;

private Q_SLOTS:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        m_state = std::make_shared<test::FakeNodeState>();
        m_state->status.nodeId = QString(40, QLatin1Char('a'));
        m_state->status.state = facade::NodeState::Online;
        m_state->networkKey = QStringLiteral("orion-net:key");
        Application::Options options;
        options.profileDir = m_dir->path();
        options.trayMode = desktop::DesktopIntegration::TrayMode::Never;
        auto state = m_state;
        m_app = std::make_unique<Application>(
            options, [state](const QString &, std::shared_ptr<const crypto::SecureBuffer>) {
                return std::make_unique<test::FakeBackend>(state);
            });
        m_app->startSession(crypto::SecureBuffer());
        QTRY_COMPARE(m_app->node()->status()->current().state, facade::NodeState::Online);
    }

    void cleanup() {
        m_app.reset();
        m_dir.reset();
    }

    void wizardPagesHaveUniqueMnemonics() {
        QTemporaryDir tmp;
        wizard::SetupModel model(tmp.filePath(QStringLiteral("p")));
        model.setKeyLimits(crypto::Argon2id::Limits::minimum());
        wizard::SetupWizard wizard(&model);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        VERIFY_UNIQUE_MNEMONICS(&wizard, QStringLiteral("welcome"));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(wizard::SetupWizard::IdentityId));
        VERIFY_UNIQUE_MNEMONICS(&wizard, QStringLiteral("identity, generate"));
        child<QRadioButton>(&wizard, "importRadio")->setChecked(true);
        VERIFY_UNIQUE_MNEMONICS(&wizard, QStringLiteral("identity, import"));
        child<QRadioButton>(&wizard, "generateRadio")->setChecked(true);
        QTest::mouseClick(child<QPushButton>(&wizard, "runButton"), Qt::LeftButton);
        QTRY_VERIFY(model.hasIdentity());
        VERIFY_UNIQUE_MNEMONICS(&wizard, QStringLiteral("identity, done"));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(wizard::SetupWizard::PassphraseId));
        VERIFY_UNIQUE_MNEMONICS(&wizard, QStringLiteral("passphrase"));
        child<QLineEdit>(&wizard, "passphraseEdit")->setText(QStringLiteral("long enough words"));
        child<QLineEdit>(&wizard, "confirmEdit")->setText(QStringLiteral("long enough words"));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(wizard::SetupWizard::NetworkId));
        VERIFY_UNIQUE_MNEMONICS(&wizard, QStringLiteral("network, create"));
        child<QRadioButton>(&wizard, "joinRadio")->setChecked(true);
        VERIFY_UNIQUE_MNEMONICS(&wizard, QStringLiteral("network, join"));
        child<QRadioButton>(&wizard, "createRadio")->setChecked(true);
        wizard.next();
        QCOMPARE(wizard.currentId(), int(wizard::SetupWizard::PortId));
        VERIFY_UNIQUE_MNEMONICS(&wizard, QStringLiteral("port"));
        QTRY_VERIFY(wizard.button(QWizard::NextButton)->isEnabled());
        wizard.next();
        QCOMPARE(wizard.currentId(), int(wizard::SetupWizard::SummaryId));
        VERIFY_UNIQUE_MNEMONICS(&wizard, QStringLiteral("summary"));
        wizard.reject();
    }

    void dialogsHaveUniqueMnemonics() {
        windows::UnlockDialog unlock(m_dir->filePath(QStringLiteral("identity.key")),
                                     QStringLiteral("p"));
        unlock.show();
        VERIFY_UNIQUE_MNEMONICS(&unlock, QStringLiteral("unlock"));

        windows::ChangePassphraseDialog change(m_dir->path());
        change.show();
        VERIFY_UNIQUE_MNEMONICS(&change, QStringLiteral("change passphrase"));

        windows::SettingsDialog settings(m_app->settings(), m_dir->path(), true);
        settings.show();
        auto *pages = child<QStackedWidget>(&settings, "pages");
        for (int i = 0; i < pages->count(); ++i) {
            pages->setCurrentIndex(i);
            VERIFY_UNIQUE_MNEMONICS(&settings, QStringLiteral("preferences page %1").arg(i));
        }

        windows::NetworkDialog *network = m_app->window()->showNetwork();
        QVERIFY(network);
        QTRY_COMPARE(network->networkKeyText(), QStringLiteral("orion-net:key"));
        VERIFY_UNIQUE_MNEMONICS(network, QStringLiteral("network key and member card"));
    }

    void mainWindowTabsHaveUniqueMnemonics() {
        windows::MainWindow *window = m_app->window();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        for (QWidget *page : {static_cast<QWidget *>(window->statusPage()),
                              static_cast<QWidget *>(window->routingPage()),
                              static_cast<QWidget *>(window->containersPage()),
                              static_cast<QWidget *>(window->consolePage()),
                              static_cast<QWidget *>(window->logPage())}) {
            window->showPage(page);
            VERIFY_UNIQUE_MNEMONICS(window, page->metaObject()->className());
        }
    }

    void containerNameTakesCapitalsAsLowercase() {
        windows::ContainersPage *page = m_app->window()->containersPage();
        m_app->window()->showPage(page);
        auto *name = child<QLineEdit>(page, "nameEdit");
        name->clear();
        QTest::keyClicks(name, QStringLiteral("Echo Bot_2"));
        QCOMPARE(name->text(), QStringLiteral("echo-bot_2"));
        QVERIFY(name->hasAcceptableInput());
        name->clear();
        // A name starts with a letter or digit and has no other signs: those keys are refused,
        // the rest is kept.
        QTest::keyClicks(name, QStringLiteral("-x!Y"));
        QCOMPARE(name->text(), QStringLiteral("xy"));
    }

    void consoleKeyHintKeepsTheHeader() {
        windows::ConsolePage *page = m_app->window()->consolePage();
        m_app->window()->showPage(page);
        auto *header = child<QLabel>(page, "availabilityLabel");
        auto *hint = child<QLabel>(page, "targetHintLabel");
        const QString before = header->text();
        QVERIFY(!before.isEmpty());
        QVERIFY(!hint->isVisible());
        child<QLineEdit>(page, "targetEdit")->setText(QStringLiteral("not a key"));
        QCOMPARE(header->text(), before);
        QVERIFY(hint->isVisible());
        QVERIFY2(hint->text().contains(QLatin1String("40")), qPrintable(hint->text()));
        child<QLineEdit>(page, "targetEdit")->setText(QString(40, QLatin1Char('b')));
        QVERIFY(!hint->isVisible());
        QCOMPARE(header->text(), before);
    }
};

QTEST_MAIN(TestKeyboard)
#include "tst_keyboard.moc"
