// SPDX-License-Identifier: GPL-3.0-or-later
// `orion-node script FILE`: compiles a NET-Script file and runs main once against an
// in-memory store, printing each effect as one JSON line.
#include "CommandSupport.h"
#include "Commands.h"

#include "script/Compiler.h"
#include "script/Instance.h"
#include "script/MemoryStore.h"

#include <QCommandLineParser>
#include <QFile>
#include <QTextStream>

namespace orion::cli {

int scriptCommand(const QStringList &args) {
    using namespace orion::script;
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The script to run."));
    const QString zero(40, u'0');
    const QCommandLineOption message(QStringLiteral("message"),
                                     QStringLiteral("Message body (text) seen as MESSAGE."),
                                     QStringLiteral("text"));
    const QCommandLineOption sender(QStringLiteral("sender"),
                                    QStringLiteral("Sender key in hex (SENDER)."),
                                    QStringLiteral("hex"), zero);
    const QCommandLineOption receiver(QStringLiteral("receiver"),
                                      QStringLiteral("Receiver key in hex (RECEIVER)."),
                                      QStringLiteral("hex"), zero);
    const QCommandLineOption service(QStringLiteral("service"),
                                     QStringLiteral("Service name (SERVICE)."),
                                     QStringLiteral("name"));
    const QCommandLineOption self(QStringLiteral("self"),
                                  QStringLiteral("The container's key in hex (SELF); defaults "
                                                 "to the receiver."),
                                  QStringLiteral("hex"));
    parser.addOptions({message, sender, receiver, service, self});
    if (auto code = parseArguments(
            parser, args,
            QStringLiteral("Compile a NET-Script file and run its main function once. Each effect "
                           "is printed as one JSON line; errors go to stderr as "
                           "FILE:LINE:COL: error: MESSAGE."))) {
        return *code;
    }

    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1) {
        err << args.value(0) << ": expected exactly one FILE (see --help)\n";
        return 2;
    }
    const QString fileName = files.first();
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        err << fileName << ":1:1: error: cannot open file: " << file.errorString() << '\n';
        return 1;
    }
    const QString source = QString::fromUtf8(file.readAll());

    auto program = Compiler::compile(source, fileName);
    if (!program) {
        err << program.error() << '\n';
        return 1;
    }
    MessageInput input = MessageInput::fromText(parser.value(message));
    input.sender = parser.value(sender);
    input.receiver = parser.value(receiver);
    input.service = parser.value(service);
    input.self = parser.isSet(self) ? parser.value(self) : input.receiver;

    MemoryStore store;
    const RunResult result = Instance::run(**program, input, store);
    for (const Effect &e : result.effects) {
        out << e.toJsonLine() << '\n';
    }
    out.flush();
    if (!result.ok) {
        err << fileName << ':' << result.error.line << ':' << result.error.column
            << ": error: " << result.error.message << '\n';
        return 1;
    }
    return 0;
}

} // namespace orion::cli
