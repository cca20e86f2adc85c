// SPDX-License-Identifier: GPL-3.0-or-later
// child<T>(root, "objectName"): the named widget under root; a test that names a widget the
// UI does not have stops at once with its name. GUI thread.
#pragma once

#include <QWidget>

namespace orion::test {

template <typename T>
T *child(QWidget *root, const char *name) {
    T *found = root->findChild<T *>(QLatin1String(name));
    if (!found) {
        qFatal("missing widget %s", name);
    }
    return found;
}

} // namespace orion::test
