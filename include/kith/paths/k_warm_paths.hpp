// kith/paths/k_warm_paths.hpp -- the k warmest loopless introduction paths, best first, with an
// optional diversity filter (distinct first introducers, or limited overlap).
//
// Design decisions: every answer is "the greedy diverse prefix of the exact order": the order of
// paths is the total order of warm_path.hpp (cost, then hops, then the lexicographically
// smallest vertex sequence), and a path is kept when it is not kept yet and passes the diversity
// rule against every path kept before it, until k are kept. Both diversity rules are
// conjunctions over the kept paths, so a rejected path stays rejected as the kept set grows, and
// each kept path is simply "the best path not kept yet that passes against the kept ones"
// (found directly for distinct first introducers; by a pruned enumeration for limited overlap):
// - none: Yen's algorithm over the single-path search of warm_path.hpp (bidirectional on the
//   snapshot, one way in the generic tier), with Lawler's rule (a path spurs only from its
//   deviation index on). Spur searches remove the root's people and ban the used next arcs;
//   source and target sets act as a virtual super-source and super-sink (the first spur chooses
//   among the remaining sources). The order is monotone under extension, so Yen is exact for it,
//   hop caps included (a spur at hop i gets the cap max_hops - i). Lazy on the snapshot: each
//   spur cell gets a lower bound (root cost + the cheapest usable first arc + a backward-ball
//   distance to the targets, exact below half the best path's cost) and is searched only once
//   its bound is <= the best candidate's cost; cells that cannot hold one of the k answers are
//   never searched (k = 5 at 1M ties: 10.7 searches instead of 18.6). The popped sequence is
//   plain Yen's: a candidate is popped only when it is below every unsearched cell's bound.
//   Spur searches are also bounded (snapshot tier, no diversity): once there are m = k -
//   |popped| candidates, no path above the m-th smallest candidate key can be popped any more
//   (that key only falls), so the spur search starts with it as its best meeting (engine
//   option search_spec::bounded, strict cuts: ties and their tie-break are kept) and returns
//   nothing when its cell holds no path within it (k = 5 at 1M ties: settled labels -15%,
//   created labels -20%).
// - distinct_first_introducer: the answer is the k best of {the best path through first
//   introducer y}. One source, one target, uncapped, on the snapshot: ONE origin-tagged
//   bidirectional search (detail/k_first_search.hpp; k = 5 at 1M ties: 1708 settled labels
//   against 2825 for five searches). Otherwise one search per kept path (the next one may not
//   start with a used first introducer; kept 0- and 1-hop paths are excluded explicitly).
// - limited_overlap with max_overlap = 0 (disjoint intermediates): a direct loop, one search per
//   kept path with the kept intermediates blocked (no Yen cells, no ball).
// - limited_overlap (max_overlap < 1): the rule is |inner(p) & inner(q)| <= max_overlap x
//   |inner(q)| for each kept q (inner = intermediates), i.e. a later path reuses at most that
//   fraction of each earlier path's introducers. Yen's enumeration filtered by the rule, with
//   two exact prunings that the rule allows because shared counts only grow along a path: a
//   spur whose root already shares more than q's budget with a kept q is skipped (no path in
//   that cell passes), and a spur whose root has used up q's budget may not use q's other
//   intermediates (they are blocked in the spur search; this drops only failing paths). Lazy
//   on the snapshot as above.
//   max_overlap = 1 lets every path pass: plain Yen. `max_enumerated` bounds the searches (a
//   prefix of the answer when reached).
// Counting every single-path search is cheap; benchmarks read it (detail::k_paths_counters).
#pragma once

#include <kith/core/error.hpp>
#include <kith/core/ids.hpp>
#include <kith/paths/detail/k_first_search.hpp>
#include <kith/paths/detail/path_search.hpp>
#include <kith/paths/warm_path.hpp>
#include <kith/snapshot.hpp>

#include <boost/graph/graph_traits.hpp>
#include <boost/property_map/property_map.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <map>
#include <iterator>
#include <limits>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace kith {

/// How the k paths must differ from each other.
enum class path_diversity : std::uint8_t {
    none,                       ///< the plain k best paths
    distinct_first_introducer,  ///< no two kept paths share people[1] (paths of >= 2 hops; shorter ones always pass)
    limited_overlap,            ///< a later path shares <= max_overlap x |intermediates of q| intermediates with each kept q
};

/// Options of `find_k_warm_paths` beyond the path options.
struct k_paths_options {
    /// Which diversity rule the kept paths obey (default none).
    path_diversity diversity = path_diversity::none;
    /// For `limited_overlap`, in [0,1]: a path is kept only if, for every path q kept before it,
    /// the number of intermediate people it shares with q is <= max_overlap x (number of q's
    /// intermediates). 0 = intermediates pairwise disjoint; 1 = no restriction (plain k best).
    double max_overlap = 0.5;
    /// For `limited_overlap` with max_overlap < 1: run at most this many single-path searches
    /// (>= 1); when reached, the paths kept so far are returned (a prefix of the exact answer).
    /// Ignored otherwise (plain k best: Yen, exact; distinct first introducers: one search, or
    /// one per path). A work limit, so it depends on the enumeration: the snapshot tier's lazy
    /// Yen runs fewer searches than the generic tier's, so when the limit binds the snapshot
    /// tier may return a longer prefix than the generic tier for the same query (both exact
    /// prefixes; without a binding limit the tiers return the same paths).
    std::size_t max_enumerated = 256;
};

namespace detail {

/// Load-independent counts of the calling thread's k-paths queries (for benchmarks).
struct k_paths_count {
    std::uint64_t searches = 0;      ///< single-path searches run
    std::uint64_t ball_settled = 0;  ///< vertices settled by lower-bound balls (lazy Yen)
};
inline k_paths_count& k_paths_counters() {
    thread_local k_paths_count c;
    return c;
}

/// Whether Yen's spur searches (plain k best, snapshot tier) are bounded by the m-th best
/// candidate (default). Off = unbounded searches: tests and benchmarks compare the answers.
inline bool& k_paths_bounds() {
    thread_local bool on = true;
    return on;
}

/// The engine order of paths: cost, then hops, then the lexicographic vertex sequence.
template <class Cost>
bool path_before(const found_path<Cost>& a, const found_path<Cost>& b) {
    if (a.cost != b.cost) return a.cost < b.cost;
    if (a.verts.size() != b.verts.size()) return a.verts.size() < b.verts.size();
    return a.verts < b.verts;
}

/// The best path for `spec` that is none of the 0-hop paths [z], z in `zero` (kept ones): a
/// kept [z] must not come back as a walk z -> ... -> z either, so with `zero` non-empty this
/// searches the other sources to every target, and each z to the other targets, and takes the
/// best (1 + |zero| searches). `part` is scratch.
template <class Cost, class Generation, class Adj>
std::optional<found_path<Cost>> best_without_zero(search_store<Generation>& st, const Adj& adj, std::size_t n,
                                                  search_spec<Cost>& spec, bool bidirectional,
                                                  const std::vector<std::uint32_t>& zero, search_spec<Cost>& part) {
    if (zero.empty()) {
        ++k_paths_counters().searches;
        return best_path(st, adj, n, spec, bidirectional);
    }
    std::optional<found_path<Cost>> r;
    auto consider = [&](search_spec<Cost>& sp) {
        if (sp.starts.empty() || sp.ends.empty()) return;
        ++k_paths_counters().searches;
        auto c = best_path(st, adj, n, sp, bidirectional);
        if (c && (!r || path_before(*c, *r))) r = std::move(c);
    };
    part = spec;
    part.starts.erase(std::remove_if(part.starts.begin(), part.starts.end(),
                                     [&](std::uint32_t v) { return std::count(zero.begin(), zero.end(), v) > 0; }),
                      part.starts.end());
    consider(part);
    for (std::uint32_t z : zero) {
        part = spec;
        part.starts.assign(1, z);
        part.ends.erase(std::remove(part.ends.begin(), part.ends.end(), z), part.ends.end());
        consider(part);
    }
    return r;
}

/// Excludes a kept path of at most one hop from later searches of `spec` (longer kept paths are
/// excluded by the diversity rule itself): a 1-hop path by banning its arc (a source's arc into
/// a target can only be that path), a 0-hop path through `zero`.
template <class Cost>
void exclude_short(const found_path<Cost>& p, search_spec<Cost>& spec, std::vector<std::uint32_t>& zero) {
    if (p.verts.size() == 2) {
        const std::uint64_t key = std::uint64_t{p.verts[0]} << 32 | p.verts[1];
        spec.banned_arcs.insert(std::lower_bound(spec.banned_arcs.begin(), spec.banned_arcs.end(), key), key);
    } else if (p.verts.size() == 1) {
        zero.push_back(p.verts[0]);
    }
}

/// A backward Dijkstra ball around the targets, for lower bounds (lazy Yen): h(y) is the exact
/// cost (arcs + hop costs) from y to the nearest target when below the radius, else the radius
/// (a lower bound either way). Symmetric arcs only. Reset in O(touched).
template <class Cost>
struct backward_ball {
    std::vector<Cost> dist;
    std::vector<std::uint32_t> touched;
    std::vector<std::pair<Cost, std::uint32_t>> heap;
    Cost rho{};
    static backward_ball& local() {
        thread_local backward_ball b;
        return b;
    }
    Cost h(std::uint32_t y) const { return dist[y] < rho ? dist[y] : rho; }
    template <class Adj>
    void build(const Adj& adj, std::size_t n, const std::vector<std::uint32_t>& ends, Cost hop, Cost radius) {
        const Cost inf = std::numeric_limits<Cost>::max();
        if (dist.size() < n) dist.resize(n, inf);
        for (std::uint32_t v : touched) dist[v] = inf;
        touched.clear();
        heap.clear();
        rho = radius;
        auto later = [](const std::pair<Cost, std::uint32_t>& a, const std::pair<Cost, std::uint32_t>& b) {
            return a > b;
        };
        for (std::uint32_t t : ends) {
            if (dist[t] == inf) touched.push_back(t);
            dist[t] = Cost{};
            heap.emplace_back(Cost{}, t);
        }
        std::make_heap(heap.begin(), heap.end(), later);
        while (!heap.empty() && heap.front().first < rho) {
            // Not a structured binding: the lambda below uses d, and clang < 16 cannot capture one.
            const Cost d = heap.front().first;
            const std::uint32_t u = heap.front().second;
            std::pop_heap(heap.begin(), heap.end(), later);
            heap.pop_back();
            if (d > dist[u]) continue;
            ++k_paths_counters().ball_settled;
            adj.for_each_arc(u, [&](std::uint32_t v, Cost ac) -> bool {
                const Cost nd = d + hop + ac;
                if (!(nd < rho)) return !Adj::sorted;
                if (nd < dist[v]) {
                    if (dist[v] == inf) touched.push_back(v);
                    dist[v] = nd;
                    heap.emplace_back(nd, v);
                    std::push_heap(heap.begin(), heap.end(), later);
                }
                return true;
            });
        }
    }
};

/// Yen's k shortest loopless paths over the engine, with Lawler's rule: a path spurs only from
/// its deviation index on (the cells of earlier spur indices are unchanged by it, so their
/// searches would repeat). `base` is the validated query (starts, ends, blocked incl. starts
/// and ends, extras, hop, cap).
/// With `alpha` < 1 (limited overlap) the enumeration is filtered: a popped path is kept when,
/// for every kept q, it shares at most budget(q) = the largest integer <= alpha |inner(q)| of
/// q's intermediates; it spurs either way (its cell may hold passing paths). Shared counts only
/// grow along a path, which prunes cells exactly: a root already sharing more than budget(q)
/// with a kept q holds no passing path (skipped), and a root that has used up budget(q) may not
/// use q's other intermediates (blocked in the spur search). Blocking drops only failing paths
/// and kept sets only grow, so the cells keep covering every passing path, and the first
/// passing path popped is the best passing one. Stops after k kept paths or once
/// `max_searches` searches have run (then the paths kept so far: a prefix of the answer).
template <class Cost, class Generation, class Adj>
std::vector<found_path<Cost>> yen(search_store<Generation>& st, const Adj& adj, std::size_t n,
                                  const search_spec<Cost>& base, bool bidirectional, std::size_t k,
                                  double alpha = 1.0, std::size_t max_searches = 0) {
    std::vector<found_path<Cost>> kept;
    if (k == 0) return kept;
    const bool filtered = alpha < 1.0;
    std::vector<found_path<Cost>> enumerated;  // A
    // Extra costs by vertex (later entries win), to price full paths.
    std::map<std::uint32_t, Cost> extra;
    for (const auto& [v, c] : base.extras) extra[v] = c;
    auto price = [&](found_path<Cost>& p) {
        Cost c{};
        for (Cost a : p.arcs) c = c + a;
        for (std::size_t i = 0; i < p.arcs.size(); ++i) c = c + base.hop;
        for (std::size_t i = 1; i + 1 < p.verts.size(); ++i) {
            auto it = extra.find(p.verts[i]);
            if (it != extra.end()) c = c + it->second;
        }
        p.cost = c;
    };
    const std::uint64_t searches0 = k_paths_counters().searches;
    auto run = [&](search_spec<Cost>& spec) {
        ++k_paths_counters().searches;
        return best_path(st, adj, n, spec, bidirectional);
    };
    // Limited overlap: sorted intermediates of the kept paths and their budgets.
    std::vector<std::vector<std::uint32_t>> kept_inner;
    std::vector<std::size_t> budget;
    std::vector<std::uint32_t> inner, shared;
    auto inner_of = [&](const std::vector<std::uint32_t>& verts, std::size_t end) {
        inner.clear();
        if (end > 1) inner.assign(verts.begin() + 1, verts.begin() + static_cast<std::ptrdiff_t>(end));
        std::sort(inner.begin(), inner.end());
    };
    auto shared_with = [&](std::size_t q) {
        shared.clear();
        std::set_intersection(inner.begin(), inner.end(), kept_inner[q].begin(), kept_inner[q].end(),
                              std::back_inserter(shared));
        return shared.size();
    };
    // B: candidates with their deviation index (-1: deviates at the virtual source).
    std::vector<std::pair<found_path<Cost>, std::int64_t>> candidates;
    std::vector<std::int64_t> deviation;  // of each enumerated path
    // Spur cells not searched yet, with a lower bound on the cost of every path in them (lazy
    // Yen: a cell is searched only once its bound is <= the best candidate's cost, so cells
    // that cannot hold one of the answers are never searched; with bound 0 this is plain Yen).
    struct cell {
        search_spec<Cost> spec;
        std::vector<std::uint32_t> root;
        std::vector<Cost> root_arcs;
        std::int64_t i = 0;
        Cost bound{};
    };
    std::vector<cell> cells;
    // Plain Yen, snapshot tier: the next k - |enumerated| pops are the smallest of the
    // candidates and of paths found later, so once there are that many candidates, a path above
    // the m-th smallest candidate key can never be popped (the m-th key only falls as paths are
    // popped or found): spur searches are bounded by it (search_spec::bounded; strict, so ties
    // and their tie-break are kept) and a cell whose root alone exceeds it is not searched.
    // Limited overlap, when one path is still to keep: the kept set no longer changes, so the
    // smallest candidate that passes against it will be kept unless a smaller passing path is
    // popped first, and its key bounds the spur searches the same way. (A skipped cell counts
    // as a search towards max_searches, so a capped enumeration stops where it did unbounded.)
    std::vector<path_key<Cost>> keys;
    std::vector<std::uint32_t> cand_inner, cand_shared;
    std::uint64_t skipped = 0;
    auto passes_now = [&](const found_path<Cost>& p) {
        cand_inner.clear();
        if (p.verts.size() >= 3) cand_inner.assign(p.verts.begin() + 1, p.verts.end() - 1);
        std::sort(cand_inner.begin(), cand_inner.end());
        for (std::size_t q = 0; q < kept_inner.size(); ++q) {
            cand_shared.clear();
            std::set_intersection(cand_inner.begin(), cand_inner.end(), kept_inner[q].begin(), kept_inner[q].end(),
                                  std::back_inserter(cand_shared));
            if (cand_shared.size() > budget[q]) return false;
        }
        return true;
    };
    auto bound_spur = [&](cell& c) -> bool {  // false: the cell cannot hold a path to pop
        c.spec.bounded = false;
        if (!bidirectional || !k_paths_bounds()) return true;
        path_key<Cost> u{};
        if (!filtered) {
            const std::size_t m = k - enumerated.size();
            if (candidates.size() < m) return true;
            keys.clear();
            for (const auto& x : candidates) keys.push_back(path_key<Cost>{x.first.cost, x.first.hops()});
            std::nth_element(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(m - 1), keys.end());
            u = keys[m - 1];
        } else {
            if (kept.size() + 1 != k) return true;
            bool any = false;
            for (const auto& x : candidates) {
                const path_key<Cost> kx{x.first.cost, x.first.hops()};
                if ((!any || kx < u) && passes_now(x.first)) {
                    u = kx;
                    any = true;
                }
            }
            if (!any) return true;
        }
        // The root's share of the full key: cost (arcs, hops, extras of root[1..i]) and i hops.
        Cost rc{};
        std::uint32_t rh = 0;
        if (c.i > 0) {
            for (Cost a : c.root_arcs) rc = rc + a + base.hop;
            for (std::size_t j = 1; j < c.root.size(); ++j) {
                auto it = extra.find(c.root[j]);
                if (it != extra.end()) rc = rc + it->second;
            }
            rh = static_cast<std::uint32_t>(c.i);
        }
        if (u.c < rc) return false;
        if (u.h >= rh) {
            c.spec.bound = path_key<Cost>{u.c - rc, u.h - rh};
        } else {  // more hops than u: only a strictly smaller cost is <= u
            if (u.c == rc) return false;
            c.spec.bound = path_key<Cost>{u.c - rc - Cost{1}, npos32};
        }
        c.spec.bounded = true;
        return true;
    };
    auto evaluate = [&](cell& c) {
        if (!bound_spur(c)) {
            ++skipped;
            return;
        }
        auto sp = run(c.spec);
        if (!sp) return;
        found_path<Cost> full;
        if (c.i < 0) {
            full = std::move(*sp);
        } else {
            full.verts = std::move(c.root);
            full.verts.insert(full.verts.end(), sp->verts.begin() + 1, sp->verts.end());
            full.arcs = std::move(c.root_arcs);
            full.arcs.insert(full.arcs.end(), sp->arcs.begin(), sp->arcs.end());
        }
        price(full);
        auto same = [&](const found_path<Cost>& p) { return p.verts == full.verts; };
        if (std::any_of(candidates.begin(), candidates.end(), [&](const auto& x) { return same(x.first); }) ||
            std::any_of(enumerated.begin(), enumerated.end(), same))
            return;
        candidates.emplace_back(std::move(full), c.i);
    };
    {
        search_spec<Cost> first_spec = base;
        auto first = run(first_spec);
        if (!first) return kept;
        candidates.emplace_back(std::move(*first), -1);
    }
    // Lower bounds from a backward ball around the targets (symmetric arcs only, i.e. the
    // bidirectional snapshot tier): exact distances (arc + hop costs, no other constraint, so
    // never more than a cell's true cost) below radius rho = half the best path's cost, and
    // rho for everyone outside. Spur cells late on a path get tight bounds.
    backward_ball<Cost>& ball = backward_ball<Cost>::local();
    const bool lazy = bidirectional && k > 1;
    if (lazy) ball.build(adj, n, base.ends, base.hop, candidates.front().first.cost / 2);
    std::vector<std::uint32_t> removed_sorted;
    auto bound_of = [&](const cell& c) -> std::optional<Cost> {
        // cost(root) + extra(x) + min over usable arcs x->y of (hop + arc + h(y)); nullopt: empty.
        const std::uint32_t x = c.root.back();
        Cost rc{};
        for (Cost a : c.root_arcs) rc = rc + a + base.hop;
        for (std::size_t j = 1; j < c.root.size(); ++j) {
            auto it = extra.find(c.root[j]);
            if (it != extra.end()) rc = rc + it->second;
        }
        const auto& ends = c.spec.ends;
        std::optional<Cost> best;
        if (std::find(ends.begin(), ends.end(), x) != ends.end()) best = Cost{};  // the 0-hop path [x]
        if (!c.spec.capped || c.spec.max_hops > 0) {
            removed_sorted = c.spec.blocked;
            removed_sorted.insert(removed_sorted.end(), c.spec.removed.begin(), c.spec.removed.end());
            std::sort(removed_sorted.begin(), removed_sorted.end());
            adj.for_each_arc(x, [&](std::uint32_t y, Cost ac) -> bool {
                const Cost step = base.hop + ac;
                if (best && !(step < *best)) return !Adj::sorted;  // h >= 0: nothing better later
                if (std::binary_search(c.spec.banned_arcs.begin(), c.spec.banned_arcs.end(),
                                       std::uint64_t{x} << 32 | y))
                    return true;
                const bool end = std::find(ends.begin(), ends.end(), y) != ends.end();
                if (std::find(c.spec.removed.begin(), c.spec.removed.end(), y) != c.spec.removed.end()) return true;
                if (!end && std::binary_search(removed_sorted.begin(), removed_sorted.end(), y)) return true;
                const Cost v = end ? step : step + ball.h(y);
                if (!best || v < *best) best = v;
                return true;
            });
        }
        if (!best) return std::nullopt;
        return rc + *best;
    };

    search_spec<Cost> spec;
    std::vector<std::uint32_t> root;
    std::vector<std::uint32_t> banned_starts;
    while (kept.size() < k) {
        // Search the cells whose bound does not exceed the best candidate (ties included: a
        // cell's path of equal cost may win on hops or sequence).
        for (;;) {
            auto best = std::min_element(candidates.begin(), candidates.end(),
                                         [](const auto& a, const auto& b) { return path_before(a.first, b.first); });
            auto low = std::min_element(cells.begin(), cells.end(),
                                        [](const cell& a, const cell& b) { return a.bound < b.bound; });
            if (low == cells.end()) break;
            if (best != candidates.end() && best->first.cost < low->bound) break;
            if (filtered && k_paths_counters().searches - searches0 + skipped >= max_searches) return kept;
            cell c = std::move(*low);
            cells.erase(low);
            evaluate(c);
        }
        if (candidates.empty()) break;
        auto best = std::min_element(candidates.begin(), candidates.end(),
                                     [](const auto& a, const auto& b) { return path_before(a.first, b.first); });
        enumerated.push_back(std::move(best->first));
        deviation.push_back(best->second);
        candidates.erase(best);
        const found_path<Cost>& prev = enumerated.back();
        bool passes = true;
        if (filtered) {
            inner_of(prev.verts, prev.verts.size() >= 2 ? prev.verts.size() - 1 : 0);
            for (std::size_t q = 0; q < kept_inner.size() && passes; ++q) passes = shared_with(q) <= budget[q];
        }
        if (passes) {
            kept.push_back(prev);
            if (filtered) {
                kept_inner.push_back(inner);
                std::size_t j = 0;
                while (static_cast<double>(j + 1) <= alpha * static_cast<double>(inner.size())) ++j;
                budget.push_back(j);
            }
        }
        if (kept.size() >= k) break;
        // Spur at the virtual source (i = -1) and at each vertex of prev but the last, from the
        // deviation index on; a 0-hop path (a source that is a target) also spurs at its only
        // vertex, which as the start may be followed by more people.
        const auto last_spur = std::max<std::int64_t>(static_cast<std::int64_t>(prev.verts.size()) - 2, 0);
        for (std::int64_t i = deviation.back(); i <= last_spur; ++i) {
            spec = base;
            root.assign(prev.verts.begin(), prev.verts.begin() + (i + 1));
            bool root_is_path = false;  // some enumerated path equals the root (ends at the spur)
            spec.banned_arcs.clear();
            banned_starts.clear();
            for (const auto& p : enumerated) {
                if (p.verts.size() < root.size() || !std::equal(root.begin(), root.end(), p.verts.begin())) continue;
                if (p.verts.size() == root.size()) root_is_path = true;
                else if (i < 0) banned_starts.push_back(p.verts[0]);
                else spec.banned_arcs.push_back(std::uint64_t{root.back()} << 32 | p.verts[static_cast<std::size_t>(i) + 1]);
            }
            if (i < 0) {
                spec.starts.erase(std::remove_if(spec.starts.begin(), spec.starts.end(),
                                                 [&](std::uint32_t v) {
                                                     return std::find(banned_starts.begin(), banned_starts.end(), v) !=
                                                            banned_starts.end();
                                                 }),
                                  spec.starts.end());
                if (spec.starts.empty()) continue;
            } else {
                const std::uint32_t x = root.back();
                const auto used = static_cast<std::uint32_t>(i);
                if (spec.capped && used > spec.max_hops) continue;
                if (spec.capped) spec.max_hops -= used;
                spec.starts.assign(1, x);
                std::sort(spec.banned_arcs.begin(), spec.banned_arcs.end());
                if (root_is_path) spec.ends.erase(std::remove(spec.ends.begin(), spec.ends.end(), x), spec.ends.end());
                if (spec.ends.empty()) continue;
                spec.removed.assign(root.begin(), root.end() - 1);
            }
            if (filtered) {
                inner_of(root, root.size());  // the root's intermediates: root[1..i]
                bool dead = false;
                for (std::size_t q = 0; q < kept_inner.size() && !dead; ++q) {
                    const std::size_t used = shared_with(q);
                    if (used > budget[q]) dead = true;
                    else if (used == budget[q])
                        for (std::uint32_t v : kept_inner[q])
                            if (std::find(root.begin(), root.end(), v) == root.end()) spec.blocked.push_back(v);
                }
                if (dead) continue;
            }
            cell c;
            c.spec = spec;
            c.i = i;
            if (i >= 0) {
                c.root = root;
                c.root_arcs.assign(prev.arcs.begin(), prev.arcs.begin() + i);
                if (lazy) {
                    const auto b = bound_of(c);
                    if (!b) continue;  // no usable first arc: the cell is empty
                    c.bound = *b;
                }
            }
            cells.push_back(std::move(c));
        }
    }
    return kept;
}

/// Distinct first introducers, directly: the best path, then repeatedly the best path whose
/// first introducer (people[1], paths of >= 2 hops) is none of the kept ones and which is not
/// a kept shorter path. Equal to the greedy filter over the complete exact enumeration (a path
/// the filter rejects stays rejected as the kept set grows), at the cost of one search per path.
template <class Cost, class Generation, class Adj>
std::vector<found_path<Cost>> distinct_first_paths(search_store<Generation>& st, const Adj& adj, std::size_t n,
                                                   const search_spec<Cost>& base, bool bidirectional,
                                                   std::size_t k) {
    if constexpr (Adj::sorted) {
        // One source, one target, uncapped, symmetric arcs: one search (k_first_search.hpp).
        if (bidirectional && !base.capped && base.starts.size() == 1 && base.ends.size() == 1 &&
            base.starts[0] != base.ends[0] && base.removed.empty() && base.banned_arcs.empty() &&
            base.no_first.empty()) {
            ++k_paths_counters().searches;
            return k_first_search<Cost, Adj>(adj, base, k).run(n);
        }
    }
    std::vector<found_path<Cost>> kept;
    search_spec<Cost> spec = base;
    std::vector<std::uint32_t> zero;  // people whose 0-hop path (source == target) was kept
    search_spec<Cost> part;
    while (kept.size() < k) {
        std::optional<found_path<Cost>> r = best_without_zero(st, adj, n, spec, bidirectional, zero, part);
        if (!r) break;
        if (r->verts.size() >= 3) spec.no_first.push_back(r->verts[1]);
        else exclude_short(*r, spec, zero);
        kept.push_back(std::move(*r));
    }
    return kept;
}

/// Pairwise disjoint intermediates (limited_overlap, max_overlap 0), directly: the best path,
/// then repeatedly the best path that uses none of the kept paths' intermediates (blocked) and
/// is not a kept path of at most one hop. Equal to the greedy filter over the exact order (the
/// rule is "no shared intermediate" for every kept path), at one search per path (plus
/// |kept 0-hop paths| when a source is a target), without Yen's cells or the lower-bound ball.
/// Stops before a step would take the searches past `max_searches` (a prefix of the answer).
template <class Cost, class Generation, class Adj>
std::vector<found_path<Cost>> disjoint_paths(search_store<Generation>& st, const Adj& adj, std::size_t n,
                                             const search_spec<Cost>& base, bool bidirectional, std::size_t k,
                                             std::size_t max_searches) {
    std::vector<found_path<Cost>> kept;
    search_spec<Cost> spec = base;
    std::vector<std::uint32_t> zero;  // people whose 0-hop path (source == target) was kept
    search_spec<Cost> part;
    const std::uint64_t searches0 = k_paths_counters().searches;
    while (kept.size() < k) {
        const std::uint64_t used = k_paths_counters().searches - searches0;
        if (used + 1 + zero.size() > max_searches) break;
        std::optional<found_path<Cost>> r = best_without_zero(st, adj, n, spec, bidirectional, zero, part);
        if (!r) break;
        if (r->verts.size() >= 3) spec.blocked.insert(spec.blocked.end(), r->verts.begin() + 1, r->verts.end() - 1);
        else exclude_short(*r, spec, zero);
        kept.push_back(std::move(*r));
    }
    return kept;
}

/// The k paths of `kopt` over any engine adjacency (both tiers).
template <class Cost, class Generation, class Adj>
std::vector<found_path<Cost>> k_paths(search_store<Generation>& st, const Adj& adj, std::size_t n,
                                      const search_spec<Cost>& base, bool bidirectional, std::size_t k,
                                      const k_paths_options& kopt) {
    if (kopt.diversity == path_diversity::distinct_first_introducer)
        return distinct_first_paths(st, adj, n, base, bidirectional, k);
    if (kopt.diversity == path_diversity::limited_overlap && kopt.max_overlap == 0.0)
        return disjoint_paths(st, adj, n, base, bidirectional, k, kopt.max_enumerated);
    if (kopt.diversity == path_diversity::limited_overlap && kopt.max_overlap < 1.0)
        return yen(st, adj, n, base, bidirectional, k, kopt.max_overlap, kopt.max_enumerated);
    return yen(st, adj, n, base, bidirectional, k);  // none, or overlap 1 (every path passes)
}

inline void check_k_options(const char* fn, const k_paths_options& kopt) {
    if (!(kopt.max_overlap >= 0.0 && kopt.max_overlap <= 1.0))
        throw invalid_argument(std::string(fn) + ": max_overlap " + format_double(kopt.max_overlap) +
                               " is outside [0,1]");
    if (kopt.max_enumerated == 0) throw invalid_argument(std::string(fn) + ": max_enumerated 0 is not >= 1");
}

template <class Generation>
std::vector<warm_path> snapshot_k_paths(const snapshot& s, const char* fn, const std::vector<person_id>& from,
                                        const std::vector<person_id>& to, std::size_t k, const path_options& opt,
                                        const k_paths_options& kopt, search_store<Generation>& st) {
    check_k_options(fn, kopt);
    snapshot_arcs adj;
    search_spec<std::uint64_t> base;
    prepare_snapshot_query(s, fn, from, to, opt, base, adj);
    std::vector<warm_path> out;
    if (base.starts.empty() || base.ends.empty()) return out;
    base.blocked.insert(base.blocked.end(), base.starts.begin(), base.starts.end());
    base.blocked.insert(base.blocked.end(), base.ends.begin(), base.ends.end());
    const auto paths = k_paths(st, adj, s.num_people(), base, true, k, kopt);
    out.reserve(paths.size());
    for (const auto& p : paths) out.push_back(to_warm_path(s, p));
    return out;
}

/// The generic tier: validates as the generic `find_warm_path` (`prepare_generic_query`, errors
/// naming find_k_warm_paths), runs `k_paths` one way over the graph's out-edges and converts
/// the paths.
template <class Graph, class WarmthMap, class IndexMap, class ArcFilter, class V>
std::vector<basic_warm_path<V>> generic_k_paths(const Graph& g, const std::vector<V>& from, const std::vector<V>& to,
                                                std::size_t k, WarmthMap w, IndexMap idx,
                                                const basic_path_options<V>& opt, const k_paths_options& kopt,
                                                ArcFilter usable) {
    using Cost = generic_cost_t<WarmthMap>;
    using Adj = generic_arcs<Graph, WarmthMap, IndexMap, ArcFilter>;
    const char* fn = "find_k_warm_paths";
    check_k_options(fn, kopt);
    std::vector<V> verts;
    search_spec<Cost> base;
    const Adj adj = prepare_generic_query(fn, g, from, to, w, idx, opt, usable, verts, base);
    std::vector<basic_warm_path<V>> out;
    if (base.starts.empty() || base.ends.empty()) return out;
    base.blocked.insert(base.blocked.end(), base.starts.begin(), base.starts.end());
    base.blocked.insert(base.blocked.end(), base.ends.begin(), base.ends.end());
    search_store<std::uint32_t> st;
    const auto paths = k_paths(st, adj, verts.size(), base, false, k, kopt);
    out.reserve(paths.size());
    for (const auto& f : paths) out.push_back(to_generic_warm_path(f, verts));
    return out;
}

} // namespace detail

// ------------------------------------------------------------------------------ snapshot tier

/// The k warmest loopless paths from `from` to `to`, best first (fewer when fewer exist).
/// Returns: the greedy diverse prefix of the exact order of warm_path.hpp: each path is the best
/// valid path, not returned before, that obeys `kopt.diversity` against every path before it
/// (see the header comment); empty when there is none or k == 0. With `limited_overlap`
/// (max_overlap < 1) and more than `max_enumerated` searches needed, a prefix of that answer.
/// Complexity, in single-path searches (each as `find_warm_path`), for E enumerated paths of at
/// most L hops: none: at most 1 + (k-1)(L+1) (lazy Yen with Lawler's rule, E = k; 10.7 on
/// average for k = 5 on the 1M-tie social graph, bounded by the m-th best candidate: ~9 single
/// searches' labels, plus one backward ball of ~250 people);
/// distinct_first_introducer: one pair without hop cap: one search keeping up to k labels per
/// person (~3.8 single searches' labels for k = 5 at 1M ties), else k (plus |kept 0-hop paths|
/// per path when a source is a target); limited_overlap: at most 1 + E(L+1) and at most
/// max_enumerated (29 on average for k = 5, max_overlap 0.5 at 1M ties); max_overlap = 0: k
/// (plus |kept 0-hop paths| per path), at most max_enumerated. Memory O(n) per thread for the
/// ball and the one-search records, O(E (L + candidates)).
/// Throws: as `find_warm_path`; `invalid_argument` for max_overlap outside [0,1] or NaN, or
/// max_enumerated == 0. Exact (integer costs): checked against an oracle that enumerates all
/// simple paths and applies the greedy rule, for every diversity mode.
template <class Generation>
std::vector<warm_path> find_k_warm_paths(const snapshot& s, person_id from, person_id to, std::size_t k,
                                         const path_options& opt, const k_paths_options& kopt,
                                         basic_path_workspace<Generation>& ws) {
    return detail::snapshot_k_paths(s, "find_k_warm_paths", {from}, {to}, k, opt, kopt, ws.store());
}

/// As above with the calling thread's own workspace.
inline std::vector<warm_path> find_k_warm_paths(const snapshot& s, person_id from, person_id to, std::size_t k,
                                                const path_options& opt = {}, const k_paths_options& kopt = {}) {
    return find_k_warm_paths(s, from, to, k, opt, kopt, detail::thread_workspace());
}

/// Set version: the k best paths from anyone in `from` to anyone in `to` (paths from different
/// sources compete in one ranking). Complexity, Returns, Throws: as above.
template <class Generation>
std::vector<warm_path> find_k_warm_paths(const snapshot& s, const std::vector<person_id>& from,
                                         const std::vector<person_id>& to, std::size_t k, const path_options& opt,
                                         const k_paths_options& kopt, basic_path_workspace<Generation>& ws) {
    return detail::snapshot_k_paths(s, "find_k_warm_paths", from, to, k, opt, kopt, ws.store());
}

/// As above with the calling thread's own workspace.
inline std::vector<warm_path> find_k_warm_paths(const snapshot& s, const std::vector<person_id>& from,
                                                const std::vector<person_id>& to, std::size_t k,
                                                const path_options& opt = {}, const k_paths_options& kopt = {}) {
    return find_k_warm_paths(s, from, to, k, opt, kopt, detail::thread_workspace());
}

// ------------------------------------------------------------------------------- generic tier

/// The k warmest loopless paths on any Boost.Graph IncidenceGraph + VertexListGraph, with the
/// weights, index map, options and arc filter of the generic `find_warm_path` (floating map:
/// warmths in (0,1], costs in double; integral map: snapshot cost units, e.g.
/// `snapshot::cost_units_map()`, then the answer equals the snapshot tier's exactly, with
/// `usable` = the asker's visibility). Searches one way over out-edges (directed graphs work).
/// Returns, diversity and Complexity: as the snapshot tier, each search O((E + V) log V).
/// Throws: as the generic `find_warm_path` (`invalid_argument` for bad options, a set asker, an
/// index out of range; `invalid_tie` for a bad warmth met during a search) and as the snapshot
/// tier for `kopt`.
template <class Graph, class WarmthMap, class IndexMap, class ArcFilter = all_arcs>
std::vector<basic_warm_path<typename boost::graph_traits<Graph>::vertex_descriptor>>
find_k_warm_paths(const Graph& g, typename boost::graph_traits<Graph>::vertex_descriptor s,
                  typename boost::graph_traits<Graph>::vertex_descriptor t, std::size_t k, WarmthMap w, IndexMap idx,
                  const basic_path_options<typename boost::graph_traits<Graph>::vertex_descriptor>& opt = {},
                  const k_paths_options& kopt = {}, ArcFilter usable = {}) {
    using V = typename boost::graph_traits<Graph>::vertex_descriptor;
    return detail::generic_k_paths(g, std::vector<V>{s}, std::vector<V>{t}, k, w, idx, opt, kopt, usable);
}

/// Set version of the generic tier: from anyone in `from` to anyone in `to`.
/// Returns, Complexity, Throws: as above.
template <class Graph, class WarmthMap, class IndexMap, class ArcFilter = all_arcs>
std::vector<basic_warm_path<typename boost::graph_traits<Graph>::vertex_descriptor>>
find_k_warm_paths(const Graph& g, const std::vector<typename boost::graph_traits<Graph>::vertex_descriptor>& from,
                  const std::vector<typename boost::graph_traits<Graph>::vertex_descriptor>& to, std::size_t k,
                  WarmthMap w, IndexMap idx,
                  const basic_path_options<typename boost::graph_traits<Graph>::vertex_descriptor>& opt = {},
                  const k_paths_options& kopt = {}, ArcFilter usable = {}) {
    return detail::generic_k_paths(g, from, to, k, w, idx, opt, kopt, usable);
}

} // namespace kith
