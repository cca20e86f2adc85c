// SPDX-License-Identifier: GPL-3.0-or-later
// LatencyModel: where a simulated node sits on the Internet and what a round trip between two
// nodes costs: one of 28 world regions (drawn by weight), a per-node access delay, and a fixed
// table of inter-region round-trip times. Deterministic for a seed; read-only after creation.
#pragma once

#include <QtGlobal>

#include <random>

namespace orion::sim {

class LatencyModel {
public:
    // 2 bytes per node: its region and its access (last-mile) round trip in ms.
    struct Place {
        quint8 region = 0;
        quint8 accessMs = 0;
    };

    static int regionCount();
    static const char *regionName(int region);
    // Round trip between the regions' well-connected hosts, in ms (the table below).
    static int regionRttMs(int a, int b);

    // A region drawn by the regions' weights, an access round trip drawn from a log-normal
    // distribution (median 8 ms, 1..80 ms).
    static Place place(std::mt19937_64 &rng);
    // Round trip between nodes a and b placed at pa and pb: the regions' round trip scaled by
    // a per-link factor of 0.95..1.15 (route differences, fixed for the pair), plus both access
    // round trips. Symmetric.
    static double rttMs(quint32 a, Place pa, quint32 b, Place pb);
};

} // namespace orion::sim
