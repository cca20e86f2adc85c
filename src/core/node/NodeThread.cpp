// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/NodeThread.h"

#include <QSemaphore>

namespace orion::node {

NodeThread::NodeThread(std::unique_ptr<Node> node)
    : m_node(node.release()) {
    m_node->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::started, m_node, &Node::start);
    QObject::connect(m_node, &Node::stopped, &m_thread, &QThread::quit, Qt::DirectConnection);
    QObject::connect(&m_thread, &QThread::finished, m_node, &QObject::deleteLater);
}

NodeThread::~NodeThread() {
    stop();
    if (!m_thread.isFinished() && m_node) {
        // Never started: the node still belongs to a thread that never ran.
        delete m_node;
    }
}

Result<QString> NodeThread::start() {
    QString endpoint;
    QString failure;
    // start() runs on the thread as soon as it starts and emits listening or startFailed
    // from there; a queued marker behind it tells us that start() has completed.
    auto onListening = QObject::connect(
        m_node, &Node::listening, m_node, [&](const QString &e) { endpoint = e; },
        Qt::DirectConnection);
    auto onFailed = QObject::connect(
        m_node, &Node::startFailed, m_node, [&](const QString &reason) { failure = reason; },
        Qt::DirectConnection);
    QSemaphore done;
    QMetaObject::invokeMethod(
        m_node, [&done] { done.release(); }, Qt::QueuedConnection);
    m_thread.setObjectName(QStringLiteral("node-") + m_node->nodeId().shortHex());
    m_thread.start();
    done.acquire();
    QObject::disconnect(onListening);
    QObject::disconnect(onFailed);
    if (!failure.isEmpty()) {
        stop();
        return Result<QString>::failure(failure);
    }
    return endpoint;
}

void NodeThread::stop() {
    if (!m_thread.isRunning()) {
        return;
    }
    QMetaObject::invokeMethod(m_node, &Node::requestStop, Qt::QueuedConnection);
    m_thread.wait();
    m_node = nullptr;
}

} // namespace orion::node
