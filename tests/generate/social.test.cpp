// Tests of kith/generate/social.hpp.
#include "kith_catch.hpp"
#include "check_graph.hpp"

#include <kith/generate/random_graph.hpp>
#include <kith/generate/social.hpp>

#include <algorithm>
#include <cstdint>
#include <vector>

using kith_test_generate::check_simple;
using kith_test_generate::degrees;
using kith_test_generate::tail;

TEST_CASE("social_graph: deterministic in the seed", "[generate]") {
    const auto a = kith::social_graph(3000, 12, 1);
    CHECK(a == kith::social_graph(3000, 12, 1));
    CHECK(a != kith::social_graph(3000, 12, 2));
}

TEST_CASE("social_graph: simple, with the expected size", "[generate]") {
    for (double mean : {4.0, 20.0}) {
        const auto g = kith::social_graph(20000, mean, 5);
        check_simple(g);
        REQUIRE(g.num_vertices == 20000u);
        const double target = 20000.0 * mean / 2.0;
        INFO("mean degree " << mean << ": " << g.ties.size() << " ties");
        CHECK(static_cast<double>(g.ties.size()) > 0.9 * target);
        CHECK(static_cast<double>(g.ties.size()) < 1.1 * target);
    }
}

TEST_CASE("social_graph: heavy-tailed degrees, unlike G(n, p)", "[generate]") {
    const std::uint32_t n = 20000;
    const double mean = 20.0;
    const auto s = kith::social_graph(n, mean, 8);
    const auto er = kith::random_graph(n, mean / (n - 1), 8);
    const auto ds = degrees(s), de = degrees(er);
    const auto smax = *std::max_element(ds.begin(), ds.end());
    const auto emax = *std::max_element(de.begin(), de.end());
    CHECK(smax > 10 * mean);   // hubs
    CHECK(emax < 3 * mean);    // Poisson
    // Power-law tail: P(deg >= k) ~ k^-(2.5-1); doubling k divides it by about 2^1.5 = 2.8.
    const double t1 = tail(ds, 40), t2 = tail(ds, 80), t3 = tail(ds, 160);
    INFO("tails " << t1 << " " << t2 << " " << t3);
    CHECK(t1 > 0.05);
    CHECK(t2 / t1 > 0.2);
    CHECK(t2 / t1 < 0.55);
    CHECK(t3 / t2 > 0.2);
    CHECK(t3 / t2 < 0.6);
    CHECK(tail(de, 40) < 0.001);
    // Most people have a modest degree.
    std::vector<std::uint32_t> sorted = ds;
    std::sort(sorted.begin(), sorted.end());
    CHECK(sorted[n / 2] < mean);
}

TEST_CASE("social_graph: communities make it clustered and warm inside", "[generate]") {
    const auto g = kith::social_graph(5000, 16, 3);
    // Triangles per tie are far above G(n, p)'s (p n ~ 0.003 per tie).
    std::vector<std::vector<std::uint32_t>> adj(g.num_vertices);
    for (const auto& t : g.ties) {
        adj[t.u].push_back(t.v);
        adj[t.v].push_back(t.u);
    }
    for (auto& a : adj) std::sort(a.begin(), a.end());
    double closed = 0;
    std::size_t sampled = 0;
    double warm_closed = 0, warm_open = 0, n_closed = 0, n_open = 0;
    for (std::size_t i = 0; i < g.ties.size(); i += 7, ++sampled) {
        const auto& t = g.ties[i];
        std::vector<std::uint32_t> common;
        std::set_intersection(adj[t.u].begin(), adj[t.u].end(), adj[t.v].begin(), adj[t.v].end(),
                              std::back_inserter(common));
        const bool c = !common.empty();
        closed += c;
        (c ? warm_closed : warm_open) += t.warmth;
        (c ? n_closed : n_open) += 1;
    }
    CHECK(closed / static_cast<double>(sampled) > 0.3);
    // Ties in triangles are mostly inside communities, hence warmer on average.
    CHECK(warm_closed / n_closed > warm_open / n_open);
    std::size_t weak = 0;
    for (const auto& t : g.ties) weak += t.warmth < 0.4;
    CHECK(weak > g.ties.size() / 2);  // most ties weak
}

TEST_CASE("social_graph: options are honoured", "[generate]") {
    kith::social_options o;
    o.hubs = 3;
    o.hub_degree = 500;
    o.max_degree = 40;
    const auto g = kith::social_graph(2000, 10, 4, o);
    check_simple(g);
    const auto d = degrees(g);
    CHECK(std::count_if(d.begin(), d.end(), [](std::uint32_t x) { return x > 300; }) == 3);
    o.hubs = 0;
    const auto h = kith::social_graph(2000, 10, 4, o);
    const auto dh = degrees(h);
    CHECK(*std::max_element(dh.begin(), dh.end()) <= 40);
    // Tiny graphs work too.
    const auto tiny = kith::social_graph(2, 1, 1);
    check_simple(tiny);
    CHECK(tiny.ties.size() <= 1);
    const auto small = kith::social_graph(50, 49, 1);
    check_simple(small);
}

TEST_CASE("social_graph: bad parameters throw", "[generate]") {
    using kith::invalid_argument;
    REQUIRE_THROWS_AS(kith::social_graph(1, 1, 1), invalid_argument);
    REQUIRE_THROWS_AS(kith::social_graph(100, 0, 1), invalid_argument);
    REQUIRE_THROWS_AS(kith::social_graph(100, 100, 1), invalid_argument);
    kith::social_options o;
    o.degree_exponent = 2.0;
    REQUIRE_THROWS_AS(kith::social_graph(100, 5, 1, o), invalid_argument);
    o = {};
    o.community_exponent = 2.0;
    REQUIRE_THROWS_AS(kith::social_graph(100, 5, 1, o), invalid_argument);
    o = {};
    o.mixing = 1.5;
    REQUIRE_THROWS_AS(kith::social_graph(100, 5, 1, o), invalid_argument);
    o = {};
    o.max_degree = 200;
    REQUIRE_THROWS_AS(kith::social_graph(100, 5, 1, o), invalid_argument);
    o.max_degree = 3;  // below the mean
    REQUIRE_THROWS_AS(kith::social_graph(100, 5, 1, o), invalid_argument);
    o = {};
    o.min_community = 50;
    o.max_community = 20;
    REQUIRE_THROWS_AS(kith::social_graph(100, 5, 1, o), invalid_argument);
    o = {};
    o.hubs = 101;
    REQUIRE_THROWS_AS(kith::social_graph(100, 5, 1, o), invalid_argument);
    o = {};
    o.hub_degree = 100;
    REQUIRE_THROWS_AS(kith::social_graph(100, 5, 1, o), invalid_argument);
    o = {};
    o.warmth_inside.high = 1.5;
    REQUIRE_THROWS_AS(kith::social_graph(100, 5, 1, o), invalid_argument);
    o = {};
    o.warmth_between.beta = 0.0;
    REQUIRE_THROWS_AS(kith::social_graph(100, 5, 1, o), invalid_argument);
}
