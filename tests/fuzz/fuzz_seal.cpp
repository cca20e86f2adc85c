// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes every opener of sealed envelopes with the keys and fixed ephemerals of
// tests/data/seal-vectors.json, so seeds holding the vectors' messages lead past the AEADs.
// Input: byte 0 selects the opener (mod 4: one-shot, session-init, session-response,
// session data from the initiator), byte 1 the length of the bound header that follows;
// the rest is the sealed part. Whatever opens must have the size its layout says.
#include "crypto/Ed25519.h"
#include "seal/SealFormat.h"
#include "seal/SealedEnvelope.h"
#include "seal/SessionHandshake.h"

#include <QByteArray>

#include <cstdint>
#include <cstdlib>

using namespace orion;
using namespace orion::seal;

namespace {

SealIdentity identity(char fill) {
    const auto key = crypto::Ed25519::fromSeed(QByteArray(32, fill));
    auto id = SealIdentity::fromEd25519(key->secretKey(), key->publicKey());
    if (!id) {
        std::abort();
    }
    return std::move(id).value();
}

struct Fixture {
    SealIdentity initiator = identity(char(0xA1));
    SealIdentity responder = identity(char(0xB0));
    FirstMessage::Fixed fixed{QByteArray::fromHex("0102030405060708090a0b0c0d0e0f10"
                                                  "1112131415161718191a1b1c1d1e1f20"),
                              QByteArray::fromHex("606162636465666768696a6b6c6d6e6f"
                                                  "7071727374757677")};
    QByteArray responderEphemeral = QByteArray::fromHex("2122232425262728292a2b2c2d2e2f30"
                                                        "3132333435363738393a3b3c3d3e3f40");
    QByteArray initHeader = "id:0001|dst:bob|org:alice";
    QByteArray responseHeader = "id:0002|dst:alice|org:bob";

    SessionHandshake::Started start() const {
        auto started = SessionHandshake::initiate(initiator, responder.edPublicKey(), initHeader,
                                                  "session hello", &fixed);
        if (!started) {
            std::abort();
        }
        return std::move(started).value();
    }

    // The responder's end of the vectors' session, fresh (an empty replay window).
    SessionKeys responderSession() const {
        auto accepted = SessionHandshake::accept(responder, initHeader, start().sealed);
        auto responded = SessionHandshake::respond(std::move(accepted).value(), responseHeader,
                                                   "session answer", 0, responderEphemeral);
        if (!responded) {
            std::abort();
        }
        return std::move(responded->session);
    }
};

void expectSize(qsizetype plaintext, qsizetype sealed, int overhead) {
    if (plaintext != sealed - overhead) {
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const Fixture fixture;
    if (size < 2) {
        return 0;
    }
    const int mode = data[0] % 4;
    const qsizetype headerBytes = std::min<qsizetype>(data[1], qsizetype(size - 2));
    const QByteArrayView header(reinterpret_cast<const char *>(data + 2), headerBytes);
    const QByteArrayView sealed(reinterpret_cast<const char *>(data + 2 + headerBytes),
                                qsizetype(size - 2 - std::size_t(headerBytes)));
    switch (mode) {
    case 0:
        if (auto opened = SealedEnvelope::open(fixture.responder, header, sealed)) {
            expectSize(opened->plaintext.size(), sealed.size(), SealFormat::kFirstOverhead);
        }
        break;
    case 1:
        if (auto accepted = SessionHandshake::accept(fixture.responder, header, sealed)) {
            expectSize(accepted->plaintext.size(), sealed.size(), SealFormat::kFirstOverhead);
        }
        break;
    case 2:
        if (auto finished = SessionHandshake::finish(fixture.initiator, fixture.start().pending,
                                                     header, sealed, 0)) {
            expectSize(finished->plaintext.size(), sealed.size(), SealFormat::kResponseOverhead);
        }
        break;
    default: {
        SessionKeys session = fixture.responderSession();
        if (auto opened = session.open(header, sealed)) {
            expectSize(opened->size(), sealed.size(), SealFormat::kDataOverhead);
            if (session.open(header, sealed).ok()) {
                std::abort(); // a second delivery of the same bytes
            }
        }
        break;
    }
    }
    return 0;
}
