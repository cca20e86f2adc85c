// SPDX-License-Identifier: GPL-3.0-or-later
// NET-Script against Lua 5.4 on the same programs in the same run. Prints one JSON object:
// seconds per program for both, ratios (NET-Script time / Lua time) and instances per second.
// Both languages get native JSON functions (Lua's are the small codec below), so the message
// handler compares interpreters, not a C parser against a Lua one.
#include "script/Compiler.h"
#include "script/Instance.h"
#include "script/MemoryStore.h"

#include <lua5.4/lua.hpp>

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

using namespace orion::script;

namespace {

using Clock = std::chrono::steady_clock;

double seconds(const std::function<void()> &fn, int repeats = 3) {
    double best = 1e30;
    for (int i = 0; i < repeats; ++i) {
        const auto t0 = Clock::now();
        fn();
        best = std::min(best, std::chrono::duration<double>(Clock::now() - t0).count());
    }
    return best;
}

std::shared_ptr<const Program> compileOrDie(const char *source) {
    auto p = Compiler::compile(QString::fromUtf8(source), QStringLiteral("bench.ns"));
    if (!p) {
        std::fprintf(stderr, "%s\n", qPrintable(p.error()));
        std::exit(1);
    }
    return *p;
}

Limits bigLimits() {
    Limits l;
    l.maxInstructions = 1ull << 50;
    l.maxMemoryBytes = size_t(1) << 30;
    l.maxCallDepth = 10000;
    l.maxWallClockMs = 600000;
    return l;
}

void runOrDie(const Program &p, const MessageInput &in, const Store &store, const Limits &l) {
    const RunResult r = Instance::run(p, in, store, l);
    if (!r.ok) {
        std::fprintf(stderr, "run failed: %s\n", qPrintable(r.error.message));
        std::exit(1);
    }
}

// ---- Lua JSON codec (native, like NET-Script's) ---------------------------------------

struct LuaJsonReader {
    const char *p;
    const char *end;
    lua_State *L;
    void skip() {
        while (p < end && (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')) {
            ++p;
        }
    }
    bool str() {
        ++p;
        std::string out;
        while (p < end && *p != '"') {
            if (*p == '\\' && p + 1 < end) {
                ++p;
                switch (*p) {
                case 'n':
                    out += '\n';
                    break;
                case 't':
                    out += '\t';
                    break;
                default:
                    out += *p;
                }
                ++p;
            } else {
                out += *p++;
            }
        }
        if (p >= end) {
            return false;
        }
        ++p;
        lua_pushlstring(L, out.data(), out.size());
        return true;
    }
    bool value() {
        skip();
        if (p >= end) {
            return false;
        }
        if (*p == '{') {
            ++p;
            lua_newtable(L);
            skip();
            if (*p == '}') {
                ++p;
                return true;
            }
            while (true) {
                skip();
                if (*p != '"' || !str()) {
                    return false;
                }
                skip();
                if (*p++ != ':' || !value()) {
                    return false;
                }
                lua_rawset(L, -3);
                skip();
                if (*p == ',') {
                    ++p;
                    continue;
                }
                if (*p == '}') {
                    ++p;
                    return true;
                }
                return false;
            }
        }
        if (*p == '[') {
            ++p;
            lua_newtable(L);
            skip();
            if (*p == ']') {
                ++p;
                return true;
            }
            for (lua_Integer i = 1;; ++i) {
                if (!value()) {
                    return false;
                }
                lua_rawseti(L, -2, i);
                skip();
                if (*p == ',') {
                    ++p;
                    continue;
                }
                if (*p == ']') {
                    ++p;
                    return true;
                }
                return false;
            }
        }
        if (*p == '"') {
            return str();
        }
        if (!std::strncmp(p, "true", 4)) {
            p += 4;
            lua_pushboolean(L, 1);
            return true;
        }
        if (!std::strncmp(p, "false", 5) || !std::strncmp(p, "null", 4)) {
            p += *p == 'f' ? 5 : 4;
            lua_pushnil(L);
            return true;
        }
        char *e = nullptr;
        const bool integral = std::strcspn(p, ".eE,}] ") == std::strcspn(p, ",}] ");
        if (integral) {
            lua_pushinteger(L, std::strtoll(p, &e, 10));
        } else {
            lua_pushnumber(L, std::strtod(p, &e));
        }
        if (e == p) {
            return false;
        }
        p = e;
        return true;
    }
};

int luaJsonDecode(lua_State *L) {
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    LuaJsonReader r{s, s + n, L};
    if (!r.value()) {
        lua_pushnil(L);
    }
    return 1;
}

void luaEncode(lua_State *L, int idx, std::string &out) {
    switch (lua_type(L, idx)) {
    case LUA_TNIL:
        out += "null";
        break;
    case LUA_TBOOLEAN:
        out += lua_toboolean(L, idx) ? "true" : "false";
        break;
    case LUA_TNUMBER: {
        char buf[32];
        if (lua_isinteger(L, idx)) {
            std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(lua_tointeger(L, idx)));
        } else {
            std::snprintf(buf, sizeof buf, "%.17g", lua_tonumber(L, idx));
        }
        out += buf;
        break;
    }
    case LUA_TSTRING: {
        size_t n;
        const char *s = lua_tolstring(L, idx, &n);
        out += '"';
        for (size_t i = 0; i < n; ++i) {
            if (s[i] == '"' || s[i] == '\\') {
                out += '\\';
            }
            out += s[i];
        }
        out += '"';
        break;
    }
    case LUA_TTABLE: {
        idx = lua_absindex(L, idx);
        const lua_Integer len = lua_Integer(lua_rawlen(L, idx));
        if (len > 0) {
            out += '[';
            for (lua_Integer i = 1; i <= len; ++i) {
                if (i > 1) {
                    out += ',';
                }
                lua_rawgeti(L, idx, i);
                luaEncode(L, -1, out);
                lua_pop(L, 1);
            }
            out += ']';
            break;
        }
        out += '{';
        bool first = true;
        lua_pushnil(L);
        while (lua_next(L, idx)) {
            if (!first) {
                out += ',';
            }
            first = false;
            lua_pushvalue(L, -2); // a copy: lua_tostring must not convert the key itself
            out += '"';
            out += lua_tostring(L, -1);
            out += "\":";
            lua_pop(L, 1);
            luaEncode(L, -1, out);
            lua_pop(L, 1);
        }
        out += '}';
        break;
    }
    default:
        out += "null";
    }
}

int luaJsonEncode(lua_State *L) {
    std::string out;
    luaEncode(L, 1, out);
    lua_pushlstring(L, out.data(), out.size());
    return 1;
}

std::vector<std::string> *g_luaReplies = nullptr;

int luaReply(lua_State *L) {
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    g_luaReplies->emplace_back(s, n);
    return 0;
}

lua_State *newLua() {
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    lua_register(L, "json_decode", luaJsonDecode);
    lua_register(L, "json_encode", luaJsonEncode);
    lua_register(L, "reply", luaReply);
    return L;
}

// Loads @p source as a function left on the stack.
void luaLoad(lua_State *L, const char *source) {
    if (luaL_loadstring(L, source) != LUA_OK) {
        std::fprintf(stderr, "lua: %s\n", lua_tostring(L, -1));
        std::exit(1);
    }
}

void luaCall(lua_State *L, int nargs = 0) {
    if (lua_pcall(L, nargs, 1, 0) != LUA_OK) {
        std::fprintf(stderr, "lua: %s\n", lua_tostring(L, -1));
        std::exit(1);
    }
    lua_pop(L, 1);
}

// Times one whole-program benchmark in both languages; returns {ns, lua}.
std::pair<double, double> wholeProgram(const char *ns, const char *lua) {
    const auto program = compileOrDie(ns);
    MemoryStore store;
    const MessageInput in;
    const Limits limits = bigLimits();
    const double tNs = seconds([&] { runOrDie(*program, in, store, limits); });
    lua_State *L = newLua();
    luaLoad(L, lua);
    const double tLua = seconds([&] {
        lua_pushvalue(L, -1);
        luaCall(L);
    });
    lua_close(L);
    return {tNs, tLua};
}

const char *kFibNs = R"(
(defun fib (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
(defun main () (fib 27)))";
const char *kFibLua = R"(
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
return fib(27))";

const char *kStringNs = R"(
(defun main ()
  (let s "")
  (let i 0)
  (while (< i 20000)
    (set s (concat s (number-to-string i)))
    (set i (+ i 1)))
  (length s)))";
const char *kStringLua = R"(
local s = ""
local i = 0
while i < 20000 do
  s = s .. tostring(i)
  i = i + 1
end
return #s)";

const char *kMapNs = R"(
(defun main ()
  (let m (make-map))
  (let i 0)
  (while (< i 200000)
    (put m (concat "k" i) i)
    (set i (+ i 1)))
  (let sum 0)
  (set i 0)
  (while (< i 200000)
    (set sum (+ sum (get m (concat "k" i))))
    (set i (+ i 1)))
  sum))";
const char *kMapLua = R"(
local m = {}
local i = 0
while i < 200000 do
  m["k" .. i] = i
  i = i + 1
end
local sum = 0
i = 0
while i < 200000 do
  sum = sum + m["k" .. i]
  i = i + 1
end
return sum)";

const char *kHandlerNs = R"(
(defun main ()
  (let msg (json-parse MESSAGE))
  (put msg "name" (upcase (get msg "name")))
  (put msg "seen" t)
  (reply (json-encode msg))))";
const char *kHandlerLua = R"(
local msg = json_decode(MESSAGE)
msg.name = string.upper(msg.name)
msg.seen = true
reply(json_encode(msg)))";
const char *kMessage = R"({"id":42,"name":"alice","text":"hello there","tags":["a","b"]})";

const char *kTrivialNs = R"((defun main () (reply "pong")))";
const char *kTrivialLua = R"(reply("pong"))";

// Per-message runs: NET-Script makes a fully isolated instance per message; Lua reuses one
// state and gives each message a fresh environment table (its cheapest sandbox).
std::pair<double, double> perMessage(const char *ns, const char *lua, int count) {
    const auto program = compileOrDie(ns);
    MemoryStore store;
    MessageInput in = MessageInput::fromText(QString::fromUtf8(kMessage));
    in.sender = in.receiver = in.self = QString(40, u'0');
    const Limits limits;
    size_t replies = 0;
    const double tNs = seconds([&] {
        for (int i = 0; i < count; ++i) {
            const RunResult r = Instance::run(*program, in, store, limits);
            replies += r.effects.size();
        }
    });
    std::vector<std::string> luaReplies;
    g_luaReplies = &luaReplies;
    lua_State *L = newLua();
    luaLoad(L, lua);
    const int chunk = lua_gettop(L);
    lua_pushglobaltable(L);
    const int base = lua_gettop(L);
    lua_newtable(L); // metatable {__index = _G}
    lua_pushvalue(L, base);
    lua_setfield(L, -2, "__index");
    const int meta = lua_gettop(L);
    const double tLua = seconds([&] {
        for (int i = 0; i < count; ++i) {
            luaReplies.clear();
            lua_pushvalue(L, chunk);
            lua_createtable(L, 0, 4);
            lua_pushstring(L, kMessage);
            lua_setfield(L, -2, "MESSAGE");
            lua_pushvalue(L, meta);
            lua_setmetatable(L, -2);
            lua_setupvalue(L, -2, 1); // _ENV
            luaCall(L);
        }
    });
    lua_close(L);
    (void)replies;
    return {tNs / count, tLua / count};
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QJsonObject ns;
    QJsonObject lua;
    QJsonObject ratios;
    auto record = [&](const char *name, std::pair<double, double> t) {
        const QString key = QString::fromLatin1(name);
        ns.insert(key, t.first);
        lua.insert(key, t.second);
        ratios.insert(key, t.first / t.second);
    };
    record("fib27", wholeProgram(kFibNs, kFibLua));
    record("string_build", wholeProgram(kStringNs, kStringLua));
    record("map_200k", wholeProgram(kMapNs, kMapLua));
    record("message_handler", perMessage(kHandlerNs, kHandlerLua, 100000));
    const auto trivial = perMessage(kTrivialNs, kTrivialLua, 300000);
    record("trivial_instance", trivial);

    QJsonObject out;
    out.insert(QStringLiteral("benchmark"), QStringLiteral("netscript"));
    out.insert(QStringLiteral("unit"), QStringLiteral("seconds (per message for message_handler "
                                                      "and trivial_instance)"));
    out.insert(QStringLiteral("netscript_s"), ns);
    out.insert(QStringLiteral("lua_s"), lua);
    out.insert(QStringLiteral("ratios"), ratios);
    out.insert(QStringLiteral("instances_per_s"), 1.0 / trivial.first);
    out.insert(QStringLiteral("lua_fresh_env_instances_per_s"), 1.0 / trivial.second);
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
