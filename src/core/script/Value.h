// SPDX-License-Identifier: GPL-3.0-or-later
// Value: one NET-Script value in 16 bytes: nil, t, a 64-bit integer or a float inline, or a
// counted reference to a string, list or map. Lives on the thread of the instance that made it.
#pragma once

#include "script/HeapObject.h"

#include <cstdint>
#include <utility>

namespace orion::script {

struct StringObject;
struct ListObject;
struct MapObject;

class Value {
public:
    Value() noexcept
        : m_tag(Tag::Nil)
        , m_int(0) {}
    ~Value() { release(); }

    Value(const Value &other) noexcept
        : m_tag(other.m_tag)
        , m_int(other.m_int) {
        retain();
    }
    Value(Value &&other) noexcept
        : m_tag(other.m_tag)
        , m_int(other.m_int) {
        other.m_tag = Tag::Nil;
    }
    Value &operator=(const Value &other) noexcept {
        if (this != &other) {
            other.retain();
            release();
            m_tag = other.m_tag;
            m_int = other.m_int;
        }
        return *this;
    }
    Value &operator=(Value &&other) noexcept {
        if (this != &other) {
            release();
            m_tag = other.m_tag;
            m_int = other.m_int;
            other.m_tag = Tag::Nil;
        }
        return *this;
    }

    static Value nil() { return Value(); }
    static Value t() { return raw(Tag::True, 0); }
    static Value boolean(bool b) { return raw(b ? Tag::True : Tag::Nil, 0); }
    static Value integer(int64_t i) { return raw(Tag::Int, i); }
    static Value real(double d) {
        Value v;
        v.m_tag = Tag::Float;
        v.m_float = d;
        return v;
    }
    // Takes over one reference to @p object.
    static Value adopt(HeapObject *object) {
        Value v;
        v.m_tag = object->tag;
        v.m_object = object;
        return v;
    }

    Tag tag() const { return m_tag; }
    bool isNil() const { return m_tag == Tag::Nil; }
    bool isInt() const { return m_tag == Tag::Int; }
    bool isFloat() const { return m_tag == Tag::Float; }
    bool isNumber() const { return m_tag == Tag::Int || m_tag == Tag::Float; }
    bool isString() const { return m_tag == Tag::String; }
    bool isList() const { return m_tag == Tag::List; }
    bool isMap() const { return m_tag == Tag::Map; }
    bool isHeap() const { return m_tag >= Tag::String; }
    // nil and the empty list are false; everything else is true.
    bool truthy() const;

    int64_t asInt() const { return m_int; }
    double asFloat() const { return m_float; }
    double asNumber() const { return m_tag == Tag::Int ? double(m_int) : m_float; }
    HeapObject *object() const { return m_object; }
    StringObject *asString() const { return reinterpret_cast<StringObject *>(m_object); }
    ListObject *asList() const { return reinterpret_cast<ListObject *>(m_object); }
    MapObject *asMap() const { return reinterpret_cast<MapObject *>(m_object); }

    // In-place updates for the interpreter's hot paths.
    void setInt(int64_t i) {
        release();
        m_tag = Tag::Int;
        m_int = i;
    }
    void setBool(bool b) {
        release();
        m_tag = b ? Tag::True : Tag::Nil;
    }
    void reset() {
        release();
        m_tag = Tag::Nil;
    }
    // Forgets the reference without releasing it (used when a heap tears down its objects).
    void forget() { m_tag = Tag::Nil; }

    static const char *typeName(Tag tag);
    const char *typeName() const { return typeName(m_tag); }

private:
    static Value raw(Tag tag, int64_t i) {
        Value v;
        v.m_tag = tag;
        v.m_int = i;
        return v;
    }
    void retain() const {
        if (isHeap() && m_object->rc != HeapObject::kImmortal) {
            ++m_object->rc;
        }
    }
    void release() {
        if (isHeap() && m_object->rc != HeapObject::kImmortal && --m_object->rc == 0) {
            destroy(m_object);
        }
    }
    static void destroy(HeapObject *object);

    Tag m_tag;
    union {
        int64_t m_int;
        double m_float;
        HeapObject *m_object;
    };
};

static_assert(sizeof(Value) == 16, "Value must stay 16 bytes");

} // namespace orion::script
