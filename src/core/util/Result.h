// SPDX-License-Identifier: GPL-3.0-or-later
// Result<T>: a value or an error, that is a typed code and a human-readable reason. Expected
// failures (bad input, wrong passphrase, tampered records) are values of this type;
// exceptions never cross Qt handlers. Callers decide on the code, never on the text.
#pragma once

#include "util/ErrorCode.h"

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace orion {

struct Error {
    ErrorCode code = ErrorCode::Failed;
    QString message;
};

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value)
        : m_value(std::move(value)) {}
    Result(Error error)
        : m_value(std::move(error)) {}

    static Result failure(QString message) {
        return Result(Error{ErrorCode::Failed, std::move(message)});
    }
    static Result failure(ErrorCode code, QString message) {
        return Result(Error{code, std::move(message)});
    }
    // Passes on another Result's failure: failure(other.errorValue()).
    static Result failure(Error error) { return Result(std::move(error)); }

    bool ok() const { return std::holds_alternative<T>(m_value); }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<T>(m_value); }
    const T &value() const & { return std::get<T>(m_value); }
    T &&value() && { return std::get<T>(std::move(m_value)); }
    T *operator->() { return &std::get<T>(m_value); }
    const T *operator->() const { return &std::get<T>(m_value); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    // The reason, for people. Only valid when !ok().
    const QString &error() const { return std::get<Error>(m_value).message; }
    // What kind of failure, for code. Only valid when !ok().
    ErrorCode errorCode() const { return std::get<Error>(m_value).code; }
    // Both, to pass a failure on unchanged as another Result's.
    const Error &errorValue() const { return std::get<Error>(m_value); }

private:
    std::variant<T, Error> m_value;
};

// Result<void>: success or an error.
template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error)) {}

    static Result success() { return Result(); }
    static Result failure(QString message) {
        return Result(Error{ErrorCode::Failed, std::move(message)});
    }
    static Result failure(ErrorCode code, QString message) {
        return Result(Error{code, std::move(message)});
    }
    // Passes on another Result's failure: failure(other.errorValue()).
    static Result failure(Error error) { return Result(std::move(error)); }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const QString &error() const { return m_error->message; }
    ErrorCode errorCode() const { return m_error->code; }
    const Error &errorValue() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

} // namespace orion
