// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/KeychainPassphraseStore.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusReply>
#include <QMetaObject>
#include <QPointer>

#ifdef ORION_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace orion::app::desktop {

namespace {
#ifdef ORION_HAVE_KEYCHAIN
// What a finished job says, as a Status for the user.
Status jobResult(const QKeychain::Job *job) {
    switch (job->error()) {
    case QKeychain::NoError:
        return Status::success();
    case QKeychain::EntryNotFound:
        return Status::failure(ErrorCode::NotFound,
                               KeychainPassphraseStore::tr("The keyring holds no passphrase."));
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Status::failure(
            ErrorCode::Refused,
            KeychainPassphraseStore::tr("The keyring refused access: %1").arg(job->errorString()));
    default:
        return Status::failure(ErrorCode::Unavailable,
                               KeychainPassphraseStore::tr("The keyring could not be used: %1")
                                   .arg(job->errorString()));
    }
}
#endif

Status unavailable(const QString &reason) {
    return Status::failure(ErrorCode::Unavailable, reason);
}
} // namespace

KeychainPassphraseStore::KeychainPassphraseStore(QObject *parent)
    : PassphraseStore(parent) {}

KeychainPassphraseStore::~KeychainPassphraseStore() = default;

QString KeychainPassphraseStore::unavailableReason() const {
    if (m_checked) {
        return m_unavailable;
    }
    m_checked = true;
#ifndef ORION_HAVE_KEYCHAIN
    m_unavailable = tr("This build of Orion has no keyring support (qtkeychain).");
#else
    // qtkeychain talks to the keyring over the session bus; without one (or without a
    // keyring on it) every job would fail, so the option is not offered.
    const QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface()) {
        m_unavailable = tr("No desktop session bus (D-Bus) is running, so there is no keyring "
                           "to keep the passphrase in.");
        return m_unavailable;
    }
    static const QStringList services = {
        QStringLiteral("org.freedesktop.secrets"), QStringLiteral("org.kde.kwalletd6"),
        QStringLiteral("org.kde.kwalletd5"), QStringLiteral("org.kde.kwalletd")};
    const QDBusReply<QStringList> activatable = bus.interface()->activatableServiceNames();
    for (const QString &service : services) {
        if (bus.interface()->isServiceRegistered(service).value() ||
            (activatable.isValid() && activatable.value().contains(service))) {
            return m_unavailable;
        }
    }
    m_unavailable = tr("No keyring (GNOME Keyring, KWallet or another Secret Service) is "
                       "running in this desktop session.");
#endif
    return m_unavailable;
}

void KeychainPassphraseStore::read(const QString &account, QObject *context, ReadDone done) {
    QPointer<QObject> guard(context);
#ifdef ORION_HAVE_KEYCHAIN
    if (isAvailable()) {
        auto *job = new QKeychain::ReadPasswordJob(QLatin1String(kService), this);
        job->setKey(account);
        connect(job, &QKeychain::Job::finished, this, [guard, done](QKeychain::Job *finished) {
            if (!guard) {
                return;
            }
            const Status result = jobResult(finished);
            auto *reader = static_cast<QKeychain::ReadPasswordJob *>(finished);
            QByteArray data = result ? reader->binaryData() : QByteArray();
            auto passphrase =
                std::make_shared<const crypto::SecureBuffer>(crypto::SecureBuffer::fromBytes(data));
            crypto::wipe(data.data(), size_t(data.size()));
            done(result ? passphrase : nullptr, result);
        });
        job->start();
        return;
    }
#endif
    const Status result = unavailable(unavailableReason());
    QMetaObject::invokeMethod(
        context, [done = std::move(done), result]() { done(nullptr, result); },
        Qt::QueuedConnection);
}

void KeychainPassphraseStore::write(const QString &account, const crypto::SecureBuffer &passphrase,
                                    QObject *context, Done done) {
    QPointer<QObject> guard(context);
#ifdef ORION_HAVE_KEYCHAIN
    if (isAvailable()) {
        auto *job = new QKeychain::WritePasswordJob(QLatin1String(kService), this);
        job->setKey(account);
        QByteArray data = passphrase.view().toByteArray();
        job->setBinaryData(data);
        crypto::wipe(data.data(), size_t(data.size()));
        connect(job, &QKeychain::Job::finished, this, [guard, done](QKeychain::Job *finished) {
            if (guard) {
                done(jobResult(finished));
            }
        });
        job->start();
        return;
    }
#else
    Q_UNUSED(account);
    Q_UNUSED(passphrase);
#endif
    const Status result = unavailable(unavailableReason());
    QMetaObject::invokeMethod(
        context, [done = std::move(done), result]() { done(result); }, Qt::QueuedConnection);
}

void KeychainPassphraseStore::remove(const QString &account, QObject *context, Done done) {
    QPointer<QObject> guard(context);
#ifdef ORION_HAVE_KEYCHAIN
    if (isAvailable()) {
        auto *job = new QKeychain::DeletePasswordJob(QLatin1String(kService), this);
        job->setKey(account);
        connect(job, &QKeychain::Job::finished, this, [guard, done](QKeychain::Job *finished) {
            if (!guard) {
                return;
            }
            const Status result = jobResult(finished);
            done(!result && result.errorCode() == ErrorCode::NotFound ? Status::success() : result);
        });
        job->start();
        return;
    }
#else
    Q_UNUSED(account);
#endif
    const Status result = unavailable(unavailableReason());
    QMetaObject::invokeMethod(
        context, [done = std::move(done), result]() { done(result); }, Qt::QueuedConnection);
}

} // namespace orion::app::desktop
