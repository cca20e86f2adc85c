// SPDX-License-Identifier: GPL-3.0-or-later
// BuiltinSupport: argument checks, value makers and charged searches shared by the built-in
// functions. Header-only helpers; they run on the calling instance's thread.
#pragma once

#include "script/Cost.h"
#include "script/Heap.h"
#include "script/Instance.h"
#include "script/ListObject.h"
#include "script/MapObject.h"
#include "script/ScriptError.h"
#include "script/StringObject.h"
#include "script/StringSearch.h"

#include <QString>

#include <algorithm>
#include <string_view>
#include <vector>

namespace orion::script::builtin {

[[noreturn]] inline void badArg(const char *fn, int index, const char *expected, const Value &got) {
    throw ScriptError{QStringLiteral("'%1' expects %2 as argument %3, got %4")
                          .arg(QLatin1String(fn), QLatin1String(expected))
                          .arg(index + 1)
                          .arg(QLatin1String(got.typeName()))};
}

inline StringObject *str(const char *fn, Value *args, int i) {
    if (!args[i].isString()) {
        badArg(fn, i, "a string", args[i]);
    }
    return args[i].asString();
}

inline std::string_view sv(const char *fn, Value *args, int i) {
    return str(fn, args, i)->view();
}

inline int64_t integer(const char *fn, Value *args, int i) {
    if (!args[i].isInt()) {
        badArg(fn, i, "an integer", args[i]);
    }
    return args[i].asInt();
}

// The items of a list argument; nil counts as the empty list.
inline const std::vector<Value> &items(const char *fn, Value *args, int i) {
    static const std::vector<Value> kEmpty;
    if (args[i].isNil()) {
        return kEmpty;
    }
    if (!args[i].isList()) {
        badArg(fn, i, "a list", args[i]);
    }
    return args[i].asList()->items;
}

inline void checkKey(const char *fn, Value *args, int i) {
    if (!args[i].isString() && !args[i].isInt()) {
        badArg(fn, i, "a string or integer key", args[i]);
    }
}

// Charges a map lookup with @p key: hashing it the first time, comparing it on a hit.
inline void chargeKey(Instance &vm, const Value &key) {
    if (key.isString()) {
        const StringObject *s = key.asString();
        vm.work(Cost::copy(s->size) * (s->hashValue == 0 ? 2 : 1));
    }
}

// Text for the host (effects, store keys), charged as a UTF-8 decode.
inline QString qstr(Instance &vm, std::string_view s) {
    vm.work(Cost::scan(s.size()));
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

inline Value makeString(Instance &vm, std::string_view s) {
    vm.work(Cost::copy(s.size()));
    return vm.heap().string(s);
}

inline Value makeString(Instance &vm, const QString &s) {
    vm.work(Cost::scan(size_t(s.size())));
    const QByteArray u = s.toUtf8();
    return makeString(vm, std::string_view(u.constData(), size_t(u.size())));
}

// An empty list is nil, as in Lisp.
inline Value makeList(Instance &vm, std::vector<Value> &&values) {
    if (values.empty()) {
        return Value();
    }
    ListObject *l = vm.heap().newList(values.size());
    l->items = std::move(values);
    return Value::adopt(l);
}

// Whether @p s is pure ASCII; the first answer scans it and is charged, later ones are
// remembered by the string.
inline bool isAscii(Instance &vm, StringObject *s) {
    if (s->asciiState < 0) {
        vm.work(Cost::scan(s->size));
    }
    return s->isAscii();
}

// A search for @p needle, its preparation charged.
inline StringSearch makeSearch(Instance &vm, std::string_view needle) {
    vm.work(Cost::scan(needle.size()));
    return StringSearch(needle);
}

// StringSearch::find on @p s from @p from, charged for every byte of @p s it covers. The
// haystack is searched in windows of at least Cost::kSlice starting positions, each charged
// as it is done, so a long search meets the budget and the clock while it runs.
inline size_t find(Instance &vm, const StringSearch &search, std::string_view s, size_t from) {
    const size_t m = search.needleSize();
    const size_t window = std::max(Cost::kSlice, m);
    while (from <= s.size() && s.size() - from >= m) {
        const size_t end = std::min(s.size(), from + window + m - 1);
        const size_t at = search.find(s.substr(0, end), from);
        if (at != StringSearch::npos) {
            vm.work(Cost::scan(at + m - from));
            return at;
        }
        vm.work(Cost::scan(end - from));
        if (end == s.size()) {
            break;
        }
        from += window;
    }
    return StringSearch::npos;
}

} // namespace orion::script::builtin
