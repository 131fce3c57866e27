// kith/suggest/detail/two_hop.hpp -- shared internals of the suggestion algorithms: a reusable
// per-thread workspace over a snapshot (stamped arrays whose reset is O(touched), surviving
// counter wrap-around) and the sparse two-hop accumulation behind "people to meet".
// Not part of the public API.
#pragma once

#include <kith/core/ids.hpp>
#include <kith/snapshot.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

namespace kith {
namespace detail {

/// Stamped per-vertex marks: `is_set(v)` is true when `set(v)` happened since the last `clear()`.
/// `clear()` is O(1) (a new generation); every 2^32 - 1 generations the array is zeroed once, so
/// a wrapped counter never makes an old mark look current.
class stamp_set {
public:
    void resize(std::size_t n) { stamp_.assign(n, 0); gen_ = 1; }
    void clear() {
        if (++gen_ == 0) {
            std::fill(stamp_.begin(), stamp_.end(), 0u);
            gen_ = 1;
        }
    }
    bool is_set(std::size_t v) const noexcept { return stamp_[v] == gen_; }
    void set(std::size_t v) noexcept { stamp_[v] = gen_; }
    std::uint32_t generation() const noexcept { return gen_; }
    /// Test hook: jump the generation counter (to exercise wrap-around quickly).
    void force_generation(std::uint32_t g) noexcept { gen_ = g; }

private:
    std::vector<std::uint32_t> stamp_;
    std::uint32_t gen_ = 1;
};

/// What one two-hop accumulation gathers for a candidate v of person u.
struct two_hop_sums {
    double cn = 0;    ///< common neighbours
    double wcn = 0;   ///< sum of w_uz w_zv
    double ra = 0;    ///< sum 1 / d_z
    double wra = 0;   ///< sum w_uz w_zv / s_z
    double aa = 0;    ///< sum 1 / ln d_z
    double waa = 0;   ///< sum w_uz w_zv / ln(1 + s_z)
};

/// Degree and strength per vertex counting public ties only (the prior side of the scores:
/// never depends on a private tie), plus the total.
struct public_degrees {
    std::vector<std::uint32_t> degree;
    std::vector<double> strength;
    double total_strength = 0;  ///< sum of strengths = 2 x total public warmth
    double total_degree = 0;    ///< sum of degrees = 2 x public ties
    std::vector<snapshot::vertex_type> by_strength;  ///< vertices, strength descending, then vertex
    /// Novelty: sum over public ties with interaction evidence of exp(-age of the first
    /// interaction / novelty_days) (how many ties the person formed lately); 0 for manual ties.
    std::vector<double> novelty;
    std::vector<snapshot::vertex_type> by_novelty;  ///< vertices, novelty descending, then vertex
    std::vector<snapshot::vertex_type> by_degree;   ///< vertices, degree descending, then vertex
    double total_novelty = 0;
    double novelty_days = 0;  ///< the time scale `novelty` was computed for (0: not yet)

    /// Computes `novelty` for time scale `days` (> 0). O(E log E) (one evidence look-up per tie).
    void compute_novelty(const snapshot& s, double days) {
        novelty.assign(s.num_people(), 0.0);
        total_novelty = 0;
        novelty_days = days;
        // No tie with interaction evidence (only manual warmths): no novelty. This also avoids
        // snapshot::evidence's O(degree) fallback for manual ties on large generated graphs.
        const bool any_evidence = s.memory_usage().evidence > 0;
        for (snapshot::vertex_type v = 0; any_evidence && v < s.num_people(); ++v)
            for (auto a = s.arc_begin(v), e = s.arc_end(v); a != e; ++a) {
                const auto t = s.arc_target(a);
                if (t < v || s.arc_is_private(a)) continue;
                const tie_evidence* ev = s.evidence(v, t);
                if (!ev || !ev->first) continue;
                const double age = std::max(0.0, days_between(*ev->first, s.taken_at()));
                const double x = std::exp(-age / days);
                novelty[v] += x;
                novelty[t] += x;
                total_novelty += 2 * x;
            }
        by_novelty = by_strength;
        if (total_novelty == 0) return;
        std::stable_sort(by_novelty.begin(), by_novelty.end(), [&](auto x, auto y) { return novelty[x] > novelty[y]; });
    }

    explicit public_degrees(const snapshot& s) {
        const std::size_t n = s.num_people();
        degree.assign(n, 0);
        strength.assign(n, 0.0);
        for (snapshot::vertex_type v = 0; v < n; ++v) {
            for (auto a = s.arc_begin(v), e = s.arc_end(v); a != e; ++a) {
                if (s.arc_is_private(a)) continue;
                ++degree[v];
                strength[v] += s.arc_warmth(a);
            }
            total_strength += strength[v];
            total_degree += degree[v];
        }
        by_strength.resize(n);
        for (snapshot::vertex_type v = 0; v < n; ++v) by_strength[v] = v;
        std::sort(by_strength.begin(), by_strength.end(), [&](auto x, auto y) {
            return strength[x] != strength[y] ? strength[x] > strength[y] : x < y;
        });
        by_degree = by_strength;
        std::stable_sort(by_degree.begin(), by_degree.end(), [&](auto x, auto y) { return degree[x] > degree[y]; });
    }
};

} // namespace detail
} // namespace kith
