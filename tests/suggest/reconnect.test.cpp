// Tests of kith/suggest/reconnect.hpp: a hand fixture with cooling ties, and people depending on a
// tie checked against kith/paths on the network rebuilt without that tie.
#include "kith_catch.hpp"

#include "common/generic_fixture.hpp"

#include <kith/paths/warm_path.hpp>
#include <kith/suggest/reconnect.hpp>

#include <random>
#include <string>
#include <vector>

namespace {

using namespace kith_test_generic;  // bgraph, to_bgl, random_vertex, ...

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

TEST_CASE("reconnect: generic tier on a Boost.Graph adjacency_list equals the snapshot tier", "[suggest]") {
    std::size_t suggested = 0;
    for (std::uint64_t seed = 1; seed <= 80; ++seed) {
        std::mt19937_64 rng(seed * 31);
        const int n = 4 + static_cast<int>(rng() % 14);
        kith::network net;
        for (int i = 0; i < n; ++i) net.add_person({"p" + std::to_string(i), "", "", "", {}});
        const auto me = random_vertex(rng, n);
        for (int i = 0; i < n; ++i)
            for (int j = i + 1; j < n; ++j) {
                const auto a = pid(static_cast<std::uint32_t>(i)), b = pid(static_cast<std::uint32_t>(j));
                const bool mine = a == pid(me) || b == pid(me);
                if (rng() % (mine ? 4 : 3) == 0) continue;
                if (mine || rng() % 4 == 0) {  // interactions: some ties cooling
                    const int gap = 3 + static_cast<int>(rng() % 20), silent = static_cast<int>(rng() % 250);
                    const int count = 1 + static_cast<int>(rng() % 6);
                    for (int t = 0; t < count; ++t)
                        net.record({a, b, now - kith::days(silent + gap * t), kith::channel::meeting, {}, 2});
                } else {
                    net.set_warmth(a, b, 0.2 + 0.8 * static_cast<double>(rng() % 100) / 100.0);
                }
                if (rng() % 6 == 0) net.set_visibility(a, b, kith::visibility{(rng() % 2) ? a : b});
            }
        const kith::snapshot s(net, now);
        kith::reconnect_options opt;
        opt.k = 1 + rng() % 8;
        opt.reach_warmth = 0.02 + static_cast<double>(rng() % 40) / 100.0;
        opt.hop_factor = 0.5 + static_cast<double>(rng() % 50) / 100.0;
        kith::basic_reconnect_options<std::size_t> gopt;
        gopt.k = opt.k;
        gopt.reach_warmth = opt.reach_warmth;
        gopt.hop_factor = opt.hop_factor;
        if (rng() % 2) exclude_in_both(opt, gopt, random_vertex(rng, n));
        const auto want = kith::suggest_reconnect(s, pid(me), opt);
        const bgraph g = to_bgl(s, me);
        const auto got = kith::suggest_reconnect(
            g, std::size_t{me}, get(&arc_props::units, g), get(&arc_props::ev, g), get(boost::vertex_index, g),
            s.taken_at(), gopt, visible_arcs(g));
        INFO("seed " << seed);
        suggested += want.size();
        REQUIRE(got.size() == want.size());
        for (std::size_t i = 0; i < got.size(); ++i) {
            check_same_contact(got[i], want[i], s);
            CHECK(got[i].silent_days == want[i].silent_days);
            CHECK(got[i].usual_gap_days == want[i].usual_gap_days);
            CHECK(got[i].people_depending == want[i].people_depending);
        }
    }
    CHECK(suggested >= 40);  // the comparison is not vacuous
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
