// SPDX-License-Identifier: GPL-3.0-or-later
#include "SimAddress.h"

#include <array>

namespace orion::sim {

routing::Endpoint endpointForNode(quint32 index) {
    std::array<char, 16> raw{};
    raw[0] = char(0x20);
    raw[1] = char(0x01);
    raw[2] = char(0x0d);
    raw[3] = char(0xb8);
    raw[4] = char(index >> 24);
    raw[5] = char(index >> 16);
    raw[6] = char(index >> 8);
    raw[7] = char(index);
    raw[15] = 1;
    return *routing::Endpoint::fromRaw(QByteArrayView(raw.data(), 16), 7000);
}

int nodeForEndpoint(const routing::Endpoint &endpoint) {
    const auto &b = endpoint.bytes();
    if (b[0] != 0x20 || b[1] != 0x01 || b[2] != 0x0d || b[3] != 0xb8) {
        return -1;
    }
    return int(quint32(b[4]) << 24 | quint32(b[5]) << 16 | quint32(b[6]) << 8 | b[7]);
}

} // namespace orion::sim
