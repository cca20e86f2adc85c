// SPDX-License-Identifier: GPL-3.0-or-later
// IdentityPage: generate a key pair (with visible progress, off the GUI thread) or import an
// identity file. A thin view over SetupModel. GUI thread.
#pragma once

#include <QWizardPage>

#include <memory>

namespace Ui {
class IdentityPage;
}

namespace orion::app::wizard {

class SetupModel;

class IdentityPage : public QWizardPage {
    Q_OBJECT

public:
    explicit IdentityPage(SetupModel *model, QWidget *parent = nullptr);
    ~IdentityPage() override;

    void initializePage() override;
    bool isComplete() const override;
    // Starts generation or import as chosen (the page's button does this).
    void run();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateControls();
    void showBusy(bool busy);
    std::unique_ptr<Ui::IdentityPage> m_ui;
    SetupModel *m_model;
};

} // namespace orion::app::wizard
