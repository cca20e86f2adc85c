// SPDX-License-Identifier: GPL-3.0-or-later
#include "LatencyModel.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace orion::sim {

namespace {

struct Region {
    const char *name;
    // Relative share of the simulated nodes (roughly where Internet users and always-on
    // hosts are; only the proportions matter).
    int weight;
};

constexpr std::array<Region, 28> kRegions{
    {{"New York", 8},     {"Chicago", 4},  {"Dallas", 3},      {"Los Angeles", 5},
     {"Seattle", 2},      {"Toronto", 2},  {"Mexico City", 2}, {"Sao Paulo", 4},
     {"Buenos Aires", 1}, {"London", 6},   {"Paris", 3},       {"Frankfurt", 6},
     {"Amsterdam", 3},    {"Madrid", 2},   {"Stockholm", 2},   {"Warsaw", 2},
     {"Moscow", 3},       {"Istanbul", 2}, {"Lagos", 1},       {"Johannesburg", 1},
     {"Dubai", 1},        {"Mumbai", 4},   {"Singapore", 3},   {"Jakarta", 2},
     {"Hong Kong", 3},    {"Tokyo", 4},    {"Seoul", 3},       {"Sydney", 2}}};

// Round-trip times between the regions in ms, lower triangle (row i holds columns 0..i).
// They approximate the median RTTs between those cities' data centres as published by public
// ping meshes (WonderNetwork's city-to-city table, the older WonderProxy table, and cable
// operators' figures): e.g. London-New York 76 (public ~72-76), Frankfurt-New York 85 (~88),
// Los Angeles-Tokyo 119 (~105-115), London-Singapore 167 (~165-175), London-Tokyo 236
// (~215-240), Sao Paulo-New York 117 (~115-125), Sydney-London 249 (~250-280). The pairs nobody
// quotes were filled in from great-circle distance (fibre at 200 km/ms, route inflation 1.3 on
// long hauls and 1.6 on short ones, 4 ms of equipment), South America reaching the other
// continents through Miami, Africa through London, Europe reaching East Asia and Oceania
// through Singapore, and 30 % more on links from Africa and the Middle East. Accurate to tens
// of per cent, not to the millisecond; the diagonal (4 ms) is two hosts of one metro area.
// clang-format off
constexpr std::array<quint16, 28 * 29 / 2> kRttTriangle{{
      4, // New York
     22,   4, // Chicago
     39,  25,   4, // Dallas
     67,  49,  36,   4, // Los Angeles
     66,  49,  47,  29,   4, // Seattle
     13,  15,  35,  60,  57,   4, // Toronto
     58,  48,  28,  44,  64,  56,   4, // Mexico City
    117, 120, 118, 149, 147, 121, 122,   4, // Sao Paulo
    124, 127, 125, 156, 153, 128, 129,  31,   4, // Buenos Aires
     76,  87, 103, 118, 104,  78, 120, 182, 189,   4, // London
     80,  90, 107, 122, 109,  82, 124, 185, 192,   9,   4, // Paris
     85,  95, 111, 125, 110,  86, 128, 190, 197,  14,  12,   4, // Frankfurt
     80,  90, 107, 120, 106,  82, 124, 186, 193,  10,  11,  10,   4, // Amsterdam
     79,  91, 107, 126, 115,  82, 122, 182, 188,  24,  21,  27,  28,   4, // Madrid
     86,  93, 110, 119, 103,  86, 129, 194, 200,  27,  29,  23,  22,  45,   4, // Stockholm
     93, 102, 118, 129, 113,  94, 136, 200, 207,  27,  26,  18,  21,  41,  17,   4, // Warsaw
    102, 108, 124, 131, 113, 101, 143, 209, 216,  44,  44,  36,  38,  59,  24,  22,
      4, // Moscow
    109, 119, 135, 147, 131, 111, 153, 214, 221,  44,  40,  34,  39,  48,  39,  26,
     32,   4, // Istanbul
    184, 197, 219, 238, 220, 186, 241, 269, 278,  90,  85,  88,  91,  85, 107,  95,
    111,  83,   4, // Lagos
    253, 266, 288, 306, 289, 255, 309, 335, 347, 158, 153, 152, 158, 142, 167, 153,
    160, 132,  63,   4, // Johannesburg
    191, 202, 224, 232, 207, 192, 247, 329, 338,  98,  94,  87,  92, 101,  86,  75,
     82,  67, 105, 114,   4, // Dubai
    217, 224, 244, 242, 216, 216, 270, 357, 366, 127, 124, 116, 121, 132, 110, 103,
     90,  86, 134, 123,  35,   4, // Mumbai
    203, 200, 207, 188, 173, 199, 220, 310, 317, 167, 165, 158, 161, 175, 149, 145,
    130, 134, 273, 342, 104,  86,   4, // Singapore
    214, 209, 214, 192, 179, 209, 223, 320, 327, 181, 179, 172, 176, 189, 163, 159,
    145, 148, 288, 357, 116,  84,  18,   4, // Jakarta
    172, 167, 174, 155, 139, 167, 188, 277, 284, 208, 206, 199, 203, 216, 190, 186,
    172, 175, 253, 321, 106,  78,  45,  56,   4, // Hong Kong
    145, 136, 139, 119, 104, 139, 151, 245, 252, 236, 234, 227, 230, 244, 218, 214,
    199, 203, 251, 320, 139, 119,  73,  79,  50,   4, // Tokyo
    148, 141, 147, 129, 112, 142, 161, 251, 258, 227, 226, 219, 222, 235, 209, 206,
    191, 194, 240, 308, 120, 100,  65,  73,  37,  22,   4, // Seoul
    212, 197, 184, 161, 166, 206, 173, 285, 292, 249, 247, 240, 243, 257, 231, 227,
    212, 216, 377, 446, 209, 177,  86,  75, 100, 106, 112,   4, // Sydney
}};
// clang-format on

int triangleIndex(int a, int b) {
    if (a < b) {
        std::swap(a, b);
    }
    return a * (a + 1) / 2 + b;
}

quint64 mix(quint64 x) {
    // splitmix64 finaliser: a fixed, well-spread function of the pair.
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

} // namespace

int LatencyModel::regionCount() {
    return int(kRegions.size());
}

const char *LatencyModel::regionName(int region) {
    return kRegions[size_t(region)].name;
}

int LatencyModel::regionRttMs(int a, int b) {
    return kRttTriangle[size_t(triangleIndex(a, b))];
}

LatencyModel::Place LatencyModel::place(std::mt19937_64 &rng) {
    static const int total = [] {
        int sum = 0;
        for (const auto &r : kRegions) {
            sum += r.weight;
        }
        return sum;
    }();
    int pick = int(rng() % quint64(total));
    Place p;
    for (int i = 0; i < int(kRegions.size()); ++i) {
        if (pick < kRegions[size_t(i)].weight) {
            p.region = quint8(i);
            break;
        }
        pick -= kRegions[size_t(i)].weight;
    }
    // Access round trip: fibre and cable a few ms, DSL and Wi-Fi around ten, mobile tens.
    std::lognormal_distribution<double> access(std::log(8.0), 0.75);
    p.accessMs = quint8(std::clamp(std::lround(access(rng)), 1L, 80L));
    return p;
}

double LatencyModel::rttMs(quint32 a, Place pa, quint32 b, Place pb) {
    const quint64 pair = a < b ? (quint64(a) << 32 | b) : (quint64(b) << 32 | a);
    const double factor = 0.95 + 0.20 * double(mix(pair) >> 11) / double(1ULL << 53);
    return regionRttMs(pa.region, pb.region) * factor + pa.accessMs + pb.accessMs;
}

} // namespace orion::sim
