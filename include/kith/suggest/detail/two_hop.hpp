// kith/suggest/detail/two_hop.hpp -- shared internals of the suggestion algorithms: a reusable
// per-thread workspace over a snapshot (stamped arrays whose reset is O(touched), surviving
// counter wrap-around) and the sparse two-hop accumulation behind "people to meet".
// Not part of the public API.
#pragma once

#include <kith/core/huge_pages.hpp>
#include <kith/core/ids.hpp>
#include <kith/snapshot.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

namespace kith {
namespace detail {

/// A per-person array read at random by the suggestion queries: blocks of 4 MiB and more are
/// advised for huge pages (core/huge_pages.hpp; on R-MAT 7.7M ties the pruned pass's scattered
/// reads and writes were mostly TLB misses, see docs/suggestions.md "Hub askers (session 5)").
template <class T>
using per_person_vector = std::vector<T, huge_page_allocator<T>>;

/// snapshot::cost_to_warmth(c) for every stored cost c, computed by that function once per process
/// (so the very same doubles): a table read instead of an exp() per arc. 512 KiB; a contact's arcs
/// are sorted by cost, so reading them walks the table in order.
inline const double* warmth_of_cost() {
    static const std::vector<double> table = [] {
        std::vector<double> t(std::size_t{snapshot::max_cost} + 1);
        for (std::size_t c = 0; c < t.size(); ++c) t[c] = snapshot::cost_to_warmth(static_cast<double>(c));
        return t;
    }();
    return table.data();
}

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
    per_person_vector<std::uint32_t> stamp_;
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

/// An exact sum of doubles (Shewchuk's non-overlapping partials, as Python's math.fsum): adding
/// and subtracting never round, and `value()` is the correctly rounded total, so the result does
/// not depend on the order of the terms. Used for the prior totals: a query that removes the
/// ties of excluded people from a precomputed total gets bit for bit the total a network built
/// without them has. Partials stay few (at most about 40 for finite doubles).
class exact_sum {
public:
    void clear() noexcept { p_.clear(); }
    void add(double x) {
        std::size_t i = 0;
        for (std::size_t j = 0; j < p_.size(); ++j) {
            double y = p_[j];
            if (std::abs(x) < std::abs(y)) std::swap(x, y);
            const double hi = x + y;
            const double lo = y - (hi - x);
            if (lo != 0.0) p_[i++] = lo;
            x = hi;
        }
        p_.resize(i);
        p_.push_back(x);
    }
    /// The correctly rounded (half-even) value of the exact sum.
    double value() const noexcept {
        std::size_t n = p_.size();
        if (n == 0) return 0.0;
        double hi = p_[--n], lo = 0.0;
        while (n > 0) {
            const double x = hi, y = p_[--n];
            hi = x + y;
            lo = y - (hi - x);
            if (lo != 0.0) break;
        }
        // Half-way cases across partials: round half-even as if the sum were one number.
        if (n > 0 && ((lo < 0.0 && p_[n - 1] < 0.0) || (lo > 0.0 && p_[n - 1] > 0.0))) {
            const double y = lo * 2.0, x = hi + y;
            if (y == x - hi) hi = x;
        }
        return hi;
    }

private:
    std::vector<double> p_;
};

/// Degree and strength per vertex counting public ties only (the prior side of the scores:
/// never depends on a private tie), plus the total. Per-vertex figures are summed over the
/// vertex's own arcs in arc order, so a query can recompute one with some ties left out and get
/// exactly what a network without those ties gives; totals are exact sums (order-independent).
struct public_degrees {
    per_person_vector<std::uint32_t> degree;
    per_person_vector<double> strength;
    double total_strength = 0;  ///< sum of strengths = 2 x total public warmth (exact sum, rounded once)
    double total_degree = 0;    ///< sum of degrees = 2 x public ties
    exact_sum strength_sum;     ///< the exact sum behind total_strength (one term per public arc)
    std::vector<snapshot::vertex_type> by_strength;  ///< vertices, strength descending, then vertex
    /// Novelty: sum over public ties with interaction evidence of exp(-age of the first
    /// interaction / novelty_days) (how many ties the person formed lately); 0 for manual ties.
    per_person_vector<double> novelty;
    std::vector<snapshot::vertex_type> by_novelty;  ///< vertices, novelty descending, then vertex
    std::vector<snapshot::vertex_type> by_degree;   ///< vertices, degree descending, then vertex
    double total_novelty = 0;
    exact_sum novelty_sum;    ///< the exact sum behind total_novelty (one term per public arc)
    double novelty_days = 0;  ///< the time scale `novelty` was computed for (0: not yet)

    /// The novelty contribution of public arc `a` of `v` for time scale `days`: exp(-age of the
    /// tie's first interaction / days), 0 without interaction evidence. Same value from both ends.
    static double arc_novelty(const snapshot& s, snapshot::vertex_type v, snapshot::arc_index a, double days) {
        const tie_evidence* ev = s.evidence(v, s.arc_target(a));
        if (!ev || !ev->first) return 0.0;
        const double age = std::max(0.0, days_between(*ev->first, s.taken_at()));
        return std::exp(-age / days);
    }

    /// Computes `novelty` for time scale `days` (> 0). O(E log E) (one evidence look-up per tie;
    /// the other arc of the tie takes the value by a binary search for its (cost, target)).
    void compute_novelty(const snapshot& s, double days) {
        novelty.assign(s.num_people(), 0.0);
        novelty_sum.clear();
        novelty_days = days;
        // No tie with interaction evidence (only manual warmths): no novelty. This also avoids
        // snapshot::evidence's O(degree) fallback for manual ties on large generated graphs.
        const bool any_evidence = s.memory_usage().evidence > 0;
        std::vector<double> x_of;  // per arc, filled for public arcs
        if (any_evidence) x_of.assign(s.num_arcs(), 0.0);
        for (snapshot::vertex_type v = 0; any_evidence && v < s.num_people(); ++v)
            for (auto a = s.arc_begin(v), e = s.arc_end(v); a != e; ++a)
                if (s.arc_target(a) > v && !s.arc_is_private(a)) x_of[a] = arc_novelty(s, v, a, days);
        for (snapshot::vertex_type v = 0; any_evidence && v < s.num_people(); ++v)
            for (auto a = s.arc_begin(v), e = s.arc_end(v); a != e; ++a) {
                if (s.arc_is_private(a)) continue;
                const auto [t, ca] = s.arc_entry(a);
                if (t < v) {  // the arc t->v has the same cost; t's arcs are sorted by (cost, target)
                    snapshot::arc_index lo = s.arc_begin(t), hi = s.arc_end(t);
                    while (lo < hi) {
                        const auto mid = lo + (hi - lo) / 2;
                        const auto m = s.arc_entry(mid);
                        if (m.cost < ca || (m.cost == ca && m.target < v)) lo = mid + 1;
                        else hi = mid;
                    }
                    x_of[a] = (lo < s.arc_end(t) && s.arc_target(lo) == v) ? x_of[lo] : arc_novelty(s, v, a, days);
                }
                novelty[v] += x_of[a];
                novelty_sum.add(x_of[a]);
            }
        total_novelty = novelty_sum.value();
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
                strength_sum.add(s.arc_warmth(a));
            }
            total_degree += degree[v];
        }
        total_strength = strength_sum.value();
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
