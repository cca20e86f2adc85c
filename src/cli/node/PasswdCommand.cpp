// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandSupport.h"
#include "Commands.h"

#include "identity/PassphraseSource.h"
#include "node/PassphraseChange.h"
#include "node/ProfileLock.h"

namespace orion::cli {

using namespace orion::identity;

int passwdCommand(const QStringList &args) {
    QCommandLineParser parser;
    const QCommandLineOption newFile(
        QStringLiteral("new-passphrase-file"),
        QStringLiteral("Read the new passphrase from FILE (otherwise from ORION_NEW_PASSPHRASE, "
                       "otherwise from the terminal)."),
        QStringLiteral("FILE"));
    parser.addOptions({profileOption(), passphraseFileOption(), newFile, kdfOption()});
    if (auto exit = parseArguments(parser, args,
                                   QStringLiteral("Change the passphrase that protects the "
                                                  "identity and the network key."))) {
        return *exit;
    }
    node::PassphraseChange::Options options;
    if (parser.isSet(QStringLiteral("kdf"))) {
        auto limits = kdfLimitsFrom(parser);
        if (!limits) {
            return fail(args, limits.error());
        }
        options.limits = *limits;
    }
    const node::Profile profile = profileFrom(parser);
    if (!profile.hasIdentity()) {
        return fail(args, QStringLiteral("there is no identity in %1").arg(profile.directory()));
    }
    // Taken before the passphrases are asked for, so a profile in use is refused at once;
    // PassphraseChange::run joins it.
    auto lock = node::ProfileLock::acquireForWrite(profile);
    if (!lock) {
        return fail(args, lock.error());
    }
    auto current = PassphraseSource(parser.value(QStringLiteral("passphrase-file")))
                       .read(QStringLiteral("Current passphrase: "));
    if (!current) {
        return fail(args, current.error());
    }
    auto next = readNewPassphrase(parser.value(newFile), PassphraseSource::kNewEnvironmentVariable,
                                  QStringLiteral("New passphrase: "),
                                  QStringLiteral("Repeat the new passphrase: "));
    if (!next) {
        return fail(args, next.error());
    }
    if (const Status changed =
            node::PassphraseChange::run(profile, current->view(), next->view(), options);
        !changed) {
        return fail(args, changed.error());
    }
    print(QStringLiteral("Changed the passphrase of %1").arg(profile.directory()));
    return 0;
}

} // namespace orion::cli
