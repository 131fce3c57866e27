// Tests of kith/generate/rmat.hpp.
#include "kith_catch.hpp"
#include "check_graph.hpp"

#include <kith/generate/rmat.hpp>

#include <algorithm>
#include <cstdint>
#include <vector>

using kith_test_generate::check_simple;
using kith_test_generate::degrees;

namespace {
std::uint64_t topology_hash(const kith::generated_graph& g) {
    std::uint64_t h = 1469598103934665603ull;
    for (const auto& t : g.ties) h = (h ^ ((static_cast<std::uint64_t>(t.u) << 32) | t.v)) * 1099511628211ull;
    return h;
}
} // namespace

TEST_CASE("rmat_graph: deterministic in the seed", "[generate]") {
    const auto a = kith::rmat_graph(10, 8, 1);
    const auto b = kith::rmat_graph(10, 8, 1);
    const auto c = kith::rmat_graph(10, 8, 2);
    CHECK(a == b);
    CHECK(a != c);
    kith::rmat_options o;
    o.noise = 0.1;
    CHECK(kith::rmat_graph(10, 8, 1, o) == kith::rmat_graph(10, 8, 1, o));
    CHECK(kith::rmat_graph(10, 8, 1, o) != a);
    // The topology uses no transcendental function: identical on every platform.
    CHECK(topology_hash(kith::rmat_graph(8, 4, 42)) == 3014654530083209493ull);
}

TEST_CASE("rmat_graph: simple, with the expected size and a heavy tail", "[generate]") {
    const auto g = kith::rmat_graph(14, 16, 7);
    check_simple(g);
    REQUIRE(g.num_vertices == 16384u);
    const double samples = 16.0 * 16384.0;
    // Duplicates and self-loops of Graph500 R-MAT at scale 14 remove about a quarter.
    CHECK(static_cast<double>(g.ties.size()) > 0.6 * samples);
    CHECK(static_cast<double>(g.ties.size()) < 0.95 * samples);
    const auto d = degrees(g);
    const double mean = 2.0 * static_cast<double>(g.ties.size()) / g.num_vertices;
    const auto max_degree = *std::max_element(d.begin(), d.end());
    CHECK(max_degree > 20 * mean);
    const auto isolated = std::count(d.begin(), d.end(), 0u);
    CHECK(isolated > 0);
    CHECK(isolated < static_cast<long>(g.num_vertices / 2));
}

TEST_CASE("rmat_graph: the permutation moves the hub away from vertex 0", "[generate]") {
    kith::rmat_options plain;
    plain.permute_vertices = false;
    const auto p = kith::rmat_graph(12, 8, 3, plain);
    const auto d = degrees(p);
    CHECK(std::max_element(d.begin(), d.end()) - d.begin() == 0);  // a = 0.57: vertex 0 is the hub
    const auto q = kith::rmat_graph(12, 8, 3);
    const auto dq = degrees(q);
    // Same degree multiset, relabelled.
    auto sd = d, sdq = dq;
    std::sort(sd.begin(), sd.end());
    std::sort(sdq.begin(), sdq.end());
    CHECK(sd == sdq);
    CHECK(std::max_element(dq.begin(), dq.end()) - dq.begin() != 0);
}

TEST_CASE("rmat_graph: warmths follow the distribution", "[generate]") {
    kith::rmat_options o;
    o.warmth = kith::warmth_distribution::constant(0.5);
    const auto g = kith::rmat_graph(8, 4, 1, o);
    for (const auto& t : g.ties) REQUIRE(t.warmth == 0.5);
    const auto h = kith::rmat_graph(8, 4, 1);
    for (const auto& t : h.ties) {
        REQUIRE(t.warmth > 0.0);
        REQUIRE(t.warmth <= 1.0);
    }
}

TEST_CASE("rmat_graph: bad parameters throw", "[generate]") {
    kith::rmat_options o;
    REQUIRE_THROWS_AS(kith::rmat_graph(0, 16, 1), kith::invalid_argument);
    REQUIRE_THROWS_AS(kith::rmat_graph(32, 16, 1), kith::invalid_argument);
    REQUIRE_THROWS_AS(kith::rmat_graph(8, 0, 1), kith::invalid_argument);
    REQUIRE_THROWS_AS(kith::rmat_graph(30, 1u << 12, 1), kith::invalid_argument);
    o.a = 0.9;  // a + b + c > 1
    REQUIRE_THROWS_AS(kith::rmat_graph(8, 4, 1, o), kith::invalid_argument);
    o = {};
    o.b = -0.1;
    REQUIRE_THROWS_AS(kith::rmat_graph(8, 4, 1, o), kith::invalid_argument);
    o = {};
    o.noise = 0.5;
    REQUIRE_THROWS_AS(kith::rmat_graph(8, 4, 1, o), kith::invalid_argument);
    o = {};
    o.warmth.low = 0.0;
    REQUIRE_THROWS_AS(kith::rmat_graph(8, 4, 1, o), kith::invalid_argument);
    o = {};
    o.warmth.alpha = -1.0;
    REQUIRE_THROWS_AS(kith::rmat_graph(8, 4, 1, o), kith::invalid_argument);
}
