// SPDX-License-Identifier: GPL-3.0-or-later
#include "script/Instance.h"

#include "script/Builtins.h"
#include "script/Opcode.h"
#include "script/ScriptError.h"
#include "script/StringObject.h"
#include "script/ValueOps.h"
#include "util/Json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <new>

// The interpreter dispatches with computed goto (a GCC and Clang extension): one indirect
// jump per instruction, which branch predictors handle far better than a switch.
#pragma GCC diagnostic ignored "-Wpedantic"

namespace orion::script {

namespace {

// Fuel is handed out in chunks; the wall clock is read once per chunk.
constexpr int64_t kChunk = 20000;
constexpr int64_t kCallCost = 4;
constexpr size_t kInitialStack = 8; // slack beyond main's own frame

const char *opName(Opcode op) {
    switch (op) {
    case Opcode::Add:
        return "+";
    case Opcode::Sub:
        return "-";
    case Opcode::Mul:
        return "*";
    case Opcode::Div:
        return "/";
    case Opcode::Mod:
        return "%";
    default:
        return "?";
    }
}

[[noreturn]] void overflow(Opcode op) {
    throw ScriptError{QStringLiteral("integer overflow in '%1'").arg(QLatin1String(opName(op)))};
}

[[noreturn]] void divisionByZero(Opcode op) {
    throw ScriptError{QStringLiteral("division by zero in '%1'").arg(QLatin1String(opName(op)))};
}

// Integer and mixed arithmetic off the fast path; the result replaces @p a.
void arith(Opcode op, Value &a, const Value &b) {
    if (!a.isNumber() || !b.isNumber()) {
        const Value &bad = a.isNumber() ? b : a;
        throw ScriptError{QStringLiteral("'%1' expects numbers, got %2")
                              .arg(QLatin1String(opName(op)), QLatin1String(bad.typeName()))};
    }
    if (a.isInt() && b.isInt()) {
        const int64_t x = a.asInt();
        const int64_t y = b.asInt();
        int64_t r = 0;
        switch (op) {
        case Opcode::Add:
            if (__builtin_add_overflow(x, y, &r)) {
                overflow(op);
            }
            break;
        case Opcode::Sub:
            if (__builtin_sub_overflow(x, y, &r)) {
                overflow(op);
            }
            break;
        case Opcode::Mul:
            if (__builtin_mul_overflow(x, y, &r)) {
                overflow(op);
            }
            break;
        case Opcode::Div:
        case Opcode::Mod:
            if (y == 0) {
                divisionByZero(op);
            }
            if (y == -1 && x == INT64_MIN) {
                if (op == Opcode::Mod) {
                    r = 0;
                    break;
                }
                overflow(op);
            }
            r = op == Opcode::Div ? x / y : x % y;
            break;
        default:
            break;
        }
        a.setInt(r);
        return;
    }
    const double x = a.asNumber();
    const double y = b.asNumber();
    double r = 0;
    switch (op) {
    case Opcode::Add:
        r = x + y;
        break;
    case Opcode::Sub:
        r = x - y;
        break;
    case Opcode::Mul:
        r = x * y;
        break;
    case Opcode::Div:
        if (y == 0) {
            divisionByZero(op);
        }
        r = x / y;
        break;
    case Opcode::Mod:
        if (y == 0) {
            divisionByZero(op);
        }
        r = std::fmod(x, y);
        break;
    default:
        break;
    }
    a = Value::real(r);
}

inline bool falsy(const Value &v) {
    return v.tag() == Tag::Nil || (v.tag() == Tag::List && !v.truthy());
}

QString encodeBody(const QJsonValue &body) {
    return util::Json::text(body);
}

} // namespace

Instance::Instance(const Program &program, const MessageInput &input, const Store &store,
                   const Limits &limits)
    : m_program(program)
    , m_input(input)
    , m_store(store)
    , m_limits(limits)
    , m_heap(limits.maxMemoryBytes) {
    m_chunk = int64_t(std::min<uint64_t>(uint64_t(kChunk), limits.maxInstructions));
    m_fuel = m_chunk;
    m_deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(limits.maxWallClockMs);
}

uint64_t Instance::consumed() const {
    return m_consumedBefore + uint64_t(m_chunk - m_fuel);
}

void Instance::refuel() {
    m_consumedBefore += uint64_t(m_chunk - m_fuel);
    if (m_consumedBefore >= m_limits.maxInstructions) {
        m_chunk = m_fuel = 0;
        throw ScriptError{QStringLiteral("instruction budget exhausted (limit %1 instructions)")
                              .arg(m_limits.maxInstructions)};
    }
    if (std::chrono::steady_clock::now() > m_deadline) {
        m_chunk = m_fuel = 0;
        throw ScriptError{
            QStringLiteral("time limit exceeded (limit %1 ms)").arg(m_limits.maxWallClockMs)};
    }
    m_chunk =
        int64_t(std::min<uint64_t>(uint64_t(kChunk), m_limits.maxInstructions - m_consumedBefore));
    m_fuel = m_chunk;
}

void Instance::growStack(size_t needed) {
    // The first stack is just what main needs (most instances never call deeper); later
    // growth doubles.
    size_t size = m_stackSize == 0 ? needed + kInitialStack : m_stackSize * 2;
    while (size < needed) {
        size *= 2;
    }
    std::unique_ptr<Value[]> bigger(new Value[size]);
    for (size_t i = 0; i < m_stackSize; ++i) {
        bigger[i] = std::move(m_stack[i]);
    }
    m_heap.charge((size - m_stackSize) * sizeof(Value));
    m_stack = std::move(bigger);
    m_stackSize = size;
}

void Instance::addEffect(Effect effect) {
    m_heap.charge(sizeof(Effect) + size_t(effect.body.size() + effect.target.size() +
                                          effect.service.size() + effect.key.size()) *
                                       2);
    m_effects.push_back(std::move(effect));
}

std::optional<QByteArray> Instance::storeRead(const QString &key) const {
    auto it = m_writes.constFind(key);
    if (it != m_writes.constEnd()) {
        return *it;
    }
    return m_store.get(key);
}

void Instance::storeWrite(const QString &key, std::optional<QByteArray> json) {
    m_writes.insert(key, std::move(json));
}

void Instance::initGlobals() {
    m_globalCount = size_t(m_program.globalCount());
    size_t frame = 0;
    for (int f : {m_program.initFunction(), m_program.mainFunction()}) {
        if (f >= 0) {
            const auto &fn = m_program.functions()[size_t(f)];
            frame = std::max(frame, size_t(fn.numLocals + fn.maxStack));
        }
    }
    growStack(m_globalCount + frame);
    auto text = [this](const QString &s) {
        const QByteArray utf8 = s.toUtf8();
        return m_heap.string(std::string_view(utf8.constData(), size_t(utf8.size())));
    };
    if (m_program.usesPredefined(Program::kMessage)) {
        m_stack[Program::kMessage] = text(encodeBody(m_input.body));
    }
    if (m_program.usesPredefined(Program::kSender)) {
        m_stack[Program::kSender] = text(m_input.sender);
    }
    if (m_program.usesPredefined(Program::kReceiver)) {
        m_stack[Program::kReceiver] = text(m_input.receiver);
    }
    if (m_program.usesPredefined(Program::kService)) {
        m_stack[Program::kService] = text(m_input.service);
    }
    if (m_program.usesPredefined(Program::kSelf)) {
        m_stack[Program::kSelf] = text(m_input.self);
    }
}

RunResult Instance::run(const Program &program, const MessageInput &input, const Store &store,
                        const Limits &limits) {
    RunResult result;
    Instance vm(program, input, store, limits);
    const int32_t *errorPc = nullptr;
    try {
        vm.initGlobals();
        if (program.initFunction() >= 0) {
            vm.execute(program.initFunction());
        }
        vm.execute(program.mainFunction());
        result.ok = true;
    } catch (const ScriptError &e) {
        result.error.message = e.message;
        errorPc = reinterpret_cast<const int32_t *>(vm.m_errorPc);
    } catch (const std::bad_alloc &) {
        result.error.message = QStringLiteral("out of memory");
        errorPc = reinterpret_cast<const int32_t *>(vm.m_errorPc);
    }
    if (!result.ok && errorPc) {
        const auto pos = program.position(size_t(errorPc - program.code()));
        result.error.line = pos.line;
        result.error.column = pos.column;
    }
    result.instructions = vm.consumed();
    result.effects = std::move(vm.m_effects);
    return result;
}

Value Instance::execute(int function) {
    const int32_t *const code = m_program.code();
    const Value *const constants = m_program.constants();
    const auto &functions = m_program.functions();
    const Program::Function &entry = functions[size_t(function)];

    if (m_globalCount + size_t(entry.numLocals + entry.maxStack) > m_stackSize) {
        growStack(m_globalCount + size_t(entry.numLocals + entry.maxStack));
    }
    Value *stack = m_stack.get();
    Value *globals = stack;
    Value *bp = stack + m_globalCount;
    Value *sp = bp + entry.numLocals;
    const int32_t *pc = code + entry.entry;
    m_frames.push_back({nullptr, m_globalCount});

#define NEXT goto *kLabels[*pc++]
#define PUSH(v) new (sp++) Value(v)

    static const void *const kLabels[] = {
        &&op_Nil,  &&op_True,   &&op_Int,    &&op_Const, &&op_LoadL, &&op_LoadG, &&op_StoreL,
        &&op_SetL, &&op_StoreG, &&op_SetG,   &&op_Pop,   &&op_Jmp,   &&op_Loop,  &&op_Jf,
        &&op_Jt,   &&op_JfKeep, &&op_JtKeep, &&op_Call,  &&op_Ret,   &&op_Add,   &&op_Sub,
        &&op_Mul,  &&op_Div,    &&op_Mod,    &&op_Neg,   &&op_Lt,    &&op_Gt,    &&op_Le,
        &&op_Ge,   &&op_Eq,     &&op_Ne,     &&op_Not,   &&op_AddI,  &&op_LtJf,  &&op_LeJf,
        &&op_GtJf, &&op_GeJf,   &&op_Builtin};
    static_assert(sizeof(kLabels) / sizeof(kLabels[0]) == size_t(Opcode::Count));

    try {
        NEXT;

    op_Nil:
        PUSH(Value());
        NEXT;
    op_True:
        PUSH(Value::t());
        NEXT;
    op_Int:
        PUSH(Value::integer(*pc++));
        NEXT;
    op_Const:
        PUSH(constants[*pc++]);
        NEXT;
    op_LoadL:
        PUSH(bp[*pc++]);
        NEXT;
    op_LoadG:
        PUSH(globals[*pc++]);
        NEXT;
    op_StoreL:
        bp[*pc++] = std::move(*--sp);
        NEXT;
    op_SetL:
        bp[*pc++] = sp[-1];
        NEXT;
    op_StoreG:
        globals[*pc++] = std::move(*--sp);
        NEXT;
    op_SetG:
        globals[*pc++] = sp[-1];
        NEXT;
    op_Pop:
        (--sp)->reset();
        NEXT;
    op_Jmp:
        pc = code + *pc;
        NEXT;
    op_Loop:
        m_fuel -= pc[1];
        if (m_fuel < 0) [[unlikely]] {
            refuel(); // before the jump, so an error points at the loop
        }
        pc = code + pc[0];
        NEXT;
    op_Jf : {
        --sp;
        const bool f = falsy(*sp);
        sp->reset();
        pc = f ? code + *pc : pc + 1;
        NEXT;
    }
    op_Jt : {
        --sp;
        const bool f = falsy(*sp);
        sp->reset();
        pc = f ? pc + 1 : code + *pc;
        NEXT;
    }
    op_JfKeep:
        if (falsy(sp[-1])) {
            pc = code + *pc;
        } else {
            (--sp)->reset();
            ++pc;
        }
        NEXT;
    op_JtKeep:
        if (!falsy(sp[-1])) {
            pc = code + *pc;
        } else {
            (--sp)->reset();
            ++pc;
        }
        NEXT;
    op_Call : {
        const Program::Function &callee = functions[size_t(pc[0])];
        const int argc = pc[1];
        pc += 2;
        m_fuel -= kCallCost;
        if (m_fuel < 0) [[unlikely]] {
            refuel();
        }
        if (m_frames.size() >= size_t(m_limits.maxCallDepth)) [[unlikely]] {
            throw ScriptError{QStringLiteral("call depth limit exceeded (limit %1 nested calls)")
                                  .arg(m_limits.maxCallDepth)};
        }
        size_t base = size_t(sp - stack) - size_t(argc);
        const size_t need = base + size_t(callee.numLocals + callee.maxStack);
        if (need > m_stackSize) [[unlikely]] {
            const size_t spOff = size_t(sp - stack);
            const size_t bpOff = size_t(bp - stack);
            growStack(need);
            stack = globals = m_stack.get();
            sp = stack + spOff;
            bp = stack + bpOff;
        }
        m_frames.push_back({pc, size_t(bp - stack)});
        bp = stack + base;
        sp = bp + callee.numLocals;
        pc = code + callee.entry;
        NEXT;
    }
    op_Ret : {
        // Scoped so that no object with a destructor is alive at the indirect jump.
        {
            Value result(std::move(sp[-1]));
            --sp;
            while (sp > bp) {
                (--sp)->reset();
            }
            const Frame frame = m_frames.back();
            m_frames.pop_back();
            if (!frame.returnPc) {
                return result;
            }
            pc = frame.returnPc;
            bp = stack + frame.base;
            new (sp++) Value(std::move(result));
        }
        NEXT;
    }

#define INT_BINARY(NAME, OP, BUILTIN)                                                              \
    op_##NAME : {                                                                                  \
        Value &a = sp[-2];                                                                         \
        Value &b = sp[-1];                                                                         \
        int64_t r;                                                                                 \
        if (a.isInt() && b.isInt() && !BUILTIN(a.asInt(), b.asInt(), &r)) [[likely]] {             \
            a.setInt(r);                                                                           \
            b.forget();                                                                            \
        } else {                                                                                   \
            arith(Opcode::NAME, a, b);                                                             \
            b.reset();                                                                             \
        }                                                                                          \
        --sp;                                                                                      \
        NEXT;                                                                                      \
    }
        INT_BINARY(Add, +, __builtin_add_overflow)
        INT_BINARY(Sub, -, __builtin_sub_overflow)
        INT_BINARY(Mul, *, __builtin_mul_overflow)
#undef INT_BINARY

    op_Div:
        arith(Opcode::Div, sp[-2], sp[-1]);
        (--sp)->reset();
        NEXT;
    op_Mod:
        arith(Opcode::Mod, sp[-2], sp[-1]);
        (--sp)->reset();
        NEXT;
    op_Neg : {
        Value &a = sp[-1];
        if (a.isInt() && a.asInt() != INT64_MIN) {
            a.setInt(-a.asInt());
        } else if (a.isFloat()) {
            a = Value::real(-a.asFloat());
        } else if (a.isInt()) {
            overflow(Opcode::Sub);
        } else {
            throw ScriptError{
                QStringLiteral("'-' expects numbers, got %1").arg(QLatin1String(a.typeName()))};
        }
        NEXT;
    }
    op_AddI : {
        Value &a = sp[-1];
        int64_t r;
        if (a.isInt() && !__builtin_add_overflow(a.asInt(), int64_t(*pc), &r)) [[likely]] {
            a.setInt(r);
        } else {
            arith(*pc < 0 ? Opcode::Sub : Opcode::Add, a, Value::integer(*pc));
        }
        ++pc;
        NEXT;
    }

#define COMPARE(NAME, OP, TEXT)                                                                    \
    op_##NAME : {                                                                                  \
        Value &a = sp[-2];                                                                         \
        Value &b = sp[-1];                                                                         \
        const bool r = (a.isInt() && b.isInt()) ? (a.asInt() OP b.asInt())                         \
                                                : (ValueOps::compare(*this, a, b, TEXT) OP 0);     \
        b.reset();                                                                                 \
        a.setBool(r);                                                                              \
        --sp;                                                                                      \
        NEXT;                                                                                      \
    }                                                                                              \
    op_##NAME##Jf : {                                                                              \
        Value &a = sp[-2];                                                                         \
        Value &b = sp[-1];                                                                         \
        const bool r = (a.isInt() && b.isInt()) ? (a.asInt() OP b.asInt())                         \
                                                : (ValueOps::compare(*this, a, b, TEXT) OP 0);     \
        b.reset();                                                                                 \
        a.reset();                                                                                 \
        sp -= 2;                                                                                   \
        pc = r ? pc + 1 : code + *pc;                                                              \
        NEXT;                                                                                      \
    }
        COMPARE(Lt, <, "<")
        COMPARE(Gt, >, ">")
        COMPARE(Le, <=, "<=")
        COMPARE(Ge, >=, ">=")
#undef COMPARE

    op_Eq:
    op_Ne : {
        const bool ne = Opcode(pc[-1]) == Opcode::Ne;
        Value &a = sp[-2];
        Value &b = sp[-1];
        const bool r =
            (a.isInt() && b.isInt()) ? a.asInt() == b.asInt() : ValueOps::equals(*this, a, b);
        b.reset();
        a.setBool(r != ne);
        --sp;
        NEXT;
    }
    op_Not:
        sp[-1].setBool(falsy(sp[-1]));
        NEXT;
    op_Builtin : {
        const BuiltinInfo &info = Builtins::info(pc[0]);
        const int argc = pc[1];
        pc += 2;
        {
            Value r = info.fn(*this, sp - argc, argc);
            for (int i = 0; i < argc; ++i) {
                (--sp)->reset();
            }
            new (sp++) Value(std::move(r));
        }
        NEXT;
    }
    } catch (...) {
        m_errorPc = pc - 1;
        throw;
    }
#undef NEXT
#undef PUSH
}

} // namespace orion::script
