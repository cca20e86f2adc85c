// SPDX-License-Identifier: GPL-3.0-or-later
// The baseline of bench_gui_startup: a bare QMainWindow program that reports like orion
// does (StartupReport), so both are measured the same way.
#include "StartupReport.h"

#include <QApplication>
#include <QLabel>
#include <QMainWindow>

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    QMainWindow window;
    window.setCentralWidget(new QLabel(QStringLiteral("baseline")));
    window.resize(800, 600);
    orion::app::StartupReport::watch(&window);
    window.show();
    return app.exec();
}
