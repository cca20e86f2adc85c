// SPDX-License-Identifier: GPL-3.0-or-later
// Sealed-envelope benchmark. Prints one JSON object comparing, in the same run:
//   seal + open of a 256-byte body over an established session with raw
//   crypto_aead_xchacha20poly1305_ietf encrypt + decrypt of the same body and associated
//   data (the ratio isolates what the layer adds: framing, counter, replay window); the
//   first-contact costs (static envelope seal and open with warm and cold key caches, and a
//   full two-message session handshake); public-key operations per session message.
#include "CallTimer.h"
#include "crypto/Ed25519.h"
#include "seal/SealPublicKeyOps.h"
#include "seal/SealedEnvelope.h"
#include "seal/SessionHandshake.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <sodium.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <vector>

using namespace orion;
using namespace orion::seal;

namespace {

constexpr qint64 kRunMs = 150;
constexpr int kRounds = 5;
constexpr int kBodyBytes = 256;

// Nanoseconds per call of `op`, run in batches until kRunMs have passed.
double nsPerCall(const std::function<void()> &op) {
    return bench::CallTimer::nsPerCall(op, kRunMs, 50);
}

// Ours and the baseline alternate in rounds and each keeps its best round, so a burst of
// load on a shared machine does not land on one side only.
std::pair<double, double> compare(const std::function<void()> &ours,
                                  const std::function<void()> &raw) {
    double best = 1e18, bestRaw = 1e18;
    for (int round = 0; round < kRounds; ++round) {
        best = std::min(best, nsPerCall(ours));
        bestRaw = std::min(bestRaw, nsPerCall(raw));
    }
    return {best, bestRaw};
}

double bestOf(const std::function<void()> &op) {
    double best = 1e18;
    for (int round = 0; round < kRounds; ++round) {
        best = std::min(best, nsPerCall(op));
    }
    return best;
}

double round3(double value) {
    return std::round(value * 1000.0) / 1000.0;
}

SealIdentity identityOf(const crypto::Ed25519 &key) {
    return SealIdentity::fromEd25519(key.secretKey(), key.publicKey()).value();
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    if (sodium_init() < 0) {
        return 1;
    }
    const crypto::Ed25519 aliceKey = crypto::Ed25519::generate();
    const crypto::Ed25519 bobKey = crypto::Ed25519::generate();
    const SealIdentity alice = identityOf(aliceKey);
    const SealIdentity bob = identityOf(bobKey);
    const QByteArray header("message-id:00112233445566778899aabbccddeeff|dst:bob|org:alice");
    const QByteArray body(kBodyBytes, 'b');
    volatile int sink = 0;

    // An established session, renewed (outside the count of per-message operations) if the
    // run ever reaches the message limit.
    SessionKeys sender, receiver;
    std::uint64_t renewalOps = 0;
    const auto establish = [&] {
        const std::uint64_t before = SealPublicKeyOps::count();
        auto started = SessionHandshake::initiate(alice, bob.edPublicKey(), header, "hello");
        auto accepted = SessionHandshake::accept(bob, header, started->sealed);
        auto responded =
            SessionHandshake::respond(std::move(accepted).value(), header, "answer", 0);
        auto finished = SessionHandshake::finish(alice, std::move(started->pending), header,
                                                 responded->sealed, 0);
        sender = std::move(finished->session);
        receiver = std::move(responded->session);
        renewalOps += SealPublicKeyOps::count() - before;
    };
    establish();
    renewalOps = 0;

    // The baseline: the same AEAD over the same body, with associated data of the same size.
    unsigned char key[crypto_aead_xchacha20poly1305_ietf_KEYBYTES];
    randombytes_buf(key, sizeof key);
    std::vector<unsigned char> ad(std::size_t(18 + header.size()), 'h');
    std::vector<unsigned char> cipher(kBodyBytes + crypto_aead_xchacha20poly1305_ietf_ABYTES);
    std::vector<unsigned char> plain(kBodyBytes);
    std::uint64_t rawCounter = 0;

    const std::uint64_t opsBefore = SealPublicKeyOps::count();
    std::uint64_t sessionMessages = 0;
    const auto [session, raw] = compare(
        [&] {
            if (sender.needsRenewal(0)) {
                establish();
            }
            auto sealed = sender.seal(header, body);
            auto opened = receiver.open(header, *sealed);
            sink = sink + int(opened.ok());
            ++sessionMessages;
        },
        [&] {
            unsigned char nonce[crypto_aead_xchacha20poly1305_ietf_NPUBBYTES] = {};
            std::memcpy(nonce + 16, &rawCounter, 8);
            ++rawCounter;
            unsigned long long written = 0;
            crypto_aead_xchacha20poly1305_ietf_encrypt(
                cipher.data(), &written, reinterpret_cast<const unsigned char *>(body.data()),
                std::size_t(body.size()), ad.data(), ad.size(), nullptr, nonce, key);
            sink = sink + crypto_aead_xchacha20poly1305_ietf_decrypt(
                              plain.data(), &written, nullptr, cipher.data(), cipher.size(),
                              ad.data(), ad.size(), nonce, key);
        });
    const std::uint64_t sessionOps = SealPublicKeyOps::count() - opsBefore - renewalOps;

    // First contact: static envelopes with warm caches (the peer's key converted and ss
    // computed once), and cold (a new identity each time: what a first message ever costs).
    const QByteArray sealedStatic =
        SealedEnvelope::seal(alice, bob.edPublicKey(), header, body).value();
    const double staticSeal = bestOf([&] {
        sink = sink + int(SealedEnvelope::seal(alice, bob.edPublicKey(), header, body).ok());
    });
    const double staticOpen =
        bestOf([&] { sink = sink + int(SealedEnvelope::open(bob, header, sealedStatic).ok()); });
    const double staticColdSealOpen = bestOf([&] {
        auto sealed = SealedEnvelope::seal(aliceKey.secretKey(), aliceKey.publicKey(),
                                           bobKey.publicKey(), header, body);
        sink =
            sink +
            int(SealedEnvelope::open(bobKey.secretKey(), bobKey.publicKey(), header, *sealed).ok());
    });
    const double handshake = bestOf([&] {
        auto s = SessionHandshake::initiate(alice, bob.edPublicKey(), header, body);
        auto a = SessionHandshake::accept(bob, header, s->sealed);
        auto r = SessionHandshake::respond(std::move(a).value(), header, body, 0);
        auto f = SessionHandshake::finish(alice, std::move(s->pending), header, r->sealed, 0);
        sink = sink + int(f.ok());
    });

    QJsonObject result{
        {QStringLiteral("benchmark"), QStringLiteral("seal")},
        {QStringLiteral("body_bytes"), kBodyBytes},
        {QStringLiteral("session_seal_open_ns"), std::round(session)},
        {QStringLiteral("session_per_end_us"), round3(session / 2000.0)},
        {QStringLiteral("raw_aead_encrypt_decrypt_ns"), std::round(raw)},
        {QStringLiteral("raw_per_end_us"), round3(raw / 2000.0)},
        {QStringLiteral("session_ratio"), round3(raw / session)},
        {QStringLiteral("session_messages"), qint64(sessionMessages)},
        {QStringLiteral("session_public_key_ops"), qint64(sessionOps)},
        {QStringLiteral("static_seal_us"), round3(staticSeal / 1000.0)},
        {QStringLiteral("static_open_us"), round3(staticOpen / 1000.0)},
        {QStringLiteral("static_cold_seal_open_us"), round3(staticColdSealOpen / 1000.0)},
        {QStringLiteral("handshake_us"), round3(handshake / 1000.0)},
        {QStringLiteral("goal_per_end_us"), 2.0},
    };
    std::fputs(QJsonDocument(result).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    return sink == -1 ? 1 : 0;
}
