// SPDX-License-Identifier: GPL-3.0-or-later
// The unlock dialog: no progress bar while idle, a wrong passphrase is told in one full
// sentence, a long reason (a missing file deep in a folder) makes the dialog grow instead of
// being cut off, and the right passphrase is handed on.
#include "FindChild.h"
#include "identity/NodeIdentity.h"
#include "windows/UnlockDialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace orion;
using orion::app::windows::UnlockDialog;
using orion::test::child;

namespace {
const QByteArray kPassphrase = "orbit lantern quietly seven";

// The label shows all of its text: it is as tall as its text needs at its width, and it
// lies inside the dialog.
bool showsAllOf(QWidget *dialog, QLabel *label) {
    const int needed = label->heightForWidth(label->width());
    const int bottom = label->mapTo(dialog, QPoint(0, label->height())).y();
    return label->isVisible() && label->height() >= needed && bottom <= dialog->height();
}
} // namespace

class TestUnlockDialog : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_identity;

    // Types `passphrase`, presses OK and waits for the background unlock to end.
    static void tryPassphrase(UnlockDialog &dialog, const QString &passphrase) {
        auto *edit = child<QLineEdit>(&dialog, "passphraseEdit");
        edit->setText(passphrase);
        QTest::mouseClick(child<QDialogButtonBox>(&dialog, "buttons")->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(edit->isEnabled() || !dialog.isVisible(), 30000);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_identity = m_dir.filePath(QStringLiteral("identity.key"));
        identity::SaveOptions options;
        options.limits = crypto::Argon2id::Limits::minimum();
        QVERIFY(identity::NodeIdentity::generate().save(m_identity, kPassphrase, options).ok());
    }

    void idleDialogHasNoProgressBar() {
        UnlockDialog dialog(m_identity, QStringLiteral("laptop"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(!child<QProgressBar>(&dialog, "progressBar")->isVisible());
        QVERIFY(showsAllOf(&dialog, child<QLabel>(&dialog, "introLabel")));
        QVERIFY(child<QLabel>(&dialog, "introLabel")->text().contains(QLatin1String("laptop")));
    }

    void wrongPassphraseIsOneFullSentence() {
        UnlockDialog dialog(m_identity, QStringLiteral("laptop"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        tryPassphrase(dialog, QStringLiteral("not the passphrase"));
        QVERIFY(dialog.isVisible());
        auto *message = child<QLabel>(&dialog, "messageLabel");
        const QString text = message->text();
        QVERIFY2(text.contains(QLatin1String("passphrase")), qPrintable(text));
        QVERIFY2(text.endsWith(QLatin1Char('.')), qPrintable(text));
        QVERIFY2(!text.contains(m_identity), qPrintable(text)); // no file path for a typo
        QVERIFY(!text.endsWith(QLatin1Char(':')));
        QVERIFY(showsAllOf(&dialog, message));
        QVERIFY(showsAllOf(&dialog, child<QLabel>(&dialog, "introLabel")));
        QVERIFY(!child<QProgressBar>(&dialog, "progressBar")->isVisible());
        QCOMPARE(child<QLineEdit>(&dialog, "passphraseEdit")->selectedText(),
                 QStringLiteral("not the passphrase"));
    }

    void longReasonMakesTheDialogGrow() {
        // A missing identity deep in folders: the whole path is in the message, and shown.
        QString deep = m_dir.path();
        for (int i = 0; i < 6; ++i) {
            deep += QStringLiteral("/a-folder-with-a-rather-long-name-%1").arg(i);
        }
        const QString missing = deep + QStringLiteral("/identity.key");
        UnlockDialog dialog(missing, QStringLiteral("laptop"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const int before = dialog.height();
        tryPassphrase(dialog, QStringLiteral("anything"));
        auto *message = child<QLabel>(&dialog, "messageLabel");
        QVERIFY2(message->text().contains(QDir::toNativeSeparators(missing)),
                 qPrintable(message->text()));
        QVERIFY2(message->text().endsWith(QLatin1Char('.')), qPrintable(message->text()));
        QVERIFY(showsAllOf(&dialog, message));
        QVERIFY(dialog.height() > before);
    }

    void rightPassphraseIsHandedOn() {
        UnlockDialog dialog(m_identity, QStringLiteral("laptop"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        tryPassphrase(dialog, QString::fromUtf8(kPassphrase));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.takePassphrase().view(), QByteArrayView(kPassphrase));
    }

    void failureTextFollowsTheCode() {
        const QString path = QStringLiteral("/p/identity.key");
        const QString wrong = UnlockDialog::failureText(
            Status::failure(ErrorCode::WrongPassphrase, path + QStringLiteral(": wrong")), path);
        QVERIFY(!wrong.contains(path));
        const QString damaged = UnlockDialog::failureText(
            Status::failure(ErrorCode::Corrupt, QStringLiteral("checksum mismatch")), path);
        QVERIFY(damaged.contains(QLatin1String("checksum mismatch")));
        QVERIFY(damaged.contains(QDir::toNativeSeparators(path)));
        QVERIFY(damaged != wrong);
    }
};

QTEST_MAIN(TestUnlockDialog)
#include "tst_unlockdialog.moc"
