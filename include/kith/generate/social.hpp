// kith/generate/social.hpp -- community-structured social graphs with heavy-tailed degrees.
//
// Design decisions: an LFR-like generator (Lancichinetti, Fortunato & Radicchi 2008), built for
// speed at 10^7 ties rather than LFR's exact degree fitting. Degrees follow a power law
// (exponent 2.5 by default) between a minimum solved so the mean is `mean_degree` and a cap;
// community sizes follow a power law (exponent 1.5) between a minimum and a maximum; people
// are placed in communities at random. Each person gives a fraction 1 - mixing of its ties to
// its community (at most the community size - 1; the rest go outside) and the remaining
// fraction to anyone; both parts are wired by the configuration model (stubs shuffled and
// paired; the stubs of self-loops and repeated pairs are re-paired for a few rounds, as LFR
// rewires), then a few hubs (connectors who know people everywhere) get ties to people chosen
// at random. Remaining self-loops and duplicates are dropped. The tie count comes out close to
// num_people * mean_degree / 2: measured +2% at 10^6 people (the hubs' ties), -0.1% at 10^5.
// Warmth: most ties are weak, ties inside a community warmer (default Beta(2, 3), mean 0.41,
// half of them weak) than ties between communities (Beta(1.2, 6), mean 0.18, 93% weak).
// Deterministic in the seed (see generated_graph.hpp).
#pragma once

#include <kith/core/error.hpp>
#include <kith/generate/generated_graph.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kith {

/// Parameters of `social_graph` beyond size, mean degree and seed. Zero / nullopt = automatic.
struct social_options {
    /// Power-law exponent of the degree distribution, in (2, 10].
    double degree_exponent = 2.5;
    /// Largest degree of a non-hub person; 0 = min(n - 1, 50 * mean_degree).
    std::uint32_t max_degree = 0;
    /// Power-law exponent of community sizes, in (1, 10] and not 2.
    double community_exponent = 1.5;
    /// Smallest community; 0 = min(n, max(10, 2 * mean_degree)).
    std::uint32_t min_community = 0;
    /// Largest community; 0 = min(n, max(min_community, 50 * mean_degree)).
    std::uint32_t max_community = 0;
    /// Fraction of each person's ties that leave the community, in [0, 1].
    double mixing = 0.2;
    /// Number of hubs; nullopt = n / 100000 + 1 when n >= 1000, else 0.
    std::optional<std::uint32_t> hubs{};
    /// Ties per hub; 0 = min(n - 1, max(2 * max_degree, n / 50)).
    std::uint32_t hub_degree = 0;
    /// Warmth of ties inside a community.
    warmth_distribution warmth_inside{2.0, 3.0, 0.02, 1.0};
    /// Warmth of ties between communities (and of most hub ties).
    warmth_distribution warmth_between{1.2, 6.0, 0.02, 1.0};
};

/// A community-structured social graph with heavy-tailed degrees (see the header comment).
/// Complexity: O(m log m) time and O(n + m) memory for m = num_people * mean_degree / 2.
/// Preconditions: none beyond those checked.
/// Returns: the graph, ties sorted by (u, v), u < v.
/// Throws: `invalid_argument` when num_people < 2, mean_degree is not in (0, num_people - 1],
/// an exponent, size or the mixing is out of range (see `social_options`), or a warmth
/// distribution is invalid.
/// Exactness: a random model, no exact degree sequence is promised; identical output for
/// identical arguments.
inline generated_graph social_graph(std::uint32_t num_people, double mean_degree, std::uint64_t seed,
                                    const social_options& opt = {}) {
    namespace gen = detail::generate;
    const std::uint32_t n = num_people;
    if (n < 2) throw invalid_argument("social_graph: num_people " + std::to_string(n) + " is below 2");
    if (!(mean_degree > 0.0 && mean_degree <= static_cast<double>(n - 1)))
        throw invalid_argument("social_graph: mean degree " + std::to_string(mean_degree) + " is outside (0, " +
                               std::to_string(n - 1) + "]");
    if (!(opt.degree_exponent > 2.0 && opt.degree_exponent <= 10.0))
        throw invalid_argument("social_graph: degree exponent " + std::to_string(opt.degree_exponent) +
                               " is outside (2, 10]");
    if (!(opt.community_exponent > 1.0 && opt.community_exponent <= 10.0 && opt.community_exponent != 2.0))
        throw invalid_argument("social_graph: community exponent " + std::to_string(opt.community_exponent) +
                               " is outside (1, 10] or equal to 2");
    if (!(opt.mixing >= 0.0 && opt.mixing <= 1.0))
        throw invalid_argument("social_graph: mixing " + std::to_string(opt.mixing) + " is outside [0, 1]");
    gen::check_warmth_distribution("social_graph", opt.warmth_inside);
    gen::check_warmth_distribution("social_graph", opt.warmth_between);

    const double nd = static_cast<double>(n);
    const std::uint32_t kmax = opt.max_degree ? opt.max_degree
                                              : static_cast<std::uint32_t>(std::min(nd - 1.0, std::ceil(50.0 * mean_degree)));
    if (kmax > n - 1 || static_cast<double>(kmax) < mean_degree)
        throw invalid_argument("social_graph: max degree " + std::to_string(kmax) + " is outside [mean degree " +
                               std::to_string(mean_degree) + ", " + std::to_string(n - 1) + "]");
    const std::uint32_t cmin = opt.min_community
                                   ? opt.min_community
                                   : static_cast<std::uint32_t>(std::min(nd, std::max(10.0, std::ceil(2.0 * mean_degree))));
    const std::uint32_t cmax = opt.max_community
                                   ? opt.max_community
                                   : static_cast<std::uint32_t>(std::min(nd, std::max(static_cast<double>(cmin),
                                                                                      std::ceil(50.0 * mean_degree))));
    if (cmin < 1 || cmin > cmax || cmax > n)
        throw invalid_argument("social_graph: community sizes [" + std::to_string(cmin) + ", " + std::to_string(cmax) +
                               "] are not within [1, num_people = " + std::to_string(n) + "] in order");
    const std::uint32_t hubs = opt.hubs ? *opt.hubs : (n >= 1000 ? n / 100000 + 1 : 0);
    if (hubs > n)
        throw invalid_argument("social_graph: " + std::to_string(hubs) + " hubs but only " + std::to_string(n) + " people");
    const std::uint32_t hub_degree =
        opt.hub_degree ? opt.hub_degree : std::min(n - 1, std::max(2 * kmax, n / 50));
    if (hub_degree > n - 1)
        throw invalid_argument("social_graph: hub degree " + std::to_string(hub_degree) + " is above num_people - 1 = " +
                               std::to_string(n - 1));

    // Communities: power-law sizes until everyone has one, then a random placement.
    std::mt19937_64 cg = gen::engine(seed, 11);
    std::vector<std::uint32_t> sizes;
    std::uint64_t placed = 0;
    while (placed < n) {
        std::uint32_t s = cmin == cmax ? cmin
                                       : static_cast<std::uint32_t>(std::lround(gen::power_law(
                                             cg, opt.community_exponent, static_cast<double>(cmin), static_cast<double>(cmax))));
        s = std::max(s, cmin);
        if (placed + s > n) {
            s = static_cast<std::uint32_t>(n - placed);
            if (s < cmin && !sizes.empty()) {  // too small: join the previous community
                sizes.back() += s;
                placed += s;
                break;
            }
        }
        sizes.push_back(s);
        placed += s;
    }
    std::vector<std::uint32_t> community(n);
    {
        std::size_t i = 0;
        for (std::uint32_t c = 0; c < sizes.size(); ++c)
            for (std::uint32_t k = 0; k < sizes[c]; ++k) community[i++] = c;
        gen::shuffle(community, cg);
    }

    // Degrees: power law on [kmin, kmax] with kmin solved for the mean, stochastic rounding.
    double kmin = 1.0;
    if (kmax > 1 && gen::power_law_mean(opt.degree_exponent, 1.0, kmax) < mean_degree) {
        double lo = 1.0, hi = static_cast<double>(kmax);
        for (int it = 0; it < 100; ++it) {
            const double mid = 0.5 * (lo + hi);
            (gen::power_law_mean(opt.degree_exponent, mid, kmax) < mean_degree ? lo : hi) = mid;
        }
        kmin = 0.5 * (lo + hi);
    }
    std::mt19937_64 dg = gen::engine(seed, 12);
    std::vector<std::uint32_t> k_in(n), k_out(n);
    auto stochastic_round = [&](double x) {
        const double f = std::floor(x);
        return static_cast<std::uint32_t>(f) + (gen::uniform01(dg) < x - f ? 1u : 0u);
    };
    for (std::uint32_t v = 0; v < n; ++v) {
        const double x = kmax > 1 && kmin < kmax ? gen::power_law(dg, opt.degree_exponent, kmin, kmax) : kmin;
        const std::uint32_t d = std::min(stochastic_round(x), kmax);
        const std::uint32_t in = std::min(stochastic_round((1.0 - opt.mixing) * d), sizes[community[v]] - 1);
        k_in[v] = std::min(in, d);
        k_out[v] = d - k_in[v];
    }

    // Members of each community (counting sort by community).
    std::vector<std::uint64_t> first(sizes.size() + 1, 0);
    for (std::uint32_t v = 0; v < n; ++v) ++first[community[v] + 1];
    for (std::size_t c = 0; c < sizes.size(); ++c) first[c + 1] += first[c];
    std::vector<std::uint32_t> members(n);
    {
        std::vector<std::uint64_t> fill(first.begin(), first.end() - 1);
        for (std::uint32_t v = 0; v < n; ++v) members[fill[community[v]]++] = v;
    }

    std::vector<std::uint64_t> keys;
    keys.reserve(static_cast<std::size_t>(nd * mean_degree / 2.0 * 1.02) + static_cast<std::size_t>(hubs) * hub_degree + 16);
    std::mt19937_64 wg = gen::engine(seed, 13);
    // Configuration model with repair: stubs are shuffled and paired; the stubs of self-loops
    // and of repeated pairs are shuffled and paired again (up to 8 rounds, as LFR rewires).
    // Stubs still unmatched are returned in `s` (the caller moves them or drops them).
    std::vector<std::uint64_t> accepted;
    std::vector<std::uint32_t> again;
    auto wire = [&](std::vector<std::uint32_t>& s) {
        accepted.clear();
        for (int round = 0; round < 8 && s.size() >= 2; ++round) {
            gen::shuffle(s, wg);
            again.clear();
            for (std::size_t i = 0; i + 1 < s.size(); i += 2) {
                if (s[i] == s[i + 1]) {
                    again.push_back(s[i]);
                    again.push_back(s[i + 1]);
                } else {
                    accepted.push_back(gen::pair_key(s[i], s[i + 1]));
                }
            }
            if (s.size() % 2) again.push_back(s.back());
            std::sort(accepted.begin(), accepted.end());
            std::size_t w = 0;
            for (std::size_t i = 0; i < accepted.size(); ++i) {
                if (w > 0 && accepted[w - 1] == accepted[i]) {
                    again.push_back(static_cast<std::uint32_t>(accepted[i] >> 32));
                    again.push_back(static_cast<std::uint32_t>(accepted[i]));
                } else {
                    accepted[w++] = accepted[i];
                }
            }
            accepted.resize(w);
            const bool progress = again.size() < s.size();
            s.swap(again);
            if (!progress) break;
        }
        keys.insert(keys.end(), accepted.begin(), accepted.end());
    };
    std::vector<std::uint32_t> stubs, outside;
    for (std::uint32_t v = 0; v < n; ++v) outside.insert(outside.end(), k_out[v], v);
    // Inside each community; what cannot be placed there goes outside.
    for (std::size_t c = 0; c < sizes.size(); ++c) {
        stubs.clear();
        for (std::uint64_t i = first[c]; i < first[c + 1]; ++i)
            stubs.insert(stubs.end(), k_in[members[i]], members[i]);
        wire(stubs);
        outside.insert(outside.end(), stubs.begin(), stubs.end());
    }
    // Between communities (pairs that land inside one community are kept: a small bias).
    std::vector<std::uint32_t>().swap(stubs);
    wire(outside);
    std::vector<std::uint32_t>().swap(outside);
    std::vector<std::uint64_t>().swap(accepted);
    // Hubs.
    std::mt19937_64 hg = gen::engine(seed, 14);
    std::vector<std::uint32_t> hub_list;
    while (hub_list.size() < hubs) {
        const auto h = static_cast<std::uint32_t>(gen::uniform_below(hg, n));
        if (std::find(hub_list.begin(), hub_list.end(), h) == hub_list.end()) hub_list.push_back(h);
    }
    for (std::uint32_t h : hub_list)
        for (std::uint32_t i = 0; i < hub_degree; ++i)
            keys.push_back(gen::pair_key(h, static_cast<std::uint32_t>(gen::uniform_below(hg, n))));

    gen::sort_unique_pairs(keys);

    generated_graph out;
    out.num_vertices = n;
    out.ties.reserve(keys.size());
    std::mt19937_64 tg = gen::engine(seed, 15);
    for (std::uint64_t k : keys) {
        const auto u = static_cast<std::uint32_t>(k >> 32), v = static_cast<std::uint32_t>(k);
        const warmth_distribution& d = community[u] == community[v] ? opt.warmth_inside : opt.warmth_between;
        out.ties.push_back(generated_tie{u, v, gen::warmth(tg, d)});
    }
    return out;
}

} // namespace kith
