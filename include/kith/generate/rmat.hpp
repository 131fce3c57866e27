// kith/generate/rmat.hpp -- Kronecker / R-MAT graphs with Graph500 parameters.
//
// Design decisions: the Graph500 generator (R-MAT, Chakrabarti, Zhan & Faloutsos 2004):
// 2^scale vertices and edge_factor * 2^scale sampled edges; each edge descends `scale`
// levels of the adjacency matrix choosing a quadrant with probabilities a, b, c and
// d = 1 - a - b - c (Graph500: 0.57, 0.19, 0.19, 0.05). Optional noise perturbs the
// probabilities at each level (the "noisy SKG" of Seshadhri, Pinar & Kolda 2013), which
// smooths the oscillating degree distribution of plain R-MAT. Vertex labels are then permuted
// at random (as Graph500 does) so vertex 0 is not the biggest hub. The graph is made simple
// and undirected: direction is dropped, and duplicates and self-loops are removed, so the tie
// count is below the number of samples: measured 0.78x at scale 13, 0.87x at scale 16 and
// 0.92x at scale 19 (edge factor 16); report `ties.size()`, not the sample count. Isolated
// vertices remain (many of them, as in Graph500). Warmths come from `warmth_distribution`,
// independent of the topology. Deterministic in the seed (see generated_graph.hpp).
#pragma once

#include <kith/core/error.hpp>
#include <kith/generate/generated_graph.hpp>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace kith {

/// Parameters of `rmat_graph` beyond scale, edge factor and seed.
struct rmat_options {
    double a = 0.57;  ///< probability of the top-left quadrant (Graph500)
    double b = 0.19;  ///< top-right (Graph500)
    double c = 0.19;  ///< bottom-left (Graph500); d = 1 - a - b - c
    /// Per-level noise (Seshadhri et al.): each level draws mu uniform in [-noise, noise] and
    /// uses a - 2 mu a/(a+d), b + mu, c + mu, d - 2 mu d/(a+d). 0 (default) is plain Graph500
    /// R-MAT; 0.1 is the usual choice. Must satisfy 0 <= noise <= min((a+d)/2, b, c).
    double noise = 0.0;
    /// Whether to relabel vertices by a random permutation (Graph500 does).
    bool permute_vertices = true;
    /// Warmth of each tie.
    warmth_distribution warmth{};
};

/// An R-MAT (Kronecker) graph: 2^scale vertices, edge_factor * 2^scale sampled edges made
/// simple and undirected (see the header comment for how many ties remain).
/// Complexity: O(edge_factor * 2^scale * (scale + log m)) time, O(m + 2^scale) memory.
/// Preconditions: none beyond those checked.
/// Returns: the graph, ties sorted by (u, v), u < v, warmths drawn from `opt.warmth`.
/// Throws: `invalid_argument` when scale is not in [1, 31], edge_factor is 0 or the sample count
/// exceeds 2^40, a, b, c are not probabilities with a + b + c <= 1, noise is out of range, or
/// the warmth distribution is invalid.
/// Exactness: exact sampling of the stated model; identical output for identical arguments.
inline generated_graph rmat_graph(unsigned scale, std::uint64_t edge_factor, std::uint64_t seed,
                                  const rmat_options& opt = {}) {
    namespace gen = detail::generate;
    if (scale < 1 || scale > 31)
        throw invalid_argument("rmat_graph: scale " + std::to_string(scale) + " is outside [1, 31]");
    if (edge_factor == 0 || edge_factor > (std::uint64_t{1} << 40) >> scale)
        throw invalid_argument("rmat_graph: edge factor " + std::to_string(edge_factor) +
                               " must be positive with edge_factor * 2^scale <= 2^40");
    const double a = opt.a, b = opt.b, c = opt.c, d = 1.0 - a - b - c;
    if (!(a >= 0 && b >= 0 && c >= 0 && d >= -1e-12 && a <= 1 && b <= 1 && c <= 1))
        throw invalid_argument("rmat_graph: quadrant probabilities a = " + std::to_string(a) + ", b = " +
                               std::to_string(b) + ", c = " + std::to_string(c) +
                               " must be in [0, 1] with a + b + c <= 1");
    if (!(opt.noise >= 0.0 && opt.noise <= std::min({(a + d) / 2.0, b, c})))
        throw invalid_argument("rmat_graph: noise " + std::to_string(opt.noise) + " is outside [0, min((a+d)/2, b, c)]");
    gen::check_warmth_distribution("rmat_graph", opt.warmth);

    const std::uint64_t n = std::uint64_t{1} << scale;
    const std::uint64_t samples = edge_factor * n;

    // Per-level quadrant thresholds (cumulative a, a+b, a+b+c).
    std::mt19937_64 noise_rng = gen::engine(seed, 1);
    std::vector<double> ta(scale), tab(scale), tabc(scale);
    for (unsigned level = 0; level < scale; ++level) {
        double la = a, lb = b, lc = c, ld = d;
        if (opt.noise > 0.0 && a + d > 0.0) {
            const double mu = opt.noise * (2.0 * gen::uniform01(noise_rng) - 1.0);
            la = a - 2.0 * mu * a / (a + d);
            lb = b + mu;
            lc = c + mu;
            ld = d - 2.0 * mu * d / (a + d);
        }
        const double s = la + lb + lc + std::max(ld, 0.0);
        ta[level] = la / s;
        tab[level] = (la + lb) / s;
        tabc[level] = (la + lb + lc) / s;
    }

    std::mt19937_64 g = gen::engine(seed, 2);
    std::vector<std::uint64_t> keys;
    keys.reserve(static_cast<std::size_t>(samples));
    for (std::uint64_t i = 0; i < samples; ++i) {
        std::uint32_t u = 0, v = 0;
        for (unsigned level = 0; level < scale; ++level) {
            const double r = gen::uniform01(g);
            const std::uint32_t bit = std::uint32_t{1} << level;
            if (r < ta[level]) {
            } else if (r < tab[level]) {
                v |= bit;
            } else if (r < tabc[level]) {
                u |= bit;
            } else {
                u |= bit;
                v |= bit;
            }
        }
        keys.push_back((static_cast<std::uint64_t>(u) << 32) | v);
    }

    if (opt.permute_vertices) {
        std::mt19937_64 pg = gen::engine(seed, 3);
        std::vector<std::uint32_t> perm(static_cast<std::size_t>(n));
        for (std::uint32_t v = 0; v < n; ++v) perm[v] = v;
        gen::shuffle(perm, pg);
        for (std::uint64_t& k : keys) k = gen::pair_key(perm[k >> 32], perm[k & 0xFFFFFFFFu]);
    } else {
        for (std::uint64_t& k : keys) k = gen::pair_key(static_cast<std::uint32_t>(k >> 32), static_cast<std::uint32_t>(k));
    }
    gen::sort_unique_pairs(keys);

    generated_graph out;
    out.num_vertices = static_cast<std::uint32_t>(n);
    out.ties.reserve(keys.size());
    std::mt19937_64 wg = gen::engine(seed, 4);
    for (std::uint64_t k : keys)
        out.ties.push_back(generated_tie{static_cast<std::uint32_t>(k >> 32), static_cast<std::uint32_t>(k),
                                         gen::warmth(wg, opt.warmth)});
    return out;
}

} // namespace kith
