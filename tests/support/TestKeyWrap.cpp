// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestKeyWrap.h"

namespace orion::test {

identity::NodeIdentity TestKeyWrap::hostIdentity(char host) {
    return identity::NodeIdentity::fromSeed(QByteArray(32, host)).value();
}

std::shared_ptr<const container::ContainerKeyWrap> TestKeyWrap::make(char host) {
    return container::ContainerKeyWrap::fromIdentity(hostIdentity(host));
}

} // namespace orion::test
