// kith/generate/random_graph.hpp -- Erdos-Renyi random graphs, for tests and small examples.
//
// Design decisions: G(n, p) (each of the n(n-1)/2 pairs is a tie with probability p) is drawn
// by geometric skipping (Batagelj & Brandes 2005), O(n + m) instead of O(n^2); G(n, m) (exactly
// m ties, uniform among such graphs) by rejection while m is at most half of all pairs, else by
// a partial shuffle of all pairs. Two names rather than one overload: `random_graph(10, 20, s)`
// would otherwise be ambiguous between p and m. Warmths come from `warmth_distribution`.
// Deterministic in the seed (see generated_graph.hpp).
#pragma once

#include <kith/core/error.hpp>
#include <kith/generate/generated_graph.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

namespace kith {

namespace detail::generate {
inline generated_graph from_keys(std::uint32_t n, std::vector<std::uint64_t>& keys, std::uint64_t seed,
                                 const warmth_distribution& w) {
    std::sort(keys.begin(), keys.end());
    generated_graph out;
    out.num_vertices = n;
    out.ties.reserve(keys.size());
    std::mt19937_64 wg = engine(seed, 22);
    for (std::uint64_t k : keys)
        out.ties.push_back(generated_tie{static_cast<std::uint32_t>(k >> 32), static_cast<std::uint32_t>(k), warmth(wg, w)});
    return out;
}
} // namespace detail::generate

/// G(n, p): every pair of the n vertices is a tie with probability p, independently.
/// Complexity: O(n + m) expected time, m ~ p n(n-1)/2.
/// Preconditions: none beyond those checked.
/// Returns: the graph, ties sorted by (u, v), u < v, warmths drawn from `warmth`.
/// Throws: `invalid_argument` when p is not in [0, 1] or the warmth distribution is invalid.
/// Exactness: exact sampling of G(n, p); identical output for identical arguments.
inline generated_graph random_graph(std::uint32_t n, double p, std::uint64_t seed, const warmth_distribution& warmth = {}) {
    namespace gen = detail::generate;
    if (!(p >= 0.0 && p <= 1.0))
        throw invalid_argument("random_graph: probability " + std::to_string(p) + " is outside [0, 1]");
    gen::check_warmth_distribution("random_graph", warmth);
    std::vector<std::uint64_t> keys;
    if (p > 0.0 && n >= 2) {
        std::mt19937_64 g = gen::engine(seed, 21);
        keys.reserve(static_cast<std::size_t>(p * static_cast<double>(n) * static_cast<double>(n - 1) / 2.0 * 1.1) + 16);
        // Walk the pairs (v, w) with w < v in order, skipping geometric gaps.
        const double lq = p < 1.0 ? std::log1p(-p) : 0.0;
        std::int64_t v = 1, w = -1;
        const auto nn = static_cast<std::int64_t>(n);
        while (v < nn) {
            if (p < 1.0) {
                const double skip = std::floor(std::log1p(-gen::uniform01(g)) / lq);
                w += 1 + static_cast<std::int64_t>(std::min(skip, 9.0e18));
            } else {
                w += 1;
            }
            while (w >= v && v < nn) {
                w -= v;
                ++v;
            }
            if (v < nn) keys.push_back((static_cast<std::uint64_t>(w) << 32) | static_cast<std::uint64_t>(v));
        }
    }
    return gen::from_keys(n, keys, seed, warmth);
}

/// G(n, m): exactly m ties, uniform among all simple graphs on n vertices with m ties.
/// Complexity: O(m log m) expected when m <= n(n-1)/4, else O(n^2).
/// Preconditions: none beyond those checked.
/// Returns: the graph, ties sorted by (u, v), u < v, warmths drawn from `warmth`.
/// Throws: `invalid_argument` when m > n(n-1)/2 or the warmth distribution is invalid.
/// Exactness: exact sampling of G(n, m); identical output for identical arguments.
inline generated_graph random_graph_m(std::uint32_t n, std::uint64_t m, std::uint64_t seed,
                                      const warmth_distribution& warmth = {}) {
    namespace gen = detail::generate;
    const std::uint64_t pairs = static_cast<std::uint64_t>(n) * (n > 0 ? n - 1 : 0) / 2;
    if (m > pairs)
        throw invalid_argument("random_graph_m: " + std::to_string(m) + " ties do not fit in " + std::to_string(n) +
                               " vertices (at most " + std::to_string(pairs) + ")");
    gen::check_warmth_distribution("random_graph_m", warmth);
    std::mt19937_64 g = gen::engine(seed, 23);
    std::vector<std::uint64_t> keys;
    keys.reserve(static_cast<std::size_t>(m));
    if (m * 2 <= pairs) {
        std::unordered_set<std::uint64_t> seen;
        seen.reserve(static_cast<std::size_t>(m) * 2);
        while (keys.size() < m) {
            const auto a = static_cast<std::uint32_t>(gen::uniform_below(g, n));
            const auto b = static_cast<std::uint32_t>(gen::uniform_below(g, n));
            if (a == b) continue;
            const std::uint64_t k = gen::pair_key(a, b);
            if (seen.insert(k).second) keys.push_back(k);
        }
    } else {
        std::vector<std::uint64_t> all;
        all.reserve(static_cast<std::size_t>(pairs));
        for (std::uint32_t u = 0; u < n; ++u)
            for (std::uint32_t v = u + 1; v < n; ++v) all.push_back((static_cast<std::uint64_t>(u) << 32) | v);
        for (std::uint64_t i = 0; i < m; ++i) {
            const std::uint64_t j = i + gen::uniform_below(g, pairs - i);
            std::swap(all[static_cast<std::size_t>(i)], all[static_cast<std::size_t>(j)]);
        }
        keys.assign(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(m));
    }
    return gen::from_keys(n, keys, seed, warmth);
}

} // namespace kith
