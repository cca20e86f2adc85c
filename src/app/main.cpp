// SPDX-License-Identifier: GPL-3.0-or-later
// orion: the desktop application. Parses the command line and hands over to Application.
#include "Application.h"
#include "ScreenshotTour.h"
#include "desktop/Icons.h"
#include "facade/NodeHost.h"
#include "node/Profile.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>

using namespace orion;

int main(int argc, char *argv[]) {
    QApplication qapp(argc, argv);
    QApplication::setApplicationName(QStringLiteral("orion"));
    QApplication::setApplicationDisplayName(QStringLiteral("Orion"));
    QApplication::setApplicationVersion(QStringLiteral(ORION_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.orion.Orion"));
    QApplication::setWindowIcon(app::desktop::Icons::app());
    // The tray keeps the node alive: closing the last window must not end the program.
    QApplication::setQuitOnLastWindowClosed(false);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Orion desktop application"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(QStringLiteral("profile"),
                                           QStringLiteral("Use the profile in DIR (default: %1).")
                                               .arg(node::Profile::defaultDirectory()),
                                           QStringLiteral("DIR"));
    const QCommandLineOption minimizedOption(QStringLiteral("minimized"),
                                             QStringLiteral("Start in the system tray."));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QStringLiteral("Walk the wizard and the main views on a temporary profile with four "
                       "loopback peers, save a PNG of each into DIR, and exit."),
        QStringLiteral("DIR"));
    parser.addOption(profileOption);
    parser.addOption(minimizedOption);
    parser.addOption(screenshotOption);
    parser.process(qapp);
    if (parser.isSet(screenshotOption)) {
        return app::ScreenshotTour::run(parser.value(screenshotOption));
    }

    app::Application::Options options;
    options.profileDir = QDir::cleanPath(
        QDir(node::Profile::fromOption(parser.value(profileOption)).directory()).absolutePath());
    options.minimized = parser.isSet(minimizedOption);

    app::Application application(options, &app::facade::NodeHost::create);
    if (!application.start()) {
        return 0;
    }
    return qapp.exec();
}
