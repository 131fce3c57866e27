// kith/io/detail/text.hpp -- text helpers shared by kith's loaders (internal).
//
// UTF-8 validation, positions (line, column) for error messages, trimming,
// strict number parsing with std::from_chars, ISO 8601 / Unix timestamp
// parsing (Howard Hinnant's date library), and whole-file reading. Nothing
// here is part of kith's public API.
#pragma once

#include <kith/core/error.hpp>
#include <kith/core/time.hpp>

#include <date/date.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <istream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>

namespace kith::io::detail {

/// Offset of the first byte of `s` that is not part of well-formed UTF-8
/// (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF), or npos.
inline std::size_t find_invalid_utf8(std::string_view s) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        // ASCII fast path, 8 bytes at a time.
        while (i + 8 <= n) {
            std::uint64_t w;
            std::memcpy(&w, p + i, 8);
            if (w & 0x8080808080808080ull) break;
            i += 8;
        }
        if (i >= n) break;
        const unsigned c = p[i];
        if (c < 0x80) { ++i; continue; }
        std::size_t len;
        unsigned lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c == 0xE0) { len = 3; lo = 0xA0; }
        else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) len = 3;
        else if (c == 0xED) { len = 3; hi = 0x9F; }
        else if (c == 0xF0) { len = 4; lo = 0x90; }
        else if (c >= 0xF1 && c <= 0xF3) len = 4;
        else if (c == 0xF4) { len = 4; hi = 0x8F; }
        else return i;
        if (i + len > n) return i;
        if (p[i + 1] < lo || p[i + 1] > hi) return i;
        for (std::size_t k = 2; k < len; ++k)
            if (p[i + k] < 0x80 || p[i + k] > 0xBF) return i;
        i += len;
    }
    return std::string_view::npos;
}

/// 1-based column of byte `pos` in a line starting at byte `line_start`,
/// counted in code points (continuation bytes do not count).
inline std::size_t column_of(std::string_view data, std::size_t line_start, std::size_t pos) noexcept {
    std::size_t col = 1;
    for (std::size_t i = line_start; i < pos && i < data.size(); ++i)
        if ((static_cast<unsigned char>(data[i]) & 0xC0) != 0x80) ++col;
    return col;
}

/// `s` shortened to at most 80 bytes (cut on a code point boundary, "..." appended),
/// with bytes that are not printable ASCII or valid UTF-8 shown as \xHH.
inline std::string shorten(std::string_view s, std::size_t max_bytes = 80) {
    std::string out;
    const bool cut = s.size() > max_bytes;
    std::size_t end = cut ? max_bytes : s.size();
    if (cut)
        while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
    std::string_view head = s.substr(0, end);
    const std::size_t bad = find_invalid_utf8(head);
    for (std::size_t i = 0; i < head.size(); ++i) {
        const auto c = static_cast<unsigned char>(head[i]);
        if ((bad != std::string_view::npos && i >= bad && c >= 0x80) || c < 0x20 || c == 0x7F) {
            if (c == '\n') { out += "\\n"; continue; }
            if (c == '\r') { out += "\\r"; continue; }
            if (c == '\t') { out += "\\t"; continue; }
            static const char hex[] = "0123456789abcdef";
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += static_cast<char>(c);
        }
    }
    if (cut) out += "...";
    return out;
}

/// `s` without leading and trailing spaces and tabs.
constexpr std::string_view trim(std::string_view s) noexcept {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

/// ASCII lower-case copy.
inline std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

/// The whole of `s` as a double (std::from_chars, so "nan" and "inf" parse;
/// the caller rejects them). A leading '+' is accepted. Nullopt when `s` is not a number.
inline std::optional<double> parse_double(std::string_view s) noexcept {
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    if (s.empty()) return std::nullopt;
    double v = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size()) {
        if (r.ec == std::errc::result_out_of_range && r.ptr == s.data() + s.size())
            return std::nullopt;
        return std::nullopt;
    }
    return v;
}

/// The whole of `s` as an integer of type T; nullopt when not an integer or out of range.
template <class T>
std::optional<T> parse_integer(std::string_view s) noexcept {
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    if (s.empty()) return std::nullopt;
    T v{};
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size()) return std::nullopt;
    return v;
}

inline bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

/// The accepted timestamp forms, for error messages.
inline constexpr const char* timestamp_forms =
    "Unix seconds or ISO 8601 (2025-03-14, 2025-03-14T09:30:00Z, 2025-03-14T09:30:00+02:00)";

/// Parses a timestamp: Unix seconds (an optionally signed integer, optionally with
/// a fraction that is dropped) or ISO 8601 `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fff]]`
/// (a space may replace the T) followed by nothing (UTC), `Z`, or an offset
/// `+hh:mm` / `+hhmm` / `+hh`. Fractions of a second are floored. Dates are checked
/// (2025-02-30 is rejected). Nullopt when `s` is none of these.
inline std::optional<timestamp> parse_timestamp(std::string_view s) {
    s = trim(s);
    if (s.empty()) return std::nullopt;
    // Unix seconds.
    {
        std::string_view t = s;
        if (t.front() == '-' || t.front() == '+') t.remove_prefix(1);
        const std::size_t dot = t.find('.');
        std::string_view ip = t.substr(0, dot), fp = dot == std::string_view::npos ? std::string_view() : t.substr(dot + 1);
        const bool all_digits = !ip.empty() && std::all_of(ip.begin(), ip.end(), is_digit) &&
                                std::all_of(fp.begin(), fp.end(), is_digit) &&
                                (dot == std::string_view::npos || !fp.empty());
        if (all_digits) {
            if (ip.size() > 12) return std::nullopt;  // beyond year ~33,000
            std::int64_t v = 0;
            std::from_chars(ip.data(), ip.data() + ip.size(), v);
            if (s.front() == '-') v = -v - (fp.find_first_not_of('0') != std::string_view::npos ? 1 : 0);
            return from_unix(v);
        }
    }
    // ISO 8601: the date part must be exactly YYYY-MM-DD.
    if (s.size() < 10) return std::nullopt;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (!is_digit(s[i])) return std::nullopt;
    if (s[4] != '-' || s[7] != '-') return std::nullopt;
    std::string fmt = "%Y-%m-%d";
    std::string text(s);
    if (s.size() > 10) {
        if (s[10] != 'T' && s[10] != 't' && s[10] != ' ') return std::nullopt;
        text[10] = 'T';
        std::string_view rest = s.substr(11);
        std::string zone_fmt;
        if (!rest.empty() && (rest.back() == 'Z' || rest.back() == 'z')) {
            rest.remove_suffix(1);
            text.pop_back();
        } else {
            const std::size_t z = rest.find_first_of("+-");
            if (z != std::string_view::npos) {
                // The zone must be exactly [+-]HH:MM or [+-]HHMM before date::parse sees it
                // (a stray sign such as "-+02:00" made it negate INT64_MIN: undefined behaviour).
                const std::string_view zone = rest.substr(z);
                const bool hhmm = zone.size() == 5 && is_digit(zone[1]) && is_digit(zone[2]) &&
                                  is_digit(zone[3]) && is_digit(zone[4]);
                const bool hh_mm = zone.size() == 6 && is_digit(zone[1]) && is_digit(zone[2]) && zone[3] == ':' &&
                                   is_digit(zone[4]) && is_digit(zone[5]);
                if (!hhmm && !hh_mm) return std::nullopt;
                zone_fmt = hh_mm ? "%Ez" : "%z";
                rest = rest.substr(0, z);
            }
        }
        const auto colons = std::count(rest.begin(), rest.end(), ':');
        if (colons == 2) fmt += "T%H:%M:%S";
        else if (colons == 1) fmt += "T%H:%M";
        else return std::nullopt;
        // Two-digit hour, minute and (integer part of) second.
        if (rest.size() < 5 || !is_digit(rest[0]) || !is_digit(rest[1]) || rest[2] != ':' || !is_digit(rest[3]) ||
            !is_digit(rest[4]))
            return std::nullopt;
        if (colons == 2 && (rest.size() < 8 || rest[5] != ':' || !is_digit(rest[6]) || !is_digit(rest[7])))
            return std::nullopt;
        fmt += zone_fmt;
    }
    std::istringstream in(text);
    date::sys_time<std::chrono::milliseconds> tp;
    in >> date::parse(fmt, tp);
    if (in.fail()) return std::nullopt;
    if (in.peek() != std::char_traits<char>::eof()) return std::nullopt;
    return std::chrono::time_point_cast<std::chrono::seconds>(date::floor<std::chrono::seconds>(tp));
}

/// The contents of the file at `path`. Throws `parse_error` (line 0) when it cannot be read.
inline std::string read_file(const std::string& path, const char* fn) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f)
        throw parse_error(path, 0, 0, "", "a readable file",
                          std::string(fn) + ": cannot open the file (" + std::strerror(errno) + ")");
    std::string out;
    char buf[1 << 16];
    std::size_t got;
    while ((got = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, got);
    const bool bad = std::ferror(f) != 0;
    std::fclose(f);
    if (bad) throw parse_error(path, 0, 0, "", "a readable file", std::string(fn) + ": read error");
    return out;
}

/// The rest of a stream as a string.
inline std::string read_stream(std::istream& in) {
    std::string out;
    char buf[1 << 16];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) out.append(buf, static_cast<std::size_t>(in.gcount()));
    return out;
}

}  // namespace kith::io::detail
