// SPDX-License-Identifier: GPL-3.0-or-later
// NetworkPage: create a network (its key shown with a copy button) or join one with a pasted key
// and a verified member file. A thin view over SetupModel. GUI thread.
#pragma once

#include <QWizardPage>

#include <memory>

namespace Ui {
class NetworkPage;
}

namespace orion::app::wizard {

class SetupModel;

class NetworkPage : public QWizardPage {
    Q_OBJECT

public:
    explicit NetworkPage(SetupModel *model, QWidget *parent = nullptr);
    ~NetworkPage() override;

    void initializePage() override;
    bool isComplete() const override;
    // Reads and verifies a member file; the result is shown on the page.
    void loadMemberFile(const QString &path);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateChoice();
    void checkKey();
    void chooseMemberFile();
    void showVerdicts();
    std::unique_ptr<Ui::NetworkPage> m_ui;
    SetupModel *m_model;
};

} // namespace orion::app::wizard
