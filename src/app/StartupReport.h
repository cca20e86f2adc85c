// SPDX-License-Identifier: GPL-3.0-or-later
// StartupReport: when ORION_BENCH_REPORT is set, prints "shown" once the watched window is
// first exposed and "rss <kB>" once the program has been idle for a moment, then quits.
// Used by bench_gui_startup for orion and its baseline alike. GUI thread.
#pragma once

class QWidget;

namespace orion::app {

class StartupReport {
public:
    static bool enabled();
    static void watch(QWidget *window);
};

} // namespace orion::app
