// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandSupport.h"
#include "Commands.h"

#include "identity/NetworkKey.h"
#include "identity/NodeIdentity.h"
#include "identity/PassphraseSource.h"
#include "node/Invite.h"
#include "node/MemberAddress.h"
#include "node/ProfileLock.h"
#include "node/ProfileSetup.h"
#include "node/SettingsKeys.h"

#include <QFile>
#include <QTcpServer>

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

// Port 0 would mean another port at every start, which no member file can name: pick a free
// one now and keep it.
std::optional<quint16> freePort(const QHostAddress &address) {
    QTcpServer server;
    if (!server.listen(address, 0)) {
        return std::nullopt;
    }
    return server.serverPort();
}

bool isFree(const QHostAddress &address, quint16 port) {
    QTcpServer server;
    return server.listen(address, port);
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
    const QCommandLineOption inviteOption(
        QStringLiteral("invite"),
        QStringLiteral("Join with an invite ('orion-node invite' on a member): the network key "
                       "and the first peer to dial in one line."),
        QStringLiteral("URI"));
    const QCommandLineOption force(
        QStringLiteral("force"),
        QStringLiteral("Replace an existing identity (asks for confirmation; the old identity "
                       "is lost)."));
    const QCommandLineOption yes(QStringLiteral("yes"),
                                 QStringLiteral("Confirm --force without asking (no terminal)."));
    const QCommandLineOption unencrypted(
        QStringLiteral("unencrypted"),
        QStringLiteral("Store the keys WITHOUT a passphrase (headless servers only)."));
    const QCommandLineOption port(
        QStringLiteral("port"),
        QStringLiteral("Listening port (default %1; 0 picks a free one now and keeps it).")
            .arg(kDefaultPort),
        QStringLiteral("N"));
    const QCommandLineOption address(
        QStringLiteral("address"),
        QStringLiteral("Address others reach this node at (repeatable), for the member file. "
                       "One address of this machine (e.g. 127.0.0.1) is also where 'run' "
                       "listens; otherwise it listens on every address. Default: an address "
                       "of this machine's network interfaces."),
        QStringLiteral("HOST"));
    parser.addOptions({profileOption(), passphraseFileOption(), newNetwork, networkKeyFile,
                       inviteOption, force, yes, unencrypted, kdfOption(), port, address});
    if (auto exit = parseArguments(parser, args,
                                   QStringLiteral("Create this node's identity and its network "
                                                  "membership in a profile."))) {
        return *exit;
    }
    if (int(parser.isSet(newNetwork)) + int(parser.isSet(networkKeyFile)) +
            int(parser.isSet(inviteOption)) !=
        1) {
        return fail(args, QStringLiteral("give exactly one of --new-network, --network-key-file "
                                         "and --invite"));
    }
    std::optional<node::Invite> invite;
    if (parser.isSet(inviteOption)) {
        auto parsed = node::Invite::parse(parser.value(inviteOption));
        if (!parsed) {
            return fail(args, QStringLiteral("--invite: %1").arg(parsed.error()));
        }
        invite = std::move(*parsed);
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
    // Where 'run' will listen, and what the member file names: decided (or refused) before
    // anything is asked or written.
    const QStringList addresses = parser.values(address);
    QHostAddress listenAddress(QHostAddress::Any);
    if (addresses.size() == 1 && node::MemberAddress::isDialable(addresses.front()) &&
        node::MemberAddress::isLocal(QHostAddress(addresses.front().trimmed()))) {
        listenAddress = QHostAddress(addresses.front().trimmed());
    }
    auto published = node::MemberAddress::choose(addresses, listenAddress);
    if (!published) {
        return fail(args, QStringLiteral("--address: %1").arg(published.error()));
    }
    if (listenPort == 0) {
        const auto picked = freePort(listenAddress);
        if (!picked) {
            return fail(args, QStringLiteral("--port 0: no free port to pick on %1")
                                  .arg(listenAddress.toString()));
        }
        listenPort = *picked;
    } else if (!isFree(listenAddress, listenPort)) {
        warn(QStringLiteral("warning: port %1 is in use right now; 'orion-node run' cannot "
                            "listen until it is free (or choose another with --port)")
                 .arg(listenPort));
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
            // Container keys are sealed under the identity: they go with it.
            if (!confirmOnTerminal(QStringLiteral("Replace %1 in %2? The old identity is lost, "
                                                  "and the containers it hosts can no longer "
                                                  "be opened.")
                                       .arg(what, profile.directory()))) {
                return fail(args, QStringLiteral("not confirmed; nothing changed"));
            }
        }
    }

    NetworkKey networkKey;
    if (invite) {
        networkKey = invite->networkKey.clone();
    } else if (parser.isSet(networkKeyFile)) {
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
    if (invite) {
        plan.firstPeer = invite->member;
    }
    plan.addresses = addresses;
    if (listenAddress != QHostAddress(QHostAddress::Any)) {
        plan.listenAddress = listenAddress.toString();
    }
    if (plan.keys.unencrypted) {
        warn(QStringLiteral("WARNING: the keys are stored UNENCRYPTED in %1. Anyone who can read "
                            "that directory can impersonate this node and join its network.")
                 .arg(profile.directory()));
    } else {
        auto read = readNewPassphrase(
            parser.value(QStringLiteral("passphrase-file")), PassphraseSource::kEnvironmentVariable,
            QStringLiteral("New passphrase: "), QStringLiteral("Repeat the passphrase: "));
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
    const QString listenText = listenAddress == QHostAddress(QHostAddress::Any)
                                   ? QStringLiteral("every address")
                                   : listenAddress.toString();
    print(QStringLiteral("Listens on %1, port %2 ('orion-node run'; 'run --listen' overrides)")
              .arg(listenText)
              .arg(listenPort));
    print(QStringLiteral("Member file %1 names %2 port %3")
              .arg(profile.memberFilePath(), published->addresses.join(QStringLiteral(", ")))
              .arg(listenPort));
    using From = node::MemberAddress::Choice::From;
    if (published->from == From::Interface) {
        print(QStringLiteral("(an address of this machine; choose another with --address)"));
    } else if (published->from == From::Loopback) {
        warn(QStringLiteral("warning: this machine has no network address besides loopback, so "
                            "only nodes on this machine can use the member file; give --address "
                            "HOST for others"));
    }
    print(QStringLiteral("Network ID: %1%2")
              .arg(networkId,
                   parser.isSet(newNetwork) ? QStringLiteral(" (new network)") : QString()));
    if (invite) {
        print(QStringLiteral("First peer: %1 at %2 port %3 (dialled when the node runs)")
                  .arg(invite->member.nodeId.toHex(),
                       invite->member.addresses.join(QStringLiteral(", ")))
                  .arg(invite->member.port));
    }
    if (parser.isSet(newNetwork)) {
        print(QStringLiteral("Invite others with 'orion-node invite' (one line: the network key "
                             "and your member file), or show the key with 'orion-node "
                             "network-key'; give either only to nodes that may join."));
    }
    return 0;
}

} // namespace orion::cli
