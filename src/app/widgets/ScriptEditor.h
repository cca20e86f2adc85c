// SPDX-License-Identifier: GPL-3.0-or-later
// ScriptEditor: a plain-text editor for NET-Script with highlighting and one error marker
// (a wavy underline at the reported line and column, the line tinted). GUI thread.
#pragma once

#include <QPlainTextEdit>

namespace orion::app::widgets {

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

protected:
    void changeEvent(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    void applyMarker();

    NetScriptHighlighter *m_highlighter;
    int m_errorLine = 0;
    int m_errorColumn = 0;
    QString m_errorMessage;
};

} // namespace orion::app::widgets
