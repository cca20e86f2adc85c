// SPDX-License-Identifier: GPL-3.0-or-later
#include "routing/RoutingTable.h"

#include <algorithm>

namespace orion::routing {

using identity::Key160;

RoutingTable::RoutingTable(const Key160 &self, RoutingConfig config)
    : m_self(self)
    , m_config(config) {
    m_config.k = std::max(1, m_config.k);
    m_buckets.emplace_back();
}

int RoutingTable::bucketIndexFor(const Key160 &id) const {
    return std::min(m_self.commonPrefixLength(id), int(m_buckets.size()) - 1);
}

const Contact *RoutingTable::find(const Key160 &id) const {
    if (id == m_self) {
        return nullptr;
    }
    return m_buckets[size_t(bucketIndexFor(id))].find(id);
}

int RoutingTable::countInSubnetTable(quint64 subnetKey) const {
    int n = 0;
    for (const auto &b : m_buckets) {
        n += b.countInSubnet(subnetKey);
    }
    return n;
}

bool RoutingTable::splitLastBucket(qint64 nowMs) {
    if (int(m_buckets.size()) >= Key160::kBits) {
        return false;
    }
    const int last = int(m_buckets.size()) - 1;
    m_buckets.emplace_back();
    KBucket &from = m_buckets[size_t(last)];
    KBucket &to = m_buckets.back();
    to.touch(nowMs);
    auto move = [&](std::vector<Contact> &src, std::vector<Contact> &dst) {
        auto keep = std::stable_partition(src.begin(), src.end(), [&](const Contact &c) {
            return m_self.commonPrefixLength(c.info.id) == last;
        });
        dst.insert(dst.end(), keep, src.end());
        src.erase(keep, src.end());
    };
    move(from.contacts(), to.contacts());
    move(from.replacements(), to.replacements());
    return true;
}

QString RoutingTable::diversityRefusal(quint64 subnet, int index, const Contact *replacing) const {
    if (!m_config.addressLimits) {
        return {};
    }
    const int discount = replacing && replacing->subnet == subnet ? 1 : 0;
    if (m_buckets[size_t(index)].countInSubnet(subnet) - discount >=
        m_config.maxPerSubnetInBucket) {
        return QStringLiteral("in its bucket");
    }
    if (countInSubnetTable(subnet) - discount >= m_config.maxPerSubnetInTable) {
        return QStringLiteral("in the table");
    }
    return {};
}

bool RoutingTable::refusesNetworkOf(const identity::Key160 &id, const Endpoint &observedAt) const {
    return !diversityRefusal(observedAt.subnetKey(), bucketIndexFor(id), nullptr).isEmpty();
}

std::optional<Contact> RoutingTable::takeAdmissibleReplacement(int index,
                                                               const Contact *replacing) {
    KBucket &bucket = m_buckets[size_t(index)];
    while (auto replacement = bucket.takeReplacement()) {
        // Checked again now: the cache took it without counting it.
        if (diversityRefusal(replacement->subnet, index, replacing).isEmpty()) {
            return replacement;
        }
    }
    return std::nullopt;
}

RoutingTable::UpdateResult RoutingTable::seen(const NodeInfo &node, qint64 nowMs, quint32 rttMs,
                                              const Endpoint *observedAt) {
    UpdateResult result;
    if (node.id == m_self) {
        result.reason = QStringLiteral("own node ID");
        return result;
    }
    if (!node.endpoint.isValid()) {
        result.reason =
            QStringLiteral("endpoint %1 cannot be dialled").arg(node.endpoint.toString());
        return result;
    }
    int index = bucketIndexFor(node.id);
    // A connected node counts where it connects from; any other where it is dialled.
    const quint64 subnet =
        observedAt && !observedAt->isNull() ? observedAt->subnetKey() : node.endpoint.subnetKey();
    if (Contact *known = m_buckets[size_t(index)].find(node.id)) {
        if (!observedAt && known->info.endpoint != node.endpoint && known->subnet != subnet) {
            // A new address for a known node (from someone's nodes reply): taken only if the
            // network it moves to has room.
            if (const QString why = diversityRefusal(subnet, index, known); !why.isEmpty()) {
                ++m_refusedForNetwork;
                result.reason = QStringLiteral("too many contacts from the network of %1 %2")
                                    .arg(node.endpoint.toString(), why);
                return result;
            }
            known->subnet = subnet;
        }
        known->info.endpoint = node.endpoint;
        known->lastSeenMs = std::max(known->lastSeenMs, nowMs);
        known->failures = 0;
        if (rttMs > 0) {
            known->recordRtt(rttMs);
        }
        m_buckets[size_t(index)].touch(nowMs);
        result.update = Update::Updated;
        return result;
    }
    if (const QString why = diversityRefusal(subnet, index, nullptr); !why.isEmpty()) {
        ++m_refusedForNetwork;
        result.reason =
            QStringLiteral("too many contacts from the network of %1 %2")
                .arg((observedAt && !observedAt->isNull() ? *observedAt : node.endpoint).toString(),
                     why);
        return result;
    }

    Contact contact;
    contact.info = node;
    contact.subnet = subnet;
    contact.firstSeenMs = nowMs;
    contact.lastSeenMs = nowMs;
    if (rttMs > 0) {
        contact.recordRtt(rttMs);
    }

    while (int(m_buckets[size_t(index)].contacts().size()) >= m_config.k &&
           index == int(m_buckets.size()) - 1 && splitLastBucket(nowMs)) {
        index = bucketIndexFor(node.id);
    }
    KBucket &bucket = m_buckets[size_t(index)];
    bucket.removeReplacement(node.id);
    if (int(bucket.contacts().size()) < m_config.k) {
        auto &contacts = bucket.contacts();
        if (contacts.size() == contacts.capacity()) {
            // Grow towards exactly k: doubling would leave a full bucket a third empty,
            // which adds up over the many tables of a simulation.
            contacts.reserve(
                std::min<size_t>(size_t(m_config.k), std::max<size_t>(4, 2 * contacts.size())));
        }
        contacts.push_back(contact);
        bucket.touch(nowMs);
        ++m_size;
        result.update = Update::Added;
        return result;
    }
    // Full of contacts. One that already failed to answer makes room; live ones stay.
    auto failed = std::max_element(
        bucket.contacts().begin(), bucket.contacts().end(),
        [](const Contact &a, const Contact &b) { return a.failures < b.failures; });
    if (failed->failures > 0) {
        *failed = contact;
        bucket.touch(nowMs);
        result.update = Update::Added;
        return result;
    }
    bucket.addReplacement(contact, m_config.replacementCacheSize);
    result.update = Update::Cached;
    const Contact *oldest = bucket.leastRecentlySeen();
    if (oldest && nowMs - oldest->lastSeenMs >= m_config.questionableAfterMs) {
        result.pingCandidate = oldest->info;
    }
    return result;
}

bool RoutingTable::recordFailure(const Key160 &id) {
    if (id == m_self) {
        return false;
    }
    KBucket &bucket = m_buckets[size_t(bucketIndexFor(id))];
    bucket.removeReplacement(id);
    Contact *contact = bucket.find(id);
    if (!contact) {
        return false;
    }
    if (contact->failures < 0xffff) {
        ++contact->failures;
    }
    if (auto replacement = takeAdmissibleReplacement(bucketIndexFor(id), contact)) {
        *contact = *replacement;
        return true;
    }
    if (contact->failures >= m_config.maxFailures) {
        bucket.remove(id);
        --m_size;
        return true;
    }
    return false;
}

bool RoutingTable::remove(const Key160 &id) {
    if (id == m_self) {
        return false;
    }
    KBucket &bucket = m_buckets[size_t(bucketIndexFor(id))];
    bucket.removeReplacement(id);
    if (!bucket.remove(id)) {
        return false;
    }
    --m_size;
    if (auto replacement = takeAdmissibleReplacement(bucketIndexFor(id), nullptr)) {
        bucket.contacts().push_back(*replacement);
        ++m_size;
    }
    return true;
}

std::vector<NodeInfo> RoutingTable::closest(const Key160 &target, int count) const {
    std::vector<NodeInfo> out;
    if (count <= 0) {
        return out;
    }
    out.reserve(size_t(count) + size_t(m_config.k));
    auto byDistance = [&](const NodeInfo &a, const NodeInfo &b) {
        return target.isCloser(a.id, b.id);
    };
    // Buckets partition the key space by their prefix shared with our ID; relative to the
    // target that makes three ranges: the target's own bucket, the buckets deeper than it
    // (all at the same top distance bit) and then the shallower ones, each farther away.
    const int last = int(m_buckets.size()) - 1;
    const int home = std::min(m_self.commonPrefixLength(target), last);
    for (int i = home; i <= last; ++i) {
        for (const auto &c : m_buckets[size_t(i)].contacts()) {
            out.push_back(c.info);
        }
    }
    std::sort(out.begin(), out.end(), byDistance);
    for (int i = home - 1; i >= 0 && int(out.size()) < count; --i) {
        const auto begin = out.size();
        for (const auto &c : m_buckets[size_t(i)].contacts()) {
            out.push_back(c.info);
        }
        std::sort(out.begin() + qsizetype(begin), out.end(), byDistance);
    }
    if (int(out.size()) > count) {
        out.resize(size_t(count));
    }
    return out;
}

std::vector<Contact> RoutingTable::contacts() const {
    std::vector<Contact> all;
    all.reserve(m_size);
    for (const auto &b : m_buckets) {
        all.insert(all.end(), b.contacts().begin(), b.contacts().end());
    }
    return all;
}

void RoutingTable::touchBucketFor(const Key160 &key, qint64 nowMs) {
    m_buckets[size_t(bucketIndexFor(key))].touch(nowMs);
}

std::vector<int> RoutingTable::staleBuckets(qint64 nowMs, qint64 maxAgeMs) const {
    std::vector<int> stale;
    for (int i = 0; i < int(m_buckets.size()); ++i) {
        if (nowMs - m_buckets[size_t(i)].lastActivityMs() >= maxAgeMs) {
            stale.push_back(i);
        }
    }
    return stale;
}

Key160 RoutingTable::keyInBucket(int index, const Key160 &random) const {
    auto bytes = random.bytes();
    const int last = int(m_buckets.size()) - 1;
    index = std::clamp(index, 0, last);
    // Bucket i < last: the first i bits of our ID, then bit i flipped. The last bucket
    // covers everything sharing at least `last` bits.
    for (int i = 0; i < index; ++i) {
        const quint8 mask = quint8(0x80 >> (i % 8));
        bytes[size_t(i / 8)] =
            quint8((bytes[size_t(i / 8)] & ~mask) | (m_self.bytes()[size_t(i / 8)] & mask));
    }
    if (index < last) {
        const quint8 mask = quint8(0x80 >> (index % 8));
        bytes[size_t(index / 8)] = quint8((bytes[size_t(index / 8)] & ~mask) |
                                          (~m_self.bytes()[size_t(index / 8)] & mask));
    }
    return Key160(bytes);
}

} // namespace orion::routing
