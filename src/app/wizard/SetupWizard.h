// SPDX-License-Identifier: GPL-3.0-or-later
// SetupWizard: the first-run wizard (welcome, identity, passphrase, network, port, summary)
// over one SetupModel; accepted only once everything is written. GUI thread.
#pragma once

#include <QWizard>

namespace orion::app::wizard {

class SetupModel;
class WelcomePage;
class IdentityPage;
class PassphrasePage;
class NetworkPage;
class PortPage;
class SummaryPage;

class SetupWizard : public QWizard {
    Q_OBJECT

public:
    enum PageId { WelcomeId, IdentityId, PassphraseId, NetworkId, PortId, SummaryId };

    explicit SetupWizard(SetupModel *model, QWidget *parent = nullptr);

    SetupModel *model() const { return m_model; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    SetupModel *m_model;
};

} // namespace orion::app::wizard
