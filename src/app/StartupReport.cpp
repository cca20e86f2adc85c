// SPDX-License-Identifier: GPL-3.0-or-later
#include "StartupReport.h"

#include <QApplication>
#include <QEvent>
#include <QFile>
#include <QTimer>
#include <QWidget>

#include <cstdio>

namespace orion::app {

namespace {

// Resident set size from /proc (Linux), in kB; 0 where unavailable.
long residentKb() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) {
        return 0;
    }
    // /proc files report size 0, so read them whole rather than line by line until atEnd().
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').first().toLong();
        }
    }
    return 0;
}

class ExposeWatcher : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (event->type() == QEvent::Expose || event->type() == QEvent::Show) {
            auto *window = static_cast<QWidget *>(watched);
            if (window->isVisible()) {
                watched->removeEventFilter(this);
                std::printf("shown\n");
                std::fflush(stdout);
                // Idle = a quiet second after the first frame; then report memory and leave.
                QTimer::singleShot(1500, qApp, []() {
                    std::printf("rss %ld\n", residentKb());
                    std::fflush(stdout);
                    // exit(), not quit(): quit() first asks every window to close, and
                    // the main window may keep itself open (tray) or ask the user.
                    QMetaObject::invokeMethod(
                        qApp, []() { QCoreApplication::exit(0); }, Qt::QueuedConnection);
                });
                deleteLater();
            }
        }
        return false;
    }
};

} // namespace

bool StartupReport::enabled() {
    return qEnvironmentVariableIsSet("ORION_BENCH_REPORT");
}

void StartupReport::watch(QWidget *window) {
    if (enabled()) {
        window->installEventFilter(new ExposeWatcher(window));
    }
}

} // namespace orion::app
