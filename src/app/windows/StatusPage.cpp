// SPDX-License-Identifier: GPL-3.0-or-later
#include "windows/StatusPage.h"

#include "node/NodeStateWords.h"

#include "desktop/Icons.h"
#include "facade/StatusFeed.h"
#include "ui_StatusPage.h"
#include "widgets/TrafficGraph.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QLocale>

namespace orion::app::windows {

StatusPage::StatusPage(facade::StatusFeed *status, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::StatusPage>())
    , m_status(status) {
    m_ui->setupUi(this);
    m_ui->copyIdButton->setIcon(desktop::Icons::copy());
    m_graph = new widgets::TrafficGraph(this);
    m_graphCaption = new QLabel(this);
    m_ui->trafficForm->insertRow(3, m_graphCaption, m_graph);
    connect(m_ui->copyIdButton, &QToolButton::clicked, this, [this]() {
        if (!m_ui->nodeIdEdit->text().isEmpty()) {
            QGuiApplication::clipboard()->setText(m_ui->nodeIdEdit->text());
        }
    });
    connect(m_ui->networkButton, &QPushButton::clicked, this, &StatusPage::networkRequested);
    connect(m_status, &facade::StatusFeed::statusChanged, this, &StatusPage::show);
    m_uptimeTimer.setInterval(1000);
    connect(&m_uptimeTimer, &QTimer::timeout, this, &StatusPage::updateUptime);
    m_uptimeTimer.start();
    show(m_status->current());
}

StatusPage::~StatusPage() = default;

QString StatusPage::formatBytes(quint64 bytes) {
    return QLocale().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeTraditionalFormat);
}

QString StatusPage::formatDuration(qint64 seconds) {
    const qint64 days = seconds / 86400;
    const QString clock = QStringLiteral("%1:%2:%3")
                              .arg((seconds / 3600) % 24, 2, 10, QLatin1Char('0'))
                              .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
                              .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return days > 0 ? tr("%n day(s), %1", nullptr, int(days)).arg(clock) : clock;
}

void StatusPage::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        show(m_status->current());
    }
    QWidget::changeEvent(event);
}

void StatusPage::show(const facade::NodeStatus &s) {
    m_graphCaption->setText(tr("Last minute:"));
    m_graph->setTotals(s.messagesIn + s.messagesOut, s.bytesIn + s.bytesOut);
    m_ui->nodeIdEdit->setText(s.nodeId);
    m_ui->copyIdButton->setEnabled(!s.nodeId.isEmpty());
    m_ui->stateValue->setText(facade::NodeStateText::label(s));
    QStringList addresses;
    if (!s.listenEndpoint.isEmpty()) {
        addresses << s.listenEndpoint;
    }
    const QString listenHost = s.listenEndpoint.section(QLatin1Char(':'), 0, -2);
    if (!s.observedAddress.isEmpty() && s.observedAddress != s.listenEndpoint &&
        s.observedAddress != listenHost) {
        addresses << tr("%1 (as seen by peers)").arg(s.observedAddress);
    }
    m_ui->addressValue->setText(addresses.isEmpty() ? tr("not listening")
                                                    : addresses.join(QLatin1String(", ")));
    m_ui->reachabilityValue->setText(node::NodeStateWords::reachability(s));
    m_ui->peersValue->setText(QLocale().toString(s.activePeers));
    const QLocale locale;
    m_ui->messagesValue->setText(
        tr("%1 received, %2 sent")
            .arg(locale.toString(s.messagesIn), locale.toString(s.messagesOut)));
    m_ui->trafficValue->setText(
        tr("%1 received, %2 sent").arg(formatBytes(s.bytesIn), formatBytes(s.bytesOut)));
    m_ui->routedValue->setText(tr("%1 delivered here, %2 passed on, %3 dropped")
                                   .arg(locale.toString(s.routing.delivered),
                                        locale.toString(s.routing.forwarded),
                                        locale.toString(s.routedDropped())));
    m_ui->containersValue->setText(
        tr("%n hosted", nullptr, s.containers) + QStringLiteral(", ") +
        tr("%n running", nullptr, s.containersRunning) + QStringLiteral(" · ") +
        tr("%n provider record(s) stored for others", nullptr, s.providerRecords));
    m_ui->portalValue->setText(s.portalSocket.isEmpty() ? tr("closed") : s.portalSocket);
    m_ui->errorCaption->setVisible(!s.error.isEmpty());
    m_ui->errorValue->setVisible(!s.error.isEmpty());
    m_ui->errorValue->setText(s.error);
    updateUptime();
}

void StatusPage::updateUptime() {
    const QDateTime started = m_status->current().startedAt;
    m_ui->uptimeValue->setText(started.isValid()
                                   ? formatDuration(started.secsTo(QDateTime::currentDateTimeUtc()))
                                   : tr("not running"));
}

} // namespace orion::app::windows
