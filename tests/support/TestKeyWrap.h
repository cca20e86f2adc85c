// SPDX-License-Identifier: GPL-3.0-or-later
// TestKeyWrap: the container key wrap of a fixed test host identity, the same in every
// process (a test that reopens containers in a child must seal and open with one key).
// Any thread.
#pragma once

#include "container/ContainerKeyWrap.h"
#include "identity/NodeIdentity.h"

#include <memory>

namespace orion::test {

class TestKeyWrap {
public:
    // The identity whose seed is 32 bytes of @p host; different hosts give different keys.
    static identity::NodeIdentity hostIdentity(char host = 1);
    static std::shared_ptr<const container::ContainerKeyWrap> make(char host = 1);
};

} // namespace orion::test
