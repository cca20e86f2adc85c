// SPDX-License-Identifier: GPL-3.0-or-later
#include "windows/ChangePassphraseDialog.h"

#include "crypto/SecureBuffer.h"
#include "node/PassphraseChange.h"
#include "node/Profile.h"
#include "ui_ChangePassphraseDialog.h"
#include "wizard/SetupModel.h"

#include <QPushButton>
#include <QtConcurrent/QtConcurrentRun>

namespace orion::app::windows {

ChangePassphraseDialog::ChangePassphraseDialog(const QString &profileDir, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ChangePassphraseDialog>())
    , m_profileDir(profileDir) {
    m_ui->setupUi(this);
    m_ui->progressBar->setRange(0, 1);
    m_ui->progressBar->setValue(0);
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &ChangePassphraseDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_ui->currentEdit, m_ui->newEdit, m_ui->confirmEdit}) {
        connect(edit, &QLineEdit::textChanged, this, &ChangePassphraseDialog::updateControls);
    }
    connect(m_ui->removeCheck, &QCheckBox::toggled, this, &ChangePassphraseDialog::updateControls);
    connect(&m_watcher, &QFutureWatcher<Status>::finished, this, [this]() {
        const Status done = m_watcher.result();
        m_ui->progressBar->setRange(0, 1);
        setEnabled(true);
        if (!done) {
            m_ui->messageLabel->setText(done.error());
            updateControls();
            return;
        }
        m_result = m_ui->removeCheck->isChecked()
                       ? tr("The passphrase was removed; the keys are stored unencrypted.")
                       : tr("The passphrase was changed.");
        QDialog::accept();
    });
    updateControls();
}

ChangePassphraseDialog::~ChangePassphraseDialog() {
    m_watcher.waitForFinished();
}

void ChangePassphraseDialog::updateControls() {
    const bool remove = m_ui->removeCheck->isChecked();
    m_ui->newEdit->setEnabled(!remove);
    m_ui->confirmEdit->setEnabled(!remove);
    bool ok = !m_ui->currentEdit->text().isEmpty();
    if (!remove) {
        const Status check =
            wizard::SetupModel::checkPassphrase(m_ui->newEdit->text(), m_ui->confirmEdit->text());
        ok = ok && check.ok();
        if (!m_ui->newEdit->text().isEmpty() && !check) {
            m_ui->messageLabel->setText(check.error());
        } else {
            m_ui->messageLabel->clear();
        }
    } else {
        m_ui->messageLabel->setText(
            tr("Without a passphrase anyone who can read your profile folder can take over "
               "this node's identity."));
    }
    m_ui->buttons->button(QDialogButtonBox::Ok)->setEnabled(ok && !m_watcher.isRunning());
}

Status ChangePassphraseDialog::change(const QString &profileDir, const QByteArray &current,
                                      const QByteArray &next) {
    node::PassphraseChange::Options options;
    options.removePassphrase = next.isEmpty();
    // The app's node holds the profile lock while it runs; the change joins it.
    const Status changed =
        node::PassphraseChange::run(node::Profile(profileDir), current, next, options);
    if (!changed) {
        return Status::failure(tr("The passphrase could not be changed: %1").arg(changed.error()));
    }
    return Status::success();
}

void ChangePassphraseDialog::accept() {
    if (m_watcher.isRunning()) {
        return;
    }
    const QByteArray current = m_ui->currentEdit->text().toUtf8();
    const QByteArray next =
        m_ui->removeCheck->isChecked() ? QByteArray() : m_ui->newEdit->text().toUtf8();
    m_ui->progressBar->setRange(0, 0);
    m_ui->messageLabel->setText(tr("Re-encrypting the keys…"));
    setEnabled(false);
    const QString dir = m_profileDir;
    m_watcher.setFuture(QtConcurrent::run([dir, current, next]() {
        QByteArray a = current, b = next;
        const Status done = change(dir, a, b);
        crypto::wipe(a.data(), size_t(a.size()));
        crypto::wipe(b.data(), size_t(b.size()));
        return done;
    }));
}

} // namespace orion::app::windows
