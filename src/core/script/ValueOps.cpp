// SPDX-License-Identifier: GPL-3.0-or-later
#include "script/ValueOps.h"

#include "script/Cost.h"
#include "script/Heap.h"
#include "script/Instance.h"
#include "script/ListObject.h"
#include "script/MapObject.h"
#include "script/ScriptError.h"
#include "script/StringObject.h"

#include <charconv>
#include <cmath>
#include <cstring>

namespace orion::script {

namespace {

[[noreturn]] void tooDeep() {
    throw ScriptError{
        QStringLiteral("value nested deeper than %1 levels").arg(ValueOps::kMaxDepth)};
}

void checkOutput(Instance &vm, const std::string &out) {
    const Heap &h = vm.heap();
    if (out.size() > h.limit() - std::min(h.limit(), h.used())) {
        throw ScriptError{QStringLiteral("memory budget exceeded (limit %1 bytes)").arg(h.limit())};
    }
}

bool equalsAt(Instance &vm, const Value &a, const Value &b, int depth) {
    if (depth > ValueOps::kMaxDepth) {
        tooDeep();
    }
    if (a.isNumber() && b.isNumber()) {
        if (a.isInt() && b.isInt()) {
            return a.asInt() == b.asInt();
        }
        return a.asNumber() == b.asNumber();
    }
    // nil and the empty list are the same value.
    const bool aNil = a.isNil() || (a.isList() && a.asList()->items.empty());
    const bool bNil = b.isNil() || (b.isList() && b.asList()->items.empty());
    if (aNil || bNil) {
        return aNil && bNil;
    }
    if (a.tag() != b.tag()) {
        return false;
    }
    switch (a.tag()) {
    case Tag::True:
        return true;
    case Tag::String: {
        const StringObject *x = a.asString();
        const StringObject *y = b.asString();
        if (x != y && x->size == y->size) {
            vm.work(Cost::copy(x->size));
        }
        return MapObject::keyEquals(a, b);
    }
    case Tag::List: {
        const auto &x = a.asList()->items;
        const auto &y = b.asList()->items;
        if (&x == &y) {
            return true;
        }
        if (x.size() != y.size()) {
            return false;
        }
        vm.work(int64_t(x.size()));
        for (size_t i = 0; i < x.size(); ++i) {
            if (!equalsAt(vm, x[i], y[i], depth + 1)) {
                return false;
            }
        }
        return true;
    }
    case Tag::Map: {
        const MapObject *x = a.asMap();
        const MapObject *y = b.asMap();
        if (x == y) {
            return true;
        }
        if (x->size() != y->size()) {
            return false;
        }
        vm.work(int64_t(x->size()));
        for (const auto &e : x->entries) {
            const Value *other = y->find(e.key);
            if (!other || !equalsAt(vm, e.value, *other, depth + 1)) {
                return false;
            }
        }
        return true;
    }
    default:
        return false;
    }
}

// ---- JSON parsing ----------------------------------------------------------------------

class JsonReader {
public:
    JsonReader(Instance &vm, std::string_view s)
        : m_vm(vm)
        , m_s(s) {}

    bool parseDocument(Value &out) {
        skip();
        if (!parseValue(out, 0)) {
            return false;
        }
        skip();
        charge();
        return m_pos == m_s.size();
    }

private:
    // Charges the bytes read since the last charge. Called often enough (at every value and
    // every Cost::kSlice bytes inside long strings and runs of blanks) that a long parse
    // meets the budget and the clock while it runs, not after.
    void charge() {
        m_vm.work(Cost::scan(m_pos - m_charged));
        m_charged = m_pos;
    }
    void chargeLong() {
        if (m_pos - m_charged >= Cost::kSlice) {
            charge();
        }
    }
    void skip() {
        chargeLong();
        while (m_pos < m_s.size() && (m_s[m_pos] == ' ' || m_s[m_pos] == '\t' ||
                                      m_s[m_pos] == '\n' || m_s[m_pos] == '\r')) {
            ++m_pos;
        }
    }
    bool literal(const char *word) {
        const size_t n = std::strlen(word);
        if (m_s.substr(m_pos, n) == word) {
            m_pos += n;
            return true;
        }
        return false;
    }
    static int hex(char c) {
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
    bool hex4(uint32_t &cp) {
        if (m_pos + 4 > m_s.size()) {
            return false;
        }
        cp = 0;
        for (int i = 0; i < 4; ++i) {
            const int d = hex(m_s[m_pos++]);
            if (d < 0) {
                return false;
            }
            cp = cp * 16 + uint32_t(d);
        }
        return true;
    }
    static void utf8(std::string &out, uint32_t cp) {
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
    bool parseString(std::string &out) {
        ++m_pos; // opening quote
        while (m_pos < m_s.size()) {
            chargeLong();
            const char c = m_s[m_pos++];
            if (c == '"') {
                return true;
            }
            if (static_cast<unsigned char>(c) < 0x20) {
                return false;
            }
            if (c != '\\') {
                out += c;
                continue;
            }
            if (m_pos >= m_s.size()) {
                return false;
            }
            const char e = m_s[m_pos++];
            switch (e) {
            case '"':
            case '\\':
            case '/':
                out += e;
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                uint32_t cp;
                if (!hex4(cp)) {
                    return false;
                }
                if (cp >= 0xd800 && cp < 0xdc00) {
                    uint32_t lo;
                    if (m_s.substr(m_pos, 2) != "\\u") {
                        return false;
                    }
                    m_pos += 2;
                    if (!hex4(lo) || lo < 0xdc00 || lo > 0xdfff) {
                        return false;
                    }
                    cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
                } else if (cp >= 0xdc00 && cp <= 0xdfff) {
                    return false;
                }
                utf8(out, cp);
                break;
            }
            default:
                return false;
            }
        }
        return false;
    }
    bool parseNumber(Value &out) {
        const size_t start = m_pos;
        bool integral = true;
        if (m_pos < m_s.size() && m_s[m_pos] == '-') {
            ++m_pos;
        }
        const size_t digits = m_pos;
        while (m_pos < m_s.size() && m_s[m_pos] >= '0' && m_s[m_pos] <= '9') {
            ++m_pos;
        }
        if (m_pos == digits || (m_s[digits] == '0' && m_pos - digits > 1)) {
            return false;
        }
        if (m_pos < m_s.size() && m_s[m_pos] == '.') {
            integral = false;
            ++m_pos;
            const size_t frac = m_pos;
            while (m_pos < m_s.size() && m_s[m_pos] >= '0' && m_s[m_pos] <= '9') {
                ++m_pos;
            }
            if (m_pos == frac) {
                return false;
            }
        }
        if (m_pos < m_s.size() && (m_s[m_pos] == 'e' || m_s[m_pos] == 'E')) {
            integral = false;
            ++m_pos;
            if (m_pos < m_s.size() && (m_s[m_pos] == '+' || m_s[m_pos] == '-')) {
                ++m_pos;
            }
            const size_t exp = m_pos;
            while (m_pos < m_s.size() && m_s[m_pos] >= '0' && m_s[m_pos] <= '9') {
                ++m_pos;
            }
            if (m_pos == exp) {
                return false;
            }
        }
        const char *b = m_s.data() + start;
        const char *e = m_s.data() + m_pos;
        if (integral) {
            int64_t i;
            auto r = std::from_chars(b, e, i);
            if (r.ec == std::errc() && r.ptr == e) {
                out = Value::integer(i);
                return true;
            }
        }
        double d;
        auto r = std::from_chars(b, e, d);
        if (r.ptr != e || (r.ec != std::errc() && r.ec != std::errc::result_out_of_range)) {
            return false;
        }
        out = Value::real(d);
        return true;
    }
    bool parseValue(Value &out, int depth) {
        charge();
        if (depth > ValueOps::kMaxDepth || m_pos >= m_s.size()) {
            return false;
        }
        const char c = m_s[m_pos];
        if (c == '{') {
            ++m_pos;
            MapObject *m = m_vm.heap().newMap();
            out = Value::adopt(m);
            skip();
            if (m_pos < m_s.size() && m_s[m_pos] == '}') {
                ++m_pos;
                return true;
            }
            while (true) {
                skip();
                if (m_pos >= m_s.size() || m_s[m_pos] != '"') {
                    return false;
                }
                std::string key;
                if (!parseString(key)) {
                    return false;
                }
                skip();
                if (m_pos >= m_s.size() || m_s[m_pos] != ':') {
                    return false;
                }
                ++m_pos;
                skip();
                Value v;
                if (!parseValue(v, depth + 1)) {
                    return false;
                }
                Value k = m_vm.heap().string(key);
                m_vm.heap().grow(m, m->insert(k, std::move(v)));
                skip();
                if (m_pos < m_s.size() && m_s[m_pos] == ',') {
                    ++m_pos;
                    continue;
                }
                if (m_pos < m_s.size() && m_s[m_pos] == '}') {
                    ++m_pos;
                    return true;
                }
                return false;
            }
        }
        if (c == '[') {
            ++m_pos;
            std::vector<Value> items;
            skip();
            if (m_pos < m_s.size() && m_s[m_pos] == ']') {
                ++m_pos;
            } else {
                while (true) {
                    skip();
                    Value v;
                    if (!parseValue(v, depth + 1)) {
                        return false;
                    }
                    items.push_back(std::move(v));
                    m_vm.heap().charge(sizeof(Value));
                    m_pendingCharge += sizeof(Value);
                    skip();
                    if (m_pos < m_s.size() && m_s[m_pos] == ',') {
                        ++m_pos;
                        continue;
                    }
                    if (m_pos < m_s.size() && m_s[m_pos] == ']') {
                        ++m_pos;
                        break;
                    }
                    return false;
                }
            }
            m_vm.heap().uncharge(items.size() * sizeof(Value));
            m_pendingCharge -= items.size() * sizeof(Value);
            ListObject *l = m_vm.heap().newList(items.size());
            for (auto &v : items) {
                l->items.push_back(std::move(v));
            }
            out = Value::adopt(l);
            return true;
        }
        if (c == '"') {
            std::string s;
            if (!parseString(s)) {
                return false;
            }
            out = m_vm.heap().string(s);
            return true;
        }
        if (literal("true")) {
            out = Value::t();
            return true;
        }
        if (literal("false") || literal("null")) {
            out = Value();
            return true;
        }
        return parseNumber(out);
    }

public:
    size_t m_pendingCharge = 0;

private:
    Instance &m_vm;
    std::string_view m_s;
    size_t m_pos = 0;
    size_t m_charged = 0; // bytes up to here are charged
};

} // namespace

bool ValueOps::equals(Instance &vm, const Value &a, const Value &b) {
    return equalsAt(vm, a, b, 0);
}

int ValueOps::compare(Instance &vm, const Value &a, const Value &b, const char *op) {
    if (a.isNumber() && b.isNumber()) {
        if (a.isInt() && b.isInt()) {
            return a.asInt() < b.asInt() ? -1 : (a.asInt() > b.asInt() ? 1 : 0);
        }
        const double x = a.asNumber();
        const double y = b.asNumber();
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    if (a.isString() && b.isString()) {
        vm.work(Cost::copy(std::min(a.asString()->size, b.asString()->size)));
        const int c = a.asString()->view().compare(b.asString()->view());
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    throw ScriptError{
        QStringLiteral("'%1' cannot compare %2 with %3")
            .arg(QLatin1String(op), QLatin1String(a.typeName()), QLatin1String(b.typeName()))};
}

void ValueOps::formatInt(int64_t i, std::string &out) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, i);
    out.append(buf, r.ptr);
}

void ValueOps::formatFloat(double d, std::string &out) {
    if (std::isnan(d)) {
        out += "nan";
        return;
    }
    if (std::isinf(d)) {
        out += d < 0 ? "-inf" : "inf";
        return;
    }
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, d);
    const std::string_view s(buf, size_t(r.ptr - buf));
    out += s;
    if (s.find_first_of(".e") == std::string_view::npos) {
        out += ".0";
    }
}

void ValueOps::display(Instance &vm, const Value &v, std::string &out) {
    switch (v.tag()) {
    case Tag::Nil:
        out += "nil";
        break;
    case Tag::True:
        out += "t";
        break;
    case Tag::Int:
        formatInt(v.asInt(), out);
        break;
    case Tag::Float:
        formatFloat(v.asFloat(), out);
        break;
    case Tag::String:
        vm.work(Cost::copy(v.asString()->size));
        out += v.asString()->view();
        break;
    case Tag::List:
    case Tag::Map:
        jsonEncode(vm, v, out);
        break;
    }
}

void ValueOps::jsonQuote(std::string_view s, std::string &out) {
    static const char kHex[] = "0123456789abcdef";
    out += '"';
    size_t run = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') {
            continue;
        }
        out.append(s.data() + run, i - run);
        run = i + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default:
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    out.append(s.data() + run, s.size() - run);
    out += '"';
}

void ValueOps::jsonEncode(Instance &vm, const Value &v, std::string &out, int depth) {
    if (depth > kMaxDepth) {
        tooDeep();
    }
    switch (v.tag()) {
    case Tag::Nil:
        out += "null";
        break;
    case Tag::True:
        out += "true";
        break;
    case Tag::Int:
        formatInt(v.asInt(), out);
        break;
    case Tag::Float:
        if (std::isfinite(v.asFloat())) {
            formatFloat(v.asFloat(), out);
        } else {
            out += "null";
        }
        break;
    case Tag::String:
        vm.work(Cost::scan(v.asString()->size));
        jsonQuote(v.asString()->view(), out);
        break;
    case Tag::List: {
        const auto &items = v.asList()->items;
        vm.work(Cost::values(items.size()));
        out += '[';
        for (size_t i = 0; i < items.size(); ++i) {
            if (i) {
                out += ',';
            }
            jsonEncode(vm, items[i], out, depth + 1);
        }
        out += ']';
        checkOutput(vm, out);
        break;
    }
    case Tag::Map: {
        const MapObject *m = v.asMap();
        vm.work(Cost::values(m->size()));
        out += '{';
        bool first = true;
        for (const auto &e : m->entries) {
            if (!first) {
                out += ',';
            }
            first = false;
            if (e.key.isString()) {
                vm.work(Cost::scan(e.key.asString()->size));
                jsonQuote(e.key.asString()->view(), out);
            } else {
                out += '"';
                formatInt(e.key.asInt(), out);
                out += '"';
            }
            out += ':';
            jsonEncode(vm, e.value, out, depth + 1);
        }
        out += '}';
        checkOutput(vm, out);
        break;
    }
    }
}

Value ValueOps::jsonParse(Instance &vm, std::string_view text, bool &ok) {
    JsonReader reader(vm, text);
    Value out;
    try {
        ok = reader.parseDocument(out);
    } catch (...) {
        vm.heap().uncharge(reader.m_pendingCharge);
        throw;
    }
    vm.heap().uncharge(reader.m_pendingCharge);
    if (!ok) {
        return Value();
    }
    return out;
}

} // namespace orion::script
