// Tests of kith/suggest/ties_to_grow.hpp: a hand fixture, and exact gains against a brute force
// that grows each tie and recomputes every warmest path with kith/paths.
#include "kith_catch.hpp"

#include "common/generic_fixture.hpp"

#include <kith/paths/warm_path.hpp>
#include <kith/suggest/ties_to_grow.hpp>

#include <cmath>
#include <random>
#include <string>
#include <vector>

namespace {

using namespace kith_test_generic;  // bgraph, to_bgl, random_vertex, ...

const kith::timestamp now = kith::make_timestamp(2026, 11, 1);
kith::person_id pid(std::uint32_t v) { return kith::person_id(v); }
double uniform(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

// People "p0".."p<n-1>" and ties of a random density in [0.15, 0.65): `tie(net, a, b)` makes
// each, and one in six is then made private to a random person.
template <class Tie>
kith::network random_network(std::mt19937_64& rng, int n, Tie&& tie) {
    kith::network net;
    for (int i = 0; i < n; ++i) net.add_person({"p" + std::to_string(i), "", "", "", {}});
    const double density = 0.15 + 0.5 * uniform(rng);
    for (int i = 0; i < n; ++i)
        for (int j = i + 1; j < n; ++j) {
            if (uniform(rng) >= density) continue;
            const auto a = pid(static_cast<std::uint32_t>(i)), b = pid(static_cast<std::uint32_t>(j));
            tie(net, a, b);
            if (rng() % 6 == 0) net.set_visibility(a, b, kith::visibility{pid(random_vertex(rng, n))});
        }
    return net;
}

// Maya(0) knows Omar(1) well and Lena(2) only occasionally. Omar knows Sam(3) at Northwind;
// Lena knows Ravi(4) and Kim(5), both at Northwind, warmly.
kith::network hand_network() {
    kith::network net;
    net.add_person({"maya", "Maya", "Acme", "", {}});
    net.add_person({"omar", "Omar", "Acme", "", {}});
    net.add_person({"lena", "Lena", "Globex", "", {}});
    net.add_person({"sam", "Sam", "Northwind", "", {}});
    net.add_person({"ravi", "Ravi", "Northwind", "", {}});
    net.add_person({"kim", "Kim", "Northwind", "", {}});
    net.add_person({"zoe", "Zoe", "Initech", "", {}});
    net.set_warmth(pid(0), pid(1), 0.9);
    net.set_warmth(pid(0), pid(2), 0.45);
    net.set_warmth(pid(1), pid(3), 0.3);
    net.set_warmth(pid(2), pid(4), 0.9);
    net.set_warmth(pid(2), pid(5), 0.8);
    net.set_warmth(pid(2), pid(6), 0.9);
    return net;
}

double path_warmth(const kith::snapshot& s, kith::person_id me, const std::vector<kith::person_id>& to,
                   const kith::path_options& o) {
    if (to.empty()) return 0.0;
    auto p = kith::find_warm_path(s, {me}, to, o);
    return p ? std::exp(-static_cast<double>(p->cost_units) / kith::snapshot::cost_scale) : 0.0;
}

} // namespace

TEST_CASE("ties to grow: hand fixture", "[suggest]") {
    const kith::network net = hand_network();
    const kith::snapshot s(net, now);
    const std::vector<kith::growth_goal> goals{kith::goal_organization(s, "Northwind"), kith::goal_person(s, pid(6))};
    CHECK(goals[0].people == std::vector<kith::person_id>{pid(3), pid(4), pid(5)});
    CHECK(goals[1].name == "Zoe");
    kith::ties_to_grow_options opt;
    opt.hop_factor = 1.0;  // plain products, easy to check
    const auto r = kith::suggest_ties_to_grow(s, pid(0), goals, opt);
    // Now: Northwind via Lena 0.45 * 0.9 = 0.405 (beats Omar's 0.9 * 0.3 = 0.27); Zoe 0.405.
    // Growing Lena to 0.8: 0.72 for both, a gain of 2 x 0.315. Omar is already warmer than 0.8.
    REQUIRE(r.size() == 1);
    CHECK(r[0].contact == pid(2));
    CHECK(r[0].tier == kith::tier::occasional);
    CHECK(r[0].goals_opened == 2);
    REQUIRE(r[0].gains.size() == 2);
    CHECK_THAT(r[0].gains[0].warmth_before, WithinAbs(0.405, 1e-3));
    CHECK_THAT(r[0].gains[0].warmth_after, WithinAbs(0.72, 1e-3));
    CHECK_THAT(r[0].score, WithinAbs(2 * 0.315, 2e-3));
    // Within reach (>= 0.25) now: Omar .9, Lena .45, Sam .27, Ravi .405, Kim .36, Zoe .405.
    // Nobody new comes within reach: everyone already is.
    CHECK(r[0].new_in_reach == 0);
    opt.reach_warmth = 0.5;  // now only Omar is; growing Lena brings Lena, Ravi, Kim, Zoe
    CHECK(kith::suggest_ties_to_grow(s, pid(0), goals, opt)[0].new_in_reach == 4);
    // With a cap of one hop nothing can be reached except contacts in a goal.
    opt.max_hops = 1;
    CHECK(kith::suggest_ties_to_grow(s, pid(0), goals, opt).empty());
    opt.max_hops = 2;
    CHECK(kith::suggest_ties_to_grow(s, pid(0), goals, opt).size() == 1);
    // Excluding Lena removes the only useful tie.
    opt.max_hops.reset();
    opt.excluded = {pid(2)};
    CHECK(kith::suggest_ties_to_grow(s, pid(0), goals, opt).empty());
}

TEST_CASE("ties to grow: gains are exact against recomputing every path per candidate", "[suggest]") {
    for (std::uint64_t seed = 1; seed <= 150; ++seed) {
        std::mt19937_64 rng(seed);
        const int n = 3 + static_cast<int>(rng() % 11);
        const kith::network net = random_network(rng, n, [&](kith::network& x, kith::person_id a, kith::person_id b) {
            x.set_warmth(a, b, 0.05 + 0.95 * uniform(rng));
        });
        const auto me = pid(random_vertex(rng, n));
        std::vector<kith::growth_goal> goals;
        const int ng = 1 + static_cast<int>(rng() % 3);
        for (int g = 0; g < ng; ++g) {
            kith::growth_goal x{"g" + std::to_string(g), {}};
            const int sz = 1 + static_cast<int>(rng() % 3);
            for (int t = 0; t < sz; ++t) x.people.push_back(pid(random_vertex(rng, n)));
            goals.push_back(x);
        }
        kith::ties_to_grow_options opt;
        opt.k = 100;
        opt.target_warmth = 0.5 + 0.5 * uniform(rng);
        opt.hop_factor = rng() % 2 ? 0.8 : 1.0;
        if (rng() % 3 == 0) opt.max_hops = 1 + rng() % 3;
        if (rng() % 4 == 0) opt.excluded.push_back(pid(random_vertex(rng, n)));
        if (rng() % 4 == 0) opt.min_tie_warmth = 0.2;
        opt.reach_warmth = 0.1 + 0.5 * uniform(rng);
        const kith::snapshot s(net, now);
        const auto got = kith::suggest_ties_to_grow(s, me, goals, opt);

        kith::path_options po;
        po.asker = me;
        po.hop_factor = opt.hop_factor;
        po.max_hops = opt.max_hops;
        po.min_tie_warmth = opt.min_tie_warmth;
        po.avoid = opt.excluded;
        auto targets = [&](const kith::growth_goal& g) {
            std::vector<kith::person_id> t;
            for (auto p : g.people)
                if (std::find(opt.excluded.begin(), opt.excluded.end(), p) == opt.excluded.end()) t.push_back(p);
            return t;
        };
        const bool me_excluded = std::find(opt.excluded.begin(), opt.excluded.end(), me) != opt.excluded.end();
        std::vector<double> before;
        for (const auto& g : goals) before.push_back(path_warmth(s, me, targets(g), po));
        const auto reach_units = kith::snapshot::warmth_to_cost(opt.reach_warmth);
        auto within = [&](const kith::snapshot& x, kith::person_id p) {
            auto path = kith::find_warm_path(x, me, p, po);
            return path && path->cost_units <= reach_units;
        };
        std::size_t expected = 0;
        INFO("seed " << seed);
        for (auto c : net.contacts(me)) {
            const auto a = s.find_arc(s.vertex_of(me), s.vertex_of(c));
            if (!a || !s.arc_visible(*a, s.vertex_of(me)) || me_excluded) continue;
            if (std::find(opt.excluded.begin(), opt.excluded.end(), c) != opt.excluded.end()) continue;
            if (s.arc_warmth(*a) < opt.min_tie_warmth) continue;
            if (kith::snapshot::warmth_to_cost(opt.target_warmth) >= s.arc_cost(*a)) continue;
            kith::network grown = net;
            grown.set_warmth(me, c, opt.target_warmth);
            const kith::snapshot g(grown, now);
            double score = 0;
            std::size_t opened = 0;
            for (std::size_t j = 0; j < goals.size(); ++j) {
                const double after = path_warmth(g, me, targets(goals[j]), po);
                if (after > before[j]) { score += after - before[j]; ++opened; }
            }
            if (opened == 0) continue;
            ++expected;
            auto it = std::find_if(got.begin(), got.end(), [&](const kith::tie_growth& x) { return x.contact == c; });
            REQUIRE(it != got.end());
            CHECK_THAT(it->score, WithinRel(score, 1e-12));
            CHECK(it->goals_opened == opened);
            std::size_t newly = 0;
            for (std::uint32_t x = 0; x < s.num_people(); ++x) {
                const auto p = s.id_of(x);
                if (p == me) continue;
                // Excluded people are never counted (kith/paths would still reach them as targets).
                if (std::find(opt.excluded.begin(), opt.excluded.end(), p) != opt.excluded.end()) continue;
                if (!within(s, p) && within(g, p)) ++newly;
            }
            CHECK(it->new_in_reach == newly);
        }
        CHECK(got.size() == expected);
        for (std::size_t i = 1; i < got.size(); ++i)
            CHECK((got[i - 1].score > got[i].score || (got[i - 1].score == got[i].score && got[i - 1].contact < got[i].contact)));
    }
}

TEST_CASE("ties to grow: generic tier on a Boost.Graph adjacency_list equals the snapshot tier", "[suggest]") {
    std::size_t suggested = 0;
    for (std::uint64_t seed = 1; seed <= 100; ++seed) {
        std::mt19937_64 rng(seed * 101);
        const int n = 3 + static_cast<int>(rng() % 16);
        const kith::network net = random_network(rng, n, [&](kith::network& x, kith::person_id a, kith::person_id b) {
            if (rng() % 3 == 0) {
                for (int t = 0, c = 1 + static_cast<int>(rng() % 5); t < c; ++t)
                    x.record({a, b, now - kith::days(static_cast<int>(rng() % 300)), kith::channel::call, {}, 2});
            } else {
                x.set_warmth(a, b, 0.05 + 0.95 * uniform(rng));
            }
        });
        const auto me = random_vertex(rng, n);
        std::vector<kith::growth_goal> goals;
        std::vector<kith::basic_growth_goal<std::size_t>> ggoals;
        for (int g = 0, ng = 1 + static_cast<int>(rng() % 4); g < ng; ++g) {
            kith::growth_goal x{"g" + std::to_string(g), {}};
            kith::basic_growth_goal<std::size_t> y{x.name, {}};
            for (int t = 0, sz = 1 + static_cast<int>(rng() % 3); t < sz; ++t) {
                const auto v = random_vertex(rng, n);
                x.people.push_back(pid(v));
                y.people.push_back(v);
            }
            goals.push_back(x);
            ggoals.push_back(y);
        }
        kith::ties_to_grow_options opt;
        opt.k = 1 + rng() % 6;
        opt.target_warmth = 0.5 + 0.5 * uniform(rng);
        opt.hop_factor = rng() % 2 ? 0.8 : 1.0;
        if (rng() % 3 == 0) opt.max_hops = 1 + rng() % 3;
        if (rng() % 4 == 0) opt.min_tie_warmth = 0.2;
        opt.reach_warmth = 0.1 + 0.5 * uniform(rng);
        kith::basic_ties_to_grow_options<std::size_t> gopt;
        gopt.k = opt.k;
        gopt.target_warmth = opt.target_warmth;
        gopt.hop_factor = opt.hop_factor;
        gopt.max_hops = opt.max_hops;
        gopt.min_tie_warmth = opt.min_tie_warmth;
        gopt.reach_warmth = opt.reach_warmth;
        if (rng() % 3 == 0) exclude_in_both(opt, gopt, random_vertex(rng, n));
        const kith::snapshot s(net, now);
        const auto want = kith::suggest_ties_to_grow(s, pid(me), goals, opt);
        const bgraph g = to_bgl(s, me);
        const auto got = kith::suggest_ties_to_grow(
            g, std::size_t{me}, ggoals, get(&arc_props::units, g), get(&arc_props::ev, g), get(boost::vertex_index, g), gopt,
            visible_arcs(g));
        INFO("seed " << seed);
        suggested += want.size();
        REQUIRE(got.size() == want.size());
        for (std::size_t i = 0; i < got.size(); ++i) {
            check_same_contact(got[i], want[i], s);
            CHECK(got[i].score == want[i].score);
            CHECK(got[i].goals_opened == want[i].goals_opened);
            CHECK(got[i].gains == want[i].gains);
            CHECK(got[i].new_in_reach == want[i].new_in_reach);
        }
    }
    CHECK(suggested >= 50);  // the comparison is not vacuous
}

TEST_CASE("ties to grow: errors", "[suggest]") {
    const kith::network net = hand_network();
    const kith::snapshot s(net, now);
    const std::vector<kith::growth_goal> goals{kith::goal_person(s, pid(6))};
    REQUIRE_THROWS_AS(kith::suggest_ties_to_grow(s, pid(99), goals), kith::unknown_person);
    REQUIRE_THROWS_AS(kith::suggest_ties_to_grow(s, pid(0), {kith::growth_goal{"x", {pid(99)}}}), kith::unknown_person);
    REQUIRE_THROWS_AS(kith::goal_person(s, pid(99)), kith::unknown_person);
    REQUIRE_THROWS_AS(kith::goal_organization(s, "Nowhere Inc"), kith::invalid_argument);
    kith::ties_to_grow_options bad;
    bad.target_warmth = 0;
    REQUIRE_THROWS_AS(kith::suggest_ties_to_grow(s, pid(0), goals, bad), kith::invalid_argument);
    bad = {};
    bad.reach_warmth = 1.5;
    REQUIRE_THROWS_AS(kith::suggest_ties_to_grow(s, pid(0), goals, bad), kith::invalid_argument);
    bad = {};
    bad.hop_factor = 0;
    REQUIRE_THROWS_AS(kith::suggest_ties_to_grow(s, pid(0), goals, bad), kith::invalid_argument);
    bad = {};
    bad.min_tie_warmth = -1;
    REQUIRE_THROWS_AS(kith::suggest_ties_to_grow(s, pid(0), goals, bad), kith::invalid_argument);
    CHECK(kith::suggest_ties_to_grow(s, pid(0), {}).empty());
}
