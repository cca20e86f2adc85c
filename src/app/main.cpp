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

#include <string_view>

using namespace orion;

namespace {

struct Options {
    QCommandLineOption profile;
    QCommandLineOption minimized;
    QCommandLineOption screenshot;
};

Options addOptions(QCommandLineParser &parser) {
    parser.setApplicationDescription(QStringLiteral("Orion desktop application"));
    parser.addHelpOption();
    parser.addVersionOption();
    Options options{
        QCommandLineOption(QStringLiteral("profile"),
                           QStringLiteral("Use the profile in DIR (default: %1).")
                               .arg(node::Profile::defaultDirectory()),
                           QStringLiteral("DIR")),
        QCommandLineOption(QStringLiteral("minimized"),
                           QStringLiteral("Start in the system tray.")),
        QCommandLineOption(
            QStringLiteral("screenshot"),
            QStringLiteral("Walk the wizard and the main views on a temporary profile with four "
                           "loopback peers, save a PNG of each into DIR, and exit."),
            QStringLiteral("DIR")),
    };
    parser.addOption(options.profile);
    parser.addOption(options.minimized);
    parser.addOption(options.screenshot);
    return options;
}

// --help and --version only print text. They are answered before a QApplication exists,
// because that needs a display (or a platform plugin): the man page is generated from
// `orion --help` at build time, and `orion --version` works on a server or over ssh.
bool onlyPrintsText(int argc, char *argv[]) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg(argv[i]);
        if (arg == "--") {
            break;
        }
        if (arg == "-h" || arg == "-?" || arg == "--help" || arg == "--help-all" || arg == "-v" ||
            arg == "--version") {
            return true;
        }
    }
    return false;
}

void describeApplication() {
    QCoreApplication::setApplicationName(QStringLiteral("orion"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ORION_VERSION));
}

} // namespace

int main(int argc, char *argv[]) {
    if (onlyPrintsText(argc, argv)) {
        QCoreApplication core(argc, argv);
        describeApplication();
        QCommandLineParser parser;
        addOptions(parser);
        parser.process(core); // prints the help or the version and exits
        return 0;
    }

    QApplication qapp(argc, argv);
    describeApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("Orion"));
    QApplication::setDesktopFileName(QStringLiteral("org.orion.Orion"));
    QApplication::setWindowIcon(app::desktop::Icons::app());
    // The tray keeps the node alive: closing the last window must not end the program.
    QApplication::setQuitOnLastWindowClosed(false);

    QCommandLineParser parser;
    const Options cli = addOptions(parser);
    parser.process(qapp);
    if (parser.isSet(cli.screenshot)) {
        return app::ScreenshotTour::run(parser.value(cli.screenshot));
    }

    app::Application::Options options;
    options.profileDir = QDir::cleanPath(
        QDir(node::Profile::fromOption(parser.value(cli.profile)).directory()).absolutePath());
    options.minimized = parser.isSet(cli.minimized);

    app::Application application(options, &app::facade::NodeHost::create);
    if (!application.start()) {
        return 0;
    }
    return qapp.exec();
}
