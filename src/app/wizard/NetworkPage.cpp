// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/NetworkPage.h"

#include "desktop/Icons.h"
#include "node/Invite.h"
#include "ui_NetworkPage.h"
#include "wizard/SetupModel.h"

#include <QClipboard>
#include <QEvent>
#include <QFileDialog>
#include <QGuiApplication>
#include <QLocale>
#include <QSignalBlocker>

namespace orion::app::wizard {

NetworkPage::NetworkPage(SetupModel *model, QWidget *parent)
    : QWizardPage(parent)
    , m_ui(std::make_unique<Ui::NetworkPage>())
    , m_model(model) {
    m_ui->setupUi(this);
    m_ui->copyKeyButton->setIcon(desktop::Icons::copy());
    connect(m_ui->createRadio, &QRadioButton::toggled, this, &NetworkPage::updateChoice);
    connect(m_ui->copyKeyButton, &QToolButton::clicked, this,
            [this]() { QGuiApplication::clipboard()->setText(m_ui->newKeyEdit->text()); });
    connect(m_ui->joinKeyEdit, &QLineEdit::textChanged, this, &NetworkPage::checkKey);
    connect(m_ui->memberBrowseButton, &QPushButton::clicked, this, &NetworkPage::chooseMemberFile);
    connect(m_ui->memberEdit, &QLineEdit::editingFinished, this, [this]() {
        const QString path = m_ui->memberEdit->text().trimmed();
        if (path.isEmpty()) {
            m_model->clearMemberFile();
            showVerdicts();
        } else {
            // Read again even when the name is the same: the file may have been replaced.
            loadMemberFile(path);
        }
    });
}

NetworkPage::~NetworkPage() = default;

void NetworkPage::initializePage() {
    m_ui->newKeyEdit->setText(m_model->newNetworkKeyText());
    updateChoice();
    showVerdicts();
}

void NetworkPage::updateChoice() {
    const bool create = m_ui->createRadio->isChecked();
    m_ui->createBox->setEnabled(create);
    m_ui->joinBox->setEnabled(!create);
    m_model->setNetworkChoice(create ? SetupModel::NetworkChoice::Create
                                     : SetupModel::NetworkChoice::Join);
    Q_EMIT completeChanged();
}

void NetworkPage::checkKey() {
    const QString text = m_ui->joinKeyEdit->text();
    if (node::Invite::isInvite(text)) {
        // One paste fills both fields: the key goes in its field, the member file is the
        // invite's (the file field says so).
        if (m_model->setInvite(text).ok()) {
            const QSignalBlocker blocker(m_ui->joinKeyEdit);
            m_ui->joinKeyEdit->setText(m_model->joinKeyText());
            m_ui->joinKeyEdit->setCursorPosition(0);
            m_ui->memberEdit->clear();
        }
    } else {
        (void)m_model->setJoinKey(text);
    }
    m_ui->memberEdit->setPlaceholderText(m_model->memberFromInvite() ? tr("From the invite")
                                                                     : QString());
    showVerdicts();
    Q_EMIT completeChanged();
}

void NetworkPage::showVerdicts() {
    // Both fields every time: a new key can make the member file fit (or stop fitting), and
    // no verdict outlives the input it was about.
    const Status key = m_model->joinKeyVerdict();
    m_ui->keyStatusLabel->setText(
        key ? tr("Valid network key (network ID %1).").arg(m_model->networkIdHex().left(16))
            : key.error());
    const Status member = m_model->memberVerdict();
    if (member && m_model->memberRecord()) {
        const auto &record = *m_model->memberRecord();
        const QString where = record.addresses.isEmpty()
                                  ? tr("no address")
                                  : record.addresses.join(QLatin1String(", ")) + QLatin1Char(':') +
                                        QString::number(record.port);
        m_ui->memberStatusLabel->setText(
            (m_model->memberFromInvite() ? tr("From the invite, signature verified: node %1 at "
                                              "%2, created %3.")
                                         : tr("Signature verified: node %1 at %2, created %3."))
                .arg(record.nodeId.shortHex(), where,
                     QLocale().toString(record.created.toLocalTime(), QLocale::ShortFormat)));
    } else {
        m_ui->memberStatusLabel->setText(member.error());
    }
}

void NetworkPage::chooseMemberFile() {
    const QString file =
        QFileDialog::getOpenFileName(this, tr("Import member file"), QString(),
                                     tr("Orion member files (*.json *.member);;All files (*)"));
    if (!file.isEmpty()) {
        m_ui->memberEdit->setText(file);
        loadMemberFile(file);
    }
}

void NetworkPage::loadMemberFile(const QString &path) {
    if (m_ui->memberEdit->text() != path) {
        m_ui->memberEdit->setText(path);
    }
    (void)m_model->setMemberFile(path);
    showVerdicts();
    Q_EMIT completeChanged();
}

bool NetworkPage::isComplete() const {
    return m_model->networkReady();
}

void NetworkPage::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        showVerdicts();
    }
    QWizardPage::changeEvent(event);
}

} // namespace orion::app::wizard
