// kith/core/time.hpp -- time points used by interactions and the strength model.
//
// Design decisions: kith stores time as whole seconds on the system clock
// (Unix time, UTC), `kith::timestamp`. Durations are `std::chrono` durations.
// The helpers below convert to and from Unix seconds and days without
// depending on C++20 calendar support. This header includes no Boost.
#pragma once

#include <chrono>
#include <cstdint>

namespace kith {

/// A point in time, whole seconds since 1970-01-01T00:00:00Z.
using timestamp = std::chrono::time_point<std::chrono::system_clock, std::chrono::seconds>;

/// One day as a duration (86,400 s).
using days = std::chrono::duration<std::int64_t, std::ratio<86400>>;

/// The timestamp `s` seconds after the Unix epoch.
constexpr timestamp from_unix(std::int64_t s) noexcept { return timestamp(std::chrono::seconds(s)); }

/// Seconds since the Unix epoch.
constexpr std::int64_t to_unix(timestamp t) noexcept { return t.time_since_epoch().count(); }

/// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
/// Complexity: O(1). Preconditions: 1 <= month <= 12, 1 <= day <= 31.
constexpr std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

/// A proleptic Gregorian calendar date.
struct civil_date {
    std::int64_t year = 1970;
    unsigned month = 1;  ///< 1..12
    unsigned day = 1;    ///< 1..31
};

/// The calendar date `days` days after 1970-01-01 (Howard Hinnant's algorithm; the inverse of
/// `days_from_civil`). Complexity: O(1).
constexpr civil_date civil_from_days(std::int64_t days) noexcept {
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return civil_date{static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2), m, d};
}

/// Whole days since 1970-01-01 of the UTC day containing `t` (rounds towards the past). O(1).
constexpr std::int64_t day_number(timestamp t) noexcept {
    const std::int64_t s = t.time_since_epoch().count();
    return (s >= 0 ? s : s - 86399) / 86400;
}

/// The timestamp of midnight UTC on the given date, plus optional hours/minutes/seconds.
constexpr timestamp make_timestamp(std::int64_t year, unsigned month, unsigned day,
                                   unsigned hour = 0, unsigned minute = 0, unsigned second = 0) noexcept {
    return from_unix(days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second);
}

/// Elapsed time between two timestamps in fractional days (negative when `to` precedes `from`).
constexpr double days_between(timestamp from, timestamp to) noexcept {
    return static_cast<double>((to - from).count()) / 86400.0;
}

} // namespace kith
