// SPDX-License-Identifier: GPL-3.0-or-later
// DirectTcpServer: a QTcpServer whose accepted sockets are unbuffered, so reads and writes
// go straight between the kernel and the caller's buffer. Lives on the node thread.
#pragma once

#include <QTcpServer>

namespace orion::net {

// Why unbuffered: a buffered QTcpSocket keeps a 16 KiB read chunk and a 16 KiB write chunk
// for its whole life once it has been used, and copies every byte through them. A node has
// hundreds of mostly idle connections and PeerConnection reads into a buffer shared by the
// whole thread, so the chunks are pure overhead. Unsent bytes are still buffered by Qt
// (only when the kernel's send buffer is full), so backpressure works as before.
class DirectTcpServer : public QTcpServer {
    Q_OBJECT

public:
    explicit DirectTcpServer(QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr socketDescriptor) override;
};

} // namespace orion::net
