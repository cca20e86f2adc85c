// SPDX-License-Identifier: GPL-3.0-or-later
#include "Mnemonics.h"

#include <QAbstractButton>
#include <QAction>
#include <QGroupBox>
#include <QKeySequence>
#include <QLabel>
#include <QMap>
#include <QMenuBar>
#include <QTabBar>
#include <QWidget>

namespace orion::test {

QStringList duplicateMnemonics(QWidget *window) {
    QMap<QString, QStringList> owners;
    const auto claim = [&](const QString &text) {
        const QString key = QKeySequence::mnemonic(text).toString(QKeySequence::PortableText);
        if (!key.isEmpty()) {
            owners[key.toLower()] << QStringLiteral("\u201c%1\u201d").arg(text);
        }
    };
    const auto shown = [window](const QWidget *w) { return w->isVisibleTo(window); };
    for (const QAbstractButton *button : window->findChildren<QAbstractButton *>()) {
        if (shown(button)) {
            claim(button->text());
        }
    }
    for (const QLabel *label : window->findChildren<QLabel *>()) {
        if (shown(label) && label->buddy()) {
            claim(label->text());
        }
    }
    for (const QGroupBox *box : window->findChildren<QGroupBox *>()) {
        if (shown(box)) {
            claim(box->title());
        }
    }
    for (const QTabBar *tabs : window->findChildren<QTabBar *>()) {
        if (shown(tabs)) {
            for (int i = 0; i < tabs->count(); ++i) {
                claim(tabs->tabText(i));
            }
        }
    }
    for (const QMenuBar *bar : window->findChildren<QMenuBar *>()) {
        if (shown(bar)) {
            for (const QAction *action : bar->actions()) {
                claim(action->text());
            }
        }
    }
    QStringList duplicates;
    for (auto it = owners.cbegin(); it != owners.cend(); ++it) {
        if (it.value().size() > 1) {
            duplicates << it.key() + QStringLiteral(": ") + it.value().join(QStringLiteral(", "));
        }
    }
    return duplicates;
}

} // namespace orion::test
