// SPDX-License-Identifier: GPL-3.0-or-later
#include "windows/NetworkDialog.h"

#include "desktop/Icons.h"
#include "facade/NodeController.h"
#include "identity/MemberRecord.h"
#include "ui_NetworkDialog.h"
#include "widgets/QrCodeView.h"

#include <QClipboard>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QGuiApplication>
#include <QSaveFile>

namespace orion::app::windows {

NetworkDialog::NetworkDialog(facade::NodeController *node, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::NetworkDialog>())
    , m_node(node)
    , m_qrView(new widgets::QrCodeView(this)) {
    m_ui->setupUi(this);
    setWindowIcon(desktop::Icons::app());
    m_qrView->setObjectName(QStringLiteral("qrView"));
    m_qrView->setVisible(false);
    // The code stands beside the rest, so showing it makes the window wider, not taller
    // than a screen.
    m_ui->qrColumn->insertWidget(1, m_qrView, 0, Qt::AlignHCenter);
    m_ui->qrCaption->setVisible(false);
    m_ui->copyKeyButton->setIcon(desktop::Icons::copy());
    m_ui->copyInviteButton->setIcon(desktop::Icons::copy());
    m_ui->copyCardButton->setIcon(desktop::Icons::copy());
    const int em = fontMetrics().height();
    // The labels' width, not the dialog's: the layout's minimum must still follow the key.
    m_ui->introLabel->setMinimumWidth(36 * em);
    m_ui->cardView->setMinimumHeight(12 * em);
    m_nodeId = node->status()->current().nodeId;

    connect(m_ui->showKeyCheck, &QCheckBox::toggled, this, [this](bool shown) {
        m_ui->keyEdit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        m_ui->inviteEdit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        m_ui->inviteEdit->setCursorPosition(0);
    });
    connect(m_ui->copyInviteButton, &QPushButton::clicked, this, &NetworkDialog::copyInvite);
    connect(m_ui->qrButton, &QPushButton::toggled, this, &NetworkDialog::showQrCode);
    connect(m_node, &facade::NodeController::inviteReady, this, &NetworkDialog::showInvite);
    connect(m_ui->copyKeyButton, &QPushButton::clicked, this, &NetworkDialog::copyKey);
    connect(m_ui->copyCardButton, &QPushButton::clicked, this, &NetworkDialog::copyCard);
    connect(m_ui->saveCardButton, &QPushButton::clicked, this, &NetworkDialog::chooseCardFile);
    connect(m_node, &facade::NodeController::networkKeyRead, this, &NetworkDialog::showKey);
    connect(m_node, &facade::NodeController::memberFileExported, this, &NetworkDialog::showCard);

    if (m_node->isRunning()) {
        m_keyRequest = m_node->requestNetworkKey();
        m_cardRequest = m_node->exportMemberFile();
        m_inviteRequest = m_node->requestInvite();
        m_ui->statusLabel->setText(tr("Reading the key and the card from the node…"));
    } else {
        m_ui->statusLabel->setText(
            tr("The node is not running. Start it to see the network key and the member card."));
    }
    updateControls();
}

NetworkDialog::~NetworkDialog() = default;

void NetworkDialog::showKey(quint64 requestId, const QString &keyText, const QString &error) {
    if (requestId != m_keyRequest) {
        return;
    }
    m_keyRequest = 0;
    m_keyText = keyText;
    m_ui->keyEdit->setText(keyText);
    // Wide enough for the whole key, and showing its start (orion-net:…), not its end.
    const int em = fontMetrics().height();
    m_ui->keyEdit->setMinimumWidth(m_ui->keyEdit->fontMetrics().horizontalAdvance(keyText) +
                                   3 * em);
    m_ui->keyEdit->setCursorPosition(0);
    adjustSize();
    m_ui->statusLabel->setText(
        error.isEmpty() ? QString() : tr("The network key cannot be shown: %1").arg(error));
    updateControls();
}

void NetworkDialog::showCard(quint64 requestId, const QByteArray &content, const QString &error) {
    if (requestId != m_cardRequest) {
        return;
    }
    m_cardRequest = 0;
    m_card = content;
    m_ui->cardView->setPlainText(QString::fromUtf8(content));
    if (!error.isEmpty()) {
        m_ui->statusLabel->setText(tr("The member card cannot be made: %1").arg(error));
    } else if (const auto record = identity::MemberRecord::fromJson(content);
               record && (record->addresses.isEmpty() || record->port == 0)) {
        // A card without an address cannot be dialled: the new member would wait for ever.
        m_ui->statusLabel->setText(
            tr("This card holds no address this node can be reached at yet, so a node that "
               "imports it cannot connect to you. Wait until the status page shows where the "
               "node listens, then open this window again."));
    }
    updateControls();
}

void NetworkDialog::showInvite(quint64 requestId, const QString &uri, const QString &error) {
    if (requestId != m_inviteRequest) {
        return;
    }
    m_inviteRequest = 0;
    m_invite = uri;
    m_inviteError = error;
    m_ui->inviteEdit->setText(uri);
    m_ui->inviteEdit->setCursorPosition(0);
    m_ui->inviteNote->setText(
        error.isEmpty()
            ? tr("The invite holds the network key: treat it like the key itself. The new node "
                 "pastes it into its setup wizard (or runs orion-node init --invite).")
            : tr("No invite can be made yet: %1").arg(error));
    m_qrView->setText(m_ui->qrButton->isChecked() ? uri : QString());
    updateControls();
}

void NetworkDialog::copyInvite() {
    if (m_invite.isEmpty()) {
        return;
    }
    QGuiApplication::clipboard()->setText(m_invite);
    m_ui->statusLabel->setText(tr("Invite copied. It holds the network key: paste it only where "
                                  "the new member alone can read it."));
}

void NetworkDialog::showQrCode(bool shown) {
    // The code is the invite, secret like the key: drawn only while asked for. Visible first:
    // a hidden widget's new size does not reach the layout.
    const bool visible = shown && !m_invite.isEmpty();
    m_qrView->setVisible(visible);
    m_qrView->setText(visible ? m_invite : QString());
    m_ui->qrCaption->setVisible(visible);
    if (visible) {
        m_ui->qrCaption->setMaximumWidth(m_qrView->sizeHint().width());
    }
    m_ui->qrButton->setText(shown ? tr("Hide &QR code") : tr("Show &QR code"));
    adjustSize();
}

void NetworkDialog::copyKey() {
    if (m_keyText.isEmpty()) {
        return;
    }
    QGuiApplication::clipboard()->setText(m_keyText);
    m_ui->statusLabel->setText(tr("Network key copied. Paste it only where the new member alone "
                                  "can read it."));
}

void NetworkDialog::copyCard() {
    if (m_card.isEmpty()) {
        return;
    }
    QGuiApplication::clipboard()->setText(QString::fromUtf8(m_card));
    m_ui->statusLabel->setText(tr("Member card copied."));
}

void NetworkDialog::chooseCardFile() {
    const QString suggested =
        QDir::home().filePath(QStringLiteral("%1.member.json").arg(m_nodeId.left(8)));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save member card"), suggested,
                                                      tr("Orion member files (*.json *.member)"));
    if (!path.isEmpty()) {
        (void)saveCardTo(path);
    }
}

Status NetworkDialog::saveCardTo(const QString &path) {
    Status result = Status::success();
    QSaveFile file(path);
    if (m_card.isEmpty()) {
        result = Status::failure(ErrorCode::Unavailable, tr("There is no member card to save."));
    } else if (!file.open(QIODevice::WriteOnly) || file.write(m_card) != m_card.size() ||
               !file.commit()) {
        result = Status::failure(
            ErrorCode::Io,
            tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    }
    m_ui->statusLabel->setText(
        result ? tr("Member card saved to %1.").arg(QDir::toNativeSeparators(path))
               : result.error());
    return result;
}

void NetworkDialog::updateControls() {
    m_ui->copyKeyButton->setEnabled(!m_keyText.isEmpty());
    m_ui->showKeyCheck->setEnabled(!m_keyText.isEmpty());
    m_ui->copyCardButton->setEnabled(!m_card.isEmpty());
    m_ui->saveCardButton->setEnabled(!m_card.isEmpty());
    m_ui->copyInviteButton->setEnabled(!m_invite.isEmpty());
    m_ui->qrButton->setEnabled(!m_invite.isEmpty());
}

void NetworkDialog::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        m_ui->qrButton->setText(m_ui->qrButton->isChecked() ? tr("Hide &QR code")
                                                            : tr("Show &QR code"));
    }
    QDialog::changeEvent(event);
}

} // namespace orion::app::windows
