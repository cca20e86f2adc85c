// SPDX-License-Identifier: GPL-3.0-or-later
#include "routing/Contact.h"

#include <algorithm>
#include <bit>

namespace orion::routing {

int Contact::score(qint64 nowMs) const {
    const qint64 uptimeMinutes = std::max<qint64>(0, lastSeenMs - firstSeenMs) / 60000;
    const qint64 silentMinutes = std::max<qint64>(0, nowMs - lastSeenMs) / 60000;
    int score = 10 * int(std::bit_width(quint64(uptimeMinutes)));
    score -= 25 * int(failures);
    score -= int(std::min<quint32>(rttMs, 2000) / 100);
    if (silentMinutes < 15) {
        score += 10;
    }
    return score;
}

void Contact::recordRtt(quint32 sampleMs) {
    // Exponential moving average (1/4 weight to the new sample), as TCP's SRTT does.
    rttMs = rttMs == 0 ? std::max<quint32>(sampleMs, 1) : (3 * rttMs + sampleMs + 3) / 4;
}

} // namespace orion::routing
