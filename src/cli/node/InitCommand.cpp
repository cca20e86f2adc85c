// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandSupport.h"
#include "Commands.h"

#include "identity/NetworkKey.h"
#include "identity/NodeIdentity.h"
#include "identity/PassphraseSource.h"
#include "node/ProfileLock.h"
#include "node/ProfileSetup.h"
#include "node/SettingsKeys.h"

#include <QFile>

namespace orion::cli {

using namespace orion::identity;

namespace {

constexpr quint16 kDefaultPort = node::keys::kPort.defaultValue;

Result<NetworkKey> readNetworkKeyFile(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Result<NetworkKey>::failure(QStringLiteral("cannot read the network key file %1: %2")
                                               .arg(path, file.errorString()));
    }
    QByteArray text = file.read(4096);
    auto key = NetworkKey::parse(QString::fromLatin1(text));
    crypto::wipe(text.data(), std::size_t(text.size()));
    if (!key) {
        return Result<NetworkKey>::failure(QStringLiteral("%1: %2").arg(path, key.error()));
    }
    return key;
}

} // namespace

int initCommand(const QStringList &args) {
    QCommandLineParser parser;
    const QCommandLineOption newNetwork(QStringLiteral("new-network"),
                                        QStringLiteral("Create a new network with a fresh key."));
    const QCommandLineOption networkKeyFile(
        QStringLiteral("network-key-file"),
        QStringLiteral("Join the network whose key (text form or 64 hex digits) is in FILE."),
        QStringLiteral("FILE"));
    const QCommandLineOption force(
        QStringLiteral("force"),
        QStringLiteral("Replace an existing identity (asks for confirmation; the old identity "
                       "is lost)."));
    const QCommandLineOption yes(QStringLiteral("yes"),
                                 QStringLiteral("Confirm --force without asking (no terminal)."));
    const QCommandLineOption unencrypted(
        QStringLiteral("unencrypted"),
        QStringLiteral("Store the keys WITHOUT a passphrase (headless servers only)."));
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("Listening port (default %1).").arg(kDefaultPort),
                                  QStringLiteral("N"));
    const QCommandLineOption address(QStringLiteral("address"),
                                     QStringLiteral("Address others reach this node at "
                                                    "(repeatable), for the member file."),
                                     QStringLiteral("HOST"));
    parser.addOptions({profileOption(), passphraseFileOption(), newNetwork, networkKeyFile, force,
                       yes, unencrypted, kdfOption(), port, address});
    if (auto exit = parseArguments(parser, args,
                                   QStringLiteral("Create this node's identity and its network "
                                                  "membership in a profile."))) {
        return *exit;
    }
    if (parser.isSet(newNetwork) == parser.isSet(networkKeyFile)) {
        return fail(args,
                    QStringLiteral("give exactly one of --new-network and --network-key-file"));
    }
    auto limits = kdfLimitsFrom(parser);
    if (!limits) {
        return fail(args, limits.error());
    }
    quint16 listenPort = kDefaultPort;
    if (parser.isSet(port)) {
        bool ok = false;
        const uint value = parser.value(port).toUInt(&ok);
        if (!ok || value > 65535) {
            return fail(args, QStringLiteral("--port needs a number from 0 to 65535"));
        }
        listenPort = quint16(value);
    }

    const node::Profile profile = profileFrom(parser);
    const bool exists = node::ProfileSetup::isSetUp(profile);
    if (exists) {
        auto current = NodeIdentity::readPublic(profile.identityPath());
        const QString what = current
                                 ? QStringLiteral("the identity %1").arg(current->nodeId.toHex())
                                 : QStringLiteral("an identity");
        if (!parser.isSet(force)) {
            return fail(args,
                        QStringLiteral("%1 already exists in %2; refusing to replace it "
                                       "(use --force to replace it; the old identity is lost)")
                            .arg(what, profile.directory()));
        }
        if (!parser.isSet(yes)) {
            if (!PassphraseSource::hasTerminal()) {
                return fail(args, QStringLiteral("refusing to replace %1 in %2 without "
                                                 "confirmation: no terminal to ask (add --yes)")
                                      .arg(what, profile.directory()));
            }
            if (!confirmOnTerminal(QStringLiteral("Replace %1 in %2? The old identity is lost.")
                                       .arg(what, profile.directory()))) {
                return fail(args, QStringLiteral("not confirmed; nothing changed"));
            }
        }
    }

    NetworkKey networkKey;
    if (parser.isSet(networkKeyFile)) {
        auto key = readNetworkKeyFile(parser.value(networkKeyFile));
        if (!key) {
            return fail(args, key.error());
        }
        networkKey = std::move(*key);
    } else {
        networkKey = NetworkKey::generate();
    }

    // Taken before the passphrase is asked for, so a profile in use is refused at once;
    // ProfileSetup::create joins it.
    auto lock = node::ProfileLock::acquireForWrite(profile);
    if (!lock) {
        return fail(args, lock.error());
    }

    node::ProfileSetup::Plan plan;
    plan.keys.limits = *limits;
    plan.keys.unencrypted = parser.isSet(unencrypted);
    plan.replaceExisting = exists; // confirmed above
    plan.port = listenPort;
    plan.addresses = parser.values(address);
    if (plan.keys.unencrypted) {
        warn(QStringLiteral("WARNING: the keys are stored UNENCRYPTED in %1. Anyone who can read "
                            "that directory can impersonate this node and join its network.")
                 .arg(profile.directory()));
    } else {
        auto read = PassphraseSource(parser.value(QStringLiteral("passphrase-file")))
                        .readNew(QStringLiteral("New passphrase: "),
                                 QStringLiteral("Repeat the passphrase: "));
        if (!read) {
            return fail(args, read.error());
        }
        plan.passphrase = std::move(*read);
    }
    plan.identity = NodeIdentity::generate();
    const QString nodeId = plan.identity.nodeId().toHex();
    const QString networkId = networkKey.networkIdHex();
    plan.networkKey = std::move(networkKey);
    if (const Status created = node::ProfileSetup::create(profile, plan); !created) {
        return fail(args, created.error());
    }

    print(QStringLiteral("Created the identity %1 in %2").arg(nodeId, profile.directory()));
    print(QStringLiteral("Network ID: %1%2")
              .arg(networkId,
                   parser.isSet(newNetwork) ? QStringLiteral(" (new network)") : QString()));
    if (parser.isSet(newNetwork)) {
        print(QStringLiteral("Show the network key with 'orion-node network-key' and give it only "
                             "to nodes that may join."));
    }
    return 0;
}

} // namespace orion::cli
