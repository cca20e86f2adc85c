// SPDX-License-Identifier: GPL-3.0-or-later
#include "script/Compiler.h"
#include "script/Instance.h"
#include "script/MemoryStore.h"

#include <QThreadPool>
#include <QtConcurrent>
#include <QtTest>

using namespace orion::script;

namespace {

std::shared_ptr<const Program> compile(const char *source) {
    auto p = Compiler::compile(QString::fromUtf8(source), QStringLiteral("test.ns"));
    if (!p) {
        qFatal("%s", qPrintable(p.error()));
    }
    return *p;
}

RunResult run(const Program &p, const Limits &limits = Limits(), const QString &message = {}) {
    MemoryStore store;
    return Instance::run(p, MessageInput::fromText(message), store, limits);
}

} // namespace

class TestNetScriptSandbox : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void endlessLoopStopsAtInstructionBudget() {
        const auto p = compile("(defun main () (let i 0) (while t (set i (+ i 1))))");
        Limits limits;
        limits.maxInstructions = 100000;
        limits.maxWallClockMs = 60000; // the instruction budget must end it, not the clock
        const RunResult r = run(*p, limits);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.message.contains(QLatin1String("instruction budget exhausted")),
                 qPrintable(r.error.message));
        QCOMPARE(r.error.line, 1);
        QCOMPARE(r.error.column, 26);
        QVERIFY(r.instructions >= limits.maxInstructions);
        // It ends right at the budget, not at some later check.
        QVERIFY(r.instructions < limits.maxInstructions + 1000);
    }

    void defaultBudgetStopsAnEndlessLoop() {
        const auto p = compile("(defun main () (while t nil))");
        Limits limits;
        limits.maxWallClockMs = 60000; // the instruction budget must end it, not the clock
        const RunResult r = run(*p, limits);
        QVERIFY(!r.ok);
        QVERIFY(r.error.message.contains(QLatin1String("instruction budget")));
    }

    void runawayRecursionStopsAtDepthLimit() {
        const auto p = compile("(defun down (n) (+ 1 (down (+ n 1))))\n(defun main () (down 0))");
        Limits limits;
        limits.maxCallDepth = 50;
        const RunResult r = run(*p, limits);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.message.contains(QLatin1String("call depth limit exceeded (limit 50")),
                 qPrintable(r.error.message));
        QCOMPARE(r.error.line, 1);
        QCOMPARE(r.error.column, 22);
        // A depth that fits is fine.
        const auto ok = compile("(defun down (n) (if (= n 0) 0 (+ 1 (down (- n 1)))))\n"
                                "(defun main () (log (down 48)))");
        QVERIFY(run(*ok, limits).ok);
    }

    void deepRecursionWithinDefaultsUsesNoNativeStack() {
        const auto p = compile("(defun down (n) (if (= n 0) 0 (+ 1 (down (- n 1)))))\n"
                               "(defun main () (log (down 99999)))");
        Limits limits;
        limits.maxCallDepth = 100001;
        limits.maxMemoryBytes = 64u << 20;
        const RunResult r = run(*p, limits);
        QVERIFY2(r.ok, qPrintable(r.error.message));
        QCOMPARE(r.effects.at(0).body, QStringLiteral("99999"));
    }

    void doublingStringStopsAtMemoryBudget() {
        const auto p = compile("(defun main () (let s \"x\") (while t (set s (concat s s))))");
        Limits limits;
        limits.maxMemoryBytes = 1u << 20;
        limits.maxWallClockMs = 60000;
        const RunResult r = run(*p, limits);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.message.contains(QLatin1String("memory budget exceeded")),
                 qPrintable(r.error.message));
        // The memory budget ended it at the concat, long before either other limit could.
        QCOMPARE(r.error.line, 1);
        QCOMPARE(r.error.column, 44);
        QVERIFY(r.instructions < limits.maxInstructions / 10);
    }

    void garbageDoesNotCountAgainstMemory() {
        // Each iteration drops the previous 128 KB string: 25 MB allocated in total, never
        // more than a few hundred KB alive.
        const auto p = compile("(defun make (n) (let s \"x\") (while (< (length s) n) "
                               "(set s (concat s s))) s)\n"
                               "(defun main () (let i 0) (while (< i 200) (let big (make 100000)) "
                               "(set i (+ i 1))))");
        Limits limits;
        limits.maxMemoryBytes = 2u << 20;
        limits.maxInstructions = 100'000'000;
        limits.maxWallClockMs = 60000;
        const RunResult r = run(*p, limits);
        QVERIFY2(r.ok, qPrintable(r.error.message));
    }

    void wallClockLimitStopsSlowWork() {
        // Every iteration does much work inside built-ins but few instructions; with no
        // instruction budget to speak of, only the clock can end it. (That the clock is read
        // inside a long built-in is shown without timing in tst_netscriptbudget.)
        const auto p =
            compile("(defun main ()\n"
                    "  (let s \"\") (let i 0)\n"
                    "  (while (< i 200000) (set s (concat s \"abcdefgh\")) (set i (+ i 1)))\n"
                    "  (let n 0)\n"
                    "  (while t (set n (+ n (length (replace s \"a\" \"b\"))))))");
        Limits limits;
        limits.maxInstructions = 1ull << 50;
        limits.maxMemoryBytes = 64u << 20;
        limits.maxWallClockMs = 200;
        const RunResult r = run(*p, limits);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.message.contains(QLatin1String("time limit exceeded (limit 200 ms)")),
                 qPrintable(r.error.message));
    }

    void aFailedInstanceDoesNotAffectTheNext() {
        const auto p = compile("(let hits 0)\n"
                               "(defun main ()\n"
                               "  (set hits (+ hits 1))\n"
                               "  (when (= MESSAGE \"loop\") (while t nil))\n"
                               "  (reply hits))");
        Limits limits;
        limits.maxInstructions = 10000;
        QVERIFY(!run(*p, limits, QStringLiteral("loop")).ok);
        const RunResult r = run(*p, limits, QStringLiteral("ok"));
        QVERIFY2(r.ok, qPrintable(r.error.message));
        QCOMPARE(r.effects.size(), size_t(1));
        QCOMPARE(r.effects[0].body, QStringLiteral("1"));
    }

    void oneProgramRunsConcurrentlyOnAThreadPool() {
        const auto p = compile("(defun fib (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))\n"
                               "(defun main ()\n"
                               "  (let m (json-parse MESSAGE))\n"
                               "  (put m \"name\" (upcase (get m \"name\")))\n"
                               "  (put m \"fib\" (fib (get m \"n\")))\n"
                               "  (store-put (get m \"name\") (get m \"n\"))\n"
                               "  (reply m))");
        QThreadPool pool;
        pool.setMaxThreadCount(4);
        MemoryStore store;
        QList<int> inputs;
        for (int i = 0; i < 400; ++i) {
            inputs << i;
        }
        const QList<QString> replies = QtConcurrent::blockingMapped(&pool, inputs, [&](int i) {
            MessageInput in = MessageInput::fromText(
                QStringLiteral("{\"name\":\"user%1\",\"n\":%2}").arg(i).arg(i % 20));
            const RunResult r = Instance::run(*p, in, store);
            return r.ok && r.effects.size() == 2 ? r.effects[1].body : r.error.message;
        });
        const int fib[] = {0,  1,  1,   2,   3,   5,   8,   13,   21,   34,
                           55, 89, 144, 233, 377, 610, 987, 1597, 2584, 4181};
        for (int i = 0; i < 400; ++i) {
            QCOMPARE(replies[i], QStringLiteral("{\"name\":\"USER%1\",\"n\":%2,\"fib\":%3}")
                                     .arg(i)
                                     .arg(i % 20)
                                     .arg(fib[i % 20]));
        }
    }

    void storeWritesAreVisibleOnlyToTheirInstance() {
        const auto p = compile("(defun main () (log (store-get \"k\")) (store-put \"k\" 2) "
                               "(log (store-get \"k\")))");
        MemoryStore store;
        store.put(QStringLiteral("k"), "1");
        const RunResult a = Instance::run(*p, MessageInput(), store);
        QVERIFY(a.ok);
        QCOMPARE(a.effects[0].body, QStringLiteral("1"));
        QCOMPARE(a.effects[2].body, QStringLiteral("2"));
        QCOMPARE(store.get(QStringLiteral("k")).value(), QByteArray("1"));
        store.apply(a.effects);
        QCOMPARE(store.get(QStringLiteral("k")).value(), QByteArray("2"));
    }

    void compileErrorsCarryPositions() {
        Diagnostic d;
        auto p = Compiler::compile(QStringLiteral("(defun main ()\n  (log \"x\"\n"),
                                   QStringLiteral("f.ns"), &d);
        QVERIFY(!p);
        QCOMPARE(d.file, QStringLiteral("f.ns"));
        QCOMPARE(d.line, 2);
        QCOMPARE(d.column, 3);
        QCOMPARE(p.error(), QStringLiteral("f.ns:2:3: error: unbalanced parentheses: this '(' "
                                           "is never closed"));
    }

    void messageBodyThatIsNotAString() {
        const auto p = compile("(defun main () (reply MESSAGE))");
        MessageInput in;
        in.body = QJsonObject{{QStringLiteral("a"), 1}};
        MemoryStore store;
        const RunResult r = Instance::run(*p, in, store);
        QVERIFY(r.ok);
        QCOMPARE(r.effects[0].body, QStringLiteral("{\"a\":1}"));
    }
};

QTEST_GUILESS_MAIN(TestNetScriptSandbox)
#include "tst_netscriptsandbox.moc"
