// SPDX-License-Identifier: GPL-3.0-or-later
// SummaryPage: what will be written where, an optional encrypted identity backup, and the final
// write (in the background) before the node starts. A thin view over SetupModel. GUI thread.
#pragma once

#include <QWizardPage>

#include <memory>

namespace Ui {
class SummaryPage;
}

namespace orion::app::wizard {

class SetupModel;

class SummaryPage : public QWizardPage {
    Q_OBJECT

public:
    explicit SummaryPage(SetupModel *model, QWidget *parent = nullptr);
    ~SummaryPage() override;

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void showBusy(bool busy);
    void chooseBackup();
    bool m_finishing = false;
    std::unique_ptr<Ui::SummaryPage> m_ui;
    SetupModel *m_model;
};

} // namespace orion::app::wizard
