// SPDX-License-Identifier: GPL-3.0-or-later
// The server role for the shs1-test conformance suite:
//   shs1_server NETWORK_ID SERVER_LONGTERM_SK SERVER_LONGTERM_PK
// Protocol bytes on stdin/stdout only; exits non-zero at once on a bad peer or EOF.
#include "Shs1Io.h"
#include "crypto/Ed25519.h"
#include "net/SecretHandshake.h"

#include <cstdio>

using namespace orion;
using orion::test::Shs1Io;

int main(int argc, char **argv) {
    Shs1Io::ignoreSigpipe();
    QByteArray network, secretKey, publicKey;
    if (argc != 4 || !Shs1Io::hexArgument(argv[1], 32, network) ||
        !Shs1Io::hexArgument(argv[2], 64, secretKey) ||
        !Shs1Io::hexArgument(argv[3], 32, publicKey)) {
        std::fputs("usage: shs1_server NETWORK_ID SERVER_LONGTERM_SK SERVER_LONGTERM_PK\n", stderr);
        return 2;
    }
    auto identity = crypto::Ed25519::fromSecretKey(secretKey);
    crypto::wipe(secretKey.data(), std::size_t(secretKey.size()));
    if (!identity || identity->publicKey() != publicKey) {
        std::fputs("shs1_server: the key pair does not match\n", stderr);
        return 2;
    }
    auto hs = net::SecretHandshake::server(
        std::make_shared<const crypto::Ed25519>(std::move(identity.value())), network);

    QByteArray message;
    for (int size : {net::SecretHandshake::kMsg1Bytes, net::SecretHandshake::kMsg3Bytes}) {
        if (!Shs1Io::readExactly(message, size)) {
            std::fputs("shs1_server: input ended early\n", stderr);
            return 1;
        }
        hs.feed(message);
        if (hs.hasFailed()) {
            std::fprintf(stderr, "shs1_server: %s\n", qPrintable(hs.error()));
            return 1;
        }
        if (!Shs1Io::writeAll(hs.takeOutput())) {
            return 1;
        }
    }
    if (!hs.isDone()) {
        return 1;
    }
    net::BoxStreamKeys keys = hs.takeKeys();
    const QByteArray outcome = keys.encryptionKey().toByteArray() + keys.encryptionNonce +
                               keys.decryptionKey().toByteArray() + keys.decryptionNonce;
    return Shs1Io::writeAll(outcome) ? 0 : 1;
}
