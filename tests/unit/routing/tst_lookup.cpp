// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/Ed25519.h"
#include "routing/Lookup.h"

#include <QtTest>

using namespace orion;
using identity::Key160;
using routing::Endpoint;
using routing::Lookup;
using routing::NodeInfo;

namespace {

NodeInfo nodeAt(const Endpoint &endpoint) {
    return *NodeInfo::fromPublicKey(crypto::Ed25519::generate().publicKey(), endpoint);
}

Endpoint loopback(quint16 port) {
    return Endpoint(QHostAddress::LocalHost, port);
}

} // namespace

class TestLookup : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // A reply that names 20 IDs at one host and port makes the lookup ask that endpoint
    // once, not 20 times.
    void oneQueryPerEndpoint() {
        const Key160 self = Key160::random();
        Lookup lookup(Key160::random(), self, 20, 3);
        const NodeInfo liar = nodeAt(loopback(1000));
        lookup.addCandidates({liar}, 1);
        QCOMPARE(lookup.nextQueries().size(), size_t(1));

        std::vector<NodeInfo> reply;
        for (int i = 0; i < 20; ++i) {
            reply.push_back(nodeAt(loopback(2000)));
        }
        // Positive control: distinct endpoints are each asked.
        for (int i = 0; i < 5; ++i) {
            reply.push_back(nodeAt(loopback(quint16(3000 + i))));
        }
        lookup.answered(liar.id, reply);
        std::vector<NodeInfo> asked;
        while (!lookup.isFinished()) {
            const auto next = lookup.nextQueries();
            if (next.empty()) {
                break;
            }
            for (const NodeInfo &n : next) {
                asked.push_back(n);
                lookup.failed(n.id);
            }
        }
        int atShared = 0;
        for (const NodeInfo &n : asked) {
            atShared += n.endpoint == loopback(2000);
        }
        QCOMPARE(atShared, 1);
        QCOMPARE(int(asked.size()), 6);
        QCOMPARE(lookup.sharedEndpoints(), 19);
    }
};

QTEST_GUILESS_MAIN(TestLookup)
#include "tst_lookup.moc"
