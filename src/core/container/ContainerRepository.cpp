// SPDX-License-Identifier: GPL-3.0-or-later
#include "container/ContainerRepository.h"

#include "container/ContainerKeyFile.h"
#include "container/ContainerLog.h"
#include "crypto/Random.h"
#include "util/AtomicFile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace orion::container {

namespace {
constexpr qint64 kMaxSourceBytes = 1024 * 1024;
constexpr qint64 kMaxDefinitionBytes = 256 * 1024;

Result<QByteArray> readSmallFile(const QString &path, qint64 limit) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return Result<QByteArray>::failure(
            QStringLiteral("cannot read %1: %2").arg(QFileInfo(path).fileName(), f.errorString()));
    }
    if (f.size() > limit) {
        return Result<QByteArray>::failure(QStringLiteral("%1 is larger than %2 bytes")
                                               .arg(QFileInfo(path).fileName())
                                               .arg(limit));
    }
    return f.readAll();
}
} // namespace

ContainerRepository::ContainerRepository(QString containersDirectory,
                                         std::shared_ptr<const ContainerKeyWrap> keyWrap)
    : m_directory(std::move(containersDirectory))
    , m_keyWrap(std::move(keyWrap)) {}

QString ContainerRepository::directoryOf(const QString &name) const {
    return QDir(m_directory).filePath(name);
}

bool ContainerRepository::exists(const QString &name) const {
    return QFileInfo::exists(directoryOf(name));
}

ContainerRepository::Scan ContainerRepository::scan() const {
    Scan out;
    const QDir dir(m_directory);
    const QStringList names = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &name : names) {
        if (name.startsWith(u'.')) {
            continue; // a removal in progress
        }
        if (!ContainerDefinition::isValidName(name)) {
            out.rejected.push_back({name, QStringLiteral("not a valid container name")});
            continue;
        }
        auto loaded = load(name);
        if (loaded) {
            out.loaded.push_back(std::move(*loaded));
        } else {
            out.rejected.push_back({name, loaded.error()});
        }
    }
    return out;
}

Result<ContainerRepository::Loaded> ContainerRepository::load(const QString &name) const {
    using R = Result<Loaded>;
    const QDir dir(directoryOf(name));
    if (!dir.exists(QLatin1String(kDefinitionFile))) {
        return R::failure(QStringLiteral("no container.json (an interrupted create?)"));
    }
    auto json = readSmallFile(dir.filePath(QLatin1String(kDefinitionFile)), kMaxDefinitionBytes);
    if (!json) {
        return R::failure(json.error());
    }
    auto definition = ContainerDefinition::fromJson(*json, name);
    if (!definition) {
        return R::failure(QStringLiteral("container.json: %1").arg(definition.error()));
    }
    // Opening the key here, once per start, finds a key file this identity cannot open
    // before the container runs, and seals one still in the old clear format.
    const QString keyPath = dir.filePath(QLatin1String(kKeyFile));
    QByteArray pub;
    if (m_keyWrap) {
        auto key = ContainerKeyFile::read(keyPath, *m_keyWrap);
        if (!key) {
            return R::failure(key.errorValue());
        }
        pub = key->publicKey();
    } else {
        auto read = ContainerKeyFile::readPublicKey(keyPath);
        if (!read) {
            return R::failure(read.errorValue());
        }
        pub = *read;
    }
    if (pub != definition->publicKey) {
        return R::failure(
            QStringLiteral("container.key does not hold the public key named in container.json"));
    }
    auto source = readSmallFile(dir.filePath(QLatin1String(kSourceFile)), kMaxSourceBytes);
    if (!source) {
        return R::failure(source.error());
    }
    return Loaded{std::move(*definition), QString::fromUtf8(*source)};
}

Result<ContainerDefinition> ContainerRepository::create(const QString &name, const QString &source,
                                                        const AllowList &allow,
                                                        const QJsonObject &limitOverrides) {
    using R = Result<ContainerDefinition>;
    if (!ContainerDefinition::isValidName(name)) {
        return R::failure(
            QStringLiteral("\"%1\" is not a valid container name (1-64 of a-z 0-9 _ -, starting "
                           "with a letter or digit)")
                .arg(name));
    }
    if (!m_keyWrap) {
        return R::failure(QStringLiteral("cannot create a container without the node's identity "
                                         "to seal its key with"));
    }
    if (exists(name)) {
        return R::failure(ErrorCode::AlreadyExists,
                          QStringLiteral("a container named \"%1\" already exists").arg(name));
    }
    if (!QDir().mkpath(m_directory) || !QDir(m_directory).mkdir(name)) {
        return R::failure(ErrorCode::Io, QStringLiteral("cannot create %1").arg(directoryOf(name)));
    }
    QFile::setPermissions(directoryOf(name),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const auto cleanup = [&](const Error &why) {
        QDir(directoryOf(name)).removeRecursively();
        return R::failure(why);
    };
    const identity::NodeIdentity key = identity::NodeIdentity::generate();
    const QDir dir(directoryOf(name));
    if (auto s = ContainerKeyFile::write(dir.filePath(QLatin1String(kKeyFile)), key, *m_keyWrap);
        !s) {
        return cleanup(s.errorValue());
    }
    if (auto s = writeSource(name, source); !s) {
        return cleanup(s.errorValue());
    }
    ContainerDefinition d;
    d.name = name;
    d.version = 1;
    d.key = key.nodeId();
    d.publicKey = key.publicKey();
    d.enabled = true;
    d.allow = allow;
    d.limitOverrides = limitOverrides;
    d.createdMs = d.updatedMs = QDateTime::currentMSecsSinceEpoch();
    if (auto s = writeDefinition(d); !s) {
        return cleanup(s.errorValue());
    }
    return d;
}

Status ContainerRepository::writeDefinition(const ContainerDefinition &definition) const {
    return util::AtomicFile::write(
        QDir(directoryOf(definition.name)).filePath(QLatin1String(kDefinitionFile)),
        definition.toJson(), util::AtomicFile::Access::OwnerOnly);
}

Status ContainerRepository::writeSource(const QString &name, const QString &source) const {
    const QByteArray bytes = source.toUtf8();
    if (bytes.size() > kMaxSourceBytes) {
        return Status::failure(
            QStringLiteral("main.ns is larger than %1 bytes").arg(kMaxSourceBytes));
    }
    return util::AtomicFile::write(QDir(directoryOf(name)).filePath(QLatin1String(kSourceFile)),
                                   bytes, util::AtomicFile::Access::OwnerOnly);
}

Status ContainerRepository::remove(const QString &name) const {
    if (!ContainerDefinition::isValidName(name) || !exists(name)) {
        return Status::failure(ErrorCode::NotFound,
                               QStringLiteral("no container named \"%1\"").arg(name));
    }
    const QString graveyard =
        QDir(m_directory)
            .filePath(QStringLiteral(".removed-%1-%2")
                          .arg(name, QString::fromLatin1(crypto::Random::bytes(6).toHex())));
    if (!QDir().rename(directoryOf(name), graveyard)) {
        return Status::failure(ErrorCode::Io,
                               QStringLiteral("cannot remove %1").arg(directoryOf(name)));
    }
    (void)util::AtomicFile::syncDirectory(m_directory);
    if (!QDir(graveyard).removeRecursively()) {
        qCWarning(lcContainer).noquote() << "could not delete" << graveyard;
    }
    return {};
}

Result<identity::NodeIdentity> ContainerRepository::loadKey(const QString &name) const {
    if (!m_keyWrap) {
        return Result<identity::NodeIdentity>::failure(
            QStringLiteral("cannot open the key of \"%1\" without the node's identity").arg(name));
    }
    return ContainerKeyFile::read(QDir(directoryOf(name)).filePath(QLatin1String(kKeyFile)),
                                  *m_keyWrap);
}

} // namespace orion::container
