// SPDX-License-Identifier: GPL-3.0-or-later
// PortPage: the listening port, checked live for being free. A thin view over SetupModel. GUI
// thread.
#pragma once

#include <QWizardPage>

#include <memory>

namespace Ui {
class PortPage;
}

namespace orion::app::wizard {

class SetupModel;

class PortPage : public QWizardPage {
    Q_OBJECT

public:
    explicit PortPage(SetupModel *model, QWidget *parent = nullptr);
    ~PortPage() override;

    void initializePage() override;
    bool isComplete() const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void check();
    bool m_free = false;
    std::unique_ptr<Ui::PortPage> m_ui;
    SetupModel *m_model;
};

} // namespace orion::app::wizard
