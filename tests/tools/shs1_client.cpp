// SPDX-License-Identifier: GPL-3.0-or-later
// The client role for the shs1-test conformance suite:
//   shs1_client NETWORK_ID SERVER_LONGTERM_PK
// Uses a fresh long-term and ephemeral key pair; exits non-zero at once on a bad peer or EOF.
#include "Shs1Io.h"
#include "crypto/Ed25519.h"
#include "net/SecretHandshake.h"

#include <cstdio>

using namespace orion;
using orion::test::Shs1Io;

int main(int argc, char **argv) {
    Shs1Io::ignoreSigpipe();
    QByteArray network, serverKey;
    if (argc != 3 || !Shs1Io::hexArgument(argv[1], 32, network) ||
        !Shs1Io::hexArgument(argv[2], 32, serverKey)) {
        std::fputs("usage: shs1_client NETWORK_ID SERVER_LONGTERM_PK\n", stderr);
        return 2;
    }
    auto hs = net::SecretHandshake::client(
        std::make_shared<const crypto::Ed25519>(crypto::Ed25519::generate()), network, serverKey);
    if (hs.hasFailed()) {
        std::fprintf(stderr, "shs1_client: %s\n", qPrintable(hs.error()));
        return 1;
    }
    if (!Shs1Io::writeAll(hs.takeOutput())) {
        return 1;
    }
    QByteArray message;
    for (int size : {net::SecretHandshake::kMsg2Bytes, net::SecretHandshake::kMsg4Bytes}) {
        if (!Shs1Io::readExactly(message, size)) {
            std::fputs("shs1_client: input ended early\n", stderr);
            return 1;
        }
        hs.feed(message);
        if (hs.hasFailed()) {
            std::fprintf(stderr, "shs1_client: %s\n", qPrintable(hs.error()));
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
