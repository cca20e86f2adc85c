// SPDX-License-Identifier: GPL-3.0-or-later
// PassphrasePage: choose the passphrase with strength feedback and a matching confirmation; the
// keyring option is shown only where one is usable. A thin view over SetupModel. GUI thread.
#pragma once

#include <QWizardPage>

#include <memory>

namespace Ui {
class PassphrasePage;
}

namespace orion::app::wizard {

class SetupModel;

class PassphrasePage : public QWizardPage {
    Q_OBJECT

public:
    explicit PassphrasePage(SetupModel *model, QWidget *parent = nullptr);
    ~PassphrasePage() override;

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateFeedback();
    std::unique_ptr<Ui::PassphrasePage> m_ui;
    SetupModel *m_model;
};

} // namespace orion::app::wizard
