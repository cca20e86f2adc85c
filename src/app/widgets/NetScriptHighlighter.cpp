// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/NetScriptHighlighter.h"

#include "script/Builtins.h"

#include <QGuiApplication>
#include <QPalette>
#include <QRegularExpression>

namespace orion::app::widgets {

namespace {

QColor mix(const QColor &a, const QColor &b, double share) {
    return QColor::fromRgbF(float(a.redF() * share + b.redF() * (1 - share)),
                            float(a.greenF() * share + b.greenF() * (1 - share)),
                            float(a.blueF() * share + b.blueF() * (1 - share)));
}

bool isDelimiter(QChar c) {
    return c.isSpace() || c == QLatin1Char('(') || c == QLatin1Char(')') || c == QLatin1Char('"') ||
           c == QLatin1Char(';');
}

} // namespace

NetScriptHighlighter::NetScriptHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document) {
    for (int i = 0; i < script::Builtins::count(); ++i) {
        m_builtins.insert(QString::fromLatin1(script::Builtins::info(i).name));
    }
    setPalette(QGuiApplication::palette());
}

const QSet<QString> &NetScriptHighlighter::specialForms() {
    // The compiler's special forms and operators (script/Compiler.cpp).
    static const QSet<QString> forms = {
        QStringLiteral("defun"), QStringLiteral("let"),   QStringLiteral("set"),
        QStringLiteral("if"),    QStringLiteral("when"),  QStringLiteral("unless"),
        QStringLiteral("cond"),  QStringLiteral("while"), QStringLiteral("progn"),
        QStringLiteral("and"),   QStringLiteral("or"),    QStringLiteral("return"),
        QStringLiteral("not"),   QStringLiteral("null")};
    return forms;
}

void NetScriptHighlighter::setPalette(const QPalette &palette) {
    const QColor text = palette.color(QPalette::Text);
    m_comment = {};
    m_comment.setForeground(palette.color(QPalette::PlaceholderText));
    m_comment.setFontItalic(true);
    m_string = {};
    m_string.setForeground(mix(palette.color(QPalette::LinkVisited), text, 0.8));
    m_number = {};
    m_number.setForeground(mix(palette.color(QPalette::LinkVisited), text, 0.5));
    m_special = {};
    m_special.setForeground(palette.color(QPalette::Link));
    m_special.setFontWeight(QFont::Bold);
    m_builtin = {};
    m_builtin.setForeground(mix(palette.color(QPalette::Highlight), text, 0.85));
    m_predefined = m_builtin;
    m_predefined.setFontWeight(QFont::Bold);
    m_paren = {};
    m_paren.setForeground(mix(palette.color(QPalette::Mid), text, 0.6));
    rehighlight();
}

int NetScriptHighlighter::stringEnd(const QString &text, int from) const {
    for (int i = from; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('\\')) {
            ++i;
        } else if (text.at(i) == QLatin1Char('"')) {
            return i + 1;
        }
    }
    return -1;
}

void NetScriptHighlighter::highlightSymbol(const QString &text, int start, int length) {
    const QString word = text.mid(start, length);
    static const QRegularExpression number(QStringLiteral("^[-+]?(\\d+\\.?\\d*|\\.\\d+)$"));
    if (specialForms().contains(word)) {
        setFormat(start, length, m_special);
    } else if (m_builtins.contains(word)) {
        setFormat(start, length, m_builtin);
    } else if (word == QLatin1String("MESSAGE") || word == QLatin1String("SENDER") ||
               word == QLatin1String("RECEIVER") || word == QLatin1String("SERVICE") ||
               word == QLatin1String("SELF")) {
        setFormat(start, length, m_predefined);
    } else if (number.match(word).hasMatch()) {
        setFormat(start, length, m_number);
    }
}

void NetScriptHighlighter::highlightBlock(const QString &text) {
    setCurrentBlockState(Normal);
    int i = 0;
    if (previousBlockState() == InString) {
        const int end = stringEnd(text, 0);
        if (end < 0) {
            setFormat(0, int(text.size()), m_string);
            setCurrentBlockState(InString);
            return;
        }
        setFormat(0, end, m_string);
        i = end;
    }
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == QLatin1Char(';')) {
            setFormat(i, int(text.size()) - i, m_comment);
            return;
        }
        if (c == QLatin1Char('"')) {
            const int end = stringEnd(text, i + 1);
            if (end < 0) {
                setFormat(i, int(text.size()) - i, m_string);
                setCurrentBlockState(InString);
                return;
            }
            setFormat(i, end - i, m_string);
            i = end;
            continue;
        }
        if (c == QLatin1Char('(') || c == QLatin1Char(')')) {
            setFormat(i, 1, m_paren);
            ++i;
            continue;
        }
        if (c.isSpace()) {
            ++i;
            continue;
        }
        int end = i;
        while (end < text.size() && !isDelimiter(text.at(end))) {
            ++end;
        }
        highlightSymbol(text, i, end - i);
        i = end;
    }
}

} // namespace orion::app::widgets
