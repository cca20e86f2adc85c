// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandSupport.h"
#include "Commands.h"

#include "identity/NetworkKey.h"
#include "identity/PassphraseSource.h"
#include "identity/SealedKeyFile.h"

namespace orion::cli {

using namespace orion::identity;

int networkKeyCommand(const QStringList &args) {
    QCommandLineParser parser;
    const QCommandLineOption hex(
        QStringLiteral("hex"), QStringLiteral("Print 64 raw hex digits instead of the text form."));
    parser.addOptions({profileOption(), passphraseFileOption(), hex});
    if (auto exit = parseArguments(parser, args,
                                   QStringLiteral("Print the network key (a secret: whoever holds "
                                                  "it can join the network)."))) {
        return *exit;
    }
    const node::Profile profile = profileFrom(parser);
    auto file =
        SealedKeyFile::read(profile.networkKeyPath(), QLatin1String(NetworkKey::kFileFormat));
    if (!file) {
        return fail(args, file.error());
    }
    crypto::SecureBuffer passphrase;
    if (file->isEncrypted()) {
        auto read = PassphraseSource(parser.value(QStringLiteral("passphrase-file")))
                        .read(QStringLiteral("Passphrase: "));
        if (!read) {
            return fail(args, read.error());
        }
        passphrase = std::move(*read);
    }
    auto key = NetworkKey::load(profile.networkKeyPath(), passphrase.view());
    if (!key) {
        return fail(args, key.error());
    }
    print(parser.isSet(hex) ? key->toHex() : key->toText());
    return 0;
}

} // namespace orion::cli
