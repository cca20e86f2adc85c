// SPDX-License-Identifier: GPL-3.0-or-later
#include "script/Builtins.h"

#include "script/Heap.h"
#include "script/Instance.h"
#include "script/ListObject.h"
#include "script/MapObject.h"
#include "script/ScriptError.h"
#include "script/StringObject.h"
#include "script/ValueOps.h"

#include <QDateTime>
#include <QString>

#include <charconv>
#include <cmath>
#include <cstring>
#include <unordered_set>

namespace orion::script {

namespace {

// ---- argument helpers -----------------------------------------------------------------

[[noreturn]] void badArg(const char *fn, int index, const char *expected, const Value &got) {
    throw ScriptError{QStringLiteral("'%1' expects %2 as argument %3, got %4")
                          .arg(QLatin1String(fn), QLatin1String(expected))
                          .arg(index + 1)
                          .arg(QLatin1String(got.typeName()))};
}

StringObject *str(const char *fn, Value *args, int i) {
    if (!args[i].isString()) {
        badArg(fn, i, "a string", args[i]);
    }
    return args[i].asString();
}

std::string_view sv(const char *fn, Value *args, int i) {
    return str(fn, args, i)->view();
}

int64_t integer(const char *fn, Value *args, int i) {
    if (!args[i].isInt()) {
        badArg(fn, i, "an integer", args[i]);
    }
    return args[i].asInt();
}

// The items of a list argument; nil counts as the empty list.
const std::vector<Value> &items(const char *fn, Value *args, int i) {
    static const std::vector<Value> kEmpty;
    if (args[i].isNil()) {
        return kEmpty;
    }
    if (!args[i].isList()) {
        badArg(fn, i, "a list", args[i]);
    }
    return args[i].asList()->items;
}

QString qstr(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

Value makeString(Instance &vm, std::string_view s) {
    return vm.heap().string(s);
}

Value makeString(Instance &vm, const QString &s) {
    const QByteArray u = s.toUtf8();
    return vm.heap().string(std::string_view(u.constData(), size_t(u.size())));
}

// An empty list is nil, as in Lisp.
Value makeList(Instance &vm, std::vector<Value> &&values) {
    if (values.empty()) {
        return Value();
    }
    ListObject *l = vm.heap().newList(values.size());
    l->items = std::move(values);
    return Value::adopt(l);
}

ListObject *newList(Instance &vm, size_t n) {
    return vm.heap().newList(n);
}

size_t codePoints(StringObject *s) {
    if (s->isAscii()) {
        return s->size;
    }
    size_t n = 0;
    for (unsigned char c : s->view()) {
        n += (c & 0xc0) != 0x80;
    }
    return n;
}

// Byte offset of code point @p index (index <= number of code points).
size_t byteOffset(StringObject *s, size_t index) {
    if (s->isAscii()) {
        return index;
    }
    const std::string_view v = s->view();
    size_t cp = 0;
    for (size_t i = 0; i < v.size(); ++i) {
        if ((static_cast<unsigned char>(v[i]) & 0xc0) != 0x80) {
            if (cp == index) {
                return i;
            }
            ++cp;
        }
    }
    return v.size();
}

void displayTo(Instance &vm, const Value &v, std::string &out) {
    ValueOps::display(vm, v, out);
}

std::string bodyText(Instance &vm, const Value &v) {
    std::string out;
    if (v.isString()) {
        out = std::string(v.asString()->view());
    } else {
        ValueOps::jsonEncode(vm, v, out);
    }
    return out;
}

void checkKey(const char *fn, Value *args, int i) {
    if (!args[i].isString() && !args[i].isInt()) {
        badArg(fn, i, "a string or integer key", args[i]);
    }
}

// ---- numbers ----------------------------------------------------------------------------

Value fnAbs(Instance &, Value *a, int) {
    if (a[0].isInt()) {
        if (a[0].asInt() == INT64_MIN) {
            throw ScriptError{QStringLiteral("integer overflow in 'abs'")};
        }
        return Value::integer(a[0].asInt() < 0 ? -a[0].asInt() : a[0].asInt());
    }
    if (a[0].isFloat()) {
        return Value::real(std::fabs(a[0].asFloat()));
    }
    badArg("abs", 0, "a number", a[0]);
}

Value minMax(Value *a, int argc, bool max, const char *name) {
    Value best = a[0];
    if (!best.isNumber()) {
        badArg(name, 0, "a number", best);
    }
    for (int i = 1; i < argc; ++i) {
        if (!a[i].isNumber()) {
            badArg(name, i, "a number", a[i]);
        }
        const int c = ValueOps::compare(a[i], best, name);
        if (max ? c > 0 : c < 0) {
            best = a[i];
        }
    }
    return best;
}

Value fnMin(Instance &, Value *a, int argc) {
    return minMax(a, argc, false, "min");
}
Value fnMax(Instance &, Value *a, int argc) {
    return minMax(a, argc, true, "max");
}

Value fnNumberToString(Instance &vm, Value *a, int) {
    if (!a[0].isNumber()) {
        badArg("number-to-string", 0, "a number", a[0]);
    }
    std::string out;
    displayTo(vm, a[0], out);
    return makeString(vm, out);
}

Value fnStringToNumber(Instance &, Value *a, int) {
    std::string_view s = sv("string-to-number", a, 0);
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

// ---- strings ----------------------------------------------------------------------------

Value fnConcat(Instance &vm, Value *a, int argc) {
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
        StringObject *s = vm.heap().newString(x->size + y->size);
        std::memcpy(s->data(), x->data(), x->size);
        std::memcpy(s->data() + x->size, y->data(), y->size);
        return Value::adopt(s);
    }
    vm.heap().charge(total);
    std::string out;
    out.reserve(total);
    for (int i = 0; i < argc; ++i) {
        displayTo(vm, a[i], out);
    }
    vm.heap().uncharge(total);
    return makeString(vm, out);
}

Value fnLength(Instance &, Value *a, int) {
    switch (a[0].tag()) {
    case Tag::Nil:
        return Value::integer(0);
    case Tag::String:
        return Value::integer(int64_t(codePoints(a[0].asString())));
    case Tag::List:
        return Value::integer(int64_t(a[0].asList()->items.size()));
    case Tag::Map:
        return Value::integer(int64_t(a[0].asMap()->size()));
    default:
        badArg("length", 0, "a string, list or map", a[0]);
    }
}

Value fnSubstring(Instance &vm, Value *a, int argc) {
    StringObject *s = str("substring", a, 0);
    const auto len = int64_t(codePoints(s));
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
    const size_t b = byteOffset(s, size_t(start));
    const size_t e = byteOffset(s, size_t(end));
    return makeString(vm, s->view().substr(b, e - b));
}

Value changeCase(Instance &vm, Value *a, bool upper, const char *name) {
    StringObject *s = str(name, a, 0);
    if (s->isAscii()) {
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
    const QString q = qstr(s->view());
    return makeString(vm, upper ? q.toUpper() : q.toLower());
}

Value fnUpcase(Instance &vm, Value *a, int) {
    return changeCase(vm, a, true, "upcase");
}
Value fnDowncase(Instance &vm, Value *a, int) {
    return changeCase(vm, a, false, "downcase");
}

Value fnTrim(Instance &vm, Value *a, int) {
    std::string_view s = sv("trim", a, 0);
    auto space = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    };
    while (!s.empty() && space(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && space(s.back())) {
        s.remove_suffix(1);
    }
    return makeString(vm, s);
}

Value fnSplit(Instance &vm, Value *a, int) {
    StringObject *so = str("split", a, 0);
    const std::string_view s = so->view();
    const std::string_view sep = sv("split", a, 1);
    std::vector<Value> parts;
    vm.work(int64_t(s.size() / 8));
    if (sep.empty()) {
        for (size_t i = 0; i < s.size();) {
            size_t n = 1;
            while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xc0) == 0x80) {
                ++n;
            }
            parts.push_back(makeString(vm, s.substr(i, n)));
            i += n;
        }
    } else {
        size_t from = 0;
        while (true) {
            const size_t at = s.find(sep, from);
            if (at == std::string_view::npos) {
                parts.push_back(makeString(vm, s.substr(from)));
                break;
            }
            parts.push_back(makeString(vm, s.substr(from, at - from)));
            from = at + sep.size();
        }
    }
    return makeList(vm, std::move(parts));
}

Value fnJoin(Instance &vm, Value *a, int) {
    const auto &list = items("join", a, 0);
    const std::string_view sep = sv("join", a, 1);
    vm.work(int64_t(list.size()));
    std::string out;
    for (size_t i = 0; i < list.size(); ++i) {
        if (i) {
            out += sep;
        }
        displayTo(vm, list[i], out);
        if (out.size() > vm.heap().limit()) {
            vm.heap().charge(out.size());
        }
    }
    return makeString(vm, out);
}

Value fnContains(Instance &vm, Value *a, int) {
    if (a[0].isList() || a[0].isNil()) {
        for (const Value &v : items("contains", a, 0)) {
            vm.work(1);
            if (ValueOps::equals(vm, v, a[1])) {
                return Value::t();
            }
        }
        return Value();
    }
    if (a[0].isMap()) {
        checkKey("contains", a, 1);
        return Value::boolean(a[0].asMap()->find(a[1]) != nullptr);
    }
    const std::string_view s = sv("contains", a, 0);
    return Value::boolean(s.find(sv("contains", a, 1)) != std::string_view::npos);
}

Value fnStartsWith(Instance &, Value *a, int) {
    const std::string_view s = sv("starts-with", a, 0);
    return Value::boolean(s.substr(0, sv("starts-with", a, 1).size()) == sv("starts-with", a, 1));
}

Value fnEndsWith(Instance &, Value *a, int) {
    const std::string_view s = sv("ends-with", a, 0);
    const std::string_view x = sv("ends-with", a, 1);
    return Value::boolean(s.size() >= x.size() && s.substr(s.size() - x.size()) == x);
}

Value fnReplace(Instance &vm, Value *a, int) {
    const std::string_view s = sv("replace", a, 0);
    const std::string_view from = sv("replace", a, 1);
    const std::string_view to = sv("replace", a, 2);
    if (from.empty()) {
        return a[0];
    }
    vm.work(int64_t(s.size() / 8));
    std::string out;
    size_t pos = 0;
    while (true) {
        const size_t at = s.find(from, pos);
        if (at == std::string_view::npos) {
            out += s.substr(pos);
            break;
        }
        out += s.substr(pos, at - pos);
        out += to;
        pos = at + from.size();
        if (out.size() > vm.heap().limit()) {
            vm.heap().charge(out.size());
        }
    }
    return makeString(vm, out);
}

// ---- lists ------------------------------------------------------------------------------

Value fnList(Instance &vm, Value *a, int argc) {
    if (argc == 0) {
        return Value();
    }
    ListObject *l = newList(vm, size_t(argc));
    for (int i = 0; i < argc; ++i) {
        l->items.push_back(a[i]);
    }
    return Value::adopt(l);
}

Value fnCar(Instance &, Value *a, int) {
    const auto &l = items("car", a, 0);
    return l.empty() ? Value() : l.front();
}

Value fnCdr(Instance &vm, Value *a, int) {
    const auto &l = items("cdr", a, 0);
    if (l.size() <= 1) {
        return Value();
    }
    vm.work(int64_t(l.size()));
    ListObject *r = newList(vm, l.size() - 1);
    r->items.assign(l.begin() + 1, l.end());
    return Value::adopt(r);
}

Value fnCons(Instance &vm, Value *a, int) {
    const auto &l = items("cons", a, 1);
    vm.work(int64_t(l.size()));
    ListObject *r = newList(vm, l.size() + 1);
    r->items.push_back(a[0]);
    r->items.insert(r->items.end(), l.begin(), l.end());
    return Value::adopt(r);
}

Value fnNth(Instance &, Value *a, int) {
    const int64_t n = integer("nth", a, 0);
    const auto &l = items("nth", a, 1);
    return (n >= 0 && size_t(n) < l.size()) ? l[size_t(n)] : Value();
}

Value fnAppend(Instance &vm, Value *a, int argc) {
    size_t total = 0;
    for (int i = 0; i < argc; ++i) {
        total += items("append", a, i).size();
    }
    if (total == 0) {
        return Value();
    }
    vm.work(int64_t(total));
    ListObject *r = newList(vm, total);
    for (int i = 0; i < argc; ++i) {
        const auto &l = items("append", a, i);
        r->items.insert(r->items.end(), l.begin(), l.end());
    }
    return Value::adopt(r);
}

// ---- maps and JSON -----------------------------------------------------------------------

Value fnMakeMap(Instance &vm, Value *a, int argc) {
    if (argc % 2 != 0) {
        throw ScriptError{QStringLiteral("'make-map' expects key value pairs, got an odd count")};
    }
    MapObject *m = vm.heap().newMap();
    Value result = Value::adopt(m);
    for (int i = 0; i < argc; i += 2) {
        checkKey("make-map", a, i);
        vm.heap().grow(m, m->insert(a[i], a[i + 1]));
    }
    return result;
}

Value fnGet(Instance &, Value *a, int) {
    if (a[0].isNil()) {
        return Value();
    }
    if (a[0].isList()) {
        const auto &l = a[0].asList()->items;
        const int64_t n = integer("get", a, 1);
        return (n >= 0 && size_t(n) < l.size()) ? l[size_t(n)] : Value();
    }
    if (!a[0].isMap()) {
        badArg("get", 0, "a map", a[0]);
    }
    checkKey("get", a, 1);
    const Value *v = a[0].asMap()->find(a[1]);
    return v ? *v : Value();
}

// A map must never contain itself: values are freed by reference counting and printed
// recursively, so a cycle would leak or never end.
void checkNoCycle(Instance &vm, const MapObject *map, const Value &value) {
    if (!value.isMap() && !value.isList()) {
        return;
    }
    std::vector<const HeapObject *> todo{value.object()};
    std::unordered_set<const HeapObject *> seen;
    while (!todo.empty()) {
        const HeapObject *o = todo.back();
        todo.pop_back();
        if (o == map) {
            throw ScriptError{QStringLiteral("'put' would make a map contain itself")};
        }
        if (!seen.insert(o).second) {
            continue;
        }
        vm.work(1);
        auto visit = [&](const Value &v) {
            if (v.isMap() || v.isList()) {
                todo.push_back(v.object());
            }
        };
        if (o->tag == Tag::List) {
            for (const Value &v : static_cast<const ListObject *>(o)->items) {
                visit(v);
            }
        } else {
            for (const auto &e : static_cast<const MapObject *>(o)->entries) {
                visit(e.value);
            }
        }
    }
}

Value fnPut(Instance &vm, Value *a, int) {
    Value map = a[0];
    if (map.isNil()) {
        map = Value::adopt(vm.heap().newMap());
    } else if (!map.isMap()) {
        badArg("put", 0, "a map", a[0]);
    }
    checkKey("put", a, 1);
    MapObject *m = map.asMap();
    checkNoCycle(vm, m, a[2]);
    vm.heap().grow(m, m->insert(a[1], a[2]));
    return map;
}

Value fnKeys(Instance &vm, Value *a, int) {
    if (a[0].isNil()) {
        return Value();
    }
    if (!a[0].isMap()) {
        badArg("keys", 0, "a map", a[0]);
    }
    const MapObject *m = a[0].asMap();
    std::vector<Value> out;
    out.reserve(m->size());
    for (const auto &e : m->entries) {
        out.push_back(e.key);
    }
    return makeList(vm, std::move(out));
}

Value fnTypeOf(Instance &vm, Value *a, int) {
    return makeString(vm, std::string_view(a[0].typeName()));
}

Value fnJsonParse(Instance &vm, Value *a, int) {
    bool ok = false;
    return ValueOps::jsonParse(vm, sv("json-parse", a, 0), ok);
}

Value fnJsonEncode(Instance &vm, Value *a, int) {
    std::string out;
    ValueOps::jsonEncode(vm, a[0], out);
    return makeString(vm, out);
}

// ---- effects ------------------------------------------------------------------------------

QString hexKey(const char *fn, Value *a, int i) {
    const std::string_view s = sv(fn, a, i);
    bool ok = s.size() == 40;
    for (char c : s) {
        ok = ok && std::isxdigit(static_cast<unsigned char>(c));
    }
    if (!ok) {
        throw ScriptError{
            QStringLiteral("'%1' expects a 40-digit hex key as argument %2, got \"%3\"")
                .arg(QLatin1String(fn))
                .arg(i + 1)
                .arg(qstr(s.substr(0, 64)))};
    }
    return qstr(s).toLower();
}

Value fnRoute(Instance &vm, Value *a, int argc) {
    Effect e;
    e.kind = Effect::Kind::Route;
    e.target = hexKey("route", a, 1);
    if (argc == 3 && !a[2].isNil()) {
        e.service = qstr(sv("route", a, 2));
    }
    e.body = qstr(bodyText(vm, a[0]));
    vm.addEffect(std::move(e));
    return Value::t();
}

Value fnReply(Instance &vm, Value *a, int) {
    Effect e;
    e.kind = Effect::Kind::Reply;
    e.body = qstr(bodyText(vm, a[0]));
    vm.addEffect(std::move(e));
    return Value::t();
}

Value fnLog(Instance &vm, Value *a, int argc) {
    std::string out;
    for (int i = 0; i < argc; ++i) {
        if (i) {
            out += ' ';
        }
        displayTo(vm, a[i], out);
    }
    Effect e;
    e.kind = Effect::Kind::Log;
    e.body = qstr(out);
    vm.addEffect(std::move(e));
    return Value();
}

Value fnNow(Instance &, Value *, int) {
    return Value::integer(QDateTime::currentMSecsSinceEpoch());
}

Value fnStoreGet(Instance &vm, Value *a, int) {
    const auto json = vm.storeRead(qstr(sv("store-get", a, 0)));
    if (!json) {
        return Value();
    }
    bool ok = false;
    return ValueOps::jsonParse(vm, std::string_view(json->constData(), size_t(json->size())), ok);
}

Value fnStorePut(Instance &vm, Value *a, int) {
    const QString key = qstr(sv("store-put", a, 0));
    std::string json;
    ValueOps::jsonEncode(vm, a[1], json);
    QByteArray bytes(json.data(), qsizetype(json.size()));
    Effect e;
    e.kind = Effect::Kind::StorePut;
    e.key = key;
    e.body = QString::fromUtf8(bytes);
    vm.addEffect(std::move(e));
    vm.storeWrite(key, std::move(bytes));
    return a[1];
}

Value fnStoreDelete(Instance &vm, Value *a, int) {
    const QString key = qstr(sv("store-delete", a, 0));
    Effect e;
    e.kind = Effect::Kind::StoreDelete;
    e.key = key;
    vm.addEffect(std::move(e));
    vm.storeWrite(key, std::nullopt);
    return Value::t();
}

const BuiltinInfo kTable[] = {
    {"concat", 0, -1, fnConcat},
    {"length", 1, 1, fnLength},
    {"substring", 2, 3, fnSubstring},
    {"upcase", 1, 1, fnUpcase},
    {"downcase", 1, 1, fnDowncase},
    {"trim", 1, 1, fnTrim},
    {"split", 2, 2, fnSplit},
    {"join", 2, 2, fnJoin},
    {"contains", 2, 2, fnContains},
    {"starts-with", 2, 2, fnStartsWith},
    {"ends-with", 2, 2, fnEndsWith},
    {"replace", 3, 3, fnReplace},
    {"number-to-string", 1, 1, fnNumberToString},
    {"string-to-number", 1, 1, fnStringToNumber},
    {"abs", 1, 1, fnAbs},
    {"min", 1, -1, fnMin},
    {"max", 1, -1, fnMax},
    {"list", 0, -1, fnList},
    {"car", 1, 1, fnCar},
    {"cdr", 1, 1, fnCdr},
    {"cons", 2, 2, fnCons},
    {"nth", 2, 2, fnNth},
    {"append", 0, -1, fnAppend},
    {"make-map", 0, -1, fnMakeMap},
    {"get", 2, 2, fnGet},
    {"put", 3, 3, fnPut},
    {"keys", 1, 1, fnKeys},
    {"type-of", 1, 1, fnTypeOf},
    {"json-parse", 1, 1, fnJsonParse},
    {"json-encode", 1, 1, fnJsonEncode},
    {"route", 2, 3, fnRoute},
    {"reply", 1, 1, fnReply},
    {"log", 0, -1, fnLog},
    {"now", 0, 0, fnNow},
    {"store-get", 1, 1, fnStoreGet},
    {"store-put", 2, 2, fnStorePut},
    {"store-delete", 1, 1, fnStoreDelete},
};

} // namespace

int Builtins::find(std::string_view name) {
    for (int i = 0; i < count(); ++i) {
        if (name == kTable[i].name) {
            return i;
        }
    }
    return -1;
}

const BuiltinInfo &Builtins::info(int index) {
    return kTable[index];
}

int Builtins::count() {
    return int(sizeof(kTable) / sizeof(kTable[0]));
}

} // namespace orion::script
