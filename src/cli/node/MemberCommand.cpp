// SPDX-License-Identifier: GPL-3.0-or-later
// orion-node member export | import: the verbs orionctl uses for member files, here for a
// profile whether its node runs or not (export-member and add-peer are the older names).
#include "CommandSupport.h"
#include "Commands.h"

#include <QTextStream>

namespace orion::cli {

int memberCommand(const QStringList &args) {
    const QString action = args.value(1);
    QStringList rest = args.mid(2);
    rest.prepend(args.value(0) + u' ' + action);
    if (action == u"export") {
        return exportMemberCommand(rest);
    }
    if (action == u"import") {
        return addPeerCommand(rest);
    }
    QTextStream out(action.isEmpty() || action == u"--help" || action == u"-h" ? stdout : stderr);
    out << "Usage: " << args.value(0) << " export|import [options]\n\n"
        << "  export [FILE]      write this node's signed member file (others import it)\n"
        << "  import FILE        add a peer's member file to bootstrap from\n\n"
        << "Run '" << args.value(0) << " <export|import> --help' for their options.\n";
    if (action == u"--help" || action == u"-h") {
        return 0;
    }
    if (!action.isEmpty()) {
        QTextStream(stderr) << args.value(0) << ": unknown action '" << action << "'\n";
    }
    return 2;
}

} // namespace orion::cli
