// Tests of the strength model's documented properties.
#include "kith_catch.hpp"

#include <kith/core/strength.hpp>

#include <cmath>
#include <cstring>
#include <random>
#include <vector>

namespace {

using kith::channel;
using kith::initiated_by;
using kith::tie_event;

const kith::timestamp now = kith::make_timestamp(2026, 11, 1);

tie_event ev(double days_ago, channel c = channel::meeting, initiated_by who = initiated_by::unknown,
             std::uint32_t participants = 2) {
    tie_event e;
    e.when = now - std::chrono::seconds(static_cast<std::int64_t>(days_ago * 86400));
    e.via = c;
    e.initiator = who;
    e.participants = participants;
    return e;
}

// Interactions every `gap` days over the last `span` days, oldest first.
std::vector<tie_event> schedule(double gap, double span, channel c = channel::meeting,
                                bool alternate = false, double offset = 0) {
    std::vector<tie_event> out;
    int i = 0;
    for (double d = span; d >= offset; d -= gap, ++i)
        out.push_back(ev(d, c, alternate ? (i % 2 ? initiated_by::high : initiated_by::low) : initiated_by::low));
    return out;
}

double warmth(const std::vector<tie_event>& h, kith::timestamp at = now, kith::strength_policy p = {}) {
    return kith::strength_model{p}(h, at);
}

} // namespace

TEST_CASE("strength: warmth is in (0,1] for any history with a past interaction", "[core][strength]") {
    std::mt19937_64 rng(42);
    for (int trial = 0; trial < 500; ++trial) {
        std::vector<tie_event> h;
        const int n = 1 + static_cast<int>(rng() % 40);
        for (int i = 0; i < n; ++i)
            h.push_back(ev(static_cast<double>(rng() % 2000), static_cast<channel>(rng() % kith::channel_count),
                           static_cast<initiated_by>(rng() % 3), 2 + static_cast<std::uint32_t>(rng() % 80)));
        std::sort(h.begin(), h.end(), [](const tie_event& x, const tie_event& y) { return x.when < y.when; });
        const double w = warmth(h);
        REQUIRE(w > 0.0);
        REQUIRE(w <= 1.0);
        REQUIRE(std::isfinite(w));
    }
}

TEST_CASE("strength: no interaction at or before now means no tie (0)", "[core][strength]") {
    CHECK(warmth({}) == 0.0);
    CHECK(warmth({ev(-3)}) == 0.0);             // only in the future
    CHECK(warmth({ev(5), ev(-3)}) > 0.0);
}

TEST_CASE("strength: rises with frequency", "[core][strength]") {
    const double weekly = warmth(schedule(7, 365, channel::call, true));
    const double monthly = warmth(schedule(30, 365, channel::call, true));
    const double quarterly = warmth(schedule(91, 365, channel::call, true));
    CHECK(weekly > monthly);
    CHECK(monthly > quarterly);
    // More meetings of the same pattern: never colder.
    for (double gap : {3.0, 10.0, 45.0, 120.0})
        CHECK(warmth(schedule(gap, 365, channel::meeting, true)) >= warmth(schedule(gap * 2, 365, channel::meeting, true)));
}

TEST_CASE("strength: falls with age", "[core][strength]") {
    const auto h = schedule(14, 200, channel::meeting, true, 0);
    double prev = 2.0;
    for (int d = 0; d <= 1500; d += 30) {
        const double w = warmth(h, now + kith::days(d));
        CHECK(w < prev);
        prev = w;
    }
    CHECK(warmth({ev(10)}) > warmth({ev(100)}));
    CHECK(warmth({ev(100)}) > warmth({ev(1000)}));
}

TEST_CASE("strength: reciprocal beats one-way", "[core][strength]") {
    const auto both = schedule(20, 300, channel::message, true);
    const auto one_way = schedule(20, 300, channel::message, false);
    REQUIRE(both.size() == one_way.size());
    CHECK(warmth(both) > warmth(one_way));
    // Unknown initiators sit in between.
    auto unknown = both;
    for (auto& e : unknown) e.initiator = initiated_by::unknown;
    CHECK(warmth(unknown) < warmth(both));
    CHECK(warmth(unknown) > warmth(one_way));
}

TEST_CASE("strength: a 40-person thread counts far less than a 1:1 meeting", "[core][strength]") {
    const double thread = warmth({ev(3, channel::email, initiated_by::unknown, 40)});
    const double one_to_one_email = warmth({ev(3, channel::email)});
    const double meeting = warmth({ev(3, channel::meeting)});
    CHECK(thread < meeting / 20);
    CHECK(thread < one_to_one_email / 10);
    CHECK(one_to_one_email < meeting);
}

TEST_CASE("strength: the documented calibration points", "[core][strength]") {
    // One meeting today: weak (0.34). A quarterly coffee: occasional. A monthly meeting: strong.
    CHECK_THAT(warmth({ev(0)}), WithinAbs(1 - std::exp(-(1 + (1 - std::exp(-1.0 / 20))) / 2.5), 1e-12));
    CHECK(kith::tier_of(warmth({ev(0)})) == kith::tier::weak);
    CHECK(kith::tier_of(warmth(schedule(91, 730))) == kith::tier::occasional);
    CHECK(kith::tier_of(warmth(schedule(30, 730))) == kith::tier::strong);
    // The bond timescale keeps a long, close tie from vanishing after a quiet year...
    auto old_friend = schedule(7, 5 * 365, channel::meeting, true, 365);
    CHECK(warmth(old_friend) > 0.3);
    // ...while a single old meeting fades to almost nothing.
    CHECK(warmth({ev(365)}) < 0.15);
}

TEST_CASE("strength: deterministic, bit for bit", "[core][strength]") {
    const auto h = schedule(9, 400, channel::call, true);
    const double a = warmth(h), b = warmth(h);
    CHECK(std::memcmp(&a, &b, sizeof a) == 0);
}

TEST_CASE("strength: policy fields change the model as documented", "[core][strength]") {
    const auto h = schedule(30, 365, channel::email, true);
    kith::strength_policy flat;
    flat.reciprocity_effect = 0;
    CHECK(warmth(schedule(30, 365, channel::email, false), now, flat) == warmth(h, now, flat));
    kith::strength_policy email_heavy;
    email_heavy.channel_weight[static_cast<std::size_t>(channel::email)] = 1.0;
    CHECK(warmth(h, now, email_heavy) > warmth(h));
    kith::strength_policy floor;
    floor.min_warmth = 0.2;
    CHECK(warmth({ev(3000)}, now, floor) == 0.2);
}

TEST_CASE("evidence: counts, first/last, initiators, usual gap and cooling", "[core][strength]") {
    auto h = schedule(7, 364, channel::meeting, true, 70);  // weekly, then silent for 70 days
    h.push_back(ev(-5, channel::call));                     // future: ignored
    const kith::tie_evidence e = kith::compute_evidence(h, now);
    CHECK(e.count_by_channel[0] == h.size() - 1);
    CHECK(e.count_by_channel[1] == 0);
    CHECK(e.interactions() == h.size() - 1);
    REQUIRE(e.first);
    REQUIRE(e.last);
    CHECK(kith::days_between(*e.last, now) == 70.0);
    CHECK(e.last_channel == channel::meeting);
    CHECK(e.reciprocal());
    REQUIRE(e.usual_gap_days);
    CHECK_THAT(*e.usual_gap_days, WithinAbs(7.0, 1e-9));
    CHECK(e.cooling);  // 70 > 8 x 7
    const auto active = kith::compute_evidence(schedule(7, 364, channel::meeting, true, 2), now);
    CHECK_FALSE(active.cooling);
    const auto single = kith::compute_evidence({ev(400)}, now);
    CHECK_FALSE(single.usual_gap_days);
    CHECK_FALSE(single.cooling);
    kith::strength_policy patient;
    patient.cooling_factor = 20;
    CHECK_FALSE(kith::compute_evidence(h, now, patient).cooling);
}
