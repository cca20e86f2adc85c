// SPDX-License-Identifier: GPL-3.0-or-later
// NodeThread: runs one Node on its own QThread, the Quassel way: construct, moveToThread,
// start() on QThread::started; stop = requestStop -> stopped -> quit -> wait. Owns the
// thread; the node deletes itself on that thread when it finishes. Used from one thread.
#pragma once

#include "node/Node.h"
#include "util/Result.h"

#include <QThread>

#include <memory>

namespace orion::node {

class NodeThread {
public:
    explicit NodeThread(std::unique_ptr<Node> node);
    ~NodeThread();
    NodeThread(const NodeThread &) = delete;
    NodeThread &operator=(const NodeThread &) = delete;

    // Starts the thread and waits until the node listens (or started without listening);
    // returns the listen endpoint ("" with --no-listen) or why it could not start.
    Result<QString> start();
    // Saves, says goodbye, ends the thread and waits for it. The node is gone afterwards.
    void stop();
    bool isRunning() const { return m_thread.isRunning(); }
    // Valid until stop(); call into it only through queued or blocking-queued calls.
    Node *node() const { return m_node; }

    // Runs fn on the node thread and waits for it.
    template <typename Fn>
    void call(Fn fn) {
        QMetaObject::invokeMethod(m_node, fn, Qt::BlockingQueuedConnection);
    }

private:
    QThread m_thread;
    Node *m_node = nullptr;
};

} // namespace orion::node
