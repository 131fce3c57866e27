// tests/reliability/limits.test.cpp -- numbers and limits: log-space warmth on very long paths,
// the integer types that bound ids, ties and arcs, and no recursion that grows with the graph.
// docs/reliability.md ("Numbers and limits") states the limits these tests pin down.
#include "kith_catch.hpp"

#include <kith/metrics/brokerage.hpp>
#include <kith/network.hpp>
#include <kith/paths/explain.hpp>
#include <kith/paths/k_warm_paths.hpp>
#include <kith/paths/warm_path.hpp>
#include <kith/snapshot.hpp>
#include <kith/suggest/people_to_meet.hpp>

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <type_traits>
#include <vector>

namespace {

std::uint64_t splitmix(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

// A chain 0 - 1 - ... - hops with warmths in [0.05, 1), deterministic.
kith::network chain(std::size_t hops) {
    kith::network net;
    net.reserve(hops + 1, hops);
    for (std::size_t i = 0; i <= hops; ++i) {
        kith::person p;
        p.key = "c" + std::to_string(i);
        p.name = p.key;
        net.add_person(std::move(p));
    }
    for (std::size_t i = 0; i < hops; ++i) {
        const double u = static_cast<double>(splitmix(i) >> 11) * 0x1.0p-53;
        net.set_warmth(kith::person_id(static_cast<std::uint32_t>(i)), kith::person_id(static_cast<std::uint32_t>(i + 1)),
                       0.05 + 0.95 * u);
    }
    return net;
}

const kith::timestamp now = kith::make_timestamp(2025, 6, 1);

} // namespace

TEST_CASE("a 2,000-hop path keeps its warmth in log space, exact to 1e-12 relative", "[reliability][limits]") {
    constexpr std::size_t hops = 2000;
    const kith::network net = chain(hops);
    const kith::snapshot s(net, now);
    const kith::person_id from(0), to(static_cast<std::uint32_t>(hops));

    for (const double hop_factor : {1.0, 0.8}) {
        kith::path_options o;
        o.hop_factor = hop_factor;
        const auto p = kith::find_warm_path(s, from, to, o);
        REQUIRE(p);
        REQUIRE(p->hops() == hops);

        // Long-double reference from the stored (quantised) warmths and the quantised hop factor.
        long double ref_log = 0.0L, naive_product = 1.0L;
        double double_product = 1.0;
        const long double hop_log = -static_cast<long double>(kith::hop_cost_units(hop_factor)) / kith::snapshot::cost_scale;
        std::uint64_t units = 0;
        for (std::size_t i = 0; i < hops; ++i) {
            const auto u = s.vertex_of(p->people[i]), v = s.vertex_of(p->people[i + 1]);
            const auto a = s.find_arc(u, v);
            REQUIRE(a);
            REQUIRE(p->tie_warmth[i] == s.arc_warmth(*a));
            units += s.arc_cost(*a) + kith::hop_cost_units(hop_factor);
            ref_log += std::log(static_cast<long double>(s.arc_warmth(*a))) + hop_log;
            naive_product *= static_cast<long double>(s.arc_warmth(*a));
            double_product *= p->tie_warmth[i] * hop_factor;
        }
        CHECK(p->cost_units == units);
        CHECK(std::fabs(static_cast<long double>(p->log_warmth) - ref_log) <= 1e-12L * std::fabs(ref_log));
        // The warmth itself: a plain double product of 2,000 warmths underflows to 0 ...
        CHECK(double_product == 0.0);
        // ... the reported warmth is exp(log_warmth): exact to 1e-12 relative when it is a normal
        // double, 0 (or subnormal) when the true value is below DBL_MIN.
        const long double ref_warmth = std::exp(ref_log);
        if (ref_warmth >= static_cast<long double>(DBL_MIN))
            CHECK(std::fabs(static_cast<long double>(p->warmth) - ref_warmth) <= 1e-12L * ref_warmth);
        else
            CHECK(p->warmth < DBL_MIN);
        CHECK(p->warmth == std::exp(p->log_warmth));
        CHECK(std::isfinite(p->log_warmth));
        (void)naive_product;

        // k best (a chain has one path), explanation, max_hops = SIZE_MAX and = hops.
        const auto k = kith::find_k_warm_paths(s, from, to, 3, o);
        REQUIRE(k.size() == 1);
        CHECK(k.front() == *p);
        const auto e = kith::explain_path(s, *p, o);
        CHECK(e.hops.size() == hops);
        CHECK(e.log_warmth == p->log_warmth);
        o.max_hops = std::numeric_limits<std::size_t>::max();
        CHECK(kith::find_warm_path(s, from, to, o) == p);
        o.max_hops = hops;
        CHECK(kith::find_warm_path(s, from, to, o) == p);
        o.max_hops = hops - 1;
        CHECK_FALSE(kith::find_warm_path(s, from, to, o));
    }
}

TEST_CASE("the warmth of the coldest stored tie repeated: log space never saturates", "[reliability][limits]") {
    // 3,000 ties at the floor warmth e^-32 each: ln(path warmth) = -96,000 - hop costs. The
    // integer cost sum is exact; exp() underflows to 0 and log_warmth stays exact.
    constexpr std::size_t hops = 3000;
    kith::network net = chain(hops);
    for (std::size_t i = 0; i < hops; ++i)
        net.set_warmth(kith::person_id(static_cast<std::uint32_t>(i)), kith::person_id(static_cast<std::uint32_t>(i + 1)), 1e-300);
    const kith::snapshot s(net, now);
    kith::path_options o;
    o.hop_factor = 1.0;
    const auto p = kith::find_warm_path(s, kith::person_id(0), kith::person_id(static_cast<std::uint32_t>(hops)), o);
    REQUIRE(p);
    CHECK(p->cost_units == hops * std::uint64_t{kith::snapshot::max_cost});
    const double expected = -static_cast<double>(hops) * kith::snapshot::max_cost / kith::snapshot::cost_scale;
    CHECK_THAT(p->log_warmth, WithinRel(expected, 1e-15));
    CHECK(p->warmth == 0.0);
}

TEST_CASE("no recursion grows with the graph: a 100,000-person chain", "[reliability][limits]") {
    // Every algorithm below walks the whole chain; a recursive DFS would need 100,000 frames
    // (several MB of stack under ASan) and crash. Runs in well under a second.
    constexpr std::size_t hops = 100000;
    const kith::network net = chain(hops);
    const auto s = kith::freeze(net, now);
    const kith::person_id from(0), to(static_cast<std::uint32_t>(hops));
    kith::path_options o;
    o.hop_factor = 1.0;
    const auto p = kith::find_warm_path(*s, from, to, o);
    REQUIRE(p);
    CHECK(p->hops() == hops);
    CHECK(std::isfinite(p->log_warmth));
    CHECK(kith::explain_path(*s, *p, o).hops.size() == hops);
    // (k best paths are checked on the 2,000-hop chain: Yen's spur searches cost O(L) each, so
    // k paths of L hops cost O(k L^2) on a chain -- quadratic in the path length by design.)
    CHECK(kith::find_k_warm_paths(*s, kith::person_id(0), kith::person_id(1000), 2, o).size() == 1);
    CHECK(kith::brokerage_all(*s).size() == hops + 1);
    kith::people_to_meet_options po;
    po.k = 3;
    CHECK(kith::suggest_people_to_meet(*s, kith::person_id(hops / 2), po).size() <= 3);
    const kith::network copy = net;  // copies and destruction are iterative too
    CHECK(copy == net);
}

TEST_CASE("integer widths: 32-bit ids and vertices, 64-bit arc offsets and path costs", "[reliability][limits]") {
    static_assert(std::is_same<kith::person_id::value_type, std::uint32_t>::value, "person ids are 32-bit");
    static_assert(kith::person_id::max_value == 0xFFFFFFFEu, "2^32-1 ids: 0 .. 2^32-2");
    static_assert(std::is_same<kith::snapshot::vertex_type, std::uint32_t>::value, "vertices are 32-bit");
    static_assert(std::is_same<kith::snapshot::arc_index, std::uint64_t>::value, "arc offsets are 64-bit");
    static_assert(std::is_same<decltype(kith::warm_path{}.cost_units), std::uint64_t>::value, "path costs are 64-bit");
    // A path cost is at most hops x (65535 + hop cost + introducer cost) units: with < 2^32 hops
    // and per-hop costs < 2^17 it stays below 2^49, far from 2^64.
    static_assert(std::uint64_t{0xFFFFFFFFu} * (std::uint64_t{1} << 17) < std::numeric_limits<std::uint64_t>::max() / 2,
                  "no overflow in path costs");

    // The CSR offsets are stored as 32-bit low words plus wrap points: exact past 2^31 and 2^32
    // arcs (synthetic offsets, no allocation of that size).
    const std::uint64_t two31 = std::uint64_t{1} << 31, two32 = std::uint64_t{1} << 32;
    const std::vector<std::uint64_t> start = {0, two31 - 1, two31, two31 + 1, two32 - 1, two32, two32 + 5,
                                              3 * two32 + 7, 3 * two32 + 7, 5 * two32};
    std::vector<std::uint32_t> lo, wraps;
    kith::detail::split_offsets(start, lo, wraps);
    for (std::uint32_t v = 0; v < start.size(); ++v) CHECK(kith::detail::offset_at(lo, wraps, v) == start[v]);

    // Ids at the top of the range are rejected as unknown, never wrapped around.
    const kith::network net = chain(3);
    const kith::snapshot s(net, now);
    CHECK_FALSE(s.find_vertex(kith::person_id(kith::person_id::max_value)));
    REQUIRE_THROWS_AS(kith::find_warm_path(s, kith::person_id(0), kith::person_id(kith::person_id::max_value)),
                      kith::unknown_person);
    REQUIRE_THROWS_AS(kith::find_warm_path(s, kith::person_id(0xFFFFFFFFu), kith::person_id(0)), kith::unknown_person);
}

TEST_CASE("workspaces survive their generation counter wrapping (8-bit, 1,000 queries)", "[reliability][limits]") {
    const kith::network net = chain(40);
    const kith::snapshot s(net, now);
    kith::basic_path_workspace<std::uint8_t> small;
    kith::path_workspace big;
    for (std::uint32_t q = 0; q < 1000; ++q) {
        const kith::person_id a(q % 41), b((q * 7 + 3) % 41);
        CHECK(kith::find_warm_path(s, a, b, {}, small) == kith::find_warm_path(s, a, b, {}, big));
    }
}
