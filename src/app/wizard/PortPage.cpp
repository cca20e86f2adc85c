// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/PortPage.h"

#include "desktop/AppSettings.h"
#include "ui_PortPage.h"
#include "wizard/SetupModel.h"

#include <QEvent>

namespace orion::app::wizard {

PortPage::PortPage(SetupModel *model, QWidget *parent)
    : QWizardPage(parent)
    , m_ui(std::make_unique<Ui::PortPage>())
    , m_model(model) {
    m_ui->setupUi(this);
    m_ui->portSpin->setValue(desktop::AppSettings::kDefaultPort);
    connect(m_ui->portSpin, &QSpinBox::valueChanged, this, &PortPage::check);
}

PortPage::~PortPage() = default;

void PortPage::initializePage() {
    check();
}

void PortPage::check() {
    const quint16 port = quint16(m_ui->portSpin->value());
    const Status free = m_model->setPort(port);
    m_free = free.ok();
    m_ui->portStatusLabel->setText(free ? tr("Port %1 is free.").arg(port) : free.error());
    Q_EMIT completeChanged();
}

bool PortPage::isComplete() const {
    return m_free && m_model->port() == m_ui->portSpin->value();
}

void PortPage::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        check();
    }
    QWizardPage::changeEvent(event);
}

} // namespace orion::app::wizard
