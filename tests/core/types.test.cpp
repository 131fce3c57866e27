// Tests of kith/core: ids, time helpers, channels, tiers, visibility and the error types.
#include "kith_catch.hpp"

#include <kith/core/error.hpp>
#include <kith/core/ids.hpp>
#include <kith/core/time.hpp>
#include <kith/core/types.hpp>

#include <sstream>
#include <type_traits>
#include <unordered_set>

TEST_CASE("ids are strong, ordered and hashable", "[core]") {
    static_assert(!std::is_convertible_v<std::uint32_t, kith::person_id>, "explicit only");
    static_assert(!std::is_convertible_v<kith::group_id, kith::person_id>, "kinds do not mix");
    const kith::person_id a(3), b(7);
    CHECK(a < b);
    CHECK(a != b);
    CHECK(a == kith::person_id(3));
    CHECK(b.value() == 7u);
    std::unordered_set<kith::person_id> s{a, b, kith::person_id(3)};
    CHECK(s.size() == 2);
    std::ostringstream os;
    os << b;
    CHECK(os.str() == "7");
}

TEST_CASE("time helpers convert civil dates exactly", "[core]") {
    CHECK(kith::to_unix(kith::make_timestamp(1970, 1, 1)) == 0);
    CHECK(kith::to_unix(kith::make_timestamp(2000, 3, 1)) == 951868800);
    CHECK(kith::to_unix(kith::make_timestamp(2026, 11, 26, 5, 41, 0)) == 1795671660);
    CHECK(kith::to_unix(kith::make_timestamp(1969, 12, 31)) == -86400);
    CHECK(kith::days_between(kith::make_timestamp(2024, 2, 28), kith::make_timestamp(2024, 3, 1)) == 2.0);
    CHECK(kith::from_unix(123) == kith::timestamp(std::chrono::seconds(123)));
}

TEST_CASE("channels round-trip through their names", "[core]") {
    for (std::size_t i = 0; i < kith::channel_count; ++i) {
        const auto c = static_cast<kith::channel>(i);
        REQUIRE(kith::parse_channel(kith::to_string(c)) == c);
    }
    CHECK(kith::to_string(kith::channel::introduction) == "introduction");
    CHECK_FALSE(kith::parse_channel("fax").has_value());
    CHECK_FALSE(kith::parse_channel("Meeting").has_value());
}

TEST_CASE("warmth tiers follow the documented thresholds", "[core]") {
    CHECK(kith::tier_of(1.0) == kith::tier::strong);
    CHECK(kith::tier_of(0.7) == kith::tier::strong);
    CHECK(kith::tier_of(0.6999) == kith::tier::occasional);
    CHECK(kith::tier_of(0.4) == kith::tier::occasional);
    CHECK(kith::tier_of(0.3999) == kith::tier::weak);
    CHECK(kith::to_string(kith::tier::occasional) == "occasional");
}

TEST_CASE("visibility: private ties are visible to their owner only", "[core]") {
    const kith::visibility pub{};
    const kith::visibility priv{kith::person_id(4)};
    CHECK(pub.is_public());
    CHECK(pub.visible_to(std::nullopt));
    CHECK_FALSE(priv.visible_to(std::nullopt));
    CHECK_FALSE(priv.visible_to(kith::person_id(5)));
    CHECK(priv.visible_to(kith::person_id(4)));
}

TEST_CASE("tie evidence and tie helpers", "[core]") {
    kith::tie t;
    t.a = kith::person_id(1);
    t.b = kith::person_id(2);
    t.warmth = 0.5;
    CHECK(t.other(kith::person_id(1)) == kith::person_id(2));
    CHECK(t.other(kith::person_id(2)) == kith::person_id(1));
    CHECK(t.tier() == kith::tier::occasional);
    t.evidence.count_by_channel[0] = 2;
    t.evidence.count_by_channel[3] = 5;
    CHECK(t.evidence.interactions() == 7);
    CHECK_FALSE(t.evidence.reciprocal());
    t.evidence.initiated_by_low = 1;
    t.evidence.initiated_by_high = 1;
    CHECK(t.evidence.reciprocal());
}

TEST_CASE("parse_error names file, line, column, text and expectation", "[core]") {
    const kith::parse_error e("people.csv", 12, 3, "1.5", "a warmth in (0,1]", "bad warmth");
    CHECK(std::string(e.what()) == "people.csv:12:3: bad warmth (found '1.5', expected a warmth in (0,1])");
    CHECK(e.file() == "people.csv");
    CHECK(e.line() == 12);
    CHECK(e.column() == 3);
    CHECK(e.text() == "1.5");
    CHECK(e.expected() == "a warmth in (0,1]");
    const kith::error& base = e;
    CHECK(std::string(base.what()).find("people.csv") == 0);
    static_assert(std::is_base_of_v<std::runtime_error, kith::error>);
    static_assert(std::is_base_of_v<kith::error, kith::unknown_person>);
    static_assert(std::is_base_of_v<kith::error, kith::invalid_tie>);
    static_assert(std::is_base_of_v<kith::error, kith::invalid_argument>);
}

TEST_CASE("civil_from_days inverts days_from_civil", "[core]") {
    for (std::int64_t z = -800000; z <= 800000; z += 137) {
        const kith::civil_date c = kith::civil_from_days(z);
        REQUIRE(kith::days_from_civil(c.year, c.month, c.day) == z);
    }
    const auto c = kith::civil_from_days(kith::day_number(kith::make_timestamp(2024, 2, 29, 23, 59, 59)));
    CHECK(c.year == 2024);
    CHECK(c.month == 2);
    CHECK(c.day == 29);
    CHECK(kith::day_number(kith::from_unix(-1)) == -1);
    CHECK(kith::day_number(kith::from_unix(0)) == 0);
}
