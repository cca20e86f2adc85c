// SPDX-License-Identifier: GPL-3.0-or-later
// SetupModel: everything the first-run wizard decides, held in memory until commit() hands
// it to node::ProfileSetup, which writes the profile in one step (the same as orion-node
// init). Slow steps (key generation, unlocking an imported key, writing with Argon2id) run
// on the thread pool with a time-out. Lives on the GUI thread; no widgets.
#pragma once

#include "crypto/Argon2id.h"
#include "crypto/SecureBuffer.h"
#include "identity/KdfCost.h"
#include "identity/MemberRecord.h"
#include "identity/NetworkKey.h"
#include "identity/NodeIdentity.h"
#include "util/Result.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <optional>

namespace orion::app::wizard {

class SetupModel : public QObject {
    Q_OBJECT

public:
    enum class NetworkChoice { Create, Join };
    // How long a background step may take before the wizard gives up and says so.
    static constexpr int kDefaultTimeoutMs = 120000;

    explicit SetupModel(const QString &profileDir, QObject *parent = nullptr);
    ~SetupModel() override;

    QString profileDir() const { return m_profileDir; }
    // An identity already in the profile is never replaced; the wizard cannot finish.
    bool identityExists() const;

    // Test hook: cheaper Argon2id for key files written by commit().
    void setKeyLimits(const crypto::Argon2id::Limits &limits) { m_limits = limits; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    bool isBusy() const { return m_busy; }

    // --- identity
    void generateIdentity();
    // Reads the public part at once; unlocks with `passphrase` in the background.
    void importIdentity(const QString &keyFile, const QString &passphrase);
    bool hasIdentity() const { return bool(m_identity); }
    QString nodeIdHex() const;
    bool identityImported() const { return m_imported; }

    // --- passphrase
    // Success when the passphrase is acceptable and the confirmation matches.
    static Status checkPassphrase(const QString &passphrase, const QString &confirmation);
    Status setPassphrase(const QString &passphrase, const QString &confirmation);
    bool hasPassphrase() const { return !m_passphrase.isEmpty(); }
    // Remembering it in the desktop's keyring (the app stores it once the profile is
    // written): why that cannot be offered (empty when it can), and the user's choice.
    void setKeyringUnavailableReason(const QString &reason) { m_keyringReason = reason; }
    QString keyringUnavailableReason() const { return m_keyringReason; }
    void setRememberPassphrase(bool on) { m_rememberPassphrase = on; }
    bool rememberPassphrase() const { return m_rememberPassphrase && m_keyringReason.isEmpty(); }

    // --- network
    void setNetworkChoice(NetworkChoice choice);
    NetworkChoice networkChoice() const { return m_networkChoice; }
    // The key of a new network (created on first request, kept while the wizard runs).
    QString newNetworkKeyText();
    // Each field has its own verdict, and a new input replaces the verdict of its field only:
    // the key's verdict is about the key text, the member file's about the file and whether
    // it belongs to the key's network (decided again whenever either changes).
    Status setJoinKey(const QString &text);
    Status setMemberFile(const QString &path);
    // An invite (orion:join?…) pasted instead of the key: sets the key and the member file
    // from it, with their verdicts. A broken invite leaves both unset, its reason the key's.
    Status setInvite(const QString &text);
    bool memberFromInvite() const { return m_memberFromInvite; }
    void clearMemberFile();
    Status joinKeyVerdict() const { return m_joinKeyVerdict; }
    // The key to join as text (empty while there is none).
    QString joinKeyText() const { return m_joinKey.isNull() ? QString() : m_joinKey.toText(); }
    Status memberVerdict() const;
    // The member record whose signature verified (it may still belong to another network).
    const std::optional<identity::MemberRecord> &memberRecord() const { return m_member; }
    bool networkReady() const;
    QString networkIdHex() const;

    // --- port
    Status setPort(quint16 port);
    quint16 port() const { return m_port; }

    // --- backup (optional, written right after the identity)
    void setBackupPath(const QString &path) { m_backupPath = path; }
    QString backupPath() const { return m_backupPath; }

    // The files commit() will write, for the summary.
    QString identityPath() const;
    QString networkKeyPath() const;
    QString settingsPath() const;
    QString peerFilePath() const;
    // This node's own member file, written by commit() too.
    QString memberFilePath() const;

    // Writes everything; emits committed(). Nothing is left behind if a step fails.
    void commit();
    bool isCommitted() const { return m_committed; }
    // The passphrase chosen, for starting the node right after the wizard.
    const crypto::SecureBuffer &passphrase() const { return m_passphrase; }

    // Folder (inside the profile) of member files of peers to dial at start.
    static QString peersDirectory(const QString &profileDir);

Q_SIGNALS:
    void busyChanged(bool busy);
    void identityReady(const QString &nodeIdHex);
    void identityFailed(const QString &reason);
    void committed();
    void commitFailed(const QString &reason);

private:
    using IdentityResult = Result<std::shared_ptr<identity::NodeIdentity>>;
    static QString emptyKeyHint();
    static QString emptyMemberHint();
    void setBusy(bool busy);
    void runIdentityJob(std::function<IdentityResult()> job);

    QString m_profileDir;
    crypto::Argon2id::Limits m_limits = identity::KdfCost::standard();
    int m_timeoutMs = kDefaultTimeoutMs;
    bool m_busy = false;
    bool m_imported = false;
    bool m_committed = false;
    quint64 m_job = 0;
    std::shared_ptr<identity::NodeIdentity> m_identity;
    crypto::SecureBuffer m_passphrase;
    QString m_keyringReason = tr("No keyring is available to remember the passphrase in.");
    bool m_rememberPassphrase = false;
    NetworkChoice m_networkChoice = NetworkChoice::Create;
    identity::NetworkKey m_newKey;
    identity::NetworkKey m_joinKey;
    std::optional<identity::MemberRecord> m_member;
    Status m_joinKeyVerdict;
    Status m_memberFileVerdict;
    bool m_memberFromInvite = false;
    quint16 m_port = 0;
    QString m_backupPath;
    QTimer m_timeout;
};

} // namespace orion::app::wizard
