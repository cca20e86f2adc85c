// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/SetupModel.h"

#include "identity/MemberFile.h"
#include "node/BootstrapList.h"
#include "node/Invite.h"
#include "node/Profile.h"
#include "node/ProfileSetup.h"
#include "wizard/PassphraseStrength.h"
#include "wizard/PortCheck.h"

#include <QDir>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace orion::app::wizard {

namespace {

// A reason from the core ("the network key's checksum does not match: …") as a sentence of
// its own, so the page does not wrap it in a second sentence that says the same.
QString sentence(const QString &reason) {
    QString text = reason.trimmed();
    if (text.isEmpty()) {
        return text;
    }
    text[0] = text[0].toUpper();
    if (!text.endsWith(QLatin1Char('.'))) {
        text += QLatin1Char('.');
    }
    return text;
}

crypto::SecureBuffer utf8Secret(const QString &text) {
    QByteArray bytes = text.toUtf8();
    crypto::SecureBuffer secret = crypto::SecureBuffer::fromBytes(bytes);
    crypto::wipe(bytes.data(), size_t(bytes.size()));
    return secret;
}

} // namespace

SetupModel::SetupModel(const QString &profileDir, QObject *parent)
    : QObject(parent)
    , m_profileDir(QDir::cleanPath(QFileInfo(profileDir).absoluteFilePath())) {
    m_joinKeyVerdict = Status::failure(ErrorCode::NotFound, emptyKeyHint());
    m_memberFileVerdict = Status::failure(ErrorCode::NotFound, emptyMemberHint());
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this]() {
        if (!m_busy) {
            return;
        }
        ++m_job; // whatever finishes later is ignored
        setBusy(false);
        const QString reason = tr("This took too long and was stopped. Please try again.");
        Q_EMIT identityFailed(reason);
        Q_EMIT commitFailed(reason);
    });
}

SetupModel::~SetupModel() = default;

bool SetupModel::identityExists() const {
    return node::Profile(m_profileDir).hasIdentity();
}

QString SetupModel::peersDirectory(const QString &profileDir) {
    return node::BootstrapList::directory(node::Profile(profileDir));
}

QString SetupModel::identityPath() const {
    return node::Profile(m_profileDir).identityPath();
}

QString SetupModel::networkKeyPath() const {
    return node::Profile(m_profileDir).networkKeyPath();
}

QString SetupModel::settingsPath() const {
    return node::Profile(m_profileDir).settingsPath();
}

QString SetupModel::memberFilePath() const {
    return node::Profile(m_profileDir).memberFilePath();
}

QString SetupModel::peerFilePath() const {
    if (!m_member) {
        return {};
    }
    return QDir(peersDirectory(m_profileDir))
        .filePath(m_member->nodeId.toHex() + QStringLiteral(".json"));
}

void SetupModel::setBusy(bool busy) {
    if (busy == m_busy) {
        return;
    }
    m_busy = busy;
    if (busy) {
        m_timeout.start(m_timeoutMs);
    } else {
        m_timeout.stop();
    }
    Q_EMIT busyChanged(busy);
}

QString SetupModel::nodeIdHex() const {
    return m_identity ? m_identity->nodeId().toHex() : QString();
}

void SetupModel::runIdentityJob(std::function<IdentityResult()> job) {
    const quint64 id = ++m_job;
    setBusy(true);
    auto *watcher = new QFutureWatcher<IdentityResult>(this);
    connect(watcher, &QFutureWatcher<IdentityResult>::finished, this, [this, watcher, id]() {
        watcher->deleteLater();
        if (id != m_job) {
            return;
        }
        const IdentityResult result = watcher->result();
        setBusy(false);
        if (!result) {
            Q_EMIT identityFailed(result.error());
            return;
        }
        m_identity = result.value();
        Q_EMIT identityReady(nodeIdHex());
    });
    watcher->setFuture(QtConcurrent::run(std::move(job)));
}

void SetupModel::generateIdentity() {
    if (m_busy) {
        return;
    }
    m_imported = false;
    runIdentityJob([]() -> IdentityResult {
        return std::make_shared<identity::NodeIdentity>(identity::NodeIdentity::generate());
    });
}

void SetupModel::importIdentity(const QString &keyFile, const QString &passphrase) {
    if (m_busy) {
        return;
    }
    m_imported = true;
    auto secret = std::make_shared<crypto::SecureBuffer>(utf8Secret(passphrase));
    runIdentityJob([keyFile, secret]() -> IdentityResult {
        Result<identity::NodeIdentity> loaded =
            node::ProfileSetup::importIdentity(keyFile, secret->view());
        if (!loaded) {
            return IdentityResult::failure(
                tr("The identity could not be imported: %1").arg(loaded.error()));
        }
        return std::make_shared<identity::NodeIdentity>(std::move(loaded).value());
    });
}

Status SetupModel::checkPassphrase(const QString &passphrase, const QString &confirmation) {
    if (passphrase.size() < PassphraseStrength::kMinimumLength) {
        return Status::failure(tr("The passphrase needs at least %n character(s).", nullptr,
                                  PassphraseStrength::kMinimumLength));
    }
    if (passphrase != confirmation) {
        return Status::failure(tr("The confirmation does not match the passphrase."));
    }
    return Status::success();
}

Status SetupModel::setPassphrase(const QString &passphrase, const QString &confirmation) {
    const Status ok = checkPassphrase(passphrase, confirmation);
    m_passphrase = ok ? utf8Secret(passphrase) : crypto::SecureBuffer();
    return ok;
}

void SetupModel::setNetworkChoice(NetworkChoice choice) {
    m_networkChoice = choice;
}

QString SetupModel::newNetworkKeyText() {
    if (m_newKey.isNull()) {
        m_newKey = identity::NetworkKey::generate();
    }
    return m_newKey.toText();
}

QString SetupModel::emptyKeyHint() {
    return tr("Paste the network key you were given.");
}

QString SetupModel::emptyMemberHint() {
    return tr("Import the member file of a node in that network; Orion connects to it first.");
}

Status SetupModel::setJoinKey(const QString &text) {
    m_joinKey = {};
    if (text.trimmed().isEmpty()) {
        m_joinKeyVerdict = Status::failure(ErrorCode::NotFound, emptyKeyHint());
        return m_joinKeyVerdict;
    }
    Result<identity::NetworkKey> parsed = identity::NetworkKey::parse(text);
    if (!parsed) {
        m_joinKeyVerdict = Status::failure(parsed.errorCode(), sentence(parsed.error()));
        return m_joinKeyVerdict;
    }
    m_joinKey = std::move(parsed).value();
    m_joinKeyVerdict = Status::success();
    return m_joinKeyVerdict;
}

Status SetupModel::setInvite(const QString &text) {
    m_joinKey = {};
    Result<node::Invite> parsed = node::Invite::parse(text);
    if (!parsed) {
        if (m_memberFromInvite) {
            clearMemberFile();
        }
        m_joinKeyVerdict = Status::failure(
            parsed.errorCode(), tr("This invite cannot be used: %1").arg(sentence(parsed.error())));
        return m_joinKeyVerdict;
    }
    m_joinKey = std::move(parsed->networkKey);
    m_joinKeyVerdict = Status::success();
    m_member = std::move(parsed->member);
    m_memberFileVerdict = Status::success();
    m_memberFromInvite = true;
    return memberVerdict();
}

Status SetupModel::setMemberFile(const QString &path) {
    m_member.reset();
    m_memberFromInvite = false;
    Result<identity::MemberRecord> record = identity::MemberFile::read(path);
    if (!record) {
        m_memberFileVerdict = Status::failure(
            record.errorCode(),
            tr("This file cannot be used as a member file: %1").arg(sentence(record.error())));
        return m_memberFileVerdict;
    }
    m_member = std::move(record).value();
    m_memberFileVerdict = Status::success();
    return memberVerdict();
}

void SetupModel::clearMemberFile() {
    m_member.reset();
    m_memberFromInvite = false;
    m_memberFileVerdict = Status::failure(ErrorCode::NotFound, emptyMemberHint());
}

Status SetupModel::memberVerdict() const {
    if (!m_memberFileVerdict || !m_member) {
        return m_memberFileVerdict;
    }
    if (!m_joinKey.isNull() && m_member->networkId != m_joinKey.networkId()) {
        return Status::failure(
            ErrorCode::InvalidArgument,
            tr("This member file belongs to another network (ID %1…), not to the network of "
               "the key above (ID %2…). Ask for the member file of a node in that network.")
                .arg(QString::fromLatin1(m_member->networkId.toHex().left(16)),
                     m_joinKey.networkIdHex().left(16)));
    }
    return Status::success();
}

bool SetupModel::networkReady() const {
    if (m_networkChoice == NetworkChoice::Create) {
        return !m_newKey.isNull();
    }
    return !m_joinKey.isNull() && m_member &&
           m_member->verifyForNetwork(m_joinKey.networkId()).ok();
}

QString SetupModel::networkIdHex() const {
    const identity::NetworkKey &key =
        m_networkChoice == NetworkChoice::Create ? m_newKey : m_joinKey;
    return key.isNull() ? QString() : key.networkIdHex();
}

Status SetupModel::setPort(quint16 port) {
    const Status free = PortCheck::check(port);
    m_port = free ? port : 0;
    return free;
}

void SetupModel::commit() {
    if (m_busy || m_committed) {
        return;
    }
    if (!m_identity || m_passphrase.isEmpty() || !networkReady() || m_port == 0) {
        Q_EMIT commitFailed(tr("The setup is incomplete."));
        return;
    }
    if (identityExists()) {
        Q_EMIT commitFailed(tr("This profile already has an identity (%1). Orion never replaces "
                               "an existing identity.")
                                .arg(identityPath()));
        return;
    }
    auto plan = std::make_shared<node::ProfileSetup::Plan>();
    plan->identity = m_identity->clone();
    plan->networkKey = (m_networkChoice == NetworkChoice::Create ? m_newKey : m_joinKey).clone();
    plan->passphrase = m_passphrase.clone();
    plan->keys.limits = m_limits;
    plan->replaceExisting = false; // the wizard never replaces an identity
    plan->port = m_port;
    if (m_networkChoice == NetworkChoice::Join) {
        plan->firstPeer = m_member;
    }
    plan->backupPath = m_backupPath;
    const QString profileDir = m_profileDir;

    const quint64 id = ++m_job;
    setBusy(true);
    // Writing is bounded work and must not be abandoned half-way: no time-out here.
    m_timeout.stop();
    auto *watcher = new QFutureWatcher<Status>(this);
    connect(watcher, &QFutureWatcher<Status>::finished, this, [this, watcher, id]() {
        watcher->deleteLater();
        if (id != m_job) {
            return;
        }
        const Status result = watcher->result();
        m_committed = result.ok();
        setBusy(false);
        if (result) {
            Q_EMIT committed();
        } else {
            Q_EMIT commitFailed(tr("The profile could not be set up: %1").arg(result.error()));
        }
    });
    watcher->setFuture(QtConcurrent::run([plan, profileDir]() {
        return node::ProfileSetup::create(node::Profile(profileDir), *plan);
    }));
}

} // namespace orion::app::wizard
