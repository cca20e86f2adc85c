// SPDX-License-Identifier: GPL-3.0-or-later
#include "script/Builtins.h"

#include "script/BuiltinSupport.h"
#include "script/StringBuiltins.h"
#include "script/ValueOps.h"

#include <QDateTime>
#include <QString>

#include <charconv>
#include <cmath>
#include <cstring>
#include <unordered_set>

namespace orion::script {

namespace {

using namespace builtin;

void displayTo(Instance &vm, const Value &v, std::string &out) {
    ValueOps::display(vm, v, out);
}

std::string bodyText(Instance &vm, const Value &v) {
    std::string out;
    if (v.isString()) {
        vm.work(Cost::copy(v.asString()->size));
        out = std::string(v.asString()->view());
    } else {
        ValueOps::jsonEncode(vm, v, out);
    }
    return out;
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

Value minMax(Instance &vm, Value *a, int argc, bool max, const char *name) {
    Value best = a[0];
    if (!best.isNumber()) {
        badArg(name, 0, "a number", best);
    }
    for (int i = 1; i < argc; ++i) {
        if (!a[i].isNumber()) {
            badArg(name, i, "a number", a[i]);
        }
        const int c = ValueOps::compare(vm, a[i], best, name);
        if (max ? c > 0 : c < 0) {
            best = a[i];
        }
    }
    return best;
}

Value fnMin(Instance &vm, Value *a, int argc) {
    return minMax(vm, a, argc, false, "min");
}
Value fnMax(Instance &vm, Value *a, int argc) {
    return minMax(vm, a, argc, true, "max");
}

Value fnNumberToString(Instance &vm, Value *a, int) {
    if (!a[0].isNumber()) {
        badArg("number-to-string", 0, "a number", a[0]);
    }
    std::string out;
    displayTo(vm, a[0], out);
    return makeString(vm, out);
}

// ---- lists ------------------------------------------------------------------------------

Value fnList(Instance &vm, Value *a, int argc) {
    if (argc == 0) {
        return Value();
    }
    vm.work(Cost::values(size_t(argc)));
    ListObject *l = vm.heap().newList(size_t(argc));
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
    vm.work(Cost::values(l.size()));
    ListObject *r = vm.heap().newList(l.size() - 1);
    r->items.assign(l.begin() + 1, l.end());
    return Value::adopt(r);
}

Value fnCons(Instance &vm, Value *a, int) {
    const auto &l = items("cons", a, 1);
    vm.work(Cost::values(l.size()));
    ListObject *r = vm.heap().newList(l.size() + 1);
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
    vm.work(Cost::values(total));
    ListObject *r = vm.heap().newList(total);
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
        chargeKey(vm, a[i]);
        vm.heap().grow(m, m->insert(a[i], a[i + 1]));
    }
    return result;
}

Value fnGet(Instance &vm, Value *a, int) {
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
    chargeKey(vm, a[1]);
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
        vm.work(Cost::values(1));
        auto visit = [&](const Value &v) {
            if (v.isMap() || v.isList()) {
                todo.push_back(v.object());
            }
        };
        if (o->tag == Tag::List) {
            const auto &items = static_cast<const ListObject *>(o)->items;
            vm.work(Cost::values(items.size()));
            for (const Value &v : items) {
                visit(v);
            }
        } else {
            const auto &entries = static_cast<const MapObject *>(o)->entries;
            vm.work(Cost::values(entries.size()));
            for (const auto &e : entries) {
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
    chargeKey(vm, a[1]);
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
    vm.work(Cost::values(m->size()));
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

QString hexKey(Instance &vm, const char *fn, Value *a, int i) {
    const std::string_view s = sv(fn, a, i);
    bool ok = s.size() == 40;
    for (size_t k = 0; ok && k < s.size(); ++k) {
        ok = std::isxdigit(static_cast<unsigned char>(s[k]));
    }
    if (!ok) {
        throw ScriptError{
            QStringLiteral("'%1' expects a 40-digit hex key as argument %2, got \"%3\"")
                .arg(QLatin1String(fn))
                .arg(i + 1)
                .arg(qstr(vm, s.substr(0, 64)))};
    }
    return qstr(vm, s).toLower();
}

Value fnRoute(Instance &vm, Value *a, int argc) {
    Effect e;
    e.kind = Effect::Kind::Route;
    e.target = hexKey(vm, "route", a, 1);
    if (argc == 3 && !a[2].isNil()) {
        e.service = qstr(vm, sv("route", a, 2));
    }
    e.body = qstr(vm, bodyText(vm, a[0]));
    e.json = !a[0].isString();
    vm.addEffect(std::move(e));
    return Value::t();
}

Value fnReply(Instance &vm, Value *a, int) {
    Effect e;
    e.kind = Effect::Kind::Reply;
    e.body = qstr(vm, bodyText(vm, a[0]));
    e.json = !a[0].isString();
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
    e.body = qstr(vm, out);
    vm.addEffect(std::move(e));
    return Value();
}

Value fnNow(Instance &, Value *, int) {
    return Value::integer(QDateTime::currentMSecsSinceEpoch());
}

Value fnStoreGet(Instance &vm, Value *a, int) {
    const auto json = vm.storeRead(qstr(vm, sv("store-get", a, 0)));
    if (!json) {
        return Value();
    }
    bool ok = false;
    return ValueOps::jsonParse(vm, std::string_view(json->constData(), size_t(json->size())), ok);
}

Value fnStorePut(Instance &vm, Value *a, int) {
    const QString key = qstr(vm, sv("store-put", a, 0));
    std::string json;
    ValueOps::jsonEncode(vm, a[1], json);
    vm.work(Cost::scan(json.size()));
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
    const QString key = qstr(vm, sv("store-delete", a, 0));
    Effect e;
    e.kind = Effect::Kind::StoreDelete;
    e.key = key;
    vm.addEffect(std::move(e));
    vm.storeWrite(key, std::nullopt);
    return Value::t();
}

const BuiltinInfo kTable[] = {
    {"concat", 0, -1, StringBuiltins::concat},
    {"length", 1, 1, StringBuiltins::length},
    {"substring", 2, 3, StringBuiltins::substring},
    {"upcase", 1, 1, StringBuiltins::upcase},
    {"downcase", 1, 1, StringBuiltins::downcase},
    {"trim", 1, 1, StringBuiltins::trim},
    {"split", 2, 2, StringBuiltins::split},
    {"join", 2, 2, StringBuiltins::join},
    {"contains", 2, 2, StringBuiltins::contains},
    {"starts-with", 2, 2, StringBuiltins::startsWith},
    {"ends-with", 2, 2, StringBuiltins::endsWith},
    {"replace", 3, 3, StringBuiltins::replace},
    {"number-to-string", 1, 1, fnNumberToString},
    {"string-to-number", 1, 1, StringBuiltins::stringToNumber},
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
