// SPDX-License-Identifier: GPL-3.0-or-later
// Runs every case of tests/netscript/cases/*.cases. A case file holds cases like:
//
//   === name
//   --- message            (optional; also: sender, receiver, service, self)
//   {"name":"x"}
//   --- store              (optional; one "KEY JSON" per line, the store before the run)
//   counter 41
//   --- script
//   (defun main () ...)
//   --- effects            (exact JSON lines, in order; empty for none)
//   {"effect":"reply","body":"x"}
//   --- error              (instead of, or after, effects: "LINE:COL: part of the message")
//   3:5: division by zero
#include "script/Compiler.h"
#include "script/Instance.h"
#include "script/MemoryStore.h"

#include <QDir>
#include <QFile>
#include <QtTest>

using namespace orion::script;

namespace {

struct Case {
    QString name;
    QMap<QString, QString> sections;
};

QList<Case> readCases(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    QList<Case> cases;
    QString section;
    for (const QString &line : QString::fromUtf8(f.readAll()).split(u'\n')) {
        if (line.startsWith(QLatin1String("=== "))) {
            cases.append(Case{line.mid(4).trimmed(), {}});
            section.clear();
        } else if (line.startsWith(QLatin1String("--- ")) && !cases.isEmpty()) {
            section = line.mid(4).trimmed();
            cases.last().sections.insert(section, QString());
        } else if (!cases.isEmpty() && !section.isEmpty()) {
            QString &text = cases.last().sections[section];
            text += line + u'\n';
        }
    }
    return cases;
}

QString trimmedEnd(QString s) {
    while (s.endsWith(u'\n')) {
        s.chop(1);
    }
    return s;
}

} // namespace

class TestNetScriptGolden : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void golden_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("script");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("sender");
        QTest::addColumn<QString>("receiver");
        QTest::addColumn<QString>("service");
        QTest::addColumn<QString>("self");
        QTest::addColumn<QString>("store");
        QTest::addColumn<QString>("effects");
        QTest::addColumn<QString>("error");
        QTest::addColumn<bool>("hasError");

        const QDir dir(QStringLiteral(NETSCRIPT_CASES_DIR));
        int total = 0;
        QSet<QString> names;
        for (const QString &file : dir.entryList({QStringLiteral("*.cases")}, QDir::Files)) {
            for (const Case &c : readCases(dir.filePath(file))) {
                const QString id = file + u'/' + c.name;
                QVERIFY2(!names.contains(id), qPrintable(QStringLiteral("duplicate case ") + id));
                names.insert(id);
                QVERIFY2(c.sections.contains(QStringLiteral("script")), qPrintable(id));
                QVERIFY2(c.sections.contains(QStringLiteral("effects")) ||
                             c.sections.contains(QStringLiteral("error")),
                         qPrintable(QStringLiteral("case without expectation: ") + id));
                const QString zero(40, u'0');
                auto get = [&](const char *k, const QString &def = QString()) {
                    const QString key = QLatin1String(k);
                    return c.sections.contains(key) ? trimmedEnd(c.sections.value(key)) : def;
                };
                QTest::newRow(qPrintable(id))
                    << file << c.sections.value(QStringLiteral("script")) << get("message")
                    << get("sender", zero) << get("receiver", zero) << get("service")
                    << get("self", get("receiver", zero)) << get("store") << get("effects")
                    << get("error") << c.sections.contains(QStringLiteral("error"));
                ++total;
            }
        }
        QVERIFY2(total >= 100, qPrintable(QStringLiteral("only %1 golden cases").arg(total)));
    }

    void golden() {
        QFETCH(QString, file);
        QFETCH(QString, script);
        QFETCH(QString, message);
        QFETCH(QString, sender);
        QFETCH(QString, receiver);
        QFETCH(QString, service);
        QFETCH(QString, self);
        QFETCH(QString, store);
        QFETCH(QString, effects);
        QFETCH(QString, error);
        QFETCH(bool, hasError);

        QString actualError;
        QStringList lines;
        Diagnostic diagnostic;
        auto program = Compiler::compile(script, file, &diagnostic);
        if (!program) {
            QVERIFY(program.error().startsWith(file + u':'));
            actualError = QStringLiteral("%1:%2: %3")
                              .arg(diagnostic.line)
                              .arg(diagnostic.column)
                              .arg(diagnostic.message);
        } else {
            MemoryStore memory;
            for (const QString &line : store.split(u'\n', Qt::SkipEmptyParts)) {
                const qsizetype space = line.indexOf(u' ');
                memory.put(line.left(space), line.mid(space + 1).toUtf8());
            }
            MessageInput input = MessageInput::fromText(message);
            input.sender = sender;
            input.receiver = receiver;
            input.service = service;
            input.self = self;
            const RunResult result = Instance::run(**program, input, memory);
            for (const Effect &e : result.effects) {
                lines << e.toJsonLine();
            }
            if (!result.ok) {
                actualError = QStringLiteral("%1:%2: %3")
                                  .arg(result.error.line)
                                  .arg(result.error.column)
                                  .arg(result.error.message);
            }
            QCOMPARE(lines.join(u'\n'), effects);
        }
        if (!hasError) {
            QCOMPARE(actualError, QString());
            return;
        }
        // "LINE:COL: text": the position must match exactly, the text is a substring.
        const qsizetype colon = error.indexOf(u':', error.indexOf(u':') + 1);
        const QString position = error.left(colon);
        const QString text = error.mid(colon + 1).trimmed();
        QVERIFY2(!actualError.isEmpty(), "expected an error, the run succeeded");
        QCOMPARE(actualError.left(actualError.indexOf(u':', actualError.indexOf(u':') + 1)),
                 position);
        QVERIFY2(actualError.contains(text),
                 qPrintable(QStringLiteral("error '%1' lacks '%2'").arg(actualError, text)));
    }
};

QTEST_GUILESS_MAIN(TestNetScriptGolden)
#include "tst_netscript_golden.moc"
