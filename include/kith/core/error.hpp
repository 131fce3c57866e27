// kith/core/error.hpp -- the error types every public kith function may throw.
//
// Design decisions: expected outcomes (no path, nobody to suggest) are values,
// never exceptions. Bad input at a public boundary throws `kith::error` or one
// of its subclasses; every message starts with the name of the function that
// detected the problem and names the offending value. Broken preconditions
// inside tier-1 (generic) algorithms hit `KITH_ASSERT`, which is active in
// debug builds and can be redefined by the application before including kith.
// This header includes no Boost.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>

#ifndef KITH_ASSERT
#  ifdef NDEBUG
#    define KITH_ASSERT(cond) ((void)0)
#  else
#    include <cassert>
#    define KITH_ASSERT(cond) assert(cond)
#  endif
#endif

namespace kith {

/// Base class of every exception kith throws for bad input.
/// `what()` starts with the function name, e.g. "network::set_warmth: warmth 1.5 is outside (0,1]".
class error : public std::runtime_error {
public:
    explicit error(const std::string& message) : std::runtime_error(message) {}
};

/// A person id or external key that the network or snapshot does not know
/// (never added, or removed).
class unknown_person : public error {
public:
    explicit unknown_person(const std::string& message) : error(message) {}
};

/// A tie that cannot exist: a self-tie, or a warmth outside (0,1] or NaN.
class invalid_tie : public error {
public:
    explicit invalid_tie(const std::string& message) : error(message) {}
};

/// An argument outside its documented domain (an option out of range, an
/// unknown group, event or organisation, a duplicate external key, ...).
class invalid_argument : public error {
public:
    explicit invalid_argument(const std::string& message) : error(message) {}
};

/// A file that could not be read or parsed. Carries the file, the 1-based line
/// and column, the offending text and what was expected there.
/// `what()` reads "file:line:column: message (found 'text', expected ...)".
class parse_error : public error {
public:
    parse_error(std::string file, std::size_t line, std::size_t column, std::string text,
                std::string expected, const std::string& message)
        : error(format(file, line, column, text, expected, message)),
          file_(std::move(file)), line_(line), column_(column),
          text_(std::move(text)), expected_(std::move(expected)) {}

    const std::string& file() const noexcept { return file_; }
    std::size_t line() const noexcept { return line_; }
    std::size_t column() const noexcept { return column_; }
    /// The offending text (possibly shortened to 80 bytes).
    const std::string& text() const noexcept { return text_; }
    const std::string& expected() const noexcept { return expected_; }

private:
    static std::string format(const std::string& file, std::size_t line, std::size_t column,
                              const std::string& text, const std::string& expected,
                              const std::string& message) {
        std::string s = file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message;
        if (!text.empty() || !expected.empty()) {
            s += " (found '" + text + "'";
            if (!expected.empty()) s += ", expected " + expected;
            s += ")";
        }
        return s;
    }

    std::string file_;
    std::size_t line_;
    std::size_t column_;
    std::string text_;
    std::string expected_;
};

} // namespace kith
