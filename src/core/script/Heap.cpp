// SPDX-License-Identifier: GPL-3.0-or-later
#include "script/Heap.h"

#include "script/KeyHash.h"
#include "script/ListObject.h"
#include "script/MapObject.h"
#include "script/ScriptError.h"
#include "script/StringObject.h"

#include <cstring>
#include <new>

namespace orion::script {

namespace {
constexpr size_t kStringOverhead = sizeof(StringObject) + 16;
} // namespace

void Heap::overBudget() {
    throw ScriptError{QStringLiteral("memory budget exceeded (limit %1 bytes)").arg(m_limit)};
}

StringObject *Heap::newString(size_t size) {
    const size_t bytes = kStringOverhead + size;
    charge(bytes);
    void *mem = ::operator new(sizeof(StringObject) + size + 1);
    auto *s = new (mem) StringObject;
    s->tag = Tag::String;
    s->size = size;
    s->charged = bytes;
    s->heap = this;
    s->data()[size] = '\0';
    return s;
}

Value Heap::string(std::string_view text) {
    StringObject *s = newString(text.size());
    if (!text.empty()) {
        std::memcpy(s->data(), text.data(), text.size());
    }
    return Value::adopt(s);
}

ListObject *Heap::newList(size_t reserve) {
    const size_t bytes = sizeof(ListObject) + reserve * sizeof(Value);
    charge(bytes);
    auto *l = new ListObject;
    l->tag = Tag::List;
    l->heap = this;
    l->charged = bytes;
    l->items.reserve(reserve);
    return l;
}

MapObject *Heap::newMap() {
    charge(sizeof(MapObject));
    auto *m = new MapObject;
    m->tag = Tag::Map;
    m->heap = this;
    m->charged = sizeof(MapObject);
    return m;
}

void Heap::recharge(HeapObject *object, size_t bytes) {
    if (bytes > object->charged) {
        const size_t delta = bytes - object->charged;
        object->charged = bytes;
        charge(delta);
    } else {
        m_used -= object->charged - bytes;
        object->charged = bytes;
    }
}

void Heap::free(HeapObject *object) {
    m_used -= object->charged;
    switch (object->tag) {
    case Tag::String: {
        auto *s = static_cast<StringObject *>(object);
        s->~StringObject();
        ::operator delete(s);
        break;
    }
    case Tag::List:
        delete static_cast<ListObject *>(object);
        break;
    case Tag::Map:
        delete static_cast<MapObject *>(object);
        break;
    default:
        break;
    }
}

void Heap::destroy(HeapObject *object) {
    Heap *heap = object->heap;
    if (heap->m_freeing) {
        heap->m_pending.push_back(object);
        return;
    }
    heap->m_freeing = true;
    heap->free(object);
    while (!heap->m_pending.empty()) {
        HeapObject *next = heap->m_pending.back();
        heap->m_pending.pop_back();
        heap->free(next);
    }
    heap->m_freeing = false;
}

void Value::destroy(HeapObject *object) {
    Heap::destroy(object);
}

bool Value::truthy() const {
    if (m_tag == Tag::Nil) {
        return false;
    }
    if (m_tag == Tag::List) {
        return !asList()->items.empty();
    }
    return true;
}

const char *Value::typeName(Tag tag) {
    switch (tag) {
    case Tag::Nil:
        return "nil";
    case Tag::True:
        return "t";
    case Tag::Int:
        return "integer";
    case Tag::Float:
        return "float";
    case Tag::String:
        return "string";
    case Tag::List:
        return "list";
    case Tag::Map:
        return "map";
    }
    return "?";
}

size_t StringObject::hashOf(std::string_view s) {
    return KeyHash::ofString(s);
}

StringObject *StringObject::createImmortal(std::string_view text) {
    void *mem = ::operator new(sizeof(StringObject) + text.size() + 1);
    auto *s = new (mem) StringObject;
    s->rc = kImmortal;
    s->tag = Tag::String;
    s->size = text.size();
    if (!text.empty()) {
        std::memcpy(s->data(), text.data(), text.size());
    }
    s->data()[text.size()] = '\0';
    s->hash();
    s->isAscii();
    return s;
}

void StringObject::destroyImmortal(StringObject *s) {
    s->~StringObject();
    ::operator delete(s);
}

} // namespace orion::script
