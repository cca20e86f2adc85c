// SPDX-License-Identifier: GPL-3.0-or-later
#include "identity/PassphraseSource.h"

#include <QFile>

#include <sodium.h>

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <cstring>

namespace orion::identity {

using crypto::SecureBuffer;

namespace {

// Terminal state to put back if a signal ends the process while echo is off. Only the
// prompt running on the main thread touches these.
volatile sig_atomic_t g_restoreFd = -1;
termios g_savedTermios;

extern "C" void restoreTerminalAndReraise(int signal) {
    if (g_restoreFd >= 0) {
        ::tcsetattr(g_restoreFd, TCSAFLUSH, &g_savedTermios);
    }
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

// The secret is trimmed in place: only the length shrinks, so copy into an exact buffer.
SecureBuffer exactCopy(const SecureBuffer &buffer, std::size_t length) {
    return SecureBuffer::fromBytes(QByteArrayView(buffer.view()).first(qsizetype(length)));
}

std::size_t lineLength(const SecureBuffer &buffer, std::size_t size) {
    std::size_t length = 0;
    while (length < size && buffer.data()[length] != '\n') {
        ++length;
    }
    if (length > 0 && buffer.data()[length - 1] == '\r') {
        --length;
    }
    return length;
}

} // namespace

PassphraseSource::PassphraseSource(const QString &file, const char *environmentVariable)
    : m_file(file)
    , m_variable(environmentVariable) {
    const char *value = std::getenv(environmentVariable);
    if (!file.isEmpty()) {
        m_kind = Kind::File;
    } else if (value && *value) {
        m_kind = Kind::Environment;
    } else if (hasTerminal()) {
        m_kind = Kind::Terminal;
    }
}

QString PassphraseSource::description() const {
    switch (m_kind) {
    case Kind::File:
        return QStringLiteral("the file %1").arg(m_file);
    case Kind::Environment:
        return QStringLiteral("the environment variable %1").arg(QLatin1String(m_variable));
    case Kind::Terminal:
        return QStringLiteral("the terminal");
    case Kind::Unavailable:
        break;
    }
    return QStringLiteral("nowhere");
}

Result<SecureBuffer> PassphraseSource::read(const QString &prompt) const {
    switch (m_kind) {
    case Kind::File:
        return readFile(m_file);
    case Kind::Environment:
        return readEnvironment(m_variable);
    case Kind::Terminal:
        return readTerminal(prompt);
    case Kind::Unavailable:
        break;
    }
    return Result<SecureBuffer>::failure(
        QStringLiteral("a passphrase is needed but there is no terminal to ask: give a "
                       "passphrase file or set %1")
            .arg(QLatin1String(m_variable)));
}

Result<SecureBuffer> PassphraseSource::readNew(const QString &prompt,
                                               const QString &confirmPrompt) const {
    auto first = read(prompt);
    if (!first) {
        return first;
    }
    if (first->isEmpty()) {
        return Result<SecureBuffer>::failure(QStringLiteral("the passphrase must not be empty"));
    }
    if (m_kind == Kind::Terminal) {
        auto second = readTerminal(confirmPrompt);
        if (!second) {
            return second;
        }
        if (!first->equals(*second)) {
            return Result<SecureBuffer>::failure(QStringLiteral("the passphrases do not match"));
        }
    }
    return first;
}

bool PassphraseSource::hasTerminal() {
    return ::isatty(STDIN_FILENO) == 1;
}

Result<SecureBuffer> PassphraseSource::readFile(const QString &path) {
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return Result<SecureBuffer>::failure(
            QStringLiteral("cannot read the passphrase file %1: %2")
                .arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    }
    SecureBuffer buffer(kMaxBytes + 1);
    std::size_t size = 0;
    while (size < buffer.size()) {
        const ssize_t n = ::read(fd, buffer.data() + size, buffer.size() - size);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        size += std::size_t(n);
    }
    ::close(fd);
    const std::size_t length = lineLength(buffer, size);
    if (length > kMaxBytes) {
        return Result<SecureBuffer>::failure(
            QStringLiteral("the passphrase in %1 is longer than %2 bytes")
                .arg(path)
                .arg(kMaxBytes));
    }
    if (length == 0) {
        return Result<SecureBuffer>::failure(
            QStringLiteral("the passphrase file %1 is empty").arg(path));
    }
    return exactCopy(buffer, length);
}

Result<SecureBuffer> PassphraseSource::readEnvironment(const char *name) {
    char *value = std::getenv(name);
    if (!value || !*value) {
        return Result<SecureBuffer>::failure(
            QStringLiteral("the environment variable %1 is not set").arg(QLatin1String(name)));
    }
    const std::size_t length = std::strlen(value);
    if (length > kMaxBytes) {
        return Result<SecureBuffer>::failure(
            QStringLiteral("the passphrase in %1 is too long").arg(QLatin1String(name)));
    }
    auto passphrase = SecureBuffer::fromBytes(QByteArrayView(value, qsizetype(length)));
    // Taken, not copied: the bytes are wiped where the process received them (which is
    // what /proc/PID/environ shows) and the variable is removed, so neither the running
    // program nor anything it starts holds the passphrase in its environment.
    sodium_memzero(value, length);
    ::unsetenv(name);
    return passphrase;
}

Result<SecureBuffer> PassphraseSource::readTerminal(const QString &prompt) {
    int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
    const bool ownFd = fd >= 0;
    if (!ownFd) {
        if (!hasTerminal()) {
            return Result<SecureBuffer>::failure(QStringLiteral("there is no terminal"));
        }
        fd = STDIN_FILENO;
    }
    const QByteArray promptBytes = prompt.toLocal8Bit();
    (void)!::write(ownFd ? fd : STDERR_FILENO, promptBytes.constData(),
                   std::size_t(promptBytes.size()));

    termios saved{};
    const bool isTty = ::tcgetattr(fd, &saved) == 0;
    struct sigaction oldInt {
    }, oldTerm{}, oldHup{};
    if (isTty) {
        g_savedTermios = saved;
        g_restoreFd = fd;
        struct sigaction action {};
        action.sa_handler = restoreTerminalAndReraise;
        sigemptyset(&action.sa_mask);
        ::sigaction(SIGINT, &action, &oldInt);
        ::sigaction(SIGTERM, &action, &oldTerm);
        ::sigaction(SIGHUP, &action, &oldHup);
        termios quiet = saved;
        quiet.c_lflag &= tcflag_t(~ECHO);
        quiet.c_lflag |= ECHONL;
        ::tcsetattr(fd, TCSAFLUSH, &quiet);
    }

    SecureBuffer buffer(kMaxBytes + 1);
    std::size_t size = 0;
    bool gotLine = false;
    while (size < buffer.size()) {
        char c = 0;
        const ssize_t n = ::read(fd, &c, 1);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        if (c == '\n') {
            gotLine = true;
            break;
        }
        buffer.data()[size++] = std::uint8_t(c);
        crypto::wipe(&c, 1);
    }

    if (isTty) {
        ::tcsetattr(fd, TCSAFLUSH, &saved);
        g_restoreFd = -1;
        ::sigaction(SIGINT, &oldInt, nullptr);
        ::sigaction(SIGTERM, &oldTerm, nullptr);
        ::sigaction(SIGHUP, &oldHup, nullptr);
    }
    if (ownFd) {
        ::close(fd);
    }
    if (!gotLine && size == 0) {
        return Result<SecureBuffer>::failure(QStringLiteral("no passphrase was entered"));
    }
    if (size > kMaxBytes) {
        return Result<SecureBuffer>::failure(
            QStringLiteral("the passphrase is longer than %1 bytes").arg(kMaxBytes));
    }
    if (size > 0 && buffer.data()[size - 1] == '\r') {
        --size;
    }
    return exactCopy(buffer, size);
}

} // namespace orion::identity
