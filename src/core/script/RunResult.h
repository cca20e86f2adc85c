// SPDX-License-Identifier: GPL-3.0-or-later
// RunResult: the outcome of one instance run: success or an error with its source position,
// and the effects recorded up to that point. A value, posted from the worker to the node.
#pragma once

#include "script/Effect.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace orion::script {

struct RunResult {
    struct Error {
        QString message;
        int line = 0;
        int column = 0;
    };

    bool ok = false;
    Error error;
    // On an error the effects recorded before it are kept so the host can log them; a host
    // should normally not apply them.
    std::vector<Effect> effects;
    uint64_t instructions = 0; // instructions charged to the budget
};

} // namespace orion::script
