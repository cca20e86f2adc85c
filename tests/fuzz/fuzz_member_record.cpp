// SPDX-License-Identifier: GPL-3.0-or-later
// Member records arrive from other nodes (member files, HELLO): parsing and verifying
// any bytes, as JSON, as CBOR, or as a key file, must never crash.
#include "identity/MemberRecord.h"
#include "identity/NetworkKey.h"
#include "identity/SealedKeyFile.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    using namespace orion::identity;
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    if (auto record = MemberRecord::fromJson(bytes)) {
        (void)record->verify();
        (void)MemberRecord::fromCbor(record->toCbor());
    }
    if (auto record = MemberRecord::fromCbor(bytes)) {
        (void)record->verify();
    }
    (void)SealedKeyFile::parse(bytes, QStringLiteral("orion-identity"), QStringLiteral("fuzz"));
    (void)NetworkKey::parse(QString::fromUtf8(bytes));
    return 0;
}
