// SPDX-License-Identifier: GPL-3.0-or-later
#include "script/Tokenizer.h"

#include "script/SourceError.h"

#include <charconv>

namespace orion::script {

namespace {

bool isDelimiter(char c) {
    return c == '(' || c == ')' || c == '"' || c == ';' || c == ' ' || c == '\t' || c == '\n' ||
           c == '\r' || c == '\f' || c == '\v';
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

void appendUtf8(std::string &out, uint32_t cp) {
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xc0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
        out += char(0xe0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3f));
        out += char(0x80 | (cp & 0x3f));
    } else {
        out += char(0xf0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3f));
        out += char(0x80 | ((cp >> 6) & 0x3f));
        out += char(0x80 | (cp & 0x3f));
    }
}

int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

class Scanner {
public:
    explicit Scanner(std::string_view s)
        : m_s(s) {}

    std::vector<Token> run() {
        std::vector<Token> out;
        while (true) {
            skipSpaceAndComments();
            Token t;
            t.line = m_line;
            t.column = m_column;
            if (m_pos >= m_s.size()) {
                t.kind = Token::Kind::End;
                out.push_back(std::move(t));
                return out;
            }
            const char c = m_s[m_pos];
            if (c == '(') {
                t.kind = Token::Kind::LParen;
                advance();
            } else if (c == ')') {
                t.kind = Token::Kind::RParen;
                advance();
            } else if (c == '"') {
                readString(t);
            } else if (c == '\'' || c == '`' || c == ',') {
                throw SourceError{
                    m_line, m_column,
                    QStringLiteral("quoting with '%1' is not supported; use (list ...)")
                        .arg(QLatin1Char(c))};
            } else {
                readAtom(t);
            }
            out.push_back(std::move(t));
        }
    }

private:
    void advance() {
        const unsigned char c = static_cast<unsigned char>(m_s[m_pos++]);
        if (c == '\n') {
            ++m_line;
            m_column = 1;
        } else if ((c & 0xc0) != 0x80) {
            ++m_column;
        }
    }

    void skipSpaceAndComments() {
        while (m_pos < m_s.size()) {
            const char c = m_s[m_pos];
            if (c == ';') {
                while (m_pos < m_s.size() && m_s[m_pos] != '\n') {
                    advance();
                }
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
                advance();
            } else {
                return;
            }
        }
    }

    void readString(Token &t) {
        t.kind = Token::Kind::String;
        advance(); // opening quote
        while (true) {
            if (m_pos >= m_s.size()) {
                throw SourceError{t.line, t.column, QStringLiteral("unterminated string")};
            }
            const char c = m_s[m_pos];
            if (c == '"') {
                advance();
                return;
            }
            if (c != '\\') {
                t.text += c;
                advance();
                continue;
            }
            const int line = m_line;
            const int column = m_column;
            advance();
            if (m_pos >= m_s.size()) {
                throw SourceError{t.line, t.column, QStringLiteral("unterminated string")};
            }
            const char e = m_s[m_pos];
            advance();
            switch (e) {
            case 'n':
                t.text += '\n';
                break;
            case 't':
                t.text += '\t';
                break;
            case 'r':
                t.text += '\r';
                break;
            case '0':
                t.text += '\0';
                break;
            case '\\':
            case '"':
                t.text += e;
                break;
            case '\n':
                break; // a backslash at the end of a line continues the string
            case 'u': {
                uint32_t cp = 0;
                for (int i = 0; i < 4; ++i) {
                    const int d = m_pos < m_s.size() ? hexDigit(m_s[m_pos]) : -1;
                    if (d < 0) {
                        throw SourceError{line, column,
                                          QStringLiteral("\\u needs four hex digits")};
                    }
                    cp = cp * 16 + uint32_t(d);
                    advance();
                }
                if (cp >= 0xd800 && cp <= 0xdfff) {
                    throw SourceError{line, column,
                                      QStringLiteral("\\u escape is a lone surrogate")};
                }
                appendUtf8(t.text, cp);
                break;
            }
            default:
                throw SourceError{line, column,
                                  QStringLiteral("unknown escape '\\%1' in string")
                                      .arg(QString::fromUtf8(&e, 1))};
            }
        }
    }

    void readAtom(Token &t) {
        const size_t start = m_pos;
        while (m_pos < m_s.size() && !isDelimiter(m_s[m_pos])) {
            advance();
        }
        std::string_view text = m_s.substr(start, m_pos - start);
        const bool signedStart = (text[0] == '+' || text[0] == '-') && text.size() > 1;
        const char first = signedStart ? text[1] : text[0];
        const bool numeric =
            isDigit(first) || (first == '.' && text.size() > size_t(signedStart ? 2 : 1) &&
                               isDigit(text[signedStart ? 2 : 1]));
        if (!numeric) {
            t.kind = Token::Kind::Symbol;
            t.text = std::string(text);
            return;
        }
        std::string_view digits = text[0] == '+' ? text.substr(1) : text;
        bool integral = true;
        for (size_t i = (digits[0] == '-') ? 1 : 0; i < digits.size(); ++i) {
            if (!isDigit(digits[i])) {
                integral = false;
                break;
            }
        }
        const QString shown = QString::fromUtf8(text.data(), qsizetype(text.size()));
        if (integral) {
            int64_t v = 0;
            auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
            if (ec == std::errc::result_out_of_range) {
                throw SourceError{
                    t.line, t.column,
                    QStringLiteral("integer '%1' is out of the 64-bit range").arg(shown)};
            }
            if (ec != std::errc() || end != digits.data() + digits.size()) {
                throw SourceError{t.line, t.column, QStringLiteral("bad number '%1'").arg(shown)};
            }
            t.kind = Token::Kind::Int;
            t.intValue = v;
            return;
        }
        for (char c : digits) {
            // from_chars would accept "inf", "nan" and hex floats; NET-Script numbers are decimal.
            if (!(isDigit(c) || c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+')) {
                throw SourceError{t.line, t.column, QStringLiteral("bad number '%1'").arg(shown)};
            }
        }
        double d = 0;
        auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), d);
        if (ec != std::errc() || end != digits.data() + digits.size()) {
            throw SourceError{t.line, t.column, QStringLiteral("bad number '%1'").arg(shown)};
        }
        t.kind = Token::Kind::Float;
        t.floatValue = d;
    }

    std::string_view m_s;
    size_t m_pos = 0;
    int m_line = 1;
    int m_column = 1;
};

} // namespace

std::vector<Token> Tokenizer::tokenize(std::string_view source) {
    return Scanner(source).run();
}

} // namespace orion::script
