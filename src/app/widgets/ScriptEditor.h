// SPDX-License-Identifier: GPL-3.0-or-later
// ScriptEditor: a plain-text editor for NET-Script with highlighting, a line-number gutter and
// one error marker (a wavy underline at the reported line and column, the line tinted, its
// number in the accent colour). GUI thread.
#pragma once

#include <QPlainTextEdit>

namespace orion::app::widgets {

class LineNumberArea;
class NetScriptHighlighter;

class ScriptEditor : public QPlainTextEdit {
    Q_OBJECT

public:
    explicit ScriptEditor(QWidget *parent = nullptr);

    // Marks the error at 1-based `line` and `column`; the marker stays until cleared or
    // the next check.
    void markError(int line, int column, const QString &message);
    void clearError();
    bool hasError() const { return m_errorLine > 0; }
    int errorLine() const { return m_errorLine; }
    int errorColumn() const { return m_errorColumn; }
    // Puts the cursor at the marked error (line and column), scrolls to it and takes focus;
    // false without an error.
    bool goToError();

    // The gutter: as wide as the digits of the highest line number, and a space.
    QWidget *lineNumberArea() const;
    int lineNumberAreaWidth() const;
    void paintLineNumbers(QPaintEvent *event);

protected:
    void changeEvent(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void applyMarker();
    void updateGutterWidth();
    void updateGutter(const QRect &rect, int dy);

    NetScriptHighlighter *m_highlighter;
    LineNumberArea *m_gutter;
    int m_errorLine = 0;
    int m_errorColumn = 0;
    QString m_errorMessage;
};

} // namespace orion::app::widgets
