// SPDX-License-Identifier: GPL-3.0-or-later
// NodeRunner: runs one Node on its own QThread, the Quassel way: construct, moveToThread,
// start the node there; stop = requestStop -> stopped -> quit -> wait. Owns the thread; the
// node deletes itself on that thread when it finishes. Used from one (other) thread.
//
// There is one stop path and one deadline: the node's goodbye (PeerSessions::kGoodbyeMs)
// bounds how long stop() waits. A start that fails leaves the node and its thread as they
// were, and start() can be called again (say, once the port is free).
#pragma once

#include "node/Node.h"
#include "util/Result.h"
#include "util/ThreadHandOver.h"

#include <QThread>

#include <memory>

namespace orion::node {

class NodeRunner {
public:
    explicit NodeRunner(std::unique_ptr<Node> node);
    ~NodeRunner();
    NodeRunner(const NodeRunner &) = delete;
    NodeRunner &operator=(const NodeRunner &) = delete;

    // Starts the thread (the first time) and the node on it, and waits for it; returns the
    // listen endpoint ("" without a listener) or why the node could not start.
    Result<QString> start();
    // Saves, says goodbye, ends the thread and waits for it. The node is gone afterwards.
    void stop();
    // Node::setPaused on the node thread; a failed resume leaves the node paused.
    Status setPaused(bool paused);
    // True between a successful start() and stop().
    bool isRunning() const { return m_started; }
    // Valid until stop(); call into it only through queued or blocking-queued calls.
    Node *node() const { return m_node; }

    // Runs fn on the node thread and waits for it; returns what fn returns.
    template <typename Fn>
    auto call(Fn fn) -> decltype(fn()) {
        return util::handover::call(m_node, fn);
    }

private:
    QThread m_thread;
    Node *m_node = nullptr;
    bool m_started = false;
};

} // namespace orion::node
