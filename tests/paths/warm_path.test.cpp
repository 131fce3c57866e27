// tests/paths/warm_path.test.cpp -- kith/paths/warm_path.hpp: hand fixtures, a brute-force
// oracle over hundreds of random small graphs, generic tier == snapshot fast path, errors,
// workspace wrap-around, underflow.
#include "kith_catch.hpp"
#include "paths_oracle.hpp"

#include <kith/paths/warm_path.hpp>

#include <boost/graph/adjacency_list.hpp>
#include <boost/property_map/function_property_map.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

using namespace kith;
using kith_test::oracle_path;

namespace {

const timestamp t0 = make_timestamp(2026, 3, 1);

struct fixture {
    network net;
    std::vector<person_id> p;
    explicit fixture(int n) {
        for (int i = 0; i < n; ++i) p.push_back(net.add_person({"p" + std::to_string(i), "P" + std::to_string(i)}));
    }
};

using kith_test::vertices_of;

} // namespace

TEST_CASE("warm path: the hop factor decides between a direct weak tie and two strong ones", "[paths]") {
    // me -0.9- dana -0.9- priya, and me -0.5- priya.
    // hop 0.8: direct 0.5*0.8 = 0.40, via Dana (0.9*0.8)^2 = 0.518 -> via Dana.
    // hop 0.6: direct 0.5*0.6 = 0.30, via Dana (0.9*0.6)^2 = 0.292 -> direct.
    network net;
    const person_id me = net.add_person({"me", "Me"});
    const person_id dana = net.add_person({"dana", "Dana Lee"});
    const person_id priya = net.add_person({"priya", "Priya Raman"});
    net.set_warmth(me, dana, 0.9);
    net.set_warmth(dana, priya, 0.9);
    net.set_warmth(me, priya, 0.5);
    const snapshot s(net, t0);
    auto r = find_warm_path(s, me, priya);
    REQUIRE(r);
    CHECK(r->people == std::vector<person_id>{me, dana, priya});
    CHECK(r->hops() == 2);
    CHECK_THAT(r->warmth, WithinRel(0.5184, 1e-3));
    CHECK_THAT(r->tie_warmth[0], WithinRel(0.9, 1e-3));
    CHECK(r->cost_units == 2 * (snapshot::warmth_to_cost(0.9) + hop_cost_units(0.8)));
    CHECK_THAT(r->log_warmth, WithinRel(-static_cast<double>(r->cost_units) / 2048.0, 1e-15));

    path_options o;
    o.hop_factor = 0.6;
    r = find_warm_path(s, me, priya, o);
    REQUIRE(r);
    CHECK(r->people == std::vector<person_id>{me, priya});
    CHECK_THAT(r->warmth, WithinRel(0.30, 1e-3));

    // Dana asked too often: a factor 0.5 for routing through her makes the direct tie win.
    path_options busy;
    busy.introducer_factor = {{dana, 0.5}};
    r = find_warm_path(s, me, priya, busy);
    REQUIRE(r);
    CHECK(r->people == std::vector<person_id>{me, priya});
    // ...but it is not charged when Dana is the endpoint.
    r = find_warm_path(s, me, dana, busy);
    REQUIRE(r);
    CHECK(r->people == std::vector<person_id>{me, dana});
    CHECK(r->cost_units == snapshot::warmth_to_cost(0.9) + hop_cost_units(0.8));

    // Avoiding Dana, min warmth above 0.5, from me to me.
    path_options avoid;
    avoid.avoid = {dana};
    CHECK(find_warm_path(s, me, priya, avoid)->people == std::vector<person_id>{me, priya});
    path_options warm;
    warm.min_tie_warmth = 0.6;
    CHECK(find_warm_path(s, me, priya, warm)->people == std::vector<person_id>{me, dana, priya});
    warm.avoid = {dana};
    CHECK_FALSE(find_warm_path(s, me, priya, warm));
    auto self = find_warm_path(s, me, me);
    REQUIRE(self);
    CHECK(self->people == std::vector<person_id>{me});
    CHECK(self->warmth == 1.0);
    CHECK(self->cost_units == 0);
}

TEST_CASE("warm path: max_hops is exact even when a cheaper longer path exists", "[paths]") {
    // me - a - b - c - t with warmth 1 (4 hops: 0.8^4 = 0.41), me - t at 0.3 (0.24),
    // me - a - t' ... : me - x - t with 0.5 each (2 hops: 0.4^2 = 0.16).
    fixture f(6);
    const auto [me, a, b, c, t, x] = std::tuple{f.p[0], f.p[1], f.p[2], f.p[3], f.p[4], f.p[5]};
    f.net.set_warmth(me, a, 1.0);
    f.net.set_warmth(a, b, 1.0);
    f.net.set_warmth(b, c, 1.0);
    f.net.set_warmth(c, t, 1.0);
    f.net.set_warmth(me, t, 0.3);
    f.net.set_warmth(me, x, 0.5);
    f.net.set_warmth(x, t, 0.5);
    const snapshot s(f.net, t0);
    CHECK(find_warm_path(s, me, t)->people == std::vector<person_id>{me, a, b, c, t});
    path_options o;
    o.max_hops = 3;
    CHECK(find_warm_path(s, me, t, o)->people == std::vector<person_id>{me, t});
    o.max_hops = 1;
    CHECK(find_warm_path(s, me, t, o)->people == std::vector<person_id>{me, t});
    o.max_hops = 0;
    CHECK_FALSE(find_warm_path(s, me, t, o));
    o.max_hops = 4;
    CHECK(find_warm_path(s, me, t, o)->people == std::vector<person_id>{me, a, b, c, t});
    o.max_hops = 3;
    o.min_tie_warmth = 0.4;  // the direct 0.3 tie is too cold: the 2-hop path via x is the best left
    CHECK(find_warm_path(s, me, t, o)->people == std::vector<person_id>{me, x, t});
}

TEST_CASE("warm path: ties break by fewer hops, then by the smallest person-id sequence", "[paths]") {
    // Two equal 2-hop paths 0-2-4 and 0-1-4 (same warmths): 0-1-4 wins (1 < 2).
    // hop_factor 1 and warmth-1 ties: 0-4 direct (cost 0, 1 hop) beats 0-3-4 (cost 0, 2 hops).
    fixture f(5);
    f.net.set_warmth(f.p[0], f.p[2], 0.7);
    f.net.set_warmth(f.p[2], f.p[4], 0.7);
    f.net.set_warmth(f.p[0], f.p[1], 0.7);
    f.net.set_warmth(f.p[1], f.p[4], 0.7);
    const snapshot s(f.net, t0);
    CHECK(find_warm_path(s, f.p[0], f.p[4])->people == std::vector<person_id>{f.p[0], f.p[1], f.p[4]});
    CHECK(find_warm_path(s, f.p[4], f.p[0])->people == std::vector<person_id>{f.p[4], f.p[1], f.p[0]});

    fixture g(4);
    g.net.set_warmth(g.p[0], g.p[3], 1.0);
    g.net.set_warmth(g.p[0], g.p[1], 1.0);
    g.net.set_warmth(g.p[1], g.p[3], 1.0);
    const snapshot s2(g.net, t0);
    path_options flat;
    flat.hop_factor = 1.0;
    auto r = find_warm_path(s2, g.p[0], g.p[3], flat);
    REQUIRE(r);
    CHECK(r->people == std::vector<person_id>{g.p[0], g.p[3]});
    CHECK(r->cost_units == 0);
    CHECK(r->warmth == 1.0);
}

TEST_CASE("warm path: sets of sources and targets, private ties and the asker", "[paths]") {
    fixture f(6);
    // team {0, 1}; targets {4, 5} (an organisation). 1 -0.9- 4 is the best; 0 -0.95- 5 is private to 2.
    f.net.set_warmth(f.p[0], f.p[2], 0.6);
    f.net.set_warmth(f.p[2], f.p[4], 0.6);
    f.net.set_warmth(f.p[1], f.p[4], 0.9);
    f.net.set_warmth(f.p[0], f.p[5], 0.95);
    f.net.set_visibility(f.p[0], f.p[5], visibility{f.p[2]});
    const snapshot s(f.net, t0);
    auto r = find_warm_path(s, std::vector<person_id>{f.p[0], f.p[1]}, std::vector<person_id>{f.p[4], f.p[5]});
    REQUIRE(r);
    CHECK(r->people == std::vector<person_id>{f.p[1], f.p[4]});
    CHECK(r->source() == f.p[1]);
    CHECK(r->target() == f.p[4]);
    // The owner of the private tie may use it.
    path_options o;
    o.asker = f.p[2];
    r = find_warm_path(s, std::vector<person_id>{f.p[0], f.p[1]}, std::vector<person_id>{f.p[4], f.p[5]}, o);
    REQUIRE(r);
    CHECK(r->people == std::vector<person_id>{f.p[0], f.p[5]});
    // Nobody else sees it.
    o.asker = f.p[0];
    CHECK_FALSE(find_warm_path(s, f.p[0], f.p[5], o));
    CHECK_FALSE(find_warm_path(s, f.p[0], f.p[5]));
    // Empty sets: no path.
    CHECK_FALSE(find_warm_path(s, std::vector<person_id>{}, std::vector<person_id>{f.p[4]}));
    CHECK_FALSE(find_warm_path(s, std::vector<person_id>{f.p[0]}, std::vector<person_id>{}));
    // A team member who is also a target: 0 hops.
    r = find_warm_path(s, std::vector<person_id>{f.p[0], f.p[4]}, std::vector<person_id>{f.p[4]});
    REQUIRE(r);
    CHECK(r->people == std::vector<person_id>{f.p[4]});
    // Paths never route through another team member or another target.
    fixture g(4);
    g.net.set_warmth(g.p[0], g.p[1], 1.0);
    g.net.set_warmth(g.p[1], g.p[2], 1.0);
    g.net.set_warmth(g.p[2], g.p[3], 1.0);
    const snapshot s2(g.net, t0);
    r = find_warm_path(s2, std::vector<person_id>{g.p[0], g.p[1]}, std::vector<person_id>{g.p[3]});
    CHECK(r->people == std::vector<person_id>{g.p[1], g.p[2], g.p[3]});
    path_options through;
    through.avoid = {g.p[2]};
    CHECK_FALSE(find_warm_path(s2, std::vector<person_id>{g.p[0], g.p[1]}, std::vector<person_id>{g.p[3]}, through));
}

TEST_CASE("warm path: unknown people and bad options throw, naming the function and value", "[paths]") {
    fixture f(3);
    f.net.set_warmth(f.p[0], f.p[1], 0.5);
    const person_id gone = f.net.add_person({"gone", "Gone"});
    f.net.remove_person(gone);
    const snapshot s(f.net, t0);
    const person_id never(77);
    REQUIRE_THROWS_AS(find_warm_path(s, never, f.p[0]), unknown_person);
    REQUIRE_THROWS_AS(find_warm_path(s, f.p[0], gone), unknown_person);
    REQUIRE_THROWS_AS(find_warm_path(s, std::vector<person_id>{f.p[0], never}, std::vector<person_id>{f.p[1]}), unknown_person);
    path_options o;
    o.asker = never;
    REQUIRE_THROWS_AS(find_warm_path(s, f.p[0], f.p[1], o), unknown_person);
    o = {};
    o.avoid = {never};
    REQUIRE_THROWS_AS(find_warm_path(s, f.p[0], f.p[1], o), unknown_person);
    o = {};
    o.introducer_factor = {{never, 0.5}};
    REQUIRE_THROWS_AS(find_warm_path(s, f.p[0], f.p[1], o), unknown_person);
    for (double bad : {0.0, -0.5, 1.5, std::numeric_limits<double>::quiet_NaN()}) {
        o = {};
        o.hop_factor = bad;
        REQUIRE_THROWS_AS(find_warm_path(s, f.p[0], f.p[1], o), invalid_argument);
        o = {};
        o.introducer_factor = {{f.p[1], bad}};
        REQUIRE_THROWS_AS(find_warm_path(s, f.p[0], f.p[1], o), invalid_argument);
        REQUIRE_THROWS_AS(hop_cost_units(bad), invalid_argument);
    }
    for (double bad : {-0.1, 1.1, std::numeric_limits<double>::quiet_NaN()}) {
        o = {};
        o.min_tie_warmth = bad;
        REQUIRE_THROWS_AS(find_warm_path(s, f.p[0], f.p[1], o), invalid_argument);
    }
    try {
        find_warm_path(s, never, f.p[0]);
    } catch (const unknown_person& e) {
        CHECK(std::string(e.what()).rfind("find_warm_path: ", 0) == 0);
        CHECK(std::string(e.what()).find("77") != std::string::npos);
    }
    o = {};
    o.hop_factor = 2.0;
    try {
        find_warm_path(s, f.p[0], f.p[1], o);
    } catch (const invalid_argument& e) {
        CHECK(std::string(e.what()) == "find_warm_path: hop_factor 2 is outside (0,1]");
    }
}

TEST_CASE("warm path: the generic tier on Boost.Graph adjacency_list", "[paths]") {
    using G = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                    boost::property<boost::edge_weight_t, double>>;
    G g(4);
    boost::add_edge(0, 1, 0.9, g);
    boost::add_edge(1, 2, 0.9, g);
    boost::add_edge(0, 2, 0.5, g);
    boost::add_edge(2, 3, 0.7, g);
    const auto w = boost::get(boost::edge_weight, g);
    const auto idx = boost::get(boost::vertex_index, g);
    auto r = find_warm_path(g, 0, 3, w, idx);
    REQUIRE(r);
    CHECK(r->people == std::vector<std::size_t>{0, 1, 2, 3});
    CHECK_THAT(r->warmth, WithinRel(0.9 * 0.9 * 0.7 * 0.8 * 0.8 * 0.8, 1e-12));
    CHECK(r->cost_units == 0);
    CHECK_THAT(r->tie_warmth[2], WithinRel(0.7, 1e-12));
    basic_path_options<std::size_t> o;
    o.max_hops = 2;
    CHECK(find_warm_path(g, 0, 3, w, idx, o)->people == std::vector<std::size_t>{0, 2, 3});
    o = {};
    o.avoid = {1};
    CHECK(find_warm_path(g, 0, 3, w, idx, o)->people == std::vector<std::size_t>{0, 2, 3});
    // An arc filter (here: never use the 0-1 edge).
    auto no01 = [&](const G::edge_descriptor& e) {
        return !((source(e, g) == 0 && target(e, g) == 1) || (source(e, g) == 1 && target(e, g) == 0));
    };
    CHECK(find_warm_path(g, 0, 3, w, idx, {}, no01)->people == std::vector<std::size_t>{0, 2, 3});
    CHECK(find_warm_path(g, std::vector<std::size_t>{0, 1}, std::vector<std::size_t>{3}, w, idx)->people ==
          std::vector<std::size_t>{1, 2, 3});
    G lonely(2);
    CHECK_FALSE(find_warm_path(lonely, 0, 1, boost::get(boost::edge_weight, lonely), boost::get(boost::vertex_index, lonely)));

    // Errors: an asker (no visibility here), warmth outside (0,1], a vertex index out of range,
    // negative cost units.
    o = {};
    o.asker = 0;
    REQUIRE_THROWS_AS(find_warm_path(g, 0, 3, w, idx, o), invalid_argument);
    G bad(2);
    boost::add_edge(0, 1, 1.5, bad);
    REQUIRE_THROWS_AS(find_warm_path(bad, 0, 1, boost::get(boost::edge_weight, bad), boost::get(boost::vertex_index, bad)),
                      invalid_tie);
    auto shifted = boost::make_function_property_map<std::size_t, std::size_t>([](std::size_t v) { return v + 10; });
    REQUIRE_THROWS_AS(find_warm_path(g, 0, 3, w, shifted), invalid_argument);
    auto shifted_target = boost::make_function_property_map<std::size_t, std::size_t>(
        [](std::size_t v) { return v == 0 ? std::size_t{0} : std::size_t{99}; });
    REQUIRE_THROWS_AS(find_warm_path(g, std::vector<std::size_t>{0}, std::vector<std::size_t>{0}, w, shifted_target),
                      invalid_argument);
    using GI = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                     boost::property<boost::edge_weight_t, int>>;
    GI gi(2);
    boost::add_edge(0, 1, -3, gi);
    REQUIRE_THROWS_AS(find_warm_path(gi, 0, 1, boost::get(boost::edge_weight, gi), boost::get(boost::vertex_index, gi)),
                      invalid_tie);
}

TEST_CASE("warm path: random graphs against the brute-force oracle (snapshot and generic tiers)", "[paths]") {
    std::mt19937_64 rng(20260301);
    int checked = 0, found = 0;
    for (int round = 0; round < 400; ++round) {
        kith_test::random_case rc = kith_test::make_random_case(rng);
        const snapshot& s = *rc.snap;
        for (int q = 0; q < 4; ++q) {
            kith_test::random_query rq = kith_test::make_random_query(rng, rc);
            const auto all = kith_test::oracle_all(s, rq);
            const auto got = find_warm_path(s, rq.from, rq.to, rq.opt);
            INFO("round " << round << " query " << q);
            REQUIRE(got.has_value() == !all.empty());
            ++checked;
            if (!got) continue;
            ++found;
            const oracle_path& best = all.front();
            CHECK(vertices_of(s, got->people) == best.verts);
            CHECK(got->cost_units == best.cost);
            CHECK(got->log_warmth == -static_cast<double>(best.cost) / 2048.0);
            CHECK(got->hops() == best.verts.size() - 1);
            for (std::size_t i = 0; i < got->tie_warmth.size(); ++i)
                CHECK(got->tie_warmth[i] == s.warmth(best.verts[i], best.verts[i + 1]).value());

            // Generic tier on the snapshot with integer cost units == the fast path.
            basic_path_options<std::uint32_t> go;
            go.hop_factor = rq.opt.hop_factor;
            go.max_hops = rq.opt.max_hops;
            go.min_tie_warmth = rq.opt.min_tie_warmth;
            go.avoid = vertices_of(s, rq.opt.avoid);
            for (const auto& [p, fct] : rq.opt.introducer_factor) go.introducer_factor.emplace_back(s.vertex_of(p), fct);
            std::optional<std::uint32_t> asker;
            if (rq.opt.asker) asker = s.vertex_of(*rq.opt.asker);
            auto visible = [&](const snapshot_arc& e) { return s.arc_visible(e.index, asker); };
            auto gen = find_warm_path(s, vertices_of(s, rq.from), vertices_of(s, rq.to), s.cost_units_map(),
                                      get(boost::vertex_index, s), go, visible);
            REQUIRE(gen);
            CHECK(gen->people == best.verts);
            CHECK(gen->cost_units == got->cost_units);
            CHECK(gen->tie_warmth == got->tie_warmth);
            CHECK(gen->warmth == got->warmth);
        }
    }
    CHECK(checked == 1600);
    CHECK(found > 800);
}

TEST_CASE("warm path: generic tier on floating warmths against a floating oracle", "[paths]") {
    using G = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                    boost::property<boost::edge_weight_t, double>>;
    std::mt19937_64 rng(77);
    for (int round = 0; round < 200; ++round) {
        const std::size_t n = 3 + rng() % 7;
        G g(n);
        std::vector<std::vector<double>> w(n, std::vector<double>(n, 0.0));
        for (std::size_t a = 0; a < n; ++a)
            for (std::size_t b = a + 1; b < n; ++b)
                if (rng() % 100 < 45) {
                    const double x = static_cast<double>(1 + rng() % 1000) / 1000.0;
                    w[a][b] = w[b][a] = x;
                    boost::add_edge(a, b, x, g);
                }
        basic_path_options<std::size_t> o;
        o.hop_factor = (rng() % 2) ? 0.8 : 0.5 + static_cast<double>(rng() % 500) / 1000.0;
        if (rng() % 3 == 0) o.max_hops = rng() % 4;
        if (rng() % 3 == 0) o.avoid = {rng() % n};
        if (rng() % 3 == 0) o.introducer_factor = {{rng() % n, 0.3 + static_cast<double>(rng() % 700) / 1000.0}};
        const std::size_t s = rng() % n, t = rng() % n;
        const auto oracle = kith_test::oracle_real(w, s, t, o);
        auto got = find_warm_path(g, s, t, boost::get(boost::edge_weight, g), boost::get(boost::vertex_index, g), o);
        INFO("round " << round);
        REQUIRE(got.has_value() == !oracle.empty());
        if (!got) continue;
        CHECK_THAT(-got->log_warmth, WithinAbs(oracle.front().first, 1e-12));
        if (oracle.size() == 1 || oracle[1].first - oracle[0].first > 1e-9) CHECK(got->people == oracle.front().second);
        CHECK_THAT(got->warmth, WithinRel(std::exp(-oracle.front().first), 1e-12));
    }
}

TEST_CASE("warm path: a workspace stays correct past its generation counter's range", "[paths]") {
    std::mt19937_64 rng(4242);
    kith_test::random_case rc = kith_test::make_random_case(rng, 9);
    const snapshot& s = *rc.snap;
    basic_path_workspace<std::uint8_t> small;
    path_workspace big;
    int found = 0;
    for (int q = 0; q < 700; ++q) {  // > 2 x 255 generations
        const person_id a = s.id_of(static_cast<std::uint32_t>(rng() % s.num_people()));
        const person_id b = s.id_of(static_cast<std::uint32_t>(rng() % s.num_people()));
        path_options o;
        if (q % 3 == 0) o.max_hops = 2;
        auto x = find_warm_path(s, a, b, o, small);
        auto y = find_warm_path(s, a, b, o, big);
        auto z = find_warm_path(s, a, b, o);
        INFO("query " << q);
        REQUIRE(x == y);
        REQUIRE(y == z);
        found += x.has_value();
    }
    CHECK(small.store().wraps >= 2);
    CHECK(found > 100);
}

TEST_CASE("warm path: a 400-hop chain of warmth 0.01 stays exact in log space", "[paths]") {
    fixture f(401);
    for (int i = 0; i < 400; ++i) f.net.set_warmth(f.p[static_cast<std::size_t>(i)], f.p[static_cast<std::size_t>(i) + 1], 0.01);
    const snapshot s(f.net, t0);
    auto r = find_warm_path(s, f.p.front(), f.p.back());
    REQUIRE(r);
    CHECK(r->hops() == 400);
    const std::uint64_t per_hop = snapshot::warmth_to_cost(0.01) + hop_cost_units(0.8);
    CHECK(r->cost_units == 400 * per_hop);
    CHECK(r->log_warmth == -static_cast<double>(400 * per_hop) / 2048.0);
    CHECK_THAT(r->log_warmth, WithinRel(400 * (std::log(0.01) + std::log(0.8)), 1e-3));
    CHECK(r->warmth == 0.0);
    CHECK_FALSE(std::isnan(r->warmth));
    // The generic tier on doubles agrees in log space.
    using G = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                    boost::property<boost::edge_weight_t, double>>;
    G g(401);
    for (std::size_t i = 0; i < 400; ++i) boost::add_edge(i, i + 1, 0.01, g);
    auto d = find_warm_path(g, 0, 400, boost::get(boost::edge_weight, g), boost::get(boost::vertex_index, g));
    REQUIRE(d);
    CHECK_THAT(d->log_warmth, WithinRel(400 * (std::log(0.01) + std::log(0.8)), 1e-12));
    CHECK(d->warmth == 0.0);
}

TEST_CASE("warm path: on larger random graphs the cut bidirectional search equals the one-way search", "[paths]") {
    // Hundreds of people, hubs and equal warmths: the adjacency cut, the stopping rule and the
    // tie-break of the bidirectional fast path against the generic tier's one-way search (which
    // scans every arc, no cut), uncapped and hop-capped.
    std::mt19937_64 rng(314159);
    int compared = 0;
    for (int round = 0; round < 6; ++round) {
        const std::size_t n = 150 + rng() % 150;
        kith_test::hub_graph hg = kith_test::make_hub_graph(rng, n, true);  // a quarter of the ties touch a hub
        const network& net = hg.net;
        const std::vector<person_id>& ids = hg.ids;
        const snapshot s(net, t0);
        for (int q = 0; q < 40; ++q) {
            path_options o;
            basic_path_options<std::uint32_t> go;
            if (q % 4 == 1) go.max_hops = o.max_hops = 1 + rng() % 4;
            if (q % 4 == 2) go.hop_factor = o.hop_factor = 1.0;
            if (q % 5 == 3) {
                o.asker = ids[rng() % n];
            }
            const std::uint32_t a = static_cast<std::uint32_t>(rng() % n), b = static_cast<std::uint32_t>(rng() % n);
            std::optional<std::uint32_t> asker;
            if (o.asker) asker = s.vertex_of(*o.asker);
            auto visible = [&](const snapshot_arc& e) { return s.arc_visible(e.index, asker); };
            const auto fast = find_warm_path(s, s.id_of(a), s.id_of(b), o);
            const auto slow = find_warm_path(s, a, b, s.cost_units_map(), get(boost::vertex_index, s), go, visible);
            INFO("round " << round << " query " << q);
            REQUIRE(fast.has_value() == slow.has_value());
            if (!fast) continue;
            CHECK(vertices_of(s, fast->people) == slow->people);
            CHECK(fast->cost_units == slow->cost_units);
            ++compared;
        }
    }
    CHECK(compared > 150);
}

TEST_CASE("warm path: hop-capped searches on larger graphs with sets, avoided people and introducer costs", "[paths]") {
    // The hop-capped fast path (meet in the middle, Pareto labels, the cut by the other side's
    // bound once its sources are expanded) against the generic tier's one-way search, with
    // caps 1..6, several sources and targets, avoided people and per-introducer extra costs.
    std::mt19937_64 rng(271828);
    int compared = 0, found = 0;
    for (int round = 0; round < 8; ++round) {
        network net;
        const std::size_t n = 120 + rng() % 200;
        std::vector<person_id> ids;
        for (std::size_t i = 0; i < n; ++i) ids.push_back(net.add_person({"h" + std::to_string(i), ""}));
        for (std::size_t i = 0; i < 3 * n; ++i) {
            const std::size_t a = rng() % 5 == 0 ? rng() % 6 : rng() % n;  // a few hubs
            const std::size_t b = rng() % n;
            if (a == b || net.has_tie(ids[a], ids[b])) continue;
            net.set_warmth(ids[a], ids[b], kith_test::pick_warmth(rng));
        }
        const snapshot s(net, t0);
        for (int q = 0; q < 40; ++q) {
            path_options o;
            basic_path_options<std::uint32_t> go;
            go.max_hops = o.max_hops = 1 + rng() % 6;
            if (q % 3 == 0) go.hop_factor = o.hop_factor = 1.0;
            std::vector<std::uint32_t> from, to;
            for (std::size_t i = 1 + rng() % 3; i > 0; --i) from.push_back(static_cast<std::uint32_t>(rng() % n));
            for (std::size_t i = 1 + rng() % 3; i > 0; --i) to.push_back(static_cast<std::uint32_t>(rng() % n));
            for (std::size_t i = rng() % 4; i > 0; --i) {
                const auto v = static_cast<std::uint32_t>(rng() % n);
                o.avoid.push_back(s.id_of(v));
                go.avoid.push_back(v);
            }
            for (std::size_t i = rng() % 4; i > 0; --i) {
                const auto v = static_cast<std::uint32_t>(rng() % 6);  // hubs get the extra costs
                const double f = 0.3 + 0.1 * static_cast<double>(rng() % 7);
                o.introducer_factor.emplace_back(s.id_of(v), f);
                go.introducer_factor.emplace_back(v, f);
            }
            std::vector<person_id> from_ids, to_ids;
            for (auto v : from) from_ids.push_back(s.id_of(v));
            for (auto v : to) to_ids.push_back(s.id_of(v));
            const auto fast = find_warm_path(s, from_ids, to_ids, o);
            const auto slow = find_warm_path(s, from, to, s.cost_units_map(), get(boost::vertex_index, s), go);
            INFO("round " << round << " query " << q);
            REQUIRE(fast.has_value() == slow.has_value());
            ++compared;
            if (!fast) continue;
            ++found;
            CHECK(vertices_of(s, fast->people) == slow->people);
            CHECK(fast->cost_units == slow->cost_units);
            CHECK(fast->hops() <= *o.max_hops);
        }
    }
    CHECK(compared == 320);
    CHECK(found > 150);
}

TEST_CASE("warm path: the engine's 4-ary heap pops in (cost, hops, label) order", "[paths]") {
    // The pop selects among four children without branches; sizes 0..70 cover nodes with 1-4
    // children, and keys from a tiny range force ties on cost and on hops.
    using entry = detail::heap_entry<std::uint64_t>;
    std::mt19937_64 rng(20261126);
    for (std::size_t size = 0; size <= 70; ++size) {
        for (int round = 0; round < 20; ++round) {
            std::vector<entry> heap, all;
            for (std::size_t i = 0; i < size; ++i) {
                const entry e{rng() % 4, static_cast<std::uint32_t>(rng() % 3), static_cast<std::uint32_t>(i)};
                all.push_back(e);
                detail::heap4_push(heap, e);
                if (rng() % 4 == 0) {  // interleave pops with pushes
                    const entry top = heap.front();
                    for (const entry& x : heap) REQUIRE_FALSE(top > x);
                    detail::heap4_pop(heap);
                    all.erase(std::find_if(all.begin(), all.end(), [&](const entry& x) { return x.label == top.label; }));
                }
            }
            std::sort(all.begin(), all.end(), [](const entry& a, const entry& b) { return b > a; });
            for (const entry& want : all) {
                REQUIRE_FALSE(heap.empty());
                CHECK(heap.front().label == want.label);
                detail::heap4_pop(heap);
            }
            CHECK(heap.empty());
        }
    }
}
