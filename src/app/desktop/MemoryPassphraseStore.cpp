// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/MemoryPassphraseStore.h"

#include <QMetaObject>

namespace orion::app::desktop {

MemoryPassphraseStore::MemoryPassphraseStore(QObject *parent)
    : PassphraseStore(parent) {}

MemoryPassphraseStore::~MemoryPassphraseStore() = default;

void MemoryPassphraseStore::read(const QString &account, QObject *context, ReadDone done) {
    std::shared_ptr<const crypto::SecureBuffer> found;
    Status result = Status::success();
    if (!m_unavailable.isEmpty()) {
        result = Status::failure(ErrorCode::Unavailable, m_unavailable);
    } else if (!m_readFailure.isEmpty()) {
        result = Status::failure(ErrorCode::Io, m_readFailure);
    } else if (const auto it = m_entries.constFind(account); it != m_entries.cend()) {
        found = std::make_shared<const crypto::SecureBuffer>((*it)->clone());
    } else {
        result = Status::failure(ErrorCode::NotFound, tr("The keyring holds no passphrase."));
    }
    QMetaObject::invokeMethod(
        context, [done = std::move(done), found, result]() { done(found, result); },
        Qt::QueuedConnection);
}

void MemoryPassphraseStore::write(const QString &account, const crypto::SecureBuffer &passphrase,
                                  QObject *context, Done done) {
    Status result = Status::success();
    if (!m_unavailable.isEmpty()) {
        result = Status::failure(ErrorCode::Unavailable, m_unavailable);
    } else {
        m_entries.insert(account, std::make_shared<const crypto::SecureBuffer>(passphrase.clone()));
        ++m_writes;
    }
    QMetaObject::invokeMethod(
        context, [done = std::move(done), result]() { done(result); }, Qt::QueuedConnection);
}

void MemoryPassphraseStore::remove(const QString &account, QObject *context, Done done) {
    Status result = Status::success();
    if (!m_unavailable.isEmpty()) {
        result = Status::failure(ErrorCode::Unavailable, m_unavailable);
    } else {
        m_entries.remove(account);
    }
    QMetaObject::invokeMethod(
        context, [done = std::move(done), result]() { done(result); }, Qt::QueuedConnection);
}

QByteArray MemoryPassphraseStore::entry(const QString &account) const {
    const auto it = m_entries.constFind(account);
    return it == m_entries.cend() ? QByteArray() : (*it)->view().toByteArray();
}

} // namespace orion::app::desktop
