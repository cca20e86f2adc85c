// SPDX-License-Identifier: GPL-3.0-or-later
// NetScriptHighlighter: colours NET-Script source (comments, strings, numbers, special forms,
// built-ins, predefined names, parentheses) with colours taken from the editor's palette,
// so light and dark themes both work. GUI thread, owned by the document it highlights.
#pragma once

#include <QSet>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace orion::app::widgets {

class NetScriptHighlighter : public QSyntaxHighlighter {
    Q_OBJECT

public:
    explicit NetScriptHighlighter(QTextDocument *document);

    // Re-derives the formats from `palette` (on theme changes) and highlights again.
    void setPalette(const QPalette &palette);

    // Every word NET-Script's compiler treats as a special form.
    static const QSet<QString> &specialForms();

protected:
    void highlightBlock(const QString &text) override;

private:
    enum State { Normal = 0, InString = 1 };

    // Returns the index after the string that starts (or continues) at `from`.
    int stringEnd(const QString &text, int from) const;
    void highlightSymbol(const QString &text, int start, int length);

    QSet<QString> m_builtins;
    QTextCharFormat m_comment;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_special;
    QTextCharFormat m_builtin;
    QTextCharFormat m_predefined;
    QTextCharFormat m_paren;
};

} // namespace orion::app::widgets
