// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/LanguageManager.h"

#include <QCoreApplication>
#include <QDir>
#include <QLocale>
#include <QTranslator>

namespace orion::app::desktop {

namespace {
const QString kCatalogueDir = QStringLiteral(":/i18n");
}

LanguageManager::LanguageManager(QObject *parent)
    : QObject(parent) {}

LanguageManager::~LanguageManager() {
    if (m_translator) {
        QCoreApplication::removeTranslator(m_translator);
    }
}

QStringList LanguageManager::available() {
    QStringList languages;
    const QStringList files = QDir(kCatalogueDir).entryList({QStringLiteral("orion_*.qm")});
    for (const QString &file : files) {
        languages << file.mid(6, file.size() - 9);
    }
    if (!languages.contains(QLatin1String("en"))) {
        languages.prepend(QStringLiteral("en"));
    }
    return languages;
}

QString LanguageManager::nativeName(const QString &language) {
    const QLocale locale(language);
    QString name = locale.nativeLanguageName();
    if (!name.isEmpty()) {
        name[0] = name[0].toUpper();
    }
    return name.isEmpty() ? language : name;
}

QString LanguageManager::apply(const QString &language) {
    if (m_translator) {
        QCoreApplication::removeTranslator(m_translator);
        delete m_translator;
        m_translator = nullptr;
    }
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    auto translator = std::make_unique<QTranslator>();
    // QTranslator walks the locale's UI languages ("de-AT", "de", ...) to the best catalogue.
    // Fall back to the English catalogue: it carries the plural forms of the source strings.
    if (translator->load(locale, QStringLiteral("orion"), QStringLiteral("_"), kCatalogueDir) ||
        translator->load(QStringLiteral("orion_en"), kCatalogueDir)) {
        m_translator = translator.release();
        m_translator->setParent(this);
        QCoreApplication::installTranslator(m_translator);
        m_active = QFileInfo(m_translator->filePath()).completeBaseName().mid(6);
        if (!language.isEmpty()) {
            QLocale::setDefault(QLocale(m_active));
        }
    } else {
        m_active = QStringLiteral("en");
    }
    return m_active;
}

} // namespace orion::app::desktop
