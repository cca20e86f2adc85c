// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/PassphraseStore.h"

#include <QDir>
#include <QFileInfo>

namespace orion::app::desktop {

PassphraseStore::PassphraseStore(QObject *parent)
    : QObject(parent) {}

PassphraseStore::~PassphraseStore() = default;

QString PassphraseStore::accountFor(const QString &profileDir) {
    return QStringLiteral("profile:") + QDir::cleanPath(QFileInfo(profileDir).absoluteFilePath());
}

} // namespace orion::app::desktop
