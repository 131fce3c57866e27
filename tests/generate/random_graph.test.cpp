// Tests of kith/generate/random_graph.hpp.
#include "kith_catch.hpp"
#include "check_graph.hpp"

#include <kith/generate/random_graph.hpp>

#include <cmath>
#include <cstdint>
#include <set>
#include <utility>

using kith_test_generate::check_simple;

TEST_CASE("random_graph: G(n, p) is deterministic, simple and of the expected size", "[generate]") {
    CHECK(kith::random_graph(200, 0.1, 3) == kith::random_graph(200, 0.1, 3));
    CHECK(kith::random_graph(200, 0.1, 3) != kith::random_graph(200, 0.1, 4));
    double total = 0;
    for (std::uint64_t seed = 0; seed < 20; ++seed) {
        const auto g = kith::random_graph(100, 0.05, seed);
        check_simple(g);
        total += static_cast<double>(g.ties.size());
    }
    const double expected = 20 * 0.05 * 100 * 99 / 2.0;  // 4950
    CHECK(std::abs(total - expected) < 5 * std::sqrt(expected));
}

TEST_CASE("random_graph: every pair is equally likely", "[generate]") {
    // Over many draws of G(5, 0.3), each of the 10 pairs appears about 30% of the time.
    std::vector<int> hits(25, 0);
    const int runs = 4000;
    for (int s = 0; s < runs; ++s)
        for (const auto& t : kith::random_graph(5, 0.3, static_cast<std::uint64_t>(s)).ties) ++hits[t.u * 5 + t.v];
    for (std::uint32_t u = 0; u < 5; ++u)
        for (std::uint32_t v = u + 1; v < 5; ++v) {
            INFO("pair " << u << " " << v);
            CHECK(std::abs(hits[u * 5 + v] - 0.3 * runs) < 5 * std::sqrt(runs * 0.3 * 0.7));
        }
}

TEST_CASE("random_graph: edge cases of p and n", "[generate]") {
    CHECK(kith::random_graph(10, 0.0, 1).ties.empty());
    CHECK(kith::random_graph(10, 1.0, 1).ties.size() == 45);
    CHECK(kith::random_graph(0, 0.5, 1).ties.empty());
    CHECK(kith::random_graph(1, 1.0, 1).ties.empty());
    CHECK(kith::random_graph(1, 1.0, 1).num_vertices == 1);
    check_simple(kith::random_graph(10, 1.0, 1));
}

TEST_CASE("random_graph_m: exactly m ties, both sampling regimes", "[generate]") {
    for (std::uint64_t m : {0u, 1u, 10u, 22u, 23u, 40u, 45u}) {
        const auto g = kith::random_graph_m(10, m, 6);
        check_simple(g);
        CHECK(g.ties.size() == m);
        CHECK(g == kith::random_graph_m(10, m, 6));
    }
    const auto big = kith::random_graph_m(1000, 5000, 2);
    check_simple(big);
    CHECK(big.ties.size() == 5000);
}

TEST_CASE("random_graph: bad parameters throw", "[generate]") {
    REQUIRE_THROWS_AS(kith::random_graph(10, -0.1, 1), kith::invalid_argument);
    REQUIRE_THROWS_AS(kith::random_graph(10, 1.1, 1), kith::invalid_argument);
    REQUIRE_THROWS_AS(kith::random_graph(10, std::nan(""), 1), kith::invalid_argument);
    REQUIRE_THROWS_AS(kith::random_graph(10, 0.5, 1, kith::warmth_distribution{1, 1, 0.5, 0.4}),
                      kith::invalid_argument);
    REQUIRE_THROWS_AS(kith::random_graph_m(10, 46, 1), kith::invalid_argument);
    REQUIRE_THROWS_AS(kith::random_graph_m(10, 5, 1, kith::warmth_distribution{1, 1, 0.0, 1.0}),
                      kith::invalid_argument);
}
