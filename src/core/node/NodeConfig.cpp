// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/NodeConfig.h"

#include "node/SettingsKeys.h"

#include <QSettings>

#include <limits>

namespace orion::node {

namespace {

// Reads keys of the settings file into the config, remembering the first bad value: a
// setting that is present must parse and be in range, one that is absent keeps its default.
class SettingsReader {
public:
    explicit SettingsReader(const QSettings &settings)
        : m_settings(settings) {}

    // A whole number of at least min.
    template <typename Int>
    void integer(const char *key, Int &target, qint64 min) {
        whole(key, target, min, std::numeric_limits<Int>::max(),
              QStringLiteral("a whole number of at least %1").arg(min));
    }

    // A whole number from min to max.
    template <typename Int>
    void integerIn(const char *key, Int &target, qint64 min, qint64 max) {
        whole(key, target, min, max,
              QStringLiteral("a whole number from %1 to %2").arg(min).arg(max));
    }

    void milliseconds(const char *key, std::chrono::milliseconds &target, qint64 min) {
        qint64 ms = target.count();
        integer(key, ms, min);
        target = std::chrono::milliseconds(ms);
    }

    void positive(const char *key, double &target) {
        const QString text = raw(key);
        if (text.isNull()) {
            return;
        }
        bool ok = false;
        const double value = text.trimmed().toDouble(&ok);
        if (!ok || !(value > 0) || value > 1e12) {
            reject(key, text, QStringLiteral("a number above 0"));
            return;
        }
        target = value;
    }

    void boolean(const char *key, bool &target) {
        const QString text = raw(key);
        if (text.isNull()) {
            return;
        }
        const QString t = text.trimmed().toLower();
        if (t == u"true" || t == u"1" || t == u"yes" || t == u"on") {
            target = true;
        } else if (t == u"false" || t == u"0" || t == u"no" || t == u"off") {
            target = false;
        } else {
            reject(key, text, QStringLiteral("true or false"));
        }
    }

    void address(const char *key, QHostAddress &target) {
        const QString text = raw(key);
        if (text.isNull() || text.trimmed().isEmpty()) {
            return;
        }
        const QHostAddress parsed(text.trimmed());
        if (parsed.isNull()) {
            reject(key, text, QStringLiteral("an IPv4 or IPv6 address"));
            return;
        }
        target = parsed;
    }

    void stringList(const char *key, QStringList &target) {
        if (m_settings.contains(QLatin1String(key))) {
            target = m_settings.value(QLatin1String(key)).toStringList();
        }
    }

    template <typename Int>
    void whole(const char *key, Int &target, qint64 min, qint64 max, const QString &expected) {
        const QString text = raw(key);
        if (text.isNull()) {
            return;
        }
        bool ok = false;
        const qint64 value = text.trimmed().toLongLong(&ok);
        if (!ok || value < min || value > max) {
            reject(key, text, expected);
            return;
        }
        target = Int(value);
    }

    void reject(const char *key, const QString &text, const QString &expected) {
        if (m_error.isEmpty()) {
            m_error = QStringLiteral("setting %1 must be %2, not \"%3\"")
                          .arg(QLatin1String(key), expected, text);
        }
    }

    const QString &error() const { return m_error; }

private:
    // A null string when the key is absent. A list value (a comma in an INI file) is
    // joined back, so it is reported as written.
    QString raw(const char *key) const {
        if (!m_settings.contains(QLatin1String(key))) {
            return {};
        }
        const QVariant value = m_settings.value(QLatin1String(key));
        if (value.typeId() == QMetaType::QStringList) {
            return value.toStringList().join(QLatin1Char(','));
        }
        const QString text = value.toString();
        return text.isNull() ? QStringLiteral("") : text;
    }

    const QSettings &m_settings;
    QString m_error;
};

// Describes each key with its type and the default it was visited with.
class KeyLister {
public:
    template <typename Int>
    void integer(const char *key, Int &target, qint64) {
        add(key, QStringLiteral("integer"), QString::number(target));
    }
    template <typename Int>
    void integerIn(const char *key, Int &target, qint64, qint64) {
        add(key, QStringLiteral("integer"), QString::number(target));
    }
    void milliseconds(const char *key, std::chrono::milliseconds &target, qint64) {
        add(key, QStringLiteral("integer"), QString::number(target.count()));
    }
    void positive(const char *key, double &target) {
        add(key, QStringLiteral("number"), QString::number(target));
    }
    void boolean(const char *key, bool &target) {
        add(key, QStringLiteral("boolean"),
            target ? QStringLiteral("true") : QStringLiteral("false"));
    }
    void address(const char *key, QHostAddress &target) {
        add(key, QStringLiteral("address"),
            target == QHostAddress(QHostAddress::Any) ? QString() : target.toString());
    }
    void stringList(const char *key, QStringList &target) {
        add(key, QStringLiteral("list"), target.join(QLatin1Char(',')));
    }

    std::vector<SettingInfo> keys;

private:
    void add(const char *key, const QString &type, const QString &value) {
        keys.push_back({QLatin1String(key), type, value});
    }
};

// Every key of the node's tunables, once: its type and range here, its default in the
// config structs. Reading the settings file and listing the keys both walk this.
template <typename Visitor>
void visitKeys(NodeConfig &c, Visitor &v) {
    v.integerIn(keys::kPort.name, c.listenPort, 0, 65535);
    v.stringList(keys::kAddresses.name, c.advertisedAddresses);
    v.boolean(keys::kListen.name, c.listen);
    v.address(keys::kListenAddress.name, c.listenAddress);
    v.boolean("network/dialLocalAddresses", c.dial.dialLocalAddresses);
    v.positive("network/dialsPerSecond", c.dial.dialsPerSecond);
    v.positive("network/dialBurst", c.dial.dialBurst);
    v.integer("network/observedAddressNetworks", c.observedAddressNetworks, 1);
    v.boolean("network/portMapping", c.portMapping);
    v.boolean("network/portMappingUpnp", c.portMappingUpnp);
    v.boolean("network/portMappingNatPmp", c.portMappingNatPmp);
    v.integerIn("network/portMappingLifetimeSecs", c.portMappingLifetimeSecs, 10, 86400);

    auto &o = c.overlay;
    v.boolean("overlay/addressLimits", o.routing.addressLimits);
    v.integerIn("overlay/k", o.routing.k, 1, 160);
    v.integerIn("overlay/alpha", o.alpha, 1, 160);
    v.integer("overlay/requestTimeoutMs", o.requestTimeoutMs, 1);
    v.integer("overlay/refreshIntervalMs", o.refreshIntervalMs, 1);
    v.integer("overlay/maintenanceIntervalMs", o.maintenanceIntervalMs, 1);
    v.integer("overlay/bootstrapIntervalMs", c.bootstrapIntervalMs, 1);

    v.integer("routing/routeTimeoutMs", c.routeTimeoutMs, 1);
    v.integer("routing/neighbourConnections", c.neighbourConnections, 0);
    v.integer("routing/connectionsPerBucket", c.connectionsPerBucket, 0);
    v.integer("routing/maxConnections", c.maxConnections, 0);
    v.integer("routing/connectionIdleMs", c.connectionIdleMs, 0);
    v.integer("routing/connectionPolicyIntervalMs", c.connectionPolicyIntervalMs, 1);
    v.positive("routing/routedPerSecondPerPeer", c.routedPerSecondPerPeer);
    v.positive("routing/routedBurstPerPeer", c.routedBurstPerPeer);
    v.integer("routing/maxQueuedPerPeer", c.maxQueuedPerPeer, 1);
    v.integer("routing/seenCacheSize", c.router.seenCacheSize, 0);
    v.integer("routing/maxWaitingBytesPerPeer", c.router.maxWaitingBytesPerPeer, qint64{64} * 1024);
    v.integer("routing/maxWaitingBytes", c.router.maxWaitingBytes, qint64{1024} * 1024);

    auto &t = c.transport;
    v.milliseconds("transport/handshakeTimeoutMs", t.handshakeTimeout, 1);
    v.milliseconds("transport/idleTimeoutMs", t.idleTimeout, 1);
    v.milliseconds("transport/keepAliveIntervalMs", t.keepAliveInterval, 1);
    v.milliseconds("transport/closeLingerMs", t.closeLinger, 0);
    v.integer("transport/sendHighWaterMark", t.sendHighWaterMark, qint64{64} * 1024);
    v.integer("transport/maxQueuedBytes", t.maxQueuedBytes, qint64{1024} * 1024);
    v.integer("transport/maxInbound", t.maxInbound, 0);
    v.integer("transport/maxPerAddress", t.maxPerAddress, 0);
    v.integer("transport/maxHandshaking", t.maxHandshaking, 1);
    v.integer("transport/maxHandshakingPerAddress", t.maxHandshakingPerAddress, 1);
    v.integer("transport/maxHandshakingPerSubnet", t.maxHandshakingPerSubnet, 1);
    v.milliseconds("transport/firstMessageTimeoutMs", t.firstMessageTimeout, 1);
    v.positive("transport/acceptsPerSecondPerAddress", t.acceptsPerSecondPerAddress);

    v.integer("containers/maxQueuedBytes", c.containerQueuedBytes, qint64{1024} * 1024);
    v.integerIn("containers/maxRouteDepth", c.containerMaxRouteDepth, 1, 1024);
    v.integer("containers/logEntries", c.containerLogEntries, 10);

    v.integer("providers/ttlSecs", c.providerTtlSecs, 60);
    v.integer("providers/cacheMs", c.providerCacheMs, 0);
    v.integer("providers/settleMs", c.providerSettleMs, 0);
    v.integer("providers/maxRecords", c.providerStore.capacity, 1);
    v.integer("providers/maxPerPeer", c.providerStore.perSender, 1);
    v.integer("providers/maxPerHost", c.providerStore.perHost, 1);
}

} // namespace

std::vector<SettingInfo> NodeConfig::settingKeys() {
    NodeConfig defaults;
    KeyLister lister;
    visitKeys(defaults, lister);
    return std::move(lister.keys);
}

Result<NodeConfig> NodeConfig::fromSettings(const QSettings &settings) {
    NodeConfig c;
    SettingsReader r(settings);

    visitKeys(c, r);
    const auto &o = c.overlay;
    const auto &t = c.transport;

    if (!r.error().isEmpty()) {
        return Result<NodeConfig>::failure(r.error());
    }
    if (o.alpha > o.routing.k) {
        return Result<NodeConfig>::failure(
            QStringLiteral("setting overlay/alpha (%1) must not exceed overlay/k (%2)")
                .arg(o.alpha)
                .arg(o.routing.k));
    }
    if (t.keepAliveInterval >= t.idleTimeout) {
        // A healthy but quiet peer would be closed as idle before its keep-alive arrives.
        return Result<NodeConfig>::failure(
            QStringLiteral("setting transport/keepAliveIntervalMs (%1) must be below "
                           "transport/idleTimeoutMs (%2)")
                .arg(t.keepAliveInterval.count())
                .arg(t.idleTimeout.count()));
    }
    return c;
}

} // namespace orion::node
