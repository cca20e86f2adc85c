// SPDX-License-Identifier: GPL-3.0-or-later
// "Remember the passphrase": off by default; when chosen the keyring takes the passphrase
// and the next start unlocks with it without a window; a stored passphrase that no longer
// opens the identity, or a keyring that cannot be read, brings the dialog back with the
// reason; turning it off deletes the entry; without a keyring the option is disabled with the
// reason as its tool tip. The keyring is an in-memory PassphraseStore here.
#include "Application.h"
#include "FakeBackend.h"
#include "FindChild.h"
#include "desktop/AppSettings.h"
#include "desktop/KeychainPassphraseStore.h"
#include "desktop/MemoryPassphraseStore.h"
#include "identity/NodeIdentity.h"
#include "node/Profile.h"
#include "windows/SettingsDialog.h"
#include "windows/UnlockDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace orion;
using orion::app::desktop::MemoryPassphraseStore;
using orion::app::desktop::PassphraseStore;
using orion::app::windows::UnlockDialog;
using orion::test::child;

namespace {
const QByteArray kPassphrase = "orbit lantern quietly seven";

void typeAndConfirm(UnlockDialog &dialog, const QString &passphrase) {
    child<QLineEdit>(&dialog, "passphraseEdit")->setText(passphrase);
    QTest::mouseClick(child<QDialogButtonBox>(&dialog, "buttons")->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
}
} // namespace

class TestRememberPassphrase : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_profile;
    QString m_identity;
    QString m_account;

    // Runs tryStoredPassphrase and waits for its answer.
    static bool storedOpens(UnlockDialog &dialog) {
        QSignalSpy finished(&dialog, &UnlockDialog::storedAttemptFinished);
        if (!dialog.tryStoredPassphrase()) {
            return false;
        }
        if (!finished.wait(30000)) {
            qFatal("the stored passphrase was never tried");
        }
        return finished.at(0).at(0).toBool();
    }

public:
    // Before the application exists: a session bus that is not there, so the real keyring
    // store has a reason to refuse (and nothing here reaches a real keyring).
    static void initMain() {
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/orion-test-bus");
    }

private Q_SLOTS:
    void initTestCase() {
        qunsetenv("ORION_PASSPHRASE");
        m_profile = m_dir.filePath(QStringLiteral("laptop"));
        const node::Profile profile(m_profile);
        QVERIFY(profile.create().ok());
        m_identity = profile.identityPath();
        identity::SaveOptions options;
        options.limits = crypto::Argon2id::Limits::minimum();
        QVERIFY(identity::NodeIdentity::generate().save(m_identity, kPassphrase, options).ok());
        m_account = PassphraseStore::accountFor(m_profile);
    }

    void offByDefaultAndStoredWhenChosen() {
        MemoryPassphraseStore store;
        UnlockDialog dialog(m_identity, QStringLiteral("laptop"));
        dialog.setPassphraseStore(&store, m_account, false);
        auto *remember = child<QCheckBox>(&dialog, "rememberCheck");
        QVERIFY(remember->text().contains(QLatin1String("stored in your desktop's keyring")));
        QVERIFY(remember->isEnabled());
        QVERIFY(!remember->isChecked());
        QVERIFY(!dialog.tryStoredPassphrase()); // nothing remembered: nothing to try
        dialog.show();

        // Not chosen: the keyring is left alone.
        typeAndConfirm(dialog, QString::fromUtf8(kPassphrase));
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 30000);
        QVERIFY(!dialog.rememberPassphrase());
        QVERIFY(!store.contains(m_account));

        UnlockDialog second(m_identity, QStringLiteral("laptop"));
        second.setPassphraseStore(&store, m_account, false);
        second.show();
        child<QCheckBox>(&second, "rememberCheck")->setChecked(true);
        typeAndConfirm(second, QString::fromUtf8(kPassphrase));
        QTRY_COMPARE_WITH_TIMEOUT(second.result(), int(QDialog::Accepted), 30000);
        QVERIFY(second.rememberPassphrase());
        QVERIFY(second.keyringResult().ok());
        QCOMPARE(store.entry(m_account), kPassphrase);
        QCOMPARE(second.takePassphrase().view(), QByteArrayView(kPassphrase));
    }

    void nextUnlockUsesTheStoredPassphraseWithoutAWindow() {
        MemoryPassphraseStore store;
        store.write(m_account, crypto::SecureBuffer::fromBytes(kPassphrase), this,
                    [](const Status &) {});
        UnlockDialog dialog(m_identity, QStringLiteral("laptop"));
        dialog.setPassphraseStore(&store, m_account, true);
        QVERIFY(child<QCheckBox>(&dialog, "rememberCheck")->isChecked());
        QVERIFY(storedOpens(dialog));
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(dialog.rememberPassphrase());
        QCOMPARE(dialog.takePassphrase().view(), QByteArrayView(kPassphrase));
        QCOMPARE(store.writes(), 1); // read, not written again
    }

    void wrongStoredPassphraseFallsBackToTheDialogWithTheReason() {
        MemoryPassphraseStore store;
        store.write(m_account, crypto::SecureBuffer::fromBytes("an old passphrase"), this,
                    [](const Status &) {});
        UnlockDialog dialog(m_identity, QStringLiteral("laptop"));
        dialog.setPassphraseStore(&store, m_account, true);
        QVERIFY(!storedOpens(dialog));
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        const QString message = child<QLabel>(&dialog, "messageLabel")->text();
        QVERIFY2(message.contains(QLatin1String("stored in your desktop's keyring does not open")),
                 qPrintable(message));
        QVERIFY(child<QLineEdit>(&dialog, "passphraseEdit")->isEnabled());

        // The user types the right one; "remember" is still on, so the keyring gets it.
        dialog.show();
        QVERIFY(child<QLabel>(&dialog, "messageLabel")->isVisible());
        typeAndConfirm(dialog, QString::fromUtf8(kPassphrase));
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 30000);
        QCOMPARE(store.entry(m_account), kPassphrase);
    }

    void unreadableKeyringFallsBackToTheDialogWithTheReason() {
        MemoryPassphraseStore store;
        store.setReadFailure(QStringLiteral("The keyring is locked."));
        UnlockDialog dialog(m_identity, QStringLiteral("laptop"));
        dialog.setPassphraseStore(&store, m_account, true);
        QVERIFY(!storedOpens(dialog));
        const QString message = child<QLabel>(&dialog, "messageLabel")->text();
        QVERIFY2(message.contains(QLatin1String("could not be read from your desktop's keyring")),
                 qPrintable(message));
        QVERIFY(message.contains(QLatin1String("The keyring is locked.")));
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }

    void turningItOffDeletesTheEntry() {
        MemoryPassphraseStore store;
        store.write(m_account, crypto::SecureBuffer::fromBytes(kPassphrase), this,
                    [](const Status &) {});
        store.write(QStringLiteral("profile:/another"), crypto::SecureBuffer::fromBytes("x"), this,
                    [](const Status &) {});
        UnlockDialog dialog(m_identity, QStringLiteral("laptop"));
        dialog.setPassphraseStore(&store, m_account, true);
        dialog.show();
        auto *remember = child<QCheckBox>(&dialog, "rememberCheck");
        QVERIFY(remember->isChecked());
        remember->setChecked(false);
        typeAndConfirm(dialog, QString::fromUtf8(kPassphrase));
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 30000);
        QVERIFY(!dialog.rememberPassphrase());
        QVERIFY(!store.contains(m_account));
        QVERIFY(store.contains(QStringLiteral("profile:/another"))); // only this profile's
    }

    void withoutAKeyringTheOptionIsDisabledWithTheReason() {
        MemoryPassphraseStore store;
        store.setUnavailableReason(QStringLiteral("No keyring is running in this session."));
        UnlockDialog dialog(m_identity, QStringLiteral("laptop"));
        dialog.setPassphraseStore(&store, m_account, true);
        auto *remember = child<QCheckBox>(&dialog, "rememberCheck");
        QVERIFY(!remember->isEnabled());
        QVERIFY(!remember->isChecked());
        QVERIFY(remember->toolTip().contains(QLatin1String("No keyring is running")));
        QVERIFY(!dialog.tryStoredPassphrase());
        dialog.show();
        typeAndConfirm(dialog, QString::fromUtf8(kPassphrase));
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 30000);
        QVERIFY(!dialog.rememberPassphrase());

        // A build without a store says so too.
        UnlockDialog bare(m_identity, QStringLiteral("laptop"));
        QVERIFY(!child<QCheckBox>(&bare, "rememberCheck")->isEnabled());
        QVERIFY(child<QCheckBox>(&bare, "rememberCheck")
                    ->toolTip()
                    .contains(QLatin1String("Not available")));
    }

    void turningItOffInTheSettingsDeletesTheEntry() {
        MemoryPassphraseStore store;
        store.write(m_account, crypto::SecureBuffer::fromBytes(kPassphrase), this,
                    [](const Status &) {});
        app::desktop::AppSettings(m_profile).setRememberPassphrase(true);
        auto state = std::make_shared<test::FakeNodeState>();
        app::Application::Options options;
        options.profileDir = m_profile;
        options.trayMode = app::desktop::DesktopIntegration::TrayMode::Never;
        app::Application running(
            options, [state](const QString &, std::shared_ptr<const crypto::SecureBuffer>) {
                return std::make_unique<test::FakeBackend>(state);
            });
        running.setPassphraseStore(&store);
        running.startSession(crypto::SecureBuffer::fromBytes(kPassphrase));
        {
            app::windows::SettingsDialog settings(running.settings(), m_profile, false);
            auto *check = child<QCheckBox>(&settings, "keyringCheck");
            QVERIFY(check->isEnabled());
            QVERIFY(check->isChecked());
            settings.apply(); // unchanged: nothing forgotten
        }
        QTest::qWait(50);
        QVERIFY(store.contains(m_account));
        {
            app::windows::SettingsDialog settings(running.settings(), m_profile, false);
            child<QCheckBox>(&settings, "keyringCheck")->setChecked(false);
            settings.apply();
        }
        QVERIFY(!running.settings()->rememberPassphrase());
        QTRY_VERIFY(!store.contains(m_account));
        // Not remembered: the settings cannot turn it on (the unlock dialog does).
        app::windows::SettingsDialog again(running.settings(), m_profile, false);
        QVERIFY(!child<QCheckBox>(&again, "keyringCheck")->isEnabled());
        QVERIFY(!child<QCheckBox>(&again, "keyringCheck")->isChecked());
    }

    void keychainStoreWithoutASessionBusSaysWhy() {
        app::desktop::KeychainPassphraseStore keychain;
        const QString reason = keychain.unavailableReason();
#ifdef ORION_HAVE_KEYCHAIN
        QVERIFY2(reason.contains(QLatin1String("D-Bus")), qPrintable(reason));
#else
        QVERIFY2(reason.contains(QLatin1String("qtkeychain")), qPrintable(reason));
#endif
        QVERIFY(!keychain.isAvailable());
        bool answered = false;
        keychain.read(
            m_account, this,
            [&](const std::shared_ptr<const crypto::SecureBuffer> &passphrase, const Status &read) {
                answered = true;
                QVERIFY(!passphrase);
                QVERIFY(!read);
                QCOMPARE(read.errorCode(), ErrorCode::Unavailable);
                QCOMPARE(read.error(), reason);
            });
        QTRY_VERIFY(answered);
        UnlockDialog dialog(m_identity, QStringLiteral("laptop"));
        dialog.setPassphraseStore(&keychain, m_account, true);
        auto *remember = child<QCheckBox>(&dialog, "rememberCheck");
        QVERIFY(!remember->isEnabled());
        QVERIFY(remember->toolTip().contains(reason));
        QVERIFY(!dialog.tryStoredPassphrase());
    }

    void applicationRemembersAcrossStarts() {
        MemoryPassphraseStore store;
        auto state = std::make_shared<test::FakeNodeState>();
        const auto maker = [state](const QString &, std::shared_ptr<const crypto::SecureBuffer>) {
            return std::make_unique<test::FakeBackend>(state);
        };
        app::Application::Options options;
        options.profileDir = m_profile;
        {
            // First start: the dialog, with "remember" chosen.
            app::Application first(options, maker);
            first.setPassphraseStore(&store);
            QVERIFY(!first.settings()->rememberPassphrase());
            QTimer::singleShot(0, this, []() {
                auto *dialog = qobject_cast<UnlockDialog *>(QApplication::activeModalWidget());
                QVERIFY(dialog);
                child<QCheckBox>(dialog, "rememberCheck")->setChecked(true);
                typeAndConfirm(*dialog, QString::fromUtf8(kPassphrase));
            });
            const auto passphrase = first.obtainPassphrase();
            QVERIFY(passphrase);
            QCOMPARE(passphrase->view(), QByteArrayView(kPassphrase));
            QVERIFY(first.settings()->rememberPassphrase());
            QCOMPARE(store.entry(m_account), kPassphrase);
        }
        {
            // Next start: no window at all.
            app::Application next(options, maker);
            next.setPassphraseStore(&store);
            QVERIFY(next.settings()->rememberPassphrase());
            bool asked = false;
            QTimer probe;
            connect(&probe, &QTimer::timeout, this, [&asked]() {
                if (QApplication::activeModalWidget()) {
                    asked = true;
                    QApplication::activeModalWidget()->close();
                }
            });
            probe.start(10);
            const auto passphrase = next.obtainPassphrase();
            QVERIFY(!asked);
            QVERIFY(passphrase);
            QCOMPARE(passphrase->view(), QByteArrayView(kPassphrase));
        }
        app::desktop::AppSettings(m_profile).setRememberPassphrase(false);
    }
};

QTEST_MAIN(TestRememberPassphrase)
#include "tst_rememberpassphrase.moc"
