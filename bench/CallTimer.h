// SPDX-License-Identifier: GPL-3.0-or-later
// CallTimer: the time one call of an operation takes, for the benchmarks that compare a
// wrapper with its raw baseline in the same run. Warmed up, then run in batches until the
// given time has passed.
#pragma once

#include <QElapsedTimer>

#include <functional>

namespace orion::bench {

class CallTimer {
public:
    // Nanoseconds per call of `op`, run in batches of `batch` until `runMs` have passed.
    static double nsPerCall(const std::function<void()> &op, qint64 runMs, int batch) {
        for (int i = 0; i < 20; ++i) {
            op(); // warm-up
        }
        QElapsedTimer timer;
        timer.start();
        qint64 count = 0;
        while (timer.elapsed() < runMs) {
            for (int i = 0; i < batch; ++i) {
                op();
            }
            count += batch;
        }
        return double(timer.nsecsElapsed()) / double(count);
    }
};

} // namespace orion::bench
