// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <expected>
#include <string>

namespace mb {

/// What kind of failure an Error reports; the CLI maps these to exit codes.
enum class ErrorCode : std::uint8_t {
    Io,           ///< cannot open, read or write a file
    Format,       ///< the bytes do not follow the expected format
    Unsupported,  ///< valid input we choose not to handle (ARFF relational, ...)
    Data,         ///< readable data that cannot serve (one class, no features, ...)
    Usage,        ///< the caller asked for something invalid (bad option, bad parameter)
    Cancelled,    ///< the user stopped the work
    Internal,     ///< a broken invariant surfaced at a boundary
};

/// An expected failure, as a value: a message for people plus where it happened.
/// Line and column are 1-based; 0 means "does not apply".
struct Error {
    ErrorCode code = ErrorCode::Format;
    std::string message;
    std::string file;
    std::int64_t line = 0;
    std::int64_t column = 0;
    std::string field;

    /// "file:line:column: message", leaving out the parts that do not apply.
    std::string describe() const;
};

template<class T>
using Expected = std::expected<T, Error>;

inline std::unexpected<Error> fail(ErrorCode code, std::string message)
{
    return std::unexpected(Error{code, std::move(message), {}, 0, 0, {}});
}

} // namespace mb
