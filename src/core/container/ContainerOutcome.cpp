// SPDX-License-Identifier: GPL-3.0-or-later
#include "container/ContainerOutcome.h"

namespace orion::container {

const char *ContainerOutcome::statusName(Status status) {
    switch (status) {
    case Status::Ok:
        return "ok";
    case Status::Refused:
        return "refused";
    case Status::NotFound:
        return "not_found";
    case Status::Stopped:
        return "stopped";
    case Status::Busy:
        return "busy";
    case Status::ScriptError:
        return "script_error";
    case Status::StoreError:
        return "store_error";
    }
    return "?";
}

} // namespace orion::container
