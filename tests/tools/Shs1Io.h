// SPDX-License-Identifier: GPL-3.0-or-later
// Shs1Io: stdin/stdout plumbing shared by the shs1-test executables: exact reads, flushed
// writes, hex arguments. Single-threaded command-line helpers.
#pragma once

#include <QByteArray>

#include <cerrno>
#include <csignal>
#include <unistd.h>

namespace orion::test {

class Shs1Io {
public:
    static void ignoreSigpipe() { std::signal(SIGPIPE, SIG_IGN); }

    // Reads exactly size bytes from stdin; false on EOF or error.
    static bool readExactly(QByteArray &out, qsizetype size) {
        out.resize(size);
        qsizetype have = 0;
        while (have < size) {
            const ssize_t n = ::read(0, out.data() + have, std::size_t(size - have));
            if (n == 0) {
                return false;
            }
            if (n < 0) {
                if (errno == EINTR) {
                    continue;
                }
                return false;
            }
            have += n;
        }
        return true;
    }

    // Unbuffered, so every message reaches the peer at once.
    static bool writeAll(const QByteArray &bytes) {
        qsizetype done = 0;
        while (done < bytes.size()) {
            const ssize_t n =
                ::write(1, bytes.constData() + done, std::size_t(bytes.size() - done));
            if (n < 0) {
                if (errno == EINTR) {
                    continue;
                }
                return false;
            }
            done += n;
        }
        return true;
    }

    static bool hexArgument(const char *text, qsizetype bytes, QByteArray &out) {
        const QByteArray hex(text);
        if (hex.size() != bytes * 2) {
            return false;
        }
        out = QByteArray::fromHex(hex);
        return out.size() == bytes && out.toHex() == hex.toLower();
    }
};

} // namespace orion::test
