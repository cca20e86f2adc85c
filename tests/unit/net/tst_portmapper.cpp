// SPDX-License-Identifier: GPL-3.0-or-later
// PortMapper over fake backends (the real ones are tried against miniupnpd in the network
// lab, tests/netlab/tst_portmap_*.sh): the router's calls run on the mapping thread, not
// the caller's; a refused backend falls through to the next; a mapping is renewed, lost when
// the router stops answering, asked for again when it answers again, and deleted on stop; a
// failure is reported, never fatal.
#include "net/PortMapBackend.h"
#include "net/PortMapper.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QSignalSpy>
#include <QThread>
#include <QtTest>

#include <atomic>
#include <memory>

using namespace orion;
using net::PortMapBackend;
using net::PortMapper;
using net::PortMapping;

namespace {

// A router that grants or refuses as the test says; counts its calls and notes the thread
// they came on. Shared with the test, called on the mapping thread.
struct FakeRouter {
    std::atomic<bool> answers{true};
    std::atomic<int> maps{0};
    std::atomic<int> unmaps{0};
    std::atomic<qint64> lifetimeSecs{2};
    QMutex mutex;
    QThread *callThread = nullptr;
};

class FakeBackend : public PortMapBackend {
public:
    FakeBackend(std::shared_ptr<FakeRouter> router, PortMapping::Protocol protocol)
        : m_router(std::move(router))
        , m_protocol(protocol) {}

    PortMapping::Protocol protocol() const override { return m_protocol; }
    Result<PortMapping> map(quint16 internalPort, quint16, qint64) override {
        note();
        ++m_router->maps;
        if (!m_router->answers) {
            return Result<PortMapping>::failure(QStringLiteral("fake router does not answer"));
        }
        PortMapping m;
        m.protocol = m_protocol;
        m.internalPort = internalPort;
        m.externalAddress = QHostAddress(QStringLiteral("192.0.2.1"));
        m.externalPort = internalPort;
        m.lifetimeSecs = m_router->lifetimeSecs;
        m.gateway = QStringLiteral("fake");
        return m;
    }
    Status unmap(const PortMapping &) override {
        note();
        ++m_router->unmaps;
        return m_router->answers ? Status::success() : Status::failure(QStringLiteral("gone"));
    }

private:
    void note() {
        QMutexLocker lock(&m_router->mutex);
        m_router->callThread = QThread::currentThread();
    }
    std::shared_ptr<FakeRouter> m_router;
    PortMapping::Protocol m_protocol;
};

std::vector<std::unique_ptr<PortMapBackend>> backends(const std::shared_ptr<FakeRouter> &first,
                                                      const std::shared_ptr<FakeRouter> &second) {
    std::vector<std::unique_ptr<PortMapBackend>> b;
    b.push_back(std::make_unique<FakeBackend>(first, PortMapping::Protocol::Upnp));
    if (second) {
        b.push_back(std::make_unique<FakeBackend>(second, PortMapping::Protocol::NatPmp));
    }
    return b;
}

// Fast retries, so that a lost mapping is asked for again within the test's bounds.
constexpr net::PortMapSchedule::Timing kTiming{2, 200, 400};

} // namespace

class TestPortMapper : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void mapsOnTheMappingThreadAndDeletesOnStop() {
        auto router = std::make_shared<FakeRouter>();
        QElapsedTimer clock;
        clock.start();
        PortMapper mapper(backends(router, nullptr), kTiming, [&] { return clock.elapsed(); });
        QSignalSpy changed(&mapper, &PortMapper::mappingChanged);
        QCOMPARE(mapper.report().state, PortMapper::State::Off);
        mapper.start(7400);
        QCOMPARE(mapper.report().state, PortMapper::State::Requesting);
        QTRY_COMPARE_WITH_TIMEOUT(mapper.report().state, PortMapper::State::Mapped, 10'000);
        QCOMPARE(changed.count(), 1);
        const PortMapping m = mapper.report().mapping;
        QCOMPARE(m.protocol, PortMapping::Protocol::Upnp);
        QCOMPARE(m.externalPort, quint16(7400));
        QCOMPARE(m.externalAddress, QHostAddress(QStringLiteral("192.0.2.1")));
        {
            QMutexLocker lock(&router->mutex);
            QVERIFY(router->callThread != nullptr);
            QVERIFY2(router->callThread != QThread::currentThread(),
                     "the router's blocking call ran on the caller's thread");
        }
        bool done = false;
        mapper.stop([&] { done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10'000);
        QCOMPARE(router->unmaps.load(), 1);
        QCOMPARE(mapper.report().state, PortMapper::State::Off);
        QCOMPARE(changed.count(), 2); // gone
    }

    void renewsBeforeTheLifetimeEnds() {
        auto router = std::make_shared<FakeRouter>();
        QElapsedTimer clock;
        clock.start();
        PortMapper mapper(backends(router, nullptr), kTiming, [&] { return clock.elapsed(); });
        QSignalSpy changed(&mapper, &PortMapper::mappingChanged);
        mapper.start(7400);
        // Granted for 2 s: renewed after about 1 s, and again, without a change to report.
        QTRY_VERIFY_WITH_TIMEOUT(mapper.report().renewals >= 2, 15'000);
        QCOMPARE(mapper.report().state, PortMapper::State::Mapped);
        QCOMPARE(changed.count(), 1);
        QVERIFY(router->maps.load() >= 3);
    }

    void lostWhenTheRouterStopsAnsweringAndAskedForAgainWhenItIsBack() {
        auto router = std::make_shared<FakeRouter>();
        QElapsedTimer clock;
        clock.start();
        PortMapper mapper(backends(router, nullptr), kTiming, [&] { return clock.elapsed(); });
        QSignalSpy changed(&mapper, &PortMapper::mappingChanged);
        mapper.start(7400);
        QTRY_COMPARE_WITH_TIMEOUT(mapper.report().state, PortMapper::State::Mapped, 10'000);
        router->answers = false; // the router restarts and forgets
        QTRY_COMPARE_WITH_TIMEOUT(mapper.report().state, PortMapper::State::Failed, 15'000);
        QVERIFY(!mapper.report().mapping.isValid());
        QVERIFY(mapper.report().error.contains(QStringLiteral("does not answer")));
        QVERIFY(mapper.report().failures >= 1);
        QCOMPARE(changed.count(), 2);
        const int asked = router->maps.load();
        router->answers = true; // back
        QTRY_COMPARE_WITH_TIMEOUT(mapper.report().state, PortMapper::State::Mapped, 15'000);
        QVERIFY(router->maps.load() > asked);
        QCOMPARE(mapper.report().failures, 0);
        QCOMPARE(changed.count(), 3);
    }

    void aRefusedBackendFallsThroughToTheNext() {
        auto upnp = std::make_shared<FakeRouter>();
        auto natpmp = std::make_shared<FakeRouter>();
        upnp->answers = false;
        natpmp->lifetimeSecs = 600;
        QElapsedTimer clock;
        clock.start();
        PortMapper mapper(backends(upnp, natpmp), kTiming, [&] { return clock.elapsed(); });
        mapper.start(7400);
        QTRY_COMPARE_WITH_TIMEOUT(mapper.report().state, PortMapper::State::Mapped, 10'000);
        QCOMPARE(mapper.report().mapping.protocol, PortMapping::Protocol::NatPmp);
        QCOMPARE(upnp->maps.load(), 1);
        QCOMPARE(natpmp->maps.load(), 1);
        bool done = false;
        mapper.stop([&] { done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10'000);
        QCOMPARE(natpmp->unmaps.load(), 1); // deleted where it was granted
        QCOMPARE(upnp->unmaps.load(), 0);
    }

    void noRouterIsAFailureToReportNotAnError() {
        auto upnp = std::make_shared<FakeRouter>();
        auto natpmp = std::make_shared<FakeRouter>();
        upnp->answers = false;
        natpmp->answers = false;
        QElapsedTimer clock;
        clock.start();
        PortMapper mapper(backends(upnp, natpmp), kTiming, [&] { return clock.elapsed(); });
        mapper.start(7400);
        QSignalSpy changed(&mapper, &PortMapper::mappingChanged);
        QTRY_COMPARE_WITH_TIMEOUT(mapper.report().state, PortMapper::State::Failed, 10'000);
        QCOMPARE(changed.count(), 1); // the first answer decides: no mapping, for now
        // Both reasons, so that a person can see what each protocol said.
        QCOMPARE(mapper.report().error.count(QStringLiteral("does not answer")), 2);
        // Retried: the mapping may come once a router appears.
        QTRY_VERIFY_WITH_TIMEOUT(upnp->maps.load() >= 2, 10'000);
        bool done = false;
        mapper.stop([&] { done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10'000);
        QCOMPARE(upnp->unmaps.load() + natpmp->unmaps.load(), 0); // nothing was granted
    }
};

QTEST_GUILESS_MAIN(TestPortMapper)
#include "tst_portmapper.moc"
