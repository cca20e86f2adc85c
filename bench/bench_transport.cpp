// SPDX-License-Identifier: GPL-3.0-or-later
// Transport benchmark. Prints one JSON object comparing, in the same run:
//   handshakes/s (both roles in one process) with the bound set by the libsodium
//   operations one handshake needs; box-stream MB/s with raw crypto_secretbox_easy over
//   4 KiB; loopback MB/s and messages/s through two PeerConnections with a plain
//   QTcpSocket pair carrying the same length-prefixed CBOR messages; and loopback MB/s with
//   sender and receiver on two threads against one core's crypto_secretbox_easy over the
//   4096-byte bodies of Box Stream frames (vs_secretbox), rounds of the two interleaved.
#include "crypto/Ed25519.h"
#include "crypto/SecureBuffer.h"
#include "net/BoxStreamDecryptor.h"
#include "net/BoxStreamEncryptor.h"
#include "net/ConnectionManager.h"
#include "net/MessageDecoder.h"
#include "net/MessageFramer.h"
#include "net/SecretHandshake.h"
#include "util/ThreadHandOver.h"

#include <QCborValue>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <sodium.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <future>
#include <memory>
#include <pthread.h>
#include <time.h>
#include <vector>

using namespace orion;

namespace {

// Keeps results the compiler must not discard.
volatile int g_sink = 0;

// Runs fn repeatedly for about `ms` milliseconds; returns seconds per call.
double secondsPerCall(const std::function<void()> &fn, int ms = 300) {
    fn(); // warm up
    QElapsedTimer t;
    t.start();
    qint64 calls = 0;
    qint64 batch = 1;
    while (t.elapsed() < ms) {
        for (qint64 i = 0; i < batch; ++i) {
            fn();
        }
        calls += batch;
        batch = std::min<qint64>(batch * 2, 1024);
    }
    return double(t.nsecsElapsed()) / 1e9 / double(calls);
}

double roundTo(double v, int digits = 3) {
    const double f = std::pow(10.0, digits);
    return std::round(v * f) / f;
}

// --- handshake ---------------------------------------------------------------------

QJsonObject benchHandshake() {
    auto client = std::make_shared<const crypto::Ed25519>(crypto::Ed25519::generate());
    auto server = std::make_shared<const crypto::Ed25519>(crypto::Ed25519::generate());
    const QByteArray network(32, 'n');

    auto handshake = [&] {
        auto c = net::SecretHandshake::client(client, network, server->publicKey());
        auto s = net::SecretHandshake::server(server, network);
        s.feed(c.takeOutput());
        c.feed(s.takeOutput());
        s.feed(c.takeOutput());
        c.feed(s.takeOutput());
        if (!c.isDone() || !s.isDone()) {
            std::abort();
        }
        const net::BoxStreamKeys clientKeys = c.takeKeys(), serverKeys = s.takeKeys();
        if (clientKeys.encryptionKey() != serverKeys.decryptionKey()) {
            std::abort();
        }
    };

    // The libsodium operations of one handshake (both roles), each timed on its own.
    unsigned char pk[32], sk[32], out[64], mac[32], msg[160] = {}, box[160], ed[32];
    unsigned char key[32] = {1}, nonce[24] = {};
    const auto *edSk = server->secretKey().data();
    const auto *edPk = reinterpret_cast<const unsigned char *>(server->publicKey().constData());
    crypto_box_keypair(pk, sk);
    unsigned char sig[64];
    crypto_sign_detached(sig, nullptr, msg, 160, edSk);
    crypto_secretbox_easy(box, msg, 96, nonce, key);
    crypto_auth(mac, pk, 32, key);

    struct Op {
        const char *name;
        int count;
        std::function<void()> fn;
    };
    const std::vector<Op> ops = {
        {"box_keypair", 2, [&] { crypto_box_keypair(pk, sk); }},
        {"auth", 2, [&] { crypto_auth(mac, pk, 32, key); }},
        {"auth_verify", 2, [&] { g_sink = crypto_auth_verify(mac, pk, 32, key); }},
        {"scalarmult", 6, [&] { g_sink = crypto_scalarmult(out, sk, pk); }},
        {"ed25519_pk_to_curve25519", 2,
         [&] { g_sink = crypto_sign_ed25519_pk_to_curve25519(ed, edPk); }},
        {"ed25519_sk_to_curve25519", 2, [&] { crypto_sign_ed25519_sk_to_curve25519(ed, edSk); }},
        {"sign", 2, [&] { crypto_sign_detached(sig, nullptr, msg, 160, edSk); }},
        {"sign_verify", 2, [&] { g_sink = crypto_sign_verify_detached(sig, msg, 160, edPk); }},
        {"secretbox_easy", 2, [&] { crypto_secretbox_easy(box, msg, 96, nonce, key); }},
        {"secretbox_open_easy", 2,
         [&] { g_sink = crypto_secretbox_open_easy(msg, box, 112, nonce, key); }},
        {"sha256", 12, [&] { crypto_hash_sha256(out, msg, 128); }},
    };
    // Rounds alternate between our handshake and the primitives and keep the best of
    // each, so a busy machine slows both sides alike.
    double ours = 1e9;
    std::vector<double> best(ops.size(), 1e9);
    for (int round = 0; round < 5; ++round) {
        ours = std::min(ours, secondsPerCall(handshake, 300));
        for (std::size_t i = 0; i < ops.size(); ++i) {
            best[i] = std::min(best[i], secondsPerCall(ops[i].fn, 40));
        }
    }
    QJsonObject costs;
    double bound = 0;
    for (std::size_t i = 0; i < ops.size(); ++i) {
        costs.insert(QLatin1String(ops[i].name), roundTo(best[i] * 1e6, 3));
        bound += best[i] * ops[i].count;
    }
    QJsonObject o;
    o.insert(QStringLiteral("handshakes_per_s"), roundTo(1.0 / ours, 1));
    o.insert(QStringLiteral("primitive_bound_handshakes_per_s"), roundTo(1.0 / bound, 1));
    o.insert(QStringLiteral("primitive_costs_us"), costs);
    o.insert(QStringLiteral("handshake_ratio"), roundTo(bound / ours));
    return o;
}

// --- box stream ----------------------------------------------------------------------

QJsonObject benchBoxStream() {
    const qsizetype total = 1024 * 1024;
    const QByteArray plain(total, 'p');
    const QByteArray nonce(24, '\0');
    const QByteArray key(32, 'k');
    net::BoxStreamEncryptor encryptor(crypto::SecureBuffer::fromBytes(key), nonce);
    QByteArray wire;
    wire.reserve(net::BoxStreamEncryptor::encryptedSize(total) + 64);
    auto encryptPass = [&] {
        wire.resize(0);
        encryptor.encrypt(plain, wire);
    };

    // Decrypt a 16 MiB stream over and over (a fresh decryptor per pass, whose one guarded
    // key allocation is then negligible).
    constexpr int kStreamMiB = 16;
    net::BoxStreamEncryptor fresh(crypto::SecureBuffer::fromBytes(key), nonce);
    QByteArray stream;
    for (int i = 0; i < kStreamMiB; ++i) {
        fresh.encrypt(plain, stream);
    }
    QByteArray out;
    out.reserve(total * kStreamMiB + 64);
    auto decryptPass = [&] {
        net::BoxStreamDecryptor d(crypto::SecureBuffer::fromBytes(key), nonce);
        out.resize(0);
        if (!d.feed(stream, out).ok() || out.size() != total * kStreamMiB) {
            std::abort();
        }
    };

    // Raw secretbox over the same bytes in 4 KiB pieces.
    std::vector<unsigned char> rawOut(4096 + 16);
    std::vector<unsigned char> rawIn(4096 + 16);
    const auto *p = reinterpret_cast<const unsigned char *>(plain.constData());
    unsigned char n[24] = {};
    const auto *k = reinterpret_cast<const unsigned char *>(key.constData());
    auto rawPass = [&] {
        for (qsizetype at = 0; at < total; at += 4096) {
            crypto_secretbox_easy(rawOut.data(), p + at, 4096, n, k);
        }
    };
    crypto_secretbox_easy(rawIn.data(), p, 4096, n, k);
    auto rawOpenPass = [&] {
        for (qsizetype at = 0; at < total; at += 4096) {
            g_sink = crypto_secretbox_open_easy(rawOut.data(), rawIn.data(), 4096 + 16, n, k);
        }
    };
    double enc = 1e9, dec = 1e9, raw = 1e9, rawOpen = 1e9;
    for (int round = 0; round < 6; ++round) {
        raw = std::min(raw, secondsPerCall(rawPass, 150));
        enc = std::min(enc, secondsPerCall(encryptPass, 150));
        rawOpen = std::min(rawOpen, secondsPerCall(rawOpenPass, 150));
        dec = std::min(dec, secondsPerCall(decryptPass, 150));
    }

    const double mb = double(total) / 1e6;
    QJsonObject o;
    o.insert(QStringLiteral("boxstream_encrypt_mb_s"), roundTo(mb / enc, 1));
    o.insert(QStringLiteral("boxstream_decrypt_mb_s"), roundTo(mb * kStreamMiB / dec, 1));
    o.insert(QStringLiteral("secretbox_4k_mb_s"), roundTo(mb / raw, 1));
    o.insert(QStringLiteral("secretbox_open_4k_mb_s"), roundTo(mb / rawOpen, 1));
    o.insert(QStringLiteral("boxstream_encrypt_ratio"), roundTo(raw / enc));
    o.insert(QStringLiteral("boxstream_decrypt_ratio"), roundTo(rawOpen * kStreamMiB / dec));
    o.insert(QStringLiteral("boxstream_ratio"),
             roundTo(std::min(raw / enc, rawOpen * kStreamMiB / dec)));
    return o;
}

// --- loopback ------------------------------------------------------------------------

constexpr qint64 kHighWater = 4 * 1024 * 1024;

// Seconds to move `count` messages through two PeerConnections.
double oursLoopback(const QCborValue &message, int count) {
    net::TransportConfig config;
    config.sendHighWaterMark = kHighWater;
    const QByteArray network(32, 'n');
    const auto a = crypto::Ed25519::generate(), b = crypto::Ed25519::generate();
    net::ConnectionManager sender(a, network, config), receiver(b, network, config);
    if (!receiver.listen(QHostAddress::LocalHost, 0)) {
        std::abort();
    }
    QEventLoop loop;
    net::PeerConnection *c =
        sender.connectTo(QStringLiteral("127.0.0.1"), receiver.listenPort(), b.publicKey());
    QObject::connect(&receiver, &net::ConnectionManager::connectionEstablished, &loop,
                     &QEventLoop::quit);
    loop.exec();
    while (!c->isEstablished()) {
        QCoreApplication::processEvents();
    }
    int sent = 0, received = 0;
    auto pump = [&] {
        while (sent < count && c->send(message)) {
            ++sent;
        }
    };
    QObject::connect(c, &net::PeerConnection::writable, &loop, pump);
    QObject::connect(&receiver, &net::ConnectionManager::messageReceived, &loop,
                     [&](net::PeerConnection *, const QCborValue &) {
                         if (++received == count) {
                             loop.quit();
                         }
                     });
    QElapsedTimer t;
    t.start();
    pump();
    loop.exec();
    return double(t.nsecsElapsed()) / 1e9;
}

// The same messages, framed the same way, over an unencrypted QTcpSocket pair.
double plainLoopback(const QCborValue &message, int count) {
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0)) {
        std::abort();
    }
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, server.serverPort());
    QEventLoop loop;
    QTcpSocket *peer = nullptr;
    QObject::connect(&server, &QTcpServer::newConnection, &loop, [&] {
        peer = server.nextPendingConnection();
        loop.quit();
    });
    loop.exec();
    while (client.state() != QAbstractSocket::ConnectedState) {
        QCoreApplication::processEvents();
    }
    int sent = 0, received = 0;
    QByteArray out;
    auto pump = [&] {
        while (sent < count && client.bytesToWrite() < kHighWater) {
            out.resize(0);
            (void)net::MessageFramer::encode(message, out);
            client.write(out);
            ++sent;
        }
    };
    QObject::connect(&client, &QTcpSocket::bytesWritten, &loop, pump);
    net::MessageDecoder decoder;
    QList<QCborValue> messages;
    QByteArray buffer(64 * 1024, Qt::Uninitialized);
    QObject::connect(peer, &QTcpSocket::readyRead, &loop, [&] {
        while (peer->bytesAvailable() > 0) {
            const qint64 n = peer->read(buffer.data(), buffer.size());
            (void)decoder.feed(QByteArrayView(buffer.constData(), n), messages);
            received += int(messages.size());
            messages.clear();
        }
        if (received >= count) {
            loop.quit();
        }
    });
    QElapsedTimer t;
    t.start();
    pump();
    loop.exec();
    return double(t.nsecsElapsed()) / 1e9;
}

QJsonObject benchLoopback(double encryptMbS, double decryptMbS) {
    const QCborValue big(QByteArray(64 * 1024, 'b'));
    const QCborValue small(QByteArray(100, 's'));
    const int bigCount = 2000, smallCount = 200000;
    const double bigBytes = double(big.toCbor().size()) * bigCount / 1e6;

    // Interleave runs and keep the best of each, so both sides see the same machine load.
    double oursBig = 1e9, plainBig = 1e9, oursSmall = 1e9, plainSmall = 1e9;
    for (int run = 0; run < 3; ++run) {
        plainBig = std::min(plainBig, plainLoopback(big, bigCount));
        oursBig = std::min(oursBig, oursLoopback(big, bigCount));
        plainSmall = std::min(plainSmall, plainLoopback(small, smallCount));
        oursSmall = std::min(oursSmall, oursLoopback(small, smallCount));
    }
    QJsonObject o;
    o.insert(QStringLiteral("loopback_mb_s"), roundTo(bigBytes / oursBig, 1));
    o.insert(QStringLiteral("plain_tcp_mb_s"), roundTo(bigBytes / plainBig, 1));
    o.insert(QStringLiteral("loopback_msgs_s"), roundTo(smallCount / oursSmall, 0));
    o.insert(QStringLiteral("plain_tcp_msgs_s"), roundTo(smallCount / plainSmall, 0));
    o.insert(QStringLiteral("loopback_mb_ratio"), roundTo(plainBig / oursBig));
    o.insert(QStringLiteral("loopback_msgs_ratio"), roundTo(plainSmall / oursSmall));
    o.insert(QStringLiteral("loopback_ratio"),
             roundTo(std::min(plainBig / oursBig, plainSmall / oursSmall)));
    // On one thread every byte is both encrypted and decrypted; the plain run plus that
    // work is the best this design can reach against plain TCP.
    const double plainPerMb = plainBig / bigBytes;
    const double cryptoPerMb = 1.0 / encryptMbS + 1.0 / decryptMbS;
    o.insert(QStringLiteral("loopback_mb_crypto_bound_ratio"),
             roundTo(plainPerMb / (plainPerMb + cryptoPerMb)));
    o.insert(QStringLiteral("loopback_message_bytes"), QStringLiteral("%1 (MB/s), %2 (msgs/s)")
                                                           .arg(big.toCbor().size())
                                                           .arg(small.toCbor().size()));
    return o;
}

// --- loopback on two threads -----------------------------------------------------------

qint64 nowNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

double cpuSeconds(clockid_t clock) {
    timespec t{};
    clock_gettime(clock, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

// A QThread running its event loop, and an object on it to run code there.
class LoopThread {
public:
    LoopThread() {
        m_thread.start();
        m_context->moveToThread(&m_thread);
    }
    ~LoopThread() {
        // Deleted on its thread, when that thread finishes.
        m_context.release()->deleteLater();
        m_thread.quit();
        m_thread.wait();
    }
    LoopThread(const LoopThread &) = delete;
    LoopThread &operator=(const LoopThread &) = delete;
    // Runs fn on the thread and waits for it.
    template <typename Fn>
    auto call(Fn fn) {
        return util::handover::call(m_context.get(), fn);
    }
    // The CPU time this thread has used, in seconds.
    double cpuTime() {
        if (!m_clockKnown) {
            const pthread_t self = call([] { return pthread_self(); });
            m_clockKnown = pthread_getcpuclockid(self, &m_clock) == 0;
        }
        return m_clockKnown ? cpuSeconds(m_clock) : 0.0;
    }

private:
    QThread m_thread;
    std::unique_ptr<QObject> m_context = std::make_unique<QObject>();
    clockid_t m_clock{};
    bool m_clockKnown = false;
};

struct Transfer {
    double seconds = 0;     // first send() to last arrival
    double senderCpu = 0;   // CPU seconds of the sender's thread meanwhile
    double receiverCpu = 0; // and of the receiver's
};

// Moves `count` messages from a ConnectionManager on one thread to one on another. Sealing
// and opening then run in parallel, as they do between two nodes, so one connection can at
// best move bytes as fast as one core seals them.
Transfer threadedLoopback(const QCborValue &message, int count) {
    net::TransportConfig config;
    config.sendHighWaterMark = kHighWater;
    const QByteArray network(32, 'n');
    const auto a = crypto::Ed25519::generate(), b = crypto::Ed25519::generate();
    LoopThread senderThread, receiverThread;
    std::unique_ptr<net::ConnectionManager> sender, receiver;
    std::atomic<bool> inboundUp{false}, outboundUp{false}, lost{false};
    std::promise<qint64> lastArrival;
    int received = 0; // receiver thread only
    int sent = 0;     // sender thread only
    const quint16 port = receiverThread.call([&] {
        receiver = std::make_unique<net::ConnectionManager>(b, network, config);
        if (!receiver->listen(QHostAddress::LocalHost, 0)) {
            std::abort();
        }
        auto *r = receiver.get();
        QObject::connect(r, &net::ConnectionManager::connectionEstablished, r,
                         [&] { inboundUp = true; });
        QObject::connect(r, &net::ConnectionManager::connectionClosed, r, [&] { lost = true; });
        QObject::connect(r, &net::ConnectionManager::messageReceived, r,
                         [&](net::PeerConnection *, const QCborValue &) {
                             if (++received == count) {
                                 lastArrival.set_value(nowNs());
                             }
                         });
        return receiver->listenPort();
    });
    net::PeerConnection *c = senderThread.call([&] {
        sender = std::make_unique<net::ConnectionManager>(a, network, config);
        auto *s = sender.get();
        QObject::connect(s, &net::ConnectionManager::connectionEstablished, s,
                         [&] { outboundUp = true; });
        QObject::connect(s, &net::ConnectionManager::connectionClosed, s, [&] { lost = true; });
        return sender->connectTo(QStringLiteral("127.0.0.1"), port, b.publicKey());
    });
    const qint64 deadline = nowNs() + qint64{10} * 1000 * 1000 * 1000;
    while (!(inboundUp && outboundUp)) {
        if (lost || nowNs() > deadline) {
            fprintf(stderr, "threaded loopback: no connection\n");
            std::abort();
        }
        QThread::msleep(1);
    }
    std::future<qint64> arrived = lastArrival.get_future();
    const double senderCpu = senderThread.cpuTime(), receiverCpu = receiverThread.cpuTime();
    const qint64 start = nowNs();
    senderThread.call([&] {
        auto pump = [&] {
            while (sent < count && c->send(message)) {
                ++sent;
            }
        };
        QObject::connect(c, &net::PeerConnection::writable, c, pump);
        pump();
    });
    if (arrived.wait_for(std::chrono::seconds(60)) != std::future_status::ready || lost) {
        fprintf(stderr, "threaded loopback: %d of %d messages arrived\n", received, count);
        std::abort();
    }
    const qint64 end = arrived.get();
    Transfer t;
    t.seconds = double(end - start) / 1e9;
    // A little late (the call itself, the sender's last turns): against the whole
    // transfer, negligible.
    t.senderCpu = senderThread.cpuTime() - senderCpu;
    t.receiverCpu = receiverThread.cpuTime() - receiverCpu;
    senderThread.call([&] { sender.reset(); });
    receiverThread.call([&] { receiver.reset(); });
    return t;
}

// CPU seconds of this thread per call of fn, over about `ms` milliseconds of it.
double cpuSecondsPerCall(const std::function<void()> &fn, int ms) {
    fn();
    const double start = cpuSeconds(CLOCK_THREAD_CPUTIME_ID);
    qint64 calls = 0;
    while (cpuSeconds(CLOCK_THREAD_CPUTIME_ID) - start < ms / 1000.0) {
        fn();
        ++calls;
    }
    return (cpuSeconds(CLOCK_THREAD_CPUTIME_ID) - start) / double(calls);
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n == 0 ? 0 : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Box Stream seals bodies of at most 4096 bytes; a bulk transfer is made of full ones.
// Rounds alternate between one core sealing 4096-byte messages with crypto_secretbox_easy
// and the two-thread loopback, so a busy machine slows both sides of a round alike.
QJsonObject benchThreadedLoopback() {
    const QCborValue big(QByteArray(64 * 1024, 'b'));
    const int count = 4000;
    const double bytes = double(big.toCbor().size()) * count;

    constexpr qsizetype kPiece = net::BoxStreamEncryptor::kMaxBodyBytes;
    const qsizetype total = 1024 * 1024;
    const QByteArray plain(total, 'p');
    std::vector<unsigned char> sealed(kPiece + crypto_secretbox_MACBYTES);
    std::vector<unsigned char> opened(kPiece);
    const unsigned char key[crypto_secretbox_KEYBYTES] = {7};
    unsigned char nonce[crypto_secretbox_NONCEBYTES] = {};
    const auto *p = reinterpret_cast<const unsigned char *>(plain.constData());
    auto sealPass = [&] {
        for (qsizetype at = 0; at < total; at += kPiece) {
            crypto_secretbox_easy(sealed.data(), p + at, kPiece, nonce, key);
            sodium_increment(nonce, sizeof nonce);
        }
    };
    // Opening checks the MAC before it decrypts: it must open a valid box to cost what it
    // costs in the stream.
    std::vector<unsigned char> valid(kPiece + crypto_secretbox_MACBYTES);
    const unsigned char fixedNonce[crypto_secretbox_NONCEBYTES] = {1};
    crypto_secretbox_easy(valid.data(), p, kPiece, fixedNonce, key);
    auto openPass = [&] {
        for (qsizetype at = 0; at < total; at += kPiece) {
            if (crypto_secretbox_open_easy(opened.data(), valid.data(), valid.size(), fixedNonce,
                                           key) != 0) {
                std::abort();
            }
        }
    };
    constexpr int kRounds = 5;
    std::vector<double> loopback, seal, open, ratios;
    double sealCpu = 1e9, sendCpu = 1e9, receiveCpu = 1e9, busiest = 0;
    for (int round = 0; round < kRounds; ++round) {
        seal.push_back(double(total) / secondsPerCall(sealPass, 200) / 1e6);
        open.push_back(double(total) / secondsPerCall(openPass, 200) / 1e6);
        sealCpu = std::min(sealCpu, cpuSecondsPerCall(sealPass, 100) / double(total));
        const Transfer t = threadedLoopback(big, count);
        loopback.push_back(bytes / t.seconds / 1e6);
        ratios.push_back(loopback.back() / seal.back());
        sendCpu = std::min(sendCpu, t.senderCpu / bytes);
        receiveCpu = std::min(receiveCpu, t.receiverCpu / bytes);
        busiest = std::max(busiest, std::max(t.senderCpu, t.receiverCpu) / t.seconds);
    }
    const double bestLoopback = *std::max_element(loopback.begin(), loopback.end());
    const double bestSeal = *std::max_element(seal.begin(), seal.end());
    QJsonObject o;
    o.insert(QStringLiteral("threaded_loopback_mb_s"), roundTo(bestLoopback, 1));
    o.insert(QStringLiteral("threaded_loopback_mb_s_median"), roundTo(median(loopback), 1));
    o.insert(QStringLiteral("secretbox_one_core_mb_s"), roundTo(bestSeal, 1));
    o.insert(QStringLiteral("secretbox_open_one_core_mb_s"),
             roundTo(*std::max_element(open.begin(), open.end()), 1));
    o.insert(QStringLiteral("vs_secretbox"), roundTo(bestLoopback / bestSeal));
    o.insert(QStringLiteral("vs_secretbox_median"), roundTo(median(ratios)));
    o.insert(QStringLiteral("vs_secretbox_min"),
             roundTo(*std::min_element(ratios.begin(), ratios.end())));
    o.insert(QStringLiteral("vs_secretbox_max"),
             roundTo(*std::max_element(ratios.begin(), ratios.end())));
    // CPU time per byte (best round), which load from other programs does not inflate: what
    // each end spends, and raw sealing's cost against the busier end's.
    o.insert(QStringLiteral("secretbox_cpu_ns_per_byte"), roundTo(sealCpu * 1e9));
    o.insert(QStringLiteral("sender_cpu_ns_per_byte"), roundTo(sendCpu * 1e9));
    o.insert(QStringLiteral("receiver_cpu_ns_per_byte"), roundTo(receiveCpu * 1e9));
    o.insert(QStringLiteral("vs_secretbox_cpu"), roundTo(sealCpu / std::max(sendCpu, receiveCpu)));
    // Near 1: the busier thread was never waiting; well below: it was (on the other end,
    // on the kernel, or for a core).
    o.insert(QStringLiteral("threaded_loopback_busiest_thread_load"), roundTo(busiest));
    o.insert(QStringLiteral("threaded_loopback_message_bytes"), int(big.toCbor().size()));
    o.insert(QStringLiteral("threaded_loopback_rounds"), kRounds);
    return o;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("orion.net*=false"));
    if (sodium_init() < 0) {
        return 1;
    }
    // "bench_transport threaded" runs only the two-thread loopback (for profiling it).
    const bool onlyThreaded = app.arguments().value(1) == QLatin1String("threaded");
    QJsonObject result;
    result.insert(QStringLiteral("benchmark"), QStringLiteral("transport"));
    QList<QJsonObject> parts;
    if (!onlyThreaded) {
        const QJsonObject box = benchBoxStream();
        const QJsonObject loopback =
            benchLoopback(box.value(QStringLiteral("boxstream_encrypt_mb_s")).toDouble(),
                          box.value(QStringLiteral("boxstream_decrypt_mb_s")).toDouble());
        parts = {benchHandshake(), box, loopback};
    }
    parts.append(benchThreadedLoopback());
    for (const QJsonObject &part : std::as_const(parts)) {
        for (auto it = part.begin(); it != part.end(); ++it) {
            result.insert(it.key(), it.value());
        }
    }
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}
