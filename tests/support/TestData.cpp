// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestData.h"

#include <QFile>

namespace orion::test {

QString TestData::path(const QString &relative) {
    return QStringLiteral(ORION_TEST_DATA_DIR "/") + relative;
}

QByteArray TestData::read(const QString &relative) {
    QFile file(path(relative));
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("test data %s is missing", qPrintable(file.fileName()));
    }
    return file.readAll();
}

QString TestData::binary(const QString &relativeToBuildDir) {
    return QStringLiteral(ORION_BINARY_DIR "/") + relativeToBuildDir;
}

} // namespace orion::test
