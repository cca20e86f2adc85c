// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/ScriptEditor.h"

#include "widgets/NetScriptHighlighter.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QTextBlock>
#include <QToolTip>

namespace orion::app::widgets {

ScriptEditor::ScriptEditor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_highlighter(new NetScriptHighlighter(document())) {
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(2 * fontMetrics().horizontalAdvance(QLatin1Char(' ')));
    m_highlighter->setPalette(palette());
}

void ScriptEditor::markError(int line, int column, const QString &message) {
    m_errorLine = std::max(1, line);
    m_errorColumn = std::max(1, column);
    m_errorMessage = message;
    applyMarker();
}

void ScriptEditor::clearError() {
    m_errorLine = 0;
    m_errorColumn = 0;
    m_errorMessage.clear();
    applyMarker();
}

void ScriptEditor::applyMarker() {
    QList<QTextEdit::ExtraSelection> selections;
    const QTextBlock block = document()->findBlockByNumber(m_errorLine - 1);
    if (m_errorLine > 0 && block.isValid()) {
        const QColor accent = palette().color(QPalette::Highlight);

        QTextEdit::ExtraSelection line;
        line.format.setBackground(palette().color(QPalette::AlternateBase));
        line.format.setProperty(QTextFormat::FullWidthSelection, true);
        line.cursor = QTextCursor(block);
        selections.append(line);

        // Underline the token the error points at (at least one character).
        const QString text = block.text();
        int start = std::min(int(text.size()), m_errorColumn - 1);
        int end = start;
        while (end < text.size() && !text.at(end).isSpace() && text.at(end) != QLatin1Char('(') &&
               text.at(end) != QLatin1Char(')')) {
            ++end;
        }
        if (end == start && start < text.size()) {
            ++end;
        } else if (end == start && start > 0) {
            --start; // the error is at the end of the line: mark its last character
        }
        QTextEdit::ExtraSelection token;
        token.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        token.format.setUnderlineColor(accent);
        QColor tint = accent;
        tint.setAlphaF(0.25f);
        token.format.setBackground(tint);
        token.format.setToolTip(m_errorMessage);
        token.cursor = QTextCursor(block);
        token.cursor.setPosition(block.position() + start);
        token.cursor.setPosition(block.position() + end, QTextCursor::KeepAnchor);
        selections.append(token);
    }
    setExtraSelections(selections);
}

bool ScriptEditor::viewportEvent(QEvent *event) {
    if (event->type() == QEvent::ToolTip && m_errorLine > 0) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QTextCursor at = cursorForPosition(help->pos());
        if (at.blockNumber() == m_errorLine - 1) {
            QToolTip::showText(help->globalPos(), m_errorMessage, this);
            return true;
        }
    }
    return QPlainTextEdit::viewportEvent(event);
}

void ScriptEditor::changeEvent(QEvent *event) {
    if (event->type() == QEvent::PaletteChange) {
        m_highlighter->setPalette(palette());
        applyMarker();
    }
    QPlainTextEdit::changeEvent(event);
}

} // namespace orion::app::widgets
