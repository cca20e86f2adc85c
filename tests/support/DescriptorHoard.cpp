// SPDX-License-Identifier: GPL-3.0-or-later
#include "DescriptorHoard.h"

#include <QDir>

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace orion::test {

namespace {

int highestOpenDescriptor() {
    int highest = 0;
    const QDir fds(QStringLiteral("/proc/self/fd"));
    for (const QString &name : fds.entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot)) {
        highest = std::max(highest, name.toInt());
    }
    return highest;
}

} // namespace

DescriptorHoard::DescriptorHoard() {
    getrlimit(RLIMIT_NOFILE, &m_saved);
    rlimit low = m_saved;
    low.rlim_cur = std::min<rlim_t>(m_saved.rlim_cur, rlim_t(highestOpenDescriptor() + 64));
    setrlimit(RLIMIT_NOFILE, &low);
    for (;;) {
        const int fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            m_exhausted = errno == EMFILE;
            break;
        }
        m_fds.push_back(fd);
    }
}

DescriptorHoard::~DescriptorHoard() {
    release();
}

void DescriptorHoard::spare() {
    if (!m_fds.empty()) {
        ::close(m_fds.back());
        m_fds.pop_back();
    }
}

void DescriptorHoard::release() {
    for (const int fd : m_fds) {
        ::close(fd);
    }
    m_fds.clear();
    setrlimit(RLIMIT_NOFILE, &m_saved);
}

} // namespace orion::test
