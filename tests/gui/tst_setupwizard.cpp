// SPDX-License-Identifier: GPL-3.0-or-later
// The first-run wizard end to end on a temporary profile: the full path writes a working
// identity and network; bad input keeps Next disabled with the reason shown; an existing
// identity is never replaced; cancelling leaves nothing behind.
#include "FindChild.h"
#include "identity/MemberFile.h"
#include "identity/NetworkKey.h"
#include "identity/NodeIdentity.h"
#include "node/Invite.h"
#include "node/Profile.h"
#include "wizard/IdentityPage.h"
#include "wizard/NetworkPage.h"
#include "wizard/PassphrasePage.h"
#include "wizard/PortPage.h"
#include "wizard/SetupModel.h"
#include "wizard/SetupWizard.h"
#include "wizard/SummaryPage.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using namespace orion;
using orion::test::child;
using namespace orion::app::wizard;

namespace {
const QString kPassphrase = QStringLiteral("correct horse battery staple");

quint16 freePort() {
    QTcpServer probe;
    probe.listen(QHostAddress::Any, 0);
    return probe.serverPort();
}

identity::MemberRecord signedMember(const identity::NodeIdentity &node, const QByteArray &netId) {
    identity::MemberRecord record =
        identity::MemberRecord::create(node, netId, {QStringLiteral("127.0.0.1")}, 7411);
    record.sign(node);
    return record;
}
} // namespace

class TestSetupWizard : public QObject {
    Q_OBJECT

private:
    struct Run {
        std::unique_ptr<SetupModel> model;
        std::unique_ptr<SetupWizard> wizard;
        QWizardPage *page(SetupWizard::PageId id) const { return wizard->page(id); }
        bool nextEnabled() const { return wizard->button(QWizard::NextButton)->isEnabled(); }
    };

    Run open(const QString &profile) {
        Run run;
        run.model = std::make_unique<SetupModel>(profile);
        run.model->setKeyLimits(crypto::Argon2id::Limits::minimum());
        run.wizard = std::make_unique<SetupWizard>(run.model.get());
        run.wizard->show();
        return run;
    }

    void generate(Run &run) {
        QCOMPARE(run.wizard->currentId(), int(SetupWizard::WelcomeId));
        QVERIFY(run.nextEnabled());
        run.wizard->next();
        QCOMPARE(run.wizard->currentId(), int(SetupWizard::IdentityId));
        QVERIFY(!run.nextEnabled());
        QTest::mouseClick(child<QPushButton>(run.wizard.get(), "runButton"), Qt::LeftButton);
        QTRY_VERIFY(run.page(SetupWizard::IdentityId)->isComplete());
        QVERIFY(run.nextEnabled());
        QVERIFY(child<QLabel>(run.wizard.get(), "resultLabel")
                    ->text()
                    .contains(run.model->nodeIdHex()));
        run.wizard->next();
    }

    void passphrase(Run &run) {
        QCOMPARE(run.wizard->currentId(), int(SetupWizard::PassphraseId));
        QTest::keyClicks(child<QLineEdit>(run.wizard.get(), "passphraseEdit"), kPassphrase);
        QTest::keyClicks(child<QLineEdit>(run.wizard.get(), "confirmEdit"), kPassphrase);
        QVERIFY(run.nextEnabled());
        run.wizard->next();
    }

private Q_SLOTS:
    void fullPathCreatesWorkingIdentityAndNetwork() {
        QTemporaryDir tmp;
        const QString profileDir = tmp.filePath(QStringLiteral("profile"));
        Run run = open(profileDir);
        generate(run);
        passphrase(run);

        QCOMPARE(run.wizard->currentId(), int(SetupWizard::NetworkId));
        QVERIFY(child<QRadioButton>(run.wizard.get(), "createRadio")->isChecked());
        const QString keyText = child<QLineEdit>(run.wizard.get(), "newKeyEdit")->text();
        QVERIFY(identity::NetworkKey::parse(keyText).ok());
        QVERIFY(run.nextEnabled());
        run.wizard->next();

        QCOMPARE(run.wizard->currentId(), int(SetupWizard::PortId));
        const quint16 port = freePort();
        child<QSpinBox>(run.wizard.get(), "portSpin")->setValue(port);
        QTRY_VERIFY(run.nextEnabled());
        run.wizard->next();

        QCOMPARE(run.wizard->currentId(), int(SetupWizard::SummaryId));
        QVERIFY(child<QLabel>(run.wizard.get(), "summaryLabel")
                    ->text()
                    .contains(run.model->nodeIdHex()));
        // Nothing is on disk before Finish.
        QVERIFY(!QFileInfo::exists(profileDir));
        QAbstractButton *finish = run.wizard->button(QWizard::FinishButton);
        QVERIFY(finish->isVisible() && finish->isEnabled());
        QTest::mouseClick(finish, Qt::LeftButton);
        QTRY_VERIFY(run.model->isCommitted());
        QTRY_COMPARE(run.wizard->result(), int(QDialog::Accepted));

        const node::Profile profile(profileDir);
        auto loaded = identity::NodeIdentity::load(profile.identityPath(), kPassphrase.toUtf8());
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error()));
        QCOMPARE(loaded->nodeId().toHex(), run.model->nodeIdHex());
        auto key = identity::NetworkKey::load(profile.networkKeyPath(), kPassphrase.toUtf8());
        QVERIFY(key.ok());
        QCOMPARE(key->toText(), keyText);
        QVERIFY(!identity::NodeIdentity::load(profile.identityPath(), "wrong passphrase").ok());
        QSettings settings(profile.settingsPath(), QSettings::IniFormat);
        QCOMPARE(settings.value(QStringLiteral("network/port")).toUInt(), uint(port));
    }

    void mismatchedConfirmationKeepsNextDisabled() {
        QTemporaryDir tmp;
        Run run = open(tmp.filePath(QStringLiteral("p")));
        generate(run);
        auto *pass = child<QLineEdit>(run.wizard.get(), "passphraseEdit");
        auto *confirm = child<QLineEdit>(run.wizard.get(), "confirmEdit");
        QTest::keyClicks(pass, kPassphrase);
        QTest::keyClicks(confirm, kPassphrase + QLatin1Char('x'));
        QVERIFY(!run.nextEnabled());
        QVERIFY(!child<QLabel>(run.wizard.get(), "matchLabel")->text().isEmpty());
        run.wizard->next(); // refused
        QCOMPARE(run.wizard->currentId(), int(SetupWizard::PassphraseId));
        QTest::keyClick(confirm, Qt::Key_Backspace);
        QVERIFY(run.nextEnabled());
        // Too short is refused even when both fields agree.
        pass->setText(QStringLiteral("short"));
        confirm->setText(QStringLiteral("short"));
        QVERIFY(!run.nextEnabled());
        QVERIFY(!child<QCheckBox>(run.wizard.get(), "keyringCheck")->isEnabled());
    }

    void existingIdentityIsNeverReplaced() {
        QTemporaryDir tmp;
        const node::Profile profile(tmp.filePath(QStringLiteral("p")));
        QVERIFY(profile.create().ok());
        identity::SaveOptions options;
        options.limits = crypto::Argon2id::Limits::minimum();
        const auto existing = identity::NodeIdentity::generate();
        QVERIFY(existing.save(profile.identityPath(), "old passphrase", options).ok());
        QFile file(profile.identityPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray before = file.readAll();
        file.close();

        Run run = open(profile.directory());
        QVERIFY(!run.nextEnabled()); // the welcome page says why and stops here
        QVERIFY(child<QLabel>(run.wizard.get(), "existingLabel")->isVisible());

        // Even driven past the welcome page, the final step refuses to write.
        SetupModel &model = *run.model;
        model.generateIdentity();
        QTRY_VERIFY(model.hasIdentity());
        QVERIFY(model.setPassphrase(kPassphrase, kPassphrase).ok());
        model.newNetworkKeyText();
        QVERIFY(model.setPort(freePort()).ok());
        QSignalSpy failed(&model, &SetupModel::commitFailed);
        model.commit();
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY(failed.first().first().toString().contains(profile.identityPath()));
        QVERIFY(!model.isCommitted());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
        QVERIFY(!QFileInfo::exists(profile.networkKeyPath()));
    }

    void portInUseIsReported() {
        QTemporaryDir tmp;
        Run run = open(tmp.filePath(QStringLiteral("p")));
        generate(run);
        passphrase(run);
        run.wizard->next(); // network: create
        QCOMPARE(run.wizard->currentId(), int(SetupWizard::PortId));
        QTcpServer busy;
        QVERIFY(busy.listen(QHostAddress::Any, 0));
        child<QSpinBox>(run.wizard.get(), "portSpin")->setValue(busy.serverPort());
        QTRY_VERIFY(!run.nextEnabled());
        const QString status = child<QLabel>(run.wizard.get(), "portStatusLabel")->text();
        QVERIFY2(status.contains(QString::number(busy.serverPort())) &&
                     status.contains(QLatin1String("in use")),
                 qPrintable(status));
        busy.close();
        child<QSpinBox>(run.wizard.get(), "portSpin")->setValue(freePort());
        QTRY_VERIFY(run.nextEnabled());
    }

    void badNetworkKeyAndMemberFileAreRejectedWithReason() {
        QTemporaryDir tmp;
        Run run = open(tmp.filePath(QStringLiteral("p")));
        generate(run);
        passphrase(run);
        QCOMPARE(run.wizard->currentId(), int(SetupWizard::NetworkId));
        child<QRadioButton>(run.wizard.get(), "joinRadio")->setChecked(true);
        QVERIFY(child<QRadioButton>(run.wizard.get(), "joinRadio")->isChecked());
        QVERIFY(!run.nextEnabled());

        // A key with one mistyped character fails its checksum.
        const identity::NetworkKey network = identity::NetworkKey::generate();
        QString typo = network.toText();
        const int at = typo.size() - 5;
        typo[at] = typo[at] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        auto *keyEdit = child<QLineEdit>(run.wizard.get(), "joinKeyEdit");
        keyEdit->setText(typo);
        const QString keyStatus = child<QLabel>(run.wizard.get(), "keyStatusLabel")->text();
        QVERIFY2(keyStatus.contains(QLatin1String("checksum")), qPrintable(keyStatus));
        // Said once, not "not valid: the network key's checksum …".
        QVERIFY2(keyStatus.count(QLatin1String("network key"), Qt::CaseInsensitive) == 1,
                 qPrintable(keyStatus));
        QVERIFY(!run.nextEnabled());
        keyEdit->setText(network.toText());
        QVERIFY(child<QLabel>(run.wizard.get(), "keyStatusLabel")
                    ->text()
                    .contains(network.networkIdHex().left(16)));

        auto *page = static_cast<NetworkPage *>(run.page(SetupWizard::NetworkId));
        auto *memberStatus = child<QLabel>(run.wizard.get(), "memberStatusLabel");
        // Tampered: valid JSON, signature no longer matches.
        const auto peer = identity::NodeIdentity::generate();
        identity::MemberRecord record = signedMember(peer, network.networkId());
        record.port = 9999;
        const QString tampered = tmp.filePath(QStringLiteral("tampered.json"));
        QFile out(tampered);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(record.toJson());
        out.close();
        page->loadMemberFile(tampered);
        QVERIFY2(memberStatus->text().contains(QLatin1String("cannot be used")),
                 qPrintable(memberStatus->text()));
        QVERIFY2(memberStatus->text().count(QLatin1String("rejected")) <= 1,
                 qPrintable(memberStatus->text()));
        QVERIFY(memberStatus->text().contains(QLatin1String("signature"), Qt::CaseInsensitive));
        QVERIFY(!run.nextEnabled());

        // Not JSON at all.
        const QString garbage = tmp.filePath(QStringLiteral("garbage.json"));
        QFile junk(garbage);
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("this is not a member file");
        junk.close();
        page->loadMemberFile(garbage);
        QVERIFY2(memberStatus->text().contains(QLatin1String("cannot be used")),
                 qPrintable(memberStatus->text()));
        QVERIFY(!run.nextEnabled());

        // A member of another network.
        const QString foreign = tmp.filePath(QStringLiteral("foreign.json"));
        QVERIFY(identity::MemberFile::write(
                    foreign, signedMember(peer, identity::NetworkKey::generate().networkId()))
                    .ok());
        page->loadMemberFile(foreign);
        QVERIFY(memberStatus->text().contains(QLatin1String("another network")));
        QVERIFY(!run.nextEnabled());

        // The genuine one is accepted and shown as verified.
        const QString good = tmp.filePath(QStringLiteral("good.json"));
        QVERIFY(identity::MemberFile::write(good, signedMember(peer, network.networkId())).ok());
        page->loadMemberFile(good);
        QVERIFY2(memberStatus->text().contains(peer.nodeId().shortHex()),
                 qPrintable(memberStatus->text()));
        QVERIFY(run.nextEnabled());
    }

    void eachFieldShowsOnlyItsOwnCurrentVerdict() {
        QTemporaryDir tmp;
        Run run = open(tmp.filePath(QStringLiteral("p")));
        generate(run);
        passphrase(run);
        child<QRadioButton>(run.wizard.get(), "joinRadio")->setChecked(true);
        auto *page = static_cast<NetworkPage *>(run.page(SetupWizard::NetworkId));
        auto *keyStatus = child<QLabel>(run.wizard.get(), "keyStatusLabel");
        auto *memberStatus = child<QLabel>(run.wizard.get(), "memberStatusLabel");
        const identity::NetworkKey network = identity::NetworkKey::generate();
        const auto peer = identity::NodeIdentity::generate();
        const QString foreign = tmp.filePath(QStringLiteral("foreign.json"));
        QVERIFY(identity::MemberFile::write(
                    foreign, signedMember(peer, identity::NetworkKey::generate().networkId()))
                    .ok());
        const QString corrupt = tmp.filePath(QStringLiteral("corrupt.json"));
        {
            QFile out(corrupt);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write("{\"format\": \"orion-member\", \"version\": 1");
        }
        const QString good = tmp.filePath(QStringLiteral("good.json"));
        QVERIFY(identity::MemberFile::write(good, signedMember(peer, network.networkId())).ok());

        // A member file of another network first, then the key: the mismatch is the member
        // file's verdict, and the key is simply valid.
        page->loadMemberFile(foreign);
        child<QLineEdit>(run.wizard.get(), "joinKeyEdit")->setText(network.toText());
        QVERIFY2(keyStatus->text().contains(network.networkIdHex().left(16)),
                 qPrintable(keyStatus->text()));
        QVERIFY2(!keyStatus->text().contains(QLatin1String("another network")),
                 qPrintable(keyStatus->text()));
        QVERIFY2(memberStatus->text().contains(QLatin1String("another network")),
                 qPrintable(memberStatus->text()));
        QVERIFY(!run.nextEnabled());

        // A corrupt file replaces that verdict; the key's stays.
        page->loadMemberFile(corrupt);
        QVERIFY2(memberStatus->text().contains(QLatin1String("cannot be used")),
                 qPrintable(memberStatus->text()));
        QVERIFY(!memberStatus->text().contains(QLatin1String("another network")));
        QVERIFY(keyStatus->text().contains(network.networkIdHex().left(16)));
        QVERIFY(!run.nextEnabled());

        // The right file: both fields say what is true now, nothing older.
        page->loadMemberFile(good);
        QVERIFY2(memberStatus->text().contains(QLatin1String("Signature verified")),
                 qPrintable(memberStatus->text()));
        QVERIFY(memberStatus->text().contains(peer.nodeId().shortHex()));
        QVERIFY(keyStatus->text().contains(network.networkIdHex().left(16)));
        QVERIFY(!keyStatus->text().contains(QLatin1String("another network")));
        QVERIFY(!keyStatus->text().contains(QLatin1String("cannot be used")));
        QVERIFY(run.nextEnabled());

        // Another key now: the same file no longer fits, and the member field says so.
        child<QLineEdit>(run.wizard.get(), "joinKeyEdit")
            ->setText(identity::NetworkKey::generate().toText());
        QVERIFY(memberStatus->text().contains(QLatin1String("another network")));
        QVERIFY(!keyStatus->text().contains(QLatin1String("another network")));
        QVERIFY(!run.nextEnabled());
        // Clearing the file field clears its verdict too.
        auto *memberEdit = child<QLineEdit>(run.wizard.get(), "memberEdit");
        memberEdit->clear();
        Q_EMIT memberEdit->editingFinished();
        QVERIFY(!memberStatus->text().contains(QLatin1String("another network")));
    }

    void joinPathWritesPeerAndCancelLeavesNothing() {
        QTemporaryDir tmp;
        const QString profileDir = tmp.filePath(QStringLiteral("p"));
        {
            Run run = open(profileDir);
            generate(run);
            passphrase(run);
            run.wizard->next();
            run.wizard->next();
            QCOMPARE(run.wizard->currentId(), int(SetupWizard::SummaryId));
            run.wizard->back();
            run.wizard->back();
            run.wizard->reject();
        }
        QVERIFY(!QFileInfo::exists(profileDir));

        Run run = open(profileDir);
        generate(run);
        passphrase(run);
        const identity::NetworkKey network = identity::NetworkKey::generate();
        const auto peer = identity::NodeIdentity::generate();
        const QString good = tmp.filePath(QStringLiteral("good.json"));
        QVERIFY(identity::MemberFile::write(good, signedMember(peer, network.networkId())).ok());
        child<QRadioButton>(run.wizard.get(), "joinRadio")->setChecked(true);
        child<QLineEdit>(run.wizard.get(), "joinKeyEdit")->setText(network.toText());
        static_cast<NetworkPage *>(run.page(SetupWizard::NetworkId))->loadMemberFile(good);
        QVERIFY(run.nextEnabled());
        run.wizard->next();
        child<QSpinBox>(run.wizard.get(), "portSpin")->setValue(freePort());
        QTRY_VERIFY(run.nextEnabled());
        run.wizard->next();
        child<QCheckBox>(run.wizard.get(), "backupCheck")->setChecked(true);
        const QString backup = tmp.filePath(QStringLiteral("backup.key"));
        child<QLineEdit>(run.wizard.get(), "backupEdit")->setText(backup);
        QTest::mouseClick(run.wizard->button(QWizard::FinishButton), Qt::LeftButton);
        QTRY_VERIFY(run.model->isCommitted());

        const node::Profile profile(profileDir);
        auto key = identity::NetworkKey::load(profile.networkKeyPath(), kPassphrase.toUtf8());
        QVERIFY(key.ok());
        QCOMPARE(key->networkId(), network.networkId());
        // The profile holds this node's own member file too, as docs/identity.md says.
        QCOMPARE(run.model->memberFilePath(), profile.memberFilePath());
        auto own = identity::MemberFile::read(profile.memberFilePath());
        QVERIFY2(own.ok(), qPrintable(own.ok() ? QString() : own.error()));
        QCOMPARE(own->nodeId.toHex(), run.model->nodeIdHex());
        auto stored = identity::MemberFile::read(run.model->peerFilePath());
        QVERIFY(stored.ok());
        QCOMPARE(stored->nodeId, peer.nodeId());
        auto restored = identity::NodeIdentity::load(backup, kPassphrase.toUtf8());
        QVERIFY(restored.ok());
        QCOMPARE(restored->nodeId().toHex(), run.model->nodeIdHex());
    }

    void keyringOptionIsOffUnlessChosenAndSaysWhyWhenUnavailable() {
        QTemporaryDir tmp;
        {
            Run run = open(tmp.filePath(QStringLiteral("p")));
            run.model->setKeyringUnavailableReason(QStringLiteral("No keyring here."));
            generate(run);
            auto *check = child<QCheckBox>(run.wizard.get(), "keyringCheck");
            QVERIFY(!check->isEnabled());
            QVERIFY(child<QLabel>(run.wizard.get(), "keyringNote")
                        ->text()
                        .contains(QLatin1String("No keyring here.")));
            QVERIFY(!run.model->rememberPassphrase());
        }
        Run run = open(tmp.filePath(QStringLiteral("q")));
        run.model->setKeyringUnavailableReason(QString());
        generate(run);
        auto *check = child<QCheckBox>(run.wizard.get(), "keyringCheck");
        QVERIFY(check->isEnabled());
        QVERIFY(!check->isChecked());
        QVERIFY(check->text().contains(QLatin1String("stored in your desktop's keyring")));
        QVERIFY(!run.model->rememberPassphrase());
        check->setChecked(true);
        QVERIFY(run.model->rememberPassphrase());
        check->setChecked(false);
        QVERIFY(!run.model->rememberPassphrase());
    }

    void pastedInviteFillsKeyAndMemberFile() {
        QTemporaryDir tmp;
        Run run = open(tmp.filePath(QStringLiteral("p")));
        generate(run);
        passphrase(run);
        const identity::NetworkKey network = identity::NetworkKey::generate();
        const auto peer = identity::NodeIdentity::generate();
        node::Invite invite;
        invite.networkKey = network.clone();
        invite.member = signedMember(peer, network.networkId());
        const QString uri = invite.toUri();

        child<QRadioButton>(run.wizard.get(), "joinRadio")->setChecked(true);
        auto *keyEdit = child<QLineEdit>(run.wizard.get(), "joinKeyEdit");
        auto *memberEdit = child<QLineEdit>(run.wizard.get(), "memberEdit");
        auto *keyStatus = child<QLabel>(run.wizard.get(), "keyStatusLabel");
        auto *memberStatus = child<QLabel>(run.wizard.get(), "memberStatusLabel");
        QVERIFY(!run.nextEnabled());

        // A damaged invite (cut off when copied): its reason under the key, nothing taken.
        keyEdit->setText(uri.left(uri.size() - 40));
        QVERIFY2(keyStatus->text().contains(QLatin1String("invite")),
                 qPrintable(keyStatus->text()));
        QVERIFY(!run.nextEnabled());
        QVERIFY(!run.model->memberRecord());

        // One paste: the key field holds the key, the member file is the invite's, verified.
        keyEdit->clear();
        keyEdit->setText(QStringLiteral("  ") + uri); // as pasted, with a space before
        QCOMPARE(keyEdit->text(), network.toText());
        QVERIFY2(keyStatus->text().startsWith(QLatin1String("Valid network key")),
                 qPrintable(keyStatus->text()));
        QVERIFY(run.model->memberFromInvite());
        QVERIFY(memberEdit->text().isEmpty());
        QCOMPARE(memberEdit->placeholderText(), QStringLiteral("From the invite"));
        QVERIFY2(memberStatus->text().contains(peer.nodeId().shortHex()),
                 qPrintable(memberStatus->text()));
        QVERIFY(memberStatus->text().contains(QLatin1String("127.0.0.1:7411")));
        QVERIFY(run.nextEnabled());

        run.wizard->next();
        child<QSpinBox>(run.wizard.get(), "portSpin")->setValue(freePort());
        QTRY_VERIFY(run.nextEnabled());
        run.wizard->next();
        QTest::mouseClick(run.wizard->button(QWizard::FinishButton), Qt::LeftButton);
        QTRY_VERIFY(run.model->isCommitted());
        const node::Profile profile(run.model->profileDir());
        auto key = identity::NetworkKey::load(profile.networkKeyPath(), kPassphrase.toUtf8());
        QVERIFY(key.ok());
        QCOMPARE(key->networkId(), network.networkId());
        auto stored = identity::MemberFile::read(run.model->peerFilePath());
        QVERIFY(stored.ok());
        QCOMPARE(stored->nodeId, peer.nodeId());
    }
};

QTEST_MAIN(TestSetupWizard)
#include "tst_setupwizard.moc"
