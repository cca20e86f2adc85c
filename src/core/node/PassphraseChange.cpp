// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/PassphraseChange.h"

#include "identity/KdfCost.h"
#include "identity/NetworkKey.h"
#include "identity/NodeIdentity.h"
#include "identity/SealedKeyFile.h"
#include "node/ProfileLock.h"
#include "util/AtomicFile.h"

#include <QFile>
#include <QFileInfo>

#include <optional>

namespace orion::node {

namespace {

// Whether a key file failed to open because the passphrase was wrong (SealedKeyFile checks
// the checksum first, so nothing else gives that code).
bool isWrongPassphrase(const Error &error) {
    return error.code == ErrorCode::WrongPassphrase;
}

enum class Opens { Current, New };

// One key file: which passphrase opens it, the key it holds and its bytes as they are.
template <typename Key>
struct KeyFile {
    QString path;
    std::optional<Key> key; // set when the current passphrase opens it
    Opens opens = Opens::Current;
    QByteArray bytes;
    crypto::Argon2id::Limits limits;
};

template <typename Key>
Result<KeyFile<Key>> openKeyFile(const QString &path, const char *format, QByteArrayView current,
                                 QByteArrayView next, bool tryNext) {
    using R = Result<KeyFile<Key>>;
    KeyFile<Key> file;
    file.path = path;
    auto sealed = identity::SealedKeyFile::read(path, QLatin1String(format));
    if (!sealed) {
        return R(sealed.errorValue());
    }
    file.limits = sealed->isEncrypted() ? sealed->limits() : identity::KdfCost::standard();
    auto withCurrent = Key::load(path, current);
    if (withCurrent) {
        file.key = std::move(withCurrent).value();
    } else if (tryNext && isWrongPassphrase(withCurrent.errorValue()) && Key::load(path, next)) {
        file.opens = Opens::New;
    } else {
        return R(withCurrent.errorValue());
    }
    QFile raw(path);
    if (!raw.open(QIODevice::ReadOnly)) {
        return R::failure(ErrorCode::Io,
                          QStringLiteral("cannot read %1: %2").arg(path, raw.errorString()));
    }
    file.bytes = raw.readAll();
    return file;
}

template <typename Key>
Status reseal(const KeyFile<Key> &file, QByteArrayView next,
              const PassphraseChange::Options &options) {
    if (!file.key) {
        return Status::success(); // already under the new passphrase
    }
    identity::SaveOptions save;
    save.limits = options.limits.value_or(file.limits);
    save.unencrypted = options.removePassphrase;
    save.replaceExisting = true;
    return file.key->save(file.path, options.removePassphrase ? QByteArrayView() : next, save);
}

} // namespace

Status PassphraseChange::run(const Profile &profile, QByteArrayView current, QByteArrayView next,
                             const Options &options) {
    if (!profile.hasIdentity()) {
        return Status::failure(
            QStringLiteral("there is no identity in %1").arg(profile.directory()));
    }
    if (!options.removePassphrase && next.isEmpty()) {
        return Status::failure(ErrorCode::InvalidArgument,
                               QStringLiteral("the new passphrase is empty"));
    }
    auto lock = ProfileLock::acquireForWrite(profile);
    if (!lock) {
        return Status(lock.errorValue());
    }
    const bool tryNext = !options.removePassphrase;
    auto identityFile = openKeyFile<identity::NodeIdentity>(
        profile.identityPath(), identity::NodeIdentity::kFileFormat, current, next, tryNext);
    if (!identityFile) {
        return Status(identityFile.errorValue());
    }
    std::optional<KeyFile<identity::NetworkKey>> networkFile;
    if (QFileInfo::exists(profile.networkKeyPath())) {
        auto opened = openKeyFile<identity::NetworkKey>(
            profile.networkKeyPath(), identity::NetworkKey::kFileFormat, current, next, tryNext);
        if (!opened) {
            return Status(opened.errorValue());
        }
        networkFile = std::move(opened).value();
    }
    const bool networkDone = !networkFile || networkFile->opens == Opens::New;
    if (identityFile->opens == Opens::New && networkDone) {
        // Both open with the new passphrase only: the one given as current is wrong.
        return Status::failure(ErrorCode::WrongPassphrase,
                               QStringLiteral("%1: wrong passphrase").arg(profile.identityPath()));
    }

    // The network key first, then the identity (docs/identity.md).
    if (networkFile) {
        if (const Status saved = reseal(*networkFile, next, options); !saved) {
            return saved;
        }
    }
    if (const Status saved = reseal(*identityFile, next, options); !saved) {
        if (networkFile && networkFile->key) {
            // Put the network key back, byte for byte, so both files still agree.
            (void)util::AtomicFile::write(networkFile->path, networkFile->bytes);
        }
        return saved;
    }
    return Status::success();
}

} // namespace orion::node
