// SPDX-License-Identifier: GPL-3.0-or-later
// ScreenshotTour: `orion --screenshot DIR` walks the wizard on a temporary profile, starts the
// node with four loopback peers, and saves a PNG of every wizard page and main view, for
// documentation and review. GUI thread.
#pragma once

#include <QString>

namespace orion::app {

class ScreenshotTour {
public:
    // Returns the process exit code.
    static int run(const QString &outputDir);
};

} // namespace orion::app
