// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/ScriptEditor.h"

#include "widgets/LineNumberArea.h"
#include "widgets/NetScriptHighlighter.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QTextBlock>
#include <QToolTip>

namespace orion::app::widgets {

ScriptEditor::ScriptEditor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_highlighter(new NetScriptHighlighter(document()))
    , m_gutter(new LineNumberArea(this)) {
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(2 * fontMetrics().horizontalAdvance(QLatin1Char(' ')));
    m_highlighter->setPalette(palette());
    connect(this, &QPlainTextEdit::blockCountChanged, this, &ScriptEditor::updateGutterWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &ScriptEditor::updateGutter);
    updateGutterWidth();
}

QWidget *ScriptEditor::lineNumberArea() const {
    return m_gutter;
}

int ScriptEditor::lineNumberAreaWidth() const {
    int digits = 1;
    for (int lines = std::max(1, blockCount()); lines >= 10; lines /= 10) {
        ++digits;
    }
    const QFontMetrics metrics(font());
    return metrics.horizontalAdvance(QLatin1Char('9')) * digits +
           metrics.horizontalAdvance(QLatin1Char(' '));
}

void ScriptEditor::updateGutterWidth() {
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
}

void ScriptEditor::updateGutter(const QRect &rect, int dy) {
    if (dy != 0) {
        m_gutter->scroll(0, dy);
    } else {
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    }
    if (rect.contains(viewport()->rect())) {
        updateGutterWidth();
    }
}

void ScriptEditor::resizeEvent(QResizeEvent *event) {
    QPlainTextEdit::resizeEvent(event);
    const QRect area = contentsRect();
    m_gutter->setGeometry(QRect(area.left(), area.top(), lineNumberAreaWidth(), area.height()));
}

void ScriptEditor::paintLineNumbers(QPaintEvent *event) {
    QPainter painter(m_gutter);
    painter.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    painter.setFont(font());
    const QColor plain = palette().color(QPalette::PlaceholderText);
    const QColor marked = palette().color(QPalette::Highlight);
    const int numberWidth =
        m_gutter->width() - fontMetrics().horizontalAdvance(QLatin1Char(' ')) / 2;

    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            const int line = block.blockNumber() + 1;
            QFont numberFont = font();
            numberFont.setBold(line == m_errorLine);
            painter.setFont(numberFont);
            painter.setPen(line == m_errorLine ? marked : plain);
            painter.drawText(0, top, numberWidth, fontMetrics().height(), Qt::AlignRight,
                             QString::number(line));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
    }
}

bool ScriptEditor::goToError() {
    const QTextBlock block = document()->findBlockByNumber(m_errorLine - 1);
    if (m_errorLine <= 0 || !block.isValid()) {
        return false;
    }
    QTextCursor cursor(block);
    cursor.setPosition(block.position() + std::min(int(block.length()) - 1, m_errorColumn - 1));
    setTextCursor(cursor);
    ensureCursorVisible();
    setFocus(Qt::OtherFocusReason);
    return true;
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
    m_gutter->update();
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
    if (event->type() == QEvent::FontChange) {
        updateGutterWidth();
    }
    if (event->type() == QEvent::PaletteChange) {
        m_highlighter->setPalette(palette());
        applyMarker();
    }
    QPlainTextEdit::changeEvent(event);
}

} // namespace orion::app::widgets
