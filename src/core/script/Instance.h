// SPDX-License-Identifier: GPL-3.0-or-later
// Instance: one run of a Program for one message: its stack, heap and effects, under the
// sandbox Limits. Created and destroyed inside run() on whichever pool thread calls it.
#pragma once

#include "script/Effect.h"
#include "script/Heap.h"
#include "script/Limits.h"
#include "script/MessageInput.h"
#include "script/Program.h"
#include "script/RunResult.h"
#include "script/Store.h"
#include "script/Value.h"

#include <QHash>

#include <chrono>
#include <memory>
#include <optional>
#include <vector>

namespace orion::script {

class Instance {
public:
    // Runs the top-level lets, then main. Thread-safe: @p program is only read, and
    // @p store only through its const interface.
    static RunResult run(const Program &program, const MessageInput &input, const Store &store,
                         const Limits &limits = Limits());

    // ---- for built-ins (same thread, during run) ----
    Heap &heap() { return m_heap; }
    const MessageInput &input() const { return m_input; }
    // Records an effect; its size counts against the memory budget.
    void addEffect(Effect effect);
    // The stored JSON for @p key as this run sees it (own writes first), or nothing.
    std::optional<QByteArray> storeRead(const QString &key) const;
    void storeWrite(const QString &key, std::optional<QByteArray> json);
    // Charges @p units of work done inside a built-in to the instruction budget.
    void work(int64_t units) {
        m_fuel -= units;
        if (m_fuel < 0) {
            refuel();
        }
    }

private:
    struct Frame {
        const int32_t *returnPc;
        size_t base; // index of the frame's first local in m_stack
    };

    Instance(const Program &program, const MessageInput &input, const Store &store,
             const Limits &limits);
    void initGlobals();
    Value execute(int function);
    void refuel();
    void growStack(size_t needed);
    uint64_t consumed() const;

    const Program &m_program;
    const MessageInput &m_input;
    const Store &m_store;
    Limits m_limits;
    Heap m_heap; // declared before every member that holds values: it must outlive them
    std::unique_ptr<Value[]> m_stack;
    size_t m_stackSize = 0;
    size_t m_globalCount = 0;
    std::vector<Frame> m_frames;
    std::vector<Effect> m_effects;
    QHash<QString, std::optional<QByteArray>> m_writes;
    int64_t m_fuel = 0;
    int64_t m_chunk = 0;
    uint64_t m_consumedBefore = 0;
    std::chrono::steady_clock::time_point m_deadline;
    const void *m_errorPc = nullptr; // the instruction that failed
};

} // namespace orion::script
