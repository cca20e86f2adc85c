// SPDX-License-Identifier: GPL-3.0-or-later
// TestData: paths to the test data folder and the build tree, for tests of any kind.
#pragma once

#include <QByteArray>
#include <QString>

namespace orion::test {

class TestData {
public:
    // Absolute path of a file under tests/data/.
    static QString path(const QString &relative);
    static QByteArray read(const QString &relative);
    // Absolute path of a built executable (e.g. "src/cli/orion-node").
    static QString binary(const QString &relativeToBuildDir);
};

} // namespace orion::test
