// SPDX-License-Identifier: GPL-3.0-or-later
// The script editor's line-number gutter (as wide as the highest number needs, a number
// painted beside every line, the error's number in the accent colour) and going to an error.
#include "widgets/ScriptEditor.h"

#include <QImage>
#include <QTextBlock>
#include <QtTest>

using orion::app::widgets::ScriptEditor;

namespace {
QString lines(int count) {
    QStringList text;
    for (int i = 1; i <= count; ++i) {
        text.append(QStringLiteral("(log \"line %1\")").arg(i));
    }
    return text.join(QLatin1Char('\n'));
}

// In the gutter's rows [top, bottom): the pixels unlike `background`, or with `coloured` the
// pixels with a colour of their own (the accent, also where antialiasing blends it with the
// background), not the greys of plain numbers.
int pixelsIn(const QImage &image, int top, int bottom, const QColor &background,
             bool coloured = false) {
    int count = 0;
    for (int y = std::max(0, top); y < std::min(bottom, image.height()); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            if (coloured ? pixel.hsvSaturation() > 60 : pixel != background) {
                ++count;
            }
        }
    }
    return count;
}
} // namespace

class TestScriptEditor : public QObject {
    Q_OBJECT

private:
    // The vertical band line `number` (1-based) takes in the gutter.
    static std::pair<int, int> band(ScriptEditor &editor, int number) {
        const QTextBlock block = editor.document()->findBlockByNumber(number - 1);
        const QRect rect = editor.cursorRect(QTextCursor(block));
        const QPoint top = editor.lineNumberArea()->mapFromGlobal(
            editor.viewport()->mapToGlobal(QPoint(0, rect.top())));
        return {top.y(), top.y() + rect.height()};
    }

private Q_SLOTS:
    void gutterGrowsWithTheDigits() {
        ScriptEditor editor;
        editor.resize(500, 300);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        const int digit = editor.fontMetrics().horizontalAdvance(QLatin1Char('9'));
        QVERIFY(digit > 0);
        editor.setPlainText(lines(9));
        const int nine = editor.lineNumberAreaWidth();
        QCOMPARE(editor.lineNumberArea()->width(), nine);
        editor.setPlainText(lines(10));
        const int ten = editor.lineNumberAreaWidth();
        editor.setPlainText(lines(100));
        const int hundred = editor.lineNumberAreaWidth();
        QCOMPARE(ten - nine, digit);
        QCOMPARE(hundred - ten, digit);
        QCOMPARE(editor.lineNumberArea()->width(), hundred);
        // The text starts right of the gutter, not under it.
        QVERIFY(editor.viewport()->geometry().left() >=
                editor.lineNumberArea()->geometry().right());
        editor.setPlainText(lines(99));
        QCOMPARE(editor.lineNumberAreaWidth(), ten);
        QCOMPARE(editor.lineNumberArea()->width(), ten);
    }

    void gutterPaintsANumberForEveryLine() {
        ScriptEditor editor;
        editor.resize(500, 400);
        editor.setPlainText(lines(6) + QStringLiteral("\n\n"));
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QWidget *gutter = editor.lineNumberArea();
        const QImage image = gutter->grab().toImage();
        const QColor background = editor.palette().color(QPalette::AlternateBase);
        QCOMPARE(image.pixelColor(0, 0), background);
        for (int line = 1; line <= 8; ++line) {
            const auto [top, bottom] = band(editor, line);
            QVERIFY2(bottom <= image.height(), "the line is visible");
            QVERIFY2(pixelsIn(image, top, bottom, background) > 0,
                     qPrintable(QStringLiteral("no number beside line %1").arg(line)));
        }
        // Below the last line, nothing.
        const auto [lastTop, lastBottom] = band(editor, 8);
        Q_UNUSED(lastTop);
        QCOMPARE(pixelsIn(image, lastBottom + 1, image.height(), background), 0);
    }

    void errorLineNumberStandsOutAndTheCursorGoesThere() {
        ScriptEditor editor;
        editor.resize(500, 400);
        editor.setPlainText(lines(5));
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QVERIFY(!editor.goToError()); // no error yet
        const QColor accent = editor.palette().color(QPalette::Highlight);
        const QColor background = editor.palette().color(QPalette::AlternateBase);
        // The accent has a colour of its own, the background and plain numbers are grey.
        QVERIFY(accent.hsvSaturation() > 120);
        QVERIFY(background.hsvSaturation() < 20);
        QImage image = editor.lineNumberArea()->grab().toImage();
        const auto [top3, bottom3] = band(editor, 3);
        QCOMPARE(pixelsIn(image, top3, bottom3, background, true), 0);

        editor.markError(3, 6, QStringLiteral("unknown function"));
        image = editor.lineNumberArea()->grab().toImage();
        QVERIFY(pixelsIn(image, top3, bottom3, background, true) > 0);
        const auto [top2, bottom2] = band(editor, 2);
        QCOMPARE(pixelsIn(image, top2, bottom2, background, true), 0);

        editor.moveCursor(QTextCursor::End);
        QVERIFY(editor.goToError());
        QCOMPARE(editor.textCursor().blockNumber(), 2);
        QCOMPARE(editor.textCursor().positionInBlock(), 5);
        // A column past the end of the line stops at its end.
        editor.markError(2, 400, QStringLiteral("unbalanced"));
        QVERIFY(editor.goToError());
        QCOMPARE(editor.textCursor().blockNumber(), 1);
        QCOMPARE(editor.textCursor().positionInBlock(),
                 editor.document()->findBlockByNumber(1).length() - 1);
        editor.clearError();
        QVERIFY(!editor.goToError());
    }

    void errorFarDownIsScrolledIntoView() {
        ScriptEditor editor;
        editor.resize(400, 150);
        editor.setPlainText(lines(200));
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        editor.moveCursor(QTextCursor::Start);
        editor.markError(180, 2, QStringLiteral("x"));
        QVERIFY(editor.goToError());
        QVERIFY(editor.viewport()->rect().contains(editor.cursorRect().center()));
        QCOMPARE(editor.textCursor().blockNumber(), 179);
    }
};

QTEST_MAIN(TestScriptEditor)
#include "tst_scripteditor.moc"
