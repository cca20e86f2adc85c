// SPDX-License-Identifier: GPL-3.0-or-later
// NetworkDialog: what another node needs to join: the invite (one line holding the key and
// the card, with Copy and a QR code), the network key (both hidden until asked, with Copy) and
// this node's member card (copy or save), with a warning about who should get the key. All
// come from the node through NodeController. GUI thread.
#pragma once

#include "util/Result.h"

#include <QDialog>

#include <memory>

namespace Ui {
class NetworkDialog;
}

namespace orion::app::facade {
class NodeController;
}

namespace orion::app::widgets {
class QrCodeView;
}

namespace orion::app::windows {

class NetworkDialog : public QDialog {
    Q_OBJECT

public:
    explicit NetworkDialog(facade::NodeController *node, QWidget *parent = nullptr);
    ~NetworkDialog() override;

    QString networkKeyText() const { return m_keyText; }
    QByteArray memberCard() const { return m_card; }
    QString inviteText() const { return m_invite; }
    widgets::QrCodeView *qrCodeView() const { return m_qrView; }
    // Writes the member card to `path` (the Save button asks for the path first).
    Status saveCardTo(const QString &path);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showKey(quint64 requestId, const QString &keyText, const QString &error);
    void showCard(quint64 requestId, const QByteArray &content, const QString &error);
    void showInvite(quint64 requestId, const QString &uri, const QString &error);
    void copyInvite();
    void showQrCode(bool shown);
    void copyKey();
    void copyCard();
    void chooseCardFile();
    void updateControls();

    std::unique_ptr<Ui::NetworkDialog> m_ui;
    facade::NodeController *m_node;
    quint64 m_keyRequest = 0;
    quint64 m_cardRequest = 0;
    quint64 m_inviteRequest = 0;
    widgets::QrCodeView *m_qrView;
    QString m_invite;
    QString m_inviteError;
    QString m_keyText;
    QByteArray m_card;
    QString m_nodeId;
};

} // namespace orion::app::windows
