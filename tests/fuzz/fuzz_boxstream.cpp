// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the box stream receiver (with the main vector's key and nonce) and the message
// decoder behind it, fed in chunks; and checks that encrypting the input as plaintext
// decrypts back to it. Input: byte 0 selects the chunk size.
#include "crypto/SecureBuffer.h"
#include "net/BoxStreamDecryptor.h"
#include "net/BoxStreamEncryptor.h"
#include "net/MessageDecoder.h"

#include <QByteArray>
#include <QCborValue>
#include <QList>

#include <cstdint>
#include <cstdlib>

using namespace orion;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const QByteArray key =
        QByteArray::fromHex("0fc667e1630a7cc3f017e40b04f9ce36e6e29cc79d70a846c4a20246d1f0fb8c");
    static const QByteArray nonce =
        QByteArray::fromHex("9fd32f915e36527f25103ff59c74940d1890a7446899e670");
    if (size < 1) {
        return 0;
    }
    const qsizetype chunk = qsizetype(data[0]) * 37 + 1;
    const QByteArrayView input(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    net::BoxStreamDecryptor decryptor(crypto::SecureBuffer::fromBytes(key), nonce);
    net::MessageDecoder decoder;
    QByteArray plain;
    QList<QCborValue> messages;
    for (qsizetype pos = 0; pos < input.size(); pos += chunk) {
        const qint64 before = decryptor.framesDecrypted();
        const Status status =
            decryptor.feed(input.sliced(pos, std::min(chunk, input.size() - pos)), plain);
        if (decryptor.framesDecrypted() < before) {
            std::abort();
        }
        if (!plain.isEmpty()) {
            (void)decoder.feed(plain, messages);
            plain.resize(0);
        }
        if (!status) {
            break;
        }
    }

    // Round trip: the input as plaintext.
    net::BoxStreamEncryptor encryptor(crypto::SecureBuffer::fromBytes(key), nonce);
    QByteArray wire;
    encryptor.encrypt(input, wire);
    encryptor.goodbye(wire);
    net::BoxStreamDecryptor back(crypto::SecureBuffer::fromBytes(key), nonce);
    QByteArray again;
    if (!back.feed(wire, again).ok() || !back.isFinished() || again != input.toByteArray()) {
        std::abort();
    }
    return 0;
}
