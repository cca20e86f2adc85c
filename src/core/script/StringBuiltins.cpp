// SPDX-License-Identifier: GPL-3.0-or-later
#include "script/StringBuiltins.h"

#include "script/BuiltinSupport.h"
#include "script/ValueOps.h"

#include <charconv>
#include <cstring>

namespace orion::script {

using namespace builtin;

namespace {

// Characters in @p s (charged when the string is not ASCII and has to be counted).
size_t codePoints(Instance &vm, StringObject *s) {
    if (isAscii(vm, s)) {
        return s->size;
    }
    vm.work(Cost::scan(s->size));
    size_t n = 0;
    for (unsigned char c : s->view()) {
        n += (c & 0xc0) != 0x80;
    }
    return n;
}

// Byte offset of code point @p index (index <= number of code points).
size_t byteOffset(Instance &vm, StringObject *s, size_t index) {
    if (isAscii(vm, s)) {
        return index;
    }
    const std::string_view v = s->view();
    size_t cp = 0;
    for (size_t i = 0; i < v.size(); ++i) {
        if ((static_cast<unsigned char>(v[i]) & 0xc0) != 0x80) {
            if (cp == index) {
                vm.work(Cost::scan(i));
                return i;
            }
            ++cp;
        }
    }
    vm.work(Cost::scan(v.size()));
    return v.size();
}

Value changeCase(Instance &vm, Value *a, bool upper, const char *name) {
    StringObject *s = str(name, a, 0);
    if (isAscii(vm, s)) {
        vm.work(Cost::scan(s->size));
        StringObject *r = vm.heap().newString(s->size);
        for (size_t i = 0; i < s->size; ++i) {
            char c = s->data()[i];
            if (upper && c >= 'a' && c <= 'z') {
                c = char(c - 32);
            } else if (!upper && c >= 'A' && c <= 'Z') {
                c = char(c + 32);
            }
            r->data()[i] = c;
        }
        r->asciiState = 1;
        return Value::adopt(r);
    }
    const QString q = qstr(vm, s->view());
    return makeString(vm, upper ? q.toUpper() : q.toLower());
}

} // namespace

Value StringBuiltins::concat(Instance &vm, Value *a, int argc) {
    size_t total = 0;
    for (int i = 0; i < argc; ++i) {
        if (a[i].isString()) {
            total += a[i].asString()->size;
        } else if (a[i].isNumber()) {
            total += 24;
        } else {
            badArg("concat", i, "a string or number", a[i]);
        }
    }
    if (argc == 2 && a[0].isString() && a[1].isString()) {
        StringObject *x = a[0].asString();
        StringObject *y = a[1].asString();
        vm.work(Cost::copy(x->size + y->size));
        StringObject *s = vm.heap().newString(x->size + y->size);
        std::memcpy(s->data(), x->data(), x->size);
        std::memcpy(s->data() + x->size, y->data(), y->size);
        return Value::adopt(s);
    }
    // The text is built outside the heap first: count it while it exists.
    vm.heap().charge(total);
    std::string out;
    out.reserve(total);
    for (int i = 0; i < argc; ++i) {
        ValueOps::display(vm, a[i], out);
    }
    vm.heap().uncharge(total);
    return makeString(vm, out);
}

Value StringBuiltins::length(Instance &vm, Value *a, int) {
    switch (a[0].tag()) {
    case Tag::Nil:
        return Value::integer(0);
    case Tag::String:
        return Value::integer(int64_t(codePoints(vm, a[0].asString())));
    case Tag::List:
        return Value::integer(int64_t(a[0].asList()->items.size()));
    case Tag::Map:
        return Value::integer(int64_t(a[0].asMap()->size()));
    default:
        badArg("length", 0, "a string, list or map", a[0]);
    }
}

Value StringBuiltins::substring(Instance &vm, Value *a, int argc) {
    StringObject *s = str("substring", a, 0);
    const auto len = int64_t(codePoints(vm, s));
    int64_t start = integer("substring", a, 1);
    int64_t end = len;
    if (argc == 3 && !a[2].isNil()) {
        end = integer("substring", a, 2);
    }
    // Negative positions count from the end, as in Emacs Lisp.
    if (start < 0) {
        start += len;
    }
    if (end < 0) {
        end += len;
    }
    if (start < 0 || end > len || start > end) {
        throw ScriptError{
            QStringLiteral("'substring' range %1..%2 is outside a string of length %3")
                .arg(start)
                .arg(end)
                .arg(len)};
    }
    const size_t b = byteOffset(vm, s, size_t(start));
    const size_t e = byteOffset(vm, s, size_t(end));
    return makeString(vm, s->view().substr(b, e - b));
}

Value StringBuiltins::upcase(Instance &vm, Value *a, int) {
    return changeCase(vm, a, true, "upcase");
}

Value StringBuiltins::downcase(Instance &vm, Value *a, int) {
    return changeCase(vm, a, false, "downcase");
}

Value StringBuiltins::trim(Instance &vm, Value *a, int) {
    const std::string_view whole = sv("trim", a, 0);
    std::string_view s = whole;
    auto space = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    };
    while (!s.empty() && space(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && space(s.back())) {
        s.remove_suffix(1);
    }
    vm.work(Cost::scan(whole.size() - s.size()));
    return makeString(vm, s);
}

Value StringBuiltins::split(Instance &vm, Value *a, int) {
    StringObject *so = str("split", a, 0);
    const std::string_view s = so->view();
    const std::string_view sep = sv("split", a, 1);
    std::vector<Value> parts;
    if (sep.empty()) {
        vm.work(Cost::scan(s.size()));
        for (size_t i = 0; i < s.size();) {
            size_t n = 1;
            while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xc0) == 0x80) {
                ++n;
            }
            vm.work(Cost::values(1));
            parts.push_back(makeString(vm, s.substr(i, n)));
            i += n;
        }
    } else {
        const StringSearch search = makeSearch(vm, sep);
        size_t from = 0;
        while (true) {
            const size_t at = find(vm, search, s, from);
            vm.work(Cost::values(1));
            if (at == StringSearch::npos) {
                parts.push_back(makeString(vm, s.substr(from)));
                break;
            }
            parts.push_back(makeString(vm, s.substr(from, at - from)));
            from = at + sep.size();
        }
    }
    return makeList(vm, std::move(parts));
}

Value StringBuiltins::join(Instance &vm, Value *a, int) {
    const auto &list = items("join", a, 0);
    const std::string_view sep = sv("join", a, 1);
    vm.work(Cost::values(list.size()));
    std::string out;
    for (size_t i = 0; i < list.size(); ++i) {
        if (i) {
            vm.work(Cost::copy(sep.size()));
            out += sep;
        }
        ValueOps::display(vm, list[i], out);
        if (out.size() > vm.heap().limit()) {
            vm.heap().charge(out.size());
        }
    }
    return makeString(vm, out);
}

Value StringBuiltins::contains(Instance &vm, Value *a, int) {
    if (a[0].isList() || a[0].isNil()) {
        for (const Value &v : items("contains", a, 0)) {
            vm.work(Cost::values(1));
            if (ValueOps::equals(vm, v, a[1])) {
                return Value::t();
            }
        }
        return Value();
    }
    if (a[0].isMap()) {
        checkKey("contains", a, 1);
        chargeKey(vm, a[1]);
        return Value::boolean(a[0].asMap()->find(a[1]) != nullptr);
    }
    const std::string_view s = sv("contains", a, 0);
    const StringSearch search = makeSearch(vm, sv("contains", a, 1));
    return Value::boolean(find(vm, search, s, 0) != StringSearch::npos);
}

Value StringBuiltins::startsWith(Instance &vm, Value *a, int) {
    const std::string_view s = sv("starts-with", a, 0);
    const std::string_view p = sv("starts-with", a, 1);
    vm.work(Cost::copy(std::min(s.size(), p.size())));
    return Value::boolean(s.substr(0, p.size()) == p);
}

Value StringBuiltins::endsWith(Instance &vm, Value *a, int) {
    const std::string_view s = sv("ends-with", a, 0);
    const std::string_view x = sv("ends-with", a, 1);
    vm.work(Cost::copy(std::min(s.size(), x.size())));
    return Value::boolean(s.size() >= x.size() && s.substr(s.size() - x.size()) == x);
}

Value StringBuiltins::replace(Instance &vm, Value *a, int) {
    const std::string_view s = sv("replace", a, 0);
    const std::string_view from = sv("replace", a, 1);
    const std::string_view to = sv("replace", a, 2);
    if (from.empty()) {
        return a[0];
    }
    const StringSearch search = makeSearch(vm, from);
    std::string out;
    size_t pos = 0;
    while (true) {
        const size_t at = find(vm, search, s, pos);
        if (at == StringSearch::npos) {
            vm.work(Cost::copy(s.size() - pos));
            out += s.substr(pos);
            break;
        }
        vm.work(Cost::copy(at - pos + to.size()));
        out += s.substr(pos, at - pos);
        out += to;
        pos = at + from.size();
        if (out.size() > vm.heap().limit()) {
            vm.heap().charge(out.size());
        }
    }
    return makeString(vm, out);
}

Value StringBuiltins::stringToNumber(Instance &vm, Value *a, int) {
    std::string_view s = sv("string-to-number", a, 0);
    // Trimming, the integer and the float attempt each read the text once.
    vm.work(Cost::scan(s.size()) * 3);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) {
        s.remove_prefix(1);
    }
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) {
        s.remove_suffix(1);
    }
    if (!s.empty() && s.front() == '+') {
        s.remove_prefix(1);
    }
    if (s.empty()) {
        return Value();
    }
    int64_t i;
    auto r = std::from_chars(s.data(), s.data() + s.size(), i);
    if (r.ec == std::errc() && r.ptr == s.data() + s.size()) {
        return Value::integer(i);
    }
    for (char c : s) {
        if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == 'e' || c == 'E' ||
              c == '-' || c == '+')) {
            return Value();
        }
    }
    double d;
    auto rd = std::from_chars(s.data(), s.data() + s.size(), d);
    if (rd.ec == std::errc() && rd.ptr == s.data() + s.size()) {
        return Value::real(d);
    }
    return Value();
}

} // namespace orion::script
