// SPDX-License-Identifier: GPL-3.0-or-later
// LanguageManager: loads the application's translation for the chosen language (or the
// system locale) from the compiled catalogues and switches it at run time. GUI thread.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QTranslator;

namespace orion::app::desktop {

class LanguageManager : public QObject {
    Q_OBJECT

public:
    explicit LanguageManager(QObject *parent = nullptr);
    ~LanguageManager() override;

    // Languages a catalogue ships for, as BCP 47 names ("de", "en").
    static QStringList available();
    // Native name of a language for the settings page ("Deutsch").
    static QString nativeName(const QString &language);

    // Installs `language`, or the best match for the system locale when empty. Returns the
    // language now active ("en" when nothing matched: the source strings are English).
    QString apply(const QString &language);
    QString active() const { return m_active; }

private:
    QTranslator *m_translator = nullptr;
    QString m_active;
};

} // namespace orion::app::desktop
