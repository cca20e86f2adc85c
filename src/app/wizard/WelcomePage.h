// SPDX-License-Identifier: GPL-3.0-or-later
// WelcomePage: the wizard's first step: what will happen, where, and whether the profile already
// has an identity. A thin view over SetupModel. GUI thread.
#pragma once

#include <QWizardPage>

#include <memory>

namespace Ui {
class WelcomePage;
}

namespace orion::app::wizard {

class SetupModel;

class WelcomePage : public QWizardPage {
    Q_OBJECT

public:
    explicit WelcomePage(SetupModel *model, QWidget *parent = nullptr);
    ~WelcomePage() override;

    void initializePage() override;
    bool isComplete() const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    std::unique_ptr<Ui::WelcomePage> m_ui;
    SetupModel *m_model;
};

} // namespace orion::app::wizard
