// SPDX-License-Identifier: GPL-3.0-or-later
// SettingsDialog: the preferences as pages (network, profile, desktop, language), applied to
// AppSettings on OK. GUI thread.
#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class SettingsDialog;
}

namespace orion::app::desktop {
class AppSettings;
}

namespace orion::app::windows {

class SettingsDialog : public QDialog {
    Q_OBJECT

public:
    SettingsDialog(desktop::AppSettings *settings, const QString &profileDir, bool trayAvailable,
                   QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // Writes the edited values to the settings (OK does this).
    void apply();

private:
    std::unique_ptr<Ui::SettingsDialog> m_ui;
    desktop::AppSettings *m_settings;
};

} // namespace orion::app::windows
