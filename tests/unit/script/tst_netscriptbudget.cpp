// SPDX-License-Identifier: GPL-3.0-or-later
// Every built-in whose work grows with its input is charged for that work as script/Cost.h
// prices it (bytes scanned, copied or hashed; list and map elements), a budget smaller than
// the work ends the instance inside that built-in, and a long built-in reads the clock while
// it works.
#include "script/Compiler.h"
#include "script/Cost.h"
#include "script/Instance.h"
#include "script/MemoryStore.h"

#include <QtTest>

using namespace orion::script;

namespace {

// 256 KiB of "abcdefg," (32,768 comma-separated parts).
constexpr int kSize = 256 * 1024;
constexpr int kParts = kSize / 8;
constexpr int kKeys = 16384;

QString csvMessage() {
    return QStringLiteral("abcdefg,").repeated(kSize / 8);
}

// The classic worst case of a naive search: a haystack of one letter, a long needle that
// differs only in its last byte.
QString sameLetterMessage() {
    return QString(kSize, u'a');
}

QString jsonObjectMessage() {
    QString s = QStringLiteral("{");
    for (int i = 0; i < kKeys; ++i) {
        s += QStringLiteral("%1\"key%2\":%2").arg(i ? QStringLiteral(",") : QString()).arg(i);
    }
    return s + u'}';
}

QString messageFor(const QString &kind) {
    if (kind == u"a") {
        return sameLetterMessage();
    }
    if (kind == u"json") {
        return jsonObjectMessage();
    }
    return csvMessage();
}

std::shared_ptr<const Program> compile(const QString &source) {
    auto p = Compiler::compile(source, QStringLiteral("budget.ns"));
    if (!p) {
        qFatal("%s", qPrintable(p.error()));
    }
    return *p;
}

// The operation under test is always the form at line 3, column 3.
QString program(const QString &setup, const QString &op) {
    return QStringLiteral("(defun main ()\n  (let x %1)\n  %2)").arg(setup, op);
}

RunResult run(const QString &source, const QString &message, const Limits &limits) {
    MemoryStore store;
    // A stored value as large as the message, for store-get.
    QByteArray big = "\"";
    big += QByteArray(kSize, 'b');
    big += '"';
    store.put(QStringLiteral("big"), big);
    return Instance::run(*compile(source), MessageInput::fromText(message), store, limits);
}

} // namespace

class TestNetScriptBudget : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void builtinIsChargedForItsWork_data() {
        QTest::addColumn<QString>("message"); // csv, a or json
        QTest::addColumn<QString>("setup");   // x, made before the operation
        QTest::addColumn<QString>("op");
        QTest::addColumn<qint64>("work"); // instructions op must be charged at least

        const QString zeros = QStringLiteral("\"%1\"").arg(QString(40, u'0'));
        const QString pair = QStringLiteral("(list MESSAGE (concat MESSAGE \"\"))");
        const QString needle = QStringLiteral("(list MESSAGE (concat (substring MESSAGE 0 "
                                              "16384) \"b\"))");
        auto row = [](const char *name, const char *message, const QString &setup,
                      const QString &op, qint64 work) {
            QTest::newRow(name) << QString::fromLatin1(message) << setup << op << work;
        };
        const QString m = QStringLiteral("MESSAGE");
        const QString parts = QStringLiteral("(split MESSAGE \",\")");

        row("concat", "csv", m, QStringLiteral("(concat x x)"), Cost::copy(2 * kSize));
        row("length", "csv", QStringLiteral("(concat MESSAGE \"\u00e9\")"),
            QStringLiteral("(length x)"), kSize);
        row("substring", "csv", QStringLiteral("(concat MESSAGE \"\u00e9\")"),
            QStringLiteral("(substring x 1)"), kSize);
        row("upcase", "csv", m, QStringLiteral("(upcase x)"), kSize);
        row("downcase", "csv", QStringLiteral("(concat MESSAGE \"\u00c9\")"),
            QStringLiteral("(downcase x)"), kSize);
        row("trim", "csv", QStringLiteral("(concat \" \" MESSAGE \" \")"),
            QStringLiteral("(trim x)"), Cost::copy(kSize));
        row("split", "csv", m, QStringLiteral("(split x \",\")"), kSize);
        row("split-chars", "csv", QStringLiteral("(substring MESSAGE 0 65536)"),
            QStringLiteral("(split x \"\")"), 65536);
        row("join", "csv", parts, QStringLiteral("(join x \"+\")"), Cost::copy(kSize));
        row("contains-string", "csv", m, QStringLiteral("(contains x \"abcdefgh\")"), kSize);
        row("contains-list", "csv", parts, QStringLiteral("(contains x \"zzz\")"), kParts);
        row("contains-map", "csv",
            QStringLiteral("(list (make-map MESSAGE 1) (concat MESSAGE \"\"))"),
            QStringLiteral("(contains (car x) (nth 1 x))"), 2 * Cost::copy(kSize));
        row("starts-with", "csv", pair, QStringLiteral("(starts-with (car x) (nth 1 x))"),
            Cost::copy(kSize));
        row("ends-with", "csv", pair, QStringLiteral("(ends-with (car x) (nth 1 x))"),
            Cost::copy(kSize));
        row("replace", "csv", m, QStringLiteral("(replace x \",\" \";\")"), kSize);
        row("string-to-number", "csv",
            QStringLiteral("(replace MESSAGE \"abcdefg,\" \"12345678\")"),
            QStringLiteral("(string-to-number x)"), kSize);
        row("equal-strings", "csv", pair, QStringLiteral("(= (car x) (nth 1 x))"),
            Cost::copy(kSize));
        row("compare-strings", "csv", pair, QStringLiteral("(< (car x) (nth 1 x))"),
            Cost::copy(kSize));
        row("cdr", "csv", parts, QStringLiteral("(cdr x)"), kParts);
        row("cons", "csv", parts, QStringLiteral("(cons 1 x)"), kParts);
        row("append", "csv", parts, QStringLiteral("(append x x)"), 2 * kParts);
        row("make-map", "csv", QStringLiteral("(concat MESSAGE \"\")"),
            QStringLiteral("(make-map x 1)"), 2 * Cost::copy(kSize));
        row("get", "csv", QStringLiteral("(list (make-map MESSAGE 1) (concat MESSAGE \"\"))"),
            QStringLiteral("(get (car x) (nth 1 x))"), 2 * Cost::copy(kSize));
        row("put", "csv", parts, QStringLiteral("(put (make-map) \"k\" x)"), kParts);
        row("keys", "json", QStringLiteral("(json-parse MESSAGE)"), QStringLiteral("(keys x)"),
            kKeys);
        row("json-parse", "json", m, QStringLiteral("(json-parse x)"), jsonObjectMessage().size());
        row("json-encode-string", "csv", m, QStringLiteral("(json-encode x)"), kSize);
        row("json-encode-list", "csv", parts, QStringLiteral("(json-encode x)"), kSize);
        row("reply", "csv", m, QStringLiteral("(reply x)"), kSize);
        row("route", "csv", m, QStringLiteral("(route x %1)").arg(zeros), kSize);
        row("log", "csv", m, QStringLiteral("(log x)"), kSize);
        row("store-put", "csv", m, QStringLiteral("(store-put \"k\" x)"), kSize);
        row("store-get", "csv", QStringLiteral("nil"), QStringLiteral("(store-get \"big\")"),
            kSize);
        // The search attack: a naive search costs haystack × needle here.
        row("contains-long-needle", "a", needle, QStringLiteral("(contains (car x) (nth 1 x))"),
            kSize);
        row("split-long-needle", "a", needle, QStringLiteral("(split (car x) (nth 1 x))"), kSize);
        row("replace-long-needle", "a", needle, QStringLiteral("(replace (car x) (nth 1 x) \"\")"),
            kSize);
    }

    void builtinIsChargedForItsWork() {
        QFETCH(QString, message);
        QFETCH(QString, setup);
        QFETCH(QString, op);
        QFETCH(qint64, work);
        const QString text = messageFor(message);

        // Positive control: with the default limits the operation succeeds.
        const RunResult base = run(program(setup, QStringLiteral("nil")), text, Limits());
        QVERIFY2(base.ok, qPrintable(base.error.message));
        const RunResult full = run(program(setup, op), text, Limits());
        QVERIFY2(full.ok, qPrintable(full.error.message));
        const qint64 charged = qint64(full.instructions) - qint64(base.instructions);
        QVERIFY2(charged >= work, qPrintable(QStringLiteral("charged %1 instructions for at "
                                                            "least %2 units of work")
                                                 .arg(charged)
                                                 .arg(work)));

        // A budget that covers the setup but only half the work ends the instance inside
        // the operation.
        Limits tight;
        tight.maxInstructions = base.instructions + uint64_t(work / 2);
        const RunResult cut = run(program(setup, op), text, tight);
        QVERIFY(!cut.ok);
        QVERIFY2(cut.error.message.contains(QLatin1String("instruction budget exhausted")),
                 qPrintable(cut.error.message));
        QCOMPARE(cut.error.line, 3);
        QCOMPARE(cut.error.column, 3);
    }

    void longBuiltinReadsTheClock() {
        // No loop and no call: the only place the clock can be read is inside 'contains'.
        const auto p = QStringLiteral("(defun main ()\n  (contains MESSAGE \"ab\"))");
        Limits expired;
        expired.maxInstructions = 1ull << 50;
        expired.maxWallClockMs = 0; // the deadline has passed before the first check
        const RunResult r = run(p, sameLetterMessage(), expired);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.message.contains(QLatin1String("time limit exceeded")),
                 qPrintable(r.error.message));
        QCOMPARE(r.error.line, 2);
        QCOMPARE(r.error.column, 3);

        // Positive control: with time to spare the same search completes.
        Limits ample = expired;
        ample.maxWallClockMs = 60000;
        const RunResult ok = run(p, sameLetterMessage(), ample);
        QVERIFY2(ok.ok, qPrintable(ok.error.message));
    }

    void searchesFindWhatTheyShould() {
        // The linear search must agree with the obvious one, including overlapping and
        // periodic needles and matches at both ends.
        const auto p = compile(QStringLiteral(
            "(defun main ()\n"
            "  (log (contains \"aaaaaaaaab\" \"aaab\") (contains \"abababac\" \"ababac\")\n"
            "       (contains \"abc\" \"abcd\") (contains \"xabc\" \"abc\") (contains \"\" \"\"))\n"
            "  (log (split \"aXXbXXXXc\" \"XX\") (split \"abab\" \"ab\"))\n"
            "  (log (replace \"aaaa\" \"aa\" \"b\") (replace \"abcabc\" \"cab\" \"-\")))"));
        MemoryStore store;
        const RunResult r = Instance::run(*p, MessageInput(), store);
        QVERIFY2(r.ok, qPrintable(r.error.message));
        QCOMPARE(r.effects.at(0).body, QStringLiteral("t t nil t t"));
        QCOMPARE(r.effects.at(1).body, QStringLiteral("[\"a\",\"b\",\"\",\"c\"] [\"\",\"\",\"\"]"));
        QCOMPARE(r.effects.at(2).body, QStringLiteral("bb ab-c"));
    }
};

QTEST_GUILESS_MAIN(TestNetScriptBudget)
#include "tst_netscriptbudget.moc"
