// kith/generate/generated_graph.hpp -- the output of kith's graph generators, how to load it
// into a network, the warmth distributions, and the seeded random helpers they share.
//
// Design decisions: generators return a plain `generated_graph` (vertex count and undirected
// ties u < v with a warmth), not a network: it is cheap to make, compare and inspect, and the
// same ties feed both kith and a Boost.Graph baseline in a benchmark. `add_to_network` turns it
// into people with keys "0".."n-1" and manual warmths; a snapshot is then built from the
// network as usual (there is no shortcut: a snapshot is always frozen from a network).
// Every generator takes a 64-bit seed and draws only raw bits from a `std::mt19937_64`,
// turned into numbers by kith's own helpers below (the `std::*_distribution` algorithms differ
// between standard libraries, ours do not), so a seed gives the same graph everywhere. The
// only caveat: warmths and power-law degrees pass through `std::log`/`std::pow`, whose last
// bit may differ between C libraries; the graph is identical run to run on one platform.
#pragma once

#include <kith/core/error.hpp>
#include <kith/core/ids.hpp>
#include <kith/network.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace kith {

/// One undirected tie of a generated graph: u < v, warmth in (0,1].
struct generated_tie {
    std::uint32_t u = 0;
    std::uint32_t v = 0;
    double warmth = 1.0;
    friend bool operator==(const generated_tie& x, const generated_tie& y) {
        return x.u == y.u && x.v == y.v && x.warmth == y.warmth;
    }
    friend bool operator!=(const generated_tie& x, const generated_tie& y) { return !(x == y); }
};

/// A generated undirected graph: vertices 0..num_vertices-1 and ties sorted by (u, v), each
/// with u < v, no self-loops, no duplicates. Isolated vertices are allowed.
struct generated_graph {
    std::uint32_t num_vertices = 0;
    std::vector<generated_tie> ties{};
    friend bool operator==(const generated_graph& x, const generated_graph& y) {
        return x.num_vertices == y.num_vertices && x.ties == y.ties;
    }
    friend bool operator!=(const generated_graph& x, const generated_graph& y) { return !(x == y); }
};

/// How tie warmths are drawn: warmth = low + (high - low) * Beta(alpha, beta).
/// The default (Beta(1.5, 4) on [0.02, 1], mean 0.29) makes most ties weak (< 0.4, about 75%)
/// and a few strong (>= 0.7, about 2%). `uniform()` and `constant(w)` are the usual alternatives.
struct warmth_distribution {
    double alpha = 1.5;  ///< Beta shape alpha > 0
    double beta = 4.0;   ///< Beta shape beta > 0
    double low = 0.02;   ///< smallest warmth, 0 < low <= high
    double high = 1.0;   ///< largest warmth, high <= 1

    /// Uniform on [low, 1] (Beta(1, 1)).
    static warmth_distribution uniform(double low = 0.02) { return {1.0, 1.0, low, 1.0}; }
    /// Every tie gets warmth `w`.
    static warmth_distribution constant(double w) { return {1.0, 1.0, w, w}; }
};

namespace detail::generate {

// ---- seeded random helpers: raw bits of std::mt19937_64 only ------------------------------

/// Mixes a seed (splitmix64), so that seeds 0, 1, 2 give unrelated streams.
inline std::uint64_t mix_seed(std::uint64_t x) noexcept {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

/// The engine of stream `stream` of a generator seeded with `seed`.
inline std::mt19937_64 engine(std::uint64_t seed, std::uint64_t stream) {
    return std::mt19937_64(mix_seed(seed ^ mix_seed(stream + 0x6B69746Bull)));
}

/// Uniform on [0, 1) with 53 random bits.
inline double uniform01(std::mt19937_64& g) { return static_cast<double>(g() >> 11) * 0x1.0p-53; }

/// Uniform on (0, 1) (never 0, never 1).
inline double uniform_open01(std::mt19937_64& g) { return (static_cast<double>(g() >> 11) + 0.5) * 0x1.0p-53; }

/// Uniform integer in [0, n), unbiased (rejection of the short last block). Precondition: n > 0.
inline std::uint64_t uniform_below(std::mt19937_64& g, std::uint64_t n) {
    const std::uint64_t threshold = (0 - n) % n;  // 2^64 mod n
    for (;;) {
        const std::uint64_t r = g();
        if (r >= threshold) return r % n;
    }
}

/// Fisher-Yates shuffle with `uniform_below`.
template <class T>
void shuffle(std::vector<T>& xs, std::mt19937_64& g) {
    for (std::size_t i = xs.size(); i > 1; --i) {
        const std::size_t j = static_cast<std::size_t>(uniform_below(g, i));
        std::swap(xs[i - 1], xs[j]);
    }
}

/// Standard normal (Marsaglia polar method).
inline double normal(std::mt19937_64& g) {
    for (;;) {
        const double x = 2.0 * uniform01(g) - 1.0;
        const double y = 2.0 * uniform01(g) - 1.0;
        const double s = x * x + y * y;
        if (s > 0.0 && s < 1.0) return x * std::sqrt(-2.0 * std::log(s) / s);
    }
}

/// Gamma(shape, 1) (Marsaglia-Tsang; shape < 1 by boosting). Precondition: shape > 0.
inline double gamma(std::mt19937_64& g, double shape) {
    if (shape < 1.0) return gamma(g, shape + 1.0) * std::pow(uniform_open01(g), 1.0 / shape);
    const double d = shape - 1.0 / 3.0;
    const double c = 1.0 / std::sqrt(9.0 * d);
    for (;;) {
        double x, v;
        do {
            x = normal(g);
            v = 1.0 + c * x;
        } while (v <= 0.0);
        v = v * v * v;
        const double u = uniform_open01(g);
        if (u < 1.0 - 0.0331 * x * x * x * x) return d * v;
        if (std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v))) return d * v;
    }
}

/// Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b).
inline double beta(std::mt19937_64& g, double a, double b) {
    const double x = gamma(g, a);
    const double y = gamma(g, b);
    const double s = x + y;
    return s > 0.0 ? x / s : 0.5;
}

/// A warmth from `d`, always in (0, 1].
inline double warmth(std::mt19937_64& g, const warmth_distribution& d) {
    if (d.low == d.high) return d.high;
    const double w = d.low + (d.high - d.low) * beta(g, d.alpha, d.beta);
    return std::min(std::max(w, d.low), d.high);
}

/// Continuous power law p(x) ~ x^-gamma on [lo, hi] by inverse transform. gamma != 1.
inline double power_law(std::mt19937_64& g, double gamma_exp, double lo, double hi) {
    const double e = 1.0 - gamma_exp;
    const double a = std::pow(lo, e);
    const double b = std::pow(hi, e);
    const double x = std::pow(a + (b - a) * uniform01(g), 1.0 / e);
    return std::min(std::max(x, lo), hi);
}

/// Mean of the continuous power law x^-gamma on [lo, hi] (gamma not 1 or 2).
inline double power_law_mean(double gamma_exp, double lo, double hi) {
    const double e1 = 1.0 - gamma_exp, e2 = 2.0 - gamma_exp;
    return (e1 / e2) * (std::pow(hi, e2) - std::pow(lo, e2)) / (std::pow(hi, e1) - std::pow(lo, e1));
}

inline std::uint64_t pair_key(std::uint32_t a, std::uint32_t b) noexcept {
    const std::uint32_t u = std::min(a, b), v = std::max(a, b);
    return (static_cast<std::uint64_t>(u) << 32) | v;
}

/// Sorts pair keys and removes duplicates and self-loops (u == v). Returns how many were dropped.
inline std::size_t sort_unique_pairs(std::vector<std::uint64_t>& keys) {
    const std::size_t before = keys.size();
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    keys.erase(std::remove_if(keys.begin(), keys.end(),
                              [](std::uint64_t k) { return (k >> 32) == (k & 0xFFFFFFFFu); }),
               keys.end());
    return before - keys.size();
}

inline void check_warmth_distribution(const char* fn, const warmth_distribution& d) {
    if (!(d.low > 0.0 && d.low <= d.high && d.high <= 1.0))
        throw invalid_argument(std::string(fn) + ": warmth range [" + std::to_string(d.low) + ", " +
                               std::to_string(d.high) + "] is not inside (0, 1] with low <= high");
    if (d.low != d.high && !(d.alpha > 0.0 && d.beta > 0.0 && std::isfinite(d.alpha) && std::isfinite(d.beta)))
        throw invalid_argument(std::string(fn) + ": warmth shapes alpha = " + std::to_string(d.alpha) +
                               ", beta = " + std::to_string(d.beta) + " must be positive and finite");
}

} // namespace detail::generate

/// Adds the generated graph to `net`: one person per vertex v, with key and name
/// `std::to_string(v)`, then one tie per generated tie with its warmth as a manual warmth
/// (`network::set_warmth`). In a network that was empty, vertex v becomes `person_id(v)`,
/// and also vertex v of any snapshot frozen from it.
/// Complexity: O(n + m) expected (one hash insertion per person and per tie), plus
/// O(m log m) when `g.ties` is not sorted by (u, v) (to check for duplicates).
/// Preconditions: none beyond those checked.
/// Returns: nothing; `net` holds n more people and m more ties.
/// Throws: `invalid_argument` when a key "0".."n-1" is already used, or when a tie has
/// u >= v, v >= num_vertices, a warmth outside (0,1] or NaN, or appears twice. All checks run
/// before `net` is touched: on a throw `net` is unchanged.
/// Exactness: the warmths are stored exactly as given (a snapshot then quantises them).
inline void add_to_network(network& net, const generated_graph& g) {
    const std::size_t n = g.num_vertices;
    for (std::size_t i = 0; i < g.ties.size(); ++i) {
        const generated_tie& t = g.ties[i];
        if (!(t.u < t.v) || t.v >= n)
            throw invalid_argument("add_to_network: tie " + std::to_string(i) + " (" + std::to_string(t.u) + ", " +
                                   std::to_string(t.v) + ") needs u < v < num_vertices = " + std::to_string(n));
        if (!(t.warmth > 0.0 && t.warmth <= 1.0))
            throw invalid_argument("add_to_network: tie " + std::to_string(i) + " (" + std::to_string(t.u) + ", " +
                                   std::to_string(t.v) + ") has warmth " + std::to_string(t.warmth) +
                                   ", outside (0, 1]");
    }
    auto less = [](const generated_tie& x, const generated_tie& y) { return x.u != y.u ? x.u < y.u : x.v < y.v; };
    if (!std::is_sorted(g.ties.begin(), g.ties.end(), less)) {
        std::vector<std::uint64_t> keys;
        keys.reserve(g.ties.size());
        for (const generated_tie& t : g.ties) keys.push_back(detail::generate::pair_key(t.u, t.v));
        std::sort(keys.begin(), keys.end());
        auto dup = std::adjacent_find(keys.begin(), keys.end());
        if (dup != keys.end())
            throw invalid_argument("add_to_network: tie (" + std::to_string(*dup >> 32) + ", " +
                                   std::to_string(*dup & 0xFFFFFFFFu) + ") appears twice");
    } else {
        auto dup = std::adjacent_find(g.ties.begin(), g.ties.end(), [](const generated_tie& x, const generated_tie& y) {
            return x.u == y.u && x.v == y.v;
        });
        if (dup != g.ties.end())
            throw invalid_argument("add_to_network: tie (" + std::to_string(dup->u) + ", " + std::to_string(dup->v) +
                                   ") appears twice");
    }
    for (std::size_t v = 0; v < n; ++v)
        if (net.find(std::to_string(v)))
            throw invalid_argument("add_to_network: key '" + std::to_string(v) + "' is already used in the network");

    net.reserve(net.id_bound() + n, net.tie_slot_count() + g.ties.size());
    std::vector<person_id> ids;
    ids.reserve(n);
    for (std::size_t v = 0; v < n; ++v) {
        person p;
        p.key = std::to_string(v);
        p.name = p.key;
        ids.push_back(net.add_person(std::move(p)));
    }
    for (const generated_tie& t : g.ties) net.set_warmth(ids[t.u], ids[t.v], t.warmth);
}

} // namespace kith
