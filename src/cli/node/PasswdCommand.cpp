// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandSupport.h"
#include "Commands.h"

#include "identity/NetworkKey.h"
#include "identity/NodeIdentity.h"
#include "identity/PassphraseSource.h"
#include "node/ProfileLock.h"

#include <QFileInfo>

namespace orion::cli {

using namespace orion::identity;

namespace {

// Which passphrase opens a key file. The identity and the network key are two files, so
// an interrupted passwd can leave one under the new passphrase: running it again finishes.
enum class Opens { Current, New, Neither };

template <typename Key>
Opens whichOpens(const QString &path, const crypto::SecureBuffer &current,
                 const crypto::SecureBuffer &next, std::optional<Key> &loaded, QString &error) {
    auto withCurrent = Key::load(path, current.view());
    if (withCurrent) {
        loaded = std::move(*withCurrent);
        return Opens::Current;
    }
    error = withCurrent.error();
    if (withCurrent.errorCode() != ErrorCode::WrongPassphrase) {
        return Opens::Neither;
    }
    return Key::load(path, next.view()) ? Opens::New : Opens::Neither;
}

} // namespace

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
    auto limits = kdfLimitsFrom(parser);
    if (!limits) {
        return fail(args, limits.error());
    }
    const node::Profile profile = profileFrom(parser);
    if (!profile.hasIdentity()) {
        return fail(args, QStringLiteral("there is no identity in %1").arg(profile.directory()));
    }
    auto lock = node::ProfileLock::acquire(profile);
    if (!lock) {
        return fail(args, lock.error());
    }
    auto current = PassphraseSource(parser.value(QStringLiteral("passphrase-file")))
                       .read(QStringLiteral("Current passphrase: "));
    if (!current) {
        return fail(args, current.error());
    }
    auto next = PassphraseSource(parser.value(newFile), PassphraseSource::kNewEnvironmentVariable)
                    .readNew(QStringLiteral("New passphrase: "),
                             QStringLiteral("Repeat the new passphrase: "));
    if (!next) {
        return fail(args, next.error());
    }

    QString identityError, networkError;
    std::optional<NodeIdentity> identity;
    const Opens identityOpens =
        whichOpens(profile.identityPath(), *current, *next, identity, identityError);
    if (identityOpens == Opens::Neither) {
        return fail(args, identityError);
    }
    std::optional<NetworkKey> networkKey;
    Opens networkOpens = Opens::New;
    if (QFileInfo::exists(profile.networkKeyPath())) {
        networkOpens =
            whichOpens(profile.networkKeyPath(), *current, *next, networkKey, networkError);
        if (networkOpens == Opens::Neither) {
            return fail(args, networkError);
        }
    }
    if (identityOpens == Opens::New && networkOpens == Opens::New) {
        // Both already use the new passphrase: the current one was wrong for both.
        return fail(args, identityError);
    }

    SaveOptions options;
    options.limits = *limits;
    options.replaceExisting = true;
    if (networkKey) {
        if (auto saved = networkKey->save(profile.networkKeyPath(), next->view(), options);
            !saved) {
            return fail(args, saved.error());
        }
    }
    if (identity) {
        if (auto saved = identity->save(profile.identityPath(), next->view(), options); !saved) {
            return fail(args, saved.error());
        }
    }
    print(QStringLiteral("Changed the passphrase of %1").arg(profile.directory()));
    return 0;
}

} // namespace orion::cli
