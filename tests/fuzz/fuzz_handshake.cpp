// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes both roles of the secret handshake with fixed keys and ephemerals (those of the
// labelled-seeds vector), so seeds holding valid messages lead the fuzzer deep into the
// state machine; whatever follows a completed handshake goes through the box stream.
// Input: byte 0 selects the role (even: server, odd: client) and the feeding chunk size.
#include "crypto/Ed25519.h"
#include "crypto/X25519.h"
#include "net/BoxStreamDecryptor.h"
#include "net/MessageDecoder.h"
#include "net/SecretHandshake.h"

#include <QByteArray>
#include <QCborValue>
#include <QList>

#include <cstdint>
#include <cstdlib>

using namespace orion;

namespace {

QByteArray hex(const char *text) {
    return QByteArray::fromHex(text);
}

struct Keys {
    QByteArray network = hex("07c4275c40220c03d232738aa1dca17a0709fb5ff86fca313cb674a2cd969370");
    std::shared_ptr<const crypto::Ed25519> client =
        make("7f882bc53cb74dd145bd36131ea1021eea14948338f1a3a86ba4c294e7055af3");
    std::shared_ptr<const crypto::Ed25519> server =
        make("4e231a8083008df1325acbad5be325953c40e27d32e66ee3557d6fd4a23db2c7");
    QByteArray clientEphemeral =
        hex("489882a69fee3d7a5046f6422cfacb64d2cb96454e38cc84124898d54d25d773");
    QByteArray serverEphemeral =
        hex("f0566108d3dbbd7113f4fe06db3ef4612f4ab21954a9e1e61ec10f653ef39a43");

    static std::shared_ptr<const crypto::Ed25519> make(const char *seed) {
        auto key = crypto::Ed25519::fromSeed(QByteArray::fromHex(seed));
        if (!key) {
            std::abort();
        }
        return std::make_shared<const crypto::Ed25519>(std::move(key.value()));
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const Keys keys;
    if (size < 1) {
        return 0;
    }
    const bool server = (data[0] & 1) == 0;
    const qsizetype chunk = qsizetype(data[0] >> 1) + 1;
    const QByteArrayView input(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    auto hs = server ? net::SecretHandshake::server(
                           keys.server, keys.network,
                           std::move(crypto::X25519::fromSecretKey(keys.serverEphemeral).value()))
                     : net::SecretHandshake::client(
                           keys.client, keys.network, keys.server->publicKey(),
                           std::move(crypto::X25519::fromSecretKey(keys.clientEphemeral).value()));
    hs.takeOutput();
    qsizetype pos = 0;
    while (pos < input.size() && !hs.isDone() && !hs.hasFailed()) {
        const qsizetype n = std::min(chunk, input.size() - pos);
        const qsizetype used = hs.feed(input.sliced(pos, n));
        if (used > n) {
            std::abort();
        }
        pos += used;
        const QByteArray out = hs.takeOutput();
        if (hs.hasFailed() && !out.isEmpty()) {
            std::abort(); // a failed handshake must never speak
        }
        if (used < n && !hs.isDone() && !hs.hasFailed()) {
            std::abort(); // it may only leave bytes behind once finished
        }
    }
    if (!hs.isDone()) {
        return 0;
    }
    if (hs.remotePublicKey().size() != 32) {
        std::abort();
    }
    net::BoxStreamKeys streamKeys = hs.takeKeys();
    net::BoxStreamDecryptor decryptor(crypto::SecureBuffer::fromBytes(streamKeys.decryptionKey()),
                                      streamKeys.decryptionNonce);
    QByteArray plain;
    if (decryptor.feed(input.sliced(pos), plain).ok()) {
        net::MessageDecoder decoder;
        QList<QCborValue> messages;
        (void)decoder.feed(plain, messages);
    }
    return 0;
}
