// SPDX-License-Identifier: GPL-3.0-or-later
// ListObject: an immutable array of values (lists are arrays, not cons cells; cons and cdr
// copy). Made by a Heap and lives on that instance's thread.
#pragma once

#include "script/HeapObject.h"
#include "script/Value.h"

#include <vector>

namespace orion::script {

struct ListObject : HeapObject {
    std::vector<Value> items;
};

} // namespace orion::script
