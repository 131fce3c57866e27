// Tests of kith/suggest/reconnect.hpp: a hand fixture with cooling ties, and people depending on a
// tie checked against kith/paths on the network rebuilt without that tie.
#include "kith_catch.hpp"

#include <kith/paths/warm_path.hpp>
#include <kith/suggest/reconnect.hpp>

#include <random>
#include <string>
#include <vector>

namespace {

const kith::timestamp now = kith::make_timestamp(2026, 11, 1);
kith::person_id pid(std::uint32_t v) { return kith::person_id(v); }

// Maya(0) met Ana(1) every 10 days for a year, then nothing for 200 days (cooling: 200 > 8 x 10).
// Ana is Maya's only way to Ben(2) and Cleo(3). Maya met Dev(4) monthly, silent 300 days
// (cooling), and Dev knows nobody else. Eve(5) she meets weekly (not cooling).
kith::network hand_network() {
    kith::network net;
    for (const char* k : {"maya", "ana", "ben", "cleo", "dev", "eve"}) net.add_person({k, k, "", "", {}});
    for (int i = 0; i < 37; ++i)
        net.record({pid(0), pid(1), now - kith::days(200 + 10 * i), kith::channel::meeting, pid(0), 2});
    for (int i = 0; i < 12; ++i)
        net.record({pid(0), pid(4), now - kith::days(300 + 30 * i), kith::channel::call, pid(4), 2});
    for (int i = 0; i < 20; ++i)
        net.record({pid(0), pid(5), now - kith::days(1 + 7 * i), kith::channel::meeting, pid(5), 2});
    net.set_warmth(pid(1), pid(2), 0.9);
    net.set_warmth(pid(1), pid(3), 0.9);
    return net;
}

} // namespace

TEST_CASE("reconnect: cooling ties ranked by the people who depend on them", "[suggest]") {
    const kith::network net = hand_network();
    const kith::snapshot s(net, now);
    kith::reconnect_options opt;
    opt.reach_warmth = 0.01;
    const auto r = kith::suggest_reconnect(s, pid(0), opt);
    REQUIRE(r.size() == 2);  // Eve is not cooling
    CHECK(r[0].contact == pid(1));
    CHECK(r[0].people_depending == 3);  // Ana, Ben, Cleo
    CHECK_THAT(r[0].usual_gap_days, WithinAbs(10.0, 1e-9));
    CHECK_THAT(r[0].silent_days, WithinAbs(200.0, 1e-9));
    CHECK(r[0].last_interaction == now - kith::days(200));
    CHECK(r[0].last_channel == kith::channel::meeting);
    CHECK(r[1].contact == pid(4));
    CHECK(r[1].people_depending == 1);
    CHECK(r[1].last_channel == kith::channel::call);
    // Excluding Ben and Cleo leaves Ana worth only herself; Dev then wins on... nothing: both 1,
    // so the warmer tie comes first.
    opt.excluded = {pid(2), pid(3)};
    const auto r2 = kith::suggest_reconnect(s, pid(0), opt);
    REQUIRE(r2.size() == 2);
    CHECK(r2[0].people_depending == 1);
    CHECK(r2[1].people_depending == 1);
    CHECK(r2[0].warmth >= r2[1].warmth);
    // Ana's tie private to Ana: Maya cannot see it, it is never suggested.
    kith::network p = net;
    p.set_visibility(pid(0), pid(1), kith::visibility{pid(1)});
    const kith::snapshot sp(p, now);
    const auto r3 = kith::suggest_reconnect(sp, pid(0), opt);
    REQUIRE(r3.size() == 1);
    CHECK(r3[0].contact == pid(4));
    opt.k = 0;
    CHECK(kith::suggest_reconnect(s, pid(0), opt).empty());
}

TEST_CASE("reconnect: people depending equals recomputing reach without the tie", "[suggest]") {
    for (std::uint64_t seed = 1; seed <= 60; ++seed) {
        std::mt19937_64 rng(seed);
        const int n = 4 + static_cast<int>(rng() % 9);
        kith::network net;
        for (int i = 0; i < n; ++i) net.add_person({"p" + std::to_string(i), "", "", "", {}});
        // Person 0's ties come from interactions (some cooling), the others are manual.
        for (int j = 1; j < n; ++j) {
            if (rng() % 3 == 0) continue;
            const int gap = 3 + static_cast<int>(rng() % 20), silent = static_cast<int>(rng() % 200);
            for (int t = 0; t < 6; ++t) net.record({pid(0), pid(static_cast<std::uint32_t>(j)), now - kith::days(silent + gap * t), kith::channel::meeting, {}, 2});
        }
        for (int i = 1; i < n; ++i)
            for (int j = i + 1; j < n; ++j)
                if (rng() % 3 == 0) net.set_warmth(pid(static_cast<std::uint32_t>(i)), pid(static_cast<std::uint32_t>(j)), 0.2 + 0.8 * static_cast<double>(rng() % 100) / 100.0);
        kith::reconnect_options opt;
        opt.k = 100;
        opt.reach_warmth = 0.02 + static_cast<double>(rng() % 30) / 100.0;
        const kith::snapshot s(net, now);
        const auto got = kith::suggest_reconnect(s, pid(0), opt);
        kith::path_options po;
        po.asker = pid(0);
        po.hop_factor = opt.hop_factor;
        const auto radius = kith::snapshot::warmth_to_cost(opt.reach_warmth);
        auto reach = [&](const kith::snapshot& x) {
            std::size_t c = 0;
            for (std::uint32_t v = 1; v < x.num_people(); ++v) {
                auto p = kith::find_warm_path(x, pid(0), x.id_of(v), po);
                c += p && p->cost_units <= radius;
            }
            return c;
        };
        const std::size_t all = reach(s);
        std::size_t cooling = 0;
        INFO("seed " << seed);
        for (auto c : net.contacts(pid(0))) {
            const auto* ev = s.evidence(0, s.vertex_of(c));
            if (!ev || !ev->cooling) continue;
            ++cooling;
            kith::network without;  // the same network minus the tie (0, c)
            for (int i = 0; i < n; ++i) without.add_person(net.at(pid(static_cast<std::uint32_t>(i))));
            for (const auto& t : net.ties()) {
                if (t.a == pid(0) && t.b == c) continue;
                for (const auto& e : t.events) without.record({t.a, t.b, e.when, e.via, {}, e.participants});
                if (t.manual_warmth) without.set_warmth(t.a, t.b, *t.manual_warmth);
            }
            const kith::snapshot w(without, now);
            auto it = std::find_if(got.begin(), got.end(), [&](const auto& x) { return x.contact == c; });
            REQUIRE(it != got.end());
            CHECK(it->people_depending == all - reach(w));
        }
        CHECK(got.size() == cooling);
    }
}

TEST_CASE("reconnect: errors", "[suggest]") {
    const kith::network net = hand_network();
    const kith::snapshot s(net, now);
    REQUIRE_THROWS_AS(kith::suggest_reconnect(s, pid(77)), kith::unknown_person);
    kith::reconnect_options bad;
    bad.reach_warmth = 0;
    REQUIRE_THROWS_AS(kith::suggest_reconnect(s, pid(0), bad), kith::invalid_argument);
    bad = {};
    bad.hop_factor = 2;
    REQUIRE_THROWS_AS(kith::suggest_reconnect(s, pid(0), bad), kith::invalid_argument);
}
