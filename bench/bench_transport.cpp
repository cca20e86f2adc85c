// SPDX-License-Identifier: GPL-3.0-or-later
// Transport benchmark. Prints one JSON object comparing, in the same run:
//   handshakes/s (both roles in one process) with the bound set by the libsodium
//   operations one handshake needs; box-stream MB/s with raw crypto_secretbox_easy over
//   4 KiB; loopback MB/s and messages/s through two PeerConnections with a plain
//   QTcpSocket pair carrying the same length-prefixed CBOR messages.
#include "crypto/Ed25519.h"
#include "crypto/SecureBuffer.h"
#include "net/BoxStreamDecryptor.h"
#include "net/BoxStreamEncryptor.h"
#include "net/ConnectionManager.h"
#include "net/MessageDecoder.h"
#include "net/MessageFramer.h"
#include "net/SecretHandshake.h"

#include <QCborValue>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <sodium.h>

#include <cstdio>
#include <functional>

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

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("orion.net*=false"));
    if (sodium_init() < 0) {
        return 1;
    }
    QJsonObject result;
    result.insert(QStringLiteral("benchmark"), QStringLiteral("transport"));
    const QJsonObject box = benchBoxStream();
    const QJsonObject loopback =
        benchLoopback(box.value(QStringLiteral("boxstream_encrypt_mb_s")).toDouble(),
                      box.value(QStringLiteral("boxstream_decrypt_mb_s")).toDouble());
    for (const QJsonObject &part : {benchHandshake(), box, loopback}) {
        for (auto it = part.begin(); it != part.end(); ++it) {
            result.insert(it.key(), it.value());
        }
    }
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}
