// SPDX-License-Identifier: GPL-3.0-or-later
#include "windows/SettingsDialog.h"

#include "desktop/AppSettings.h"
#include "desktop/LanguageManager.h"
#include "ui_SettingsDialog.h"

#include <QDesktopServices>
#include <QUrl>

namespace orion::app::windows {

SettingsDialog::SettingsDialog(desktop::AppSettings *settings, const QString &profileDir,
                               bool trayAvailable, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
    , m_settings(settings) {
    m_ui->setupUi(this);
    m_ui->pageList->setCurrentRow(0);
    m_ui->portSpin->setValue(m_settings->port());
    m_ui->profileEdit->setText(profileDir);
    connect(m_ui->openProfileButton, &QPushButton::clicked, this,
            [profileDir]() { QDesktopServices::openUrl(QUrl::fromLocalFile(profileDir)); });
    // Remembering starts in the unlock dialog (it has the passphrase); here it can be ended.
    const bool remembered = m_settings->rememberPassphrase();
    m_ui->keyringCheck->setChecked(remembered);
    m_ui->keyringCheck->setEnabled(remembered);
    m_ui->keyringHint->setText(
        remembered ? tr("Unchecking it deletes the passphrase from the keyring; Orion asks for "
                        "it at the next start.")
                   : tr("To unlock without typing the passphrase, check \u201cRemember the "
                        "passphrase\u201d when Orion asks for it at start."));
    m_ui->startAtLoginCheck->setChecked(m_settings->startAtLogin());
    m_ui->startMinimizedCheck->setChecked(m_settings->startMinimized());
    m_ui->closeToTrayCheck->setChecked(m_settings->closeToTray());
    m_ui->closeToTrayCheck->setEnabled(trayAvailable);
    m_ui->trayHint->setText(trayAvailable
                                ? tr("Quit from the tray menu or with Ctrl+Q stops the node.")
                                : tr("This desktop has no system tray: closing the window quits "
                                     "Orion and stops the node."));

    m_ui->languageCombo->addItem(tr("System language"), QString());
    for (const QString &language : desktop::LanguageManager::available()) {
        m_ui->languageCombo->addItem(desktop::LanguageManager::nativeName(language), language);
    }
    const int index = m_ui->languageCombo->findData(m_settings->language());
    m_ui->languageCombo->setCurrentIndex(index >= 0 ? index : 0);
    connect(this, &QDialog::accepted, this, &SettingsDialog::apply);
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::apply() {
    m_settings->setPort(quint16(m_ui->portSpin->value()));
    m_settings->setStartAtLogin(m_ui->startAtLoginCheck->isChecked());
    m_settings->setStartMinimized(m_ui->startMinimizedCheck->isChecked());
    m_settings->setCloseToTray(m_ui->closeToTrayCheck->isChecked());
    if (!m_ui->keyringCheck->isChecked()) {
        m_settings->setRememberPassphrase(false);
    }
    m_settings->setLanguage(m_ui->languageCombo->currentData().toString());
    m_settings->sync();
}

} // namespace orion::app::windows
