// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/NodeRunner.h"

namespace orion::node {

NodeRunner::NodeRunner(std::unique_ptr<Node> node)
    : m_node(node.release()) {
    m_node->moveToThread(&m_thread);
    m_thread.setObjectName(QStringLiteral("node-") + m_node->nodeId().shortHex());
    QObject::connect(m_node, &Node::stopped, &m_thread, &QThread::quit, Qt::DirectConnection);
    // The node goes on its own thread as the thread finishes; stop() returns after that.
    QObject::connect(&m_thread, &QThread::finished, [this, node = m_node] {
        delete node;
        util::handover::release(&m_thread);
    });
}

NodeRunner::~NodeRunner() {
    stop();
    if (!m_thread.isFinished() && m_node) {
        // Never started: the node still belongs to a thread that never ran.
        delete m_node;
    }
}

Result<QString> NodeRunner::start() {
    if (!m_node) {
        return Result<QString>::failure(ErrorCode::InvalidArgument,
                                        QStringLiteral("the node has been stopped"));
    }
    if (m_started) {
        return call([this] { return m_node->status().listenEndpoint; });
    }
    if (!m_thread.isRunning()) {
        m_thread.start();
    }
    Status started;
    QString endpoint;
    util::handover::call(m_node, [&] {
        started = m_node->start();
        endpoint = started ? m_node->status().listenEndpoint : QString();
    });
    if (!started) {
        return Result<QString>::failure(started.errorValue());
    }
    m_started = true;
    return endpoint;
}

Status NodeRunner::setPaused(bool paused) {
    if (!m_started) {
        return Status::failure(ErrorCode::InvalidArgument,
                               QStringLiteral("the node is not running"));
    }
    return call([this, paused] { return m_node->setPaused(paused); });
}

void NodeRunner::stop() {
    if (!m_thread.isRunning()) {
        return;
    }
    Node *node = m_node;
    util::handover::post(node, [node] { node->requestStop(); });
    m_thread.wait();
    util::handover::acquire(&m_thread);
    m_node = nullptr;
    m_started = false;
}

} // namespace orion::node
