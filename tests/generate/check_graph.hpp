// tests/generate/check_graph.hpp -- shared checks of a generated graph's invariants.
#pragma once

#include "kith_catch.hpp"

#include <kith/generate/generated_graph.hpp>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace kith_test_generate {

/// Ties sorted by (u, v), u < v < n (so no self-loops and no duplicates), warmth in (0, 1].
inline void check_simple(const kith::generated_graph& g) {
    bool ok = true;
    for (std::size_t i = 0; i < g.ties.size() && ok; ++i) {
        const auto& t = g.ties[i];
        ok = t.u < t.v && t.v < g.num_vertices && t.warmth > 0.0 && t.warmth <= 1.0;
        if (i > 0) {
            const auto& p = g.ties[i - 1];
            ok = ok && (p.u < t.u || (p.u == t.u && p.v < t.v));
        }
        if (!ok) {
            INFO("tie " << i << " (" << t.u << ", " << t.v << ", " << t.warmth << ")");
            CHECK(ok);
        }
    }
    REQUIRE(ok);
}

inline std::vector<std::uint32_t> degrees(const kith::generated_graph& g) {
    std::vector<std::uint32_t> d(g.num_vertices, 0);
    for (const auto& t : g.ties) {
        ++d[t.u];
        ++d[t.v];
    }
    return d;
}

/// Fraction of vertices with degree >= k.
inline double tail(const std::vector<std::uint32_t>& d, std::uint32_t k) {
    return static_cast<double>(std::count_if(d.begin(), d.end(), [k](std::uint32_t x) { return x >= k; })) /
           static_cast<double>(d.size());
}

} // namespace kith_test_generate
