// SPDX-License-Identifier: GPL-3.0-or-later
// ContainerBridge: how a container's failures reach the sender of a routed message. The
// mapping table covers every ErrorCode; then one node sends to its own containers and the
// error each failure produces is the one the table says (a refused sender, a script error,
// a stopped container), while a container that answers gives a reply (positive control).
#include "Cluster.h"
#include "LoopbackConfig.h"
#include "container/ContainerManager.h"
#include "node/ContainerBridge.h"

#include <QtTest>

#include <optional>

using namespace orion;
using routing::RoutedMessage;

namespace {

struct Outcome {
    bool replied = false;
    int error = 0; // RoutedMessage::ErrorCode
    QString text;
};

} // namespace

class TestContainerBridge : public QObject {
    Q_OBJECT

    // Sends `body` from node 0 to its own container `key` and waits for the answer.
    static std::optional<Outcome> sendAndWait(test::Cluster &cluster, const identity::Key160 &key) {
        node::Node *n = cluster.node(0);
        std::optional<Outcome> outcome;
        QMutex mutex;
        QByteArray sentId;
        auto onReply = QObject::connect(
            n, &node::Node::messageReply, n,
            [&](const QByteArray &inReplyTo, const RoutedMessage &) {
                QMutexLocker lock(&mutex);
                if (inReplyTo == sentId) {
                    outcome = Outcome{true, 0, {}};
                }
            },
            Qt::DirectConnection);
        auto onError = QObject::connect(
            n, &node::Node::messageError, n,
            [&](const QByteArray &inReplyTo, int code, const QString &text) {
                QMutexLocker lock(&mutex);
                if (inReplyTo == sentId) {
                    outcome = Outcome{false, code, text};
                }
            },
            Qt::DirectConnection);
        cluster.runner(0).call([&] {
            QMutexLocker lock(&mutex);
            sentId = n->sendMessage(key, QString(), QCborValue(QStringLiteral("hi")));
        });
        QDeadlineTimer deadline(20000);
        auto done = [&] {
            QMutexLocker lock(&mutex);
            return outcome.has_value();
        };
        while (!done() && !deadline.hasExpired()) {
            QTest::qWait(10);
        }
        QObject::disconnect(onReply);
        QObject::disconnect(onError);
        QMutexLocker lock(&mutex);
        return outcome;
    }

    static identity::Key160 create(test::Cluster &cluster, const QString &name,
                                   const QString &source, const container::AllowList &allow = {}) {
        node::Node *n = cluster.node(0);
        const Result<QString> key =
            cluster.runner(0).call([&] { return n->containers()->create(name, source, allow); });
        if (!key) {
            qWarning() << "create" << name << key.error();
            return {};
        }
        return identity::Key160::fromHex(*key).value_or(identity::Key160());
    }

private Q_SLOTS:
    void everyCodeMapsToARoutedError() {
        using E = RoutedMessage::ErrorCode;
        const QList<QPair<ErrorCode, E>> table = {
            {ErrorCode::Refused, E::Refused},
            {ErrorCode::Busy, E::Busy},
            {ErrorCode::NotFound, E::NoEndpoint},
            {ErrorCode::Unavailable, E::NoEndpoint},
            {ErrorCode::ScriptError, E::EndpointFailed},
            {ErrorCode::Internal, E::EndpointFailed},
            {ErrorCode::Failed, E::EndpointFailed},
            {ErrorCode::InvalidArgument, E::EndpointFailed},
            {ErrorCode::CompileError, E::EndpointFailed},
            {ErrorCode::Io, E::EndpointFailed},
            {ErrorCode::Corrupt, E::EndpointFailed},
        };
        for (const auto &[from, to] : table) {
            QCOMPARE(node::ContainerBridge::routedErrorFor(from), to);
        }
    }

    void failuresReachTheSenderAsTheTableSays() {
        test::Cluster cluster(1);
        QVERIFY(cluster.isValid());
        QVERIFY(cluster.start(0).ok());

        // Positive control: a container that answers.
        const auto echo = create(cluster, QStringLiteral("echo"),
                                 QStringLiteral("(defun main () (reply MESSAGE))"));
        QVERIFY(!echo.isZero());
        auto answered = sendAndWait(cluster, echo);
        QVERIFY(answered.has_value());
        QVERIFY2(answered->replied, qPrintable(answered->text));

        // The allow-list admits only another sender.
        container::AllowList onlyOthers;
        onlyOthers.senders = {QString(40, QLatin1Char('a'))};
        const auto guarded = create(cluster, QStringLiteral("guarded"),
                                    QStringLiteral("(defun main () (reply MESSAGE))"), onlyOthers);
        QVERIFY(!guarded.isZero());
        auto refused = sendAndWait(cluster, guarded);
        QVERIFY(refused.has_value());
        QVERIFY(!refused->replied);
        QCOMPARE(refused->error, int(RoutedMessage::ErrorCode::Refused));

        // The script fails on every message.
        const auto broken = create(cluster, QStringLiteral("broken"),
                                   QStringLiteral("(defun main () (reply (/ 1 0)))"));
        QVERIFY(!broken.isZero());
        auto failed = sendAndWait(cluster, broken);
        QVERIFY(failed.has_value());
        QVERIFY(!failed->replied);
        QCOMPARE(failed->error, int(RoutedMessage::ErrorCode::EndpointFailed));
        QVERIFY(!failed->text.isEmpty());

        // A stopped container is no endpoint.
        node::Node *n = cluster.node(0);
        QVERIFY(cluster.runner(0)
                    .call([n] { return n->containers()->stop(QStringLiteral("echo")); })
                    .ok());
        auto stopped = sendAndWait(cluster, echo);
        QVERIFY(stopped.has_value());
        QVERIFY(!stopped->replied);
        QCOMPARE(stopped->error, int(RoutedMessage::ErrorCode::NoEndpoint));
    }
};

QTEST_GUILESS_MAIN(TestContainerBridge)
#include "tst_containerbridge.moc"
