// kith/paths/k_warm_paths.hpp -- the k warmest loopless introduction paths, best first, with an
// optional diversity filter (distinct first introducers, or limited overlap).
//
// Design decisions: Yen's algorithm on top of the single-path search of warm_path.hpp: each spur
// search is the same exact label-setting search (bidirectional on the snapshot) with the root
// path's people removed and the already-used next arcs banned. Sources and targets as sets are
// handled as a virtual super-source and super-sink (the first spur chooses among the remaining
// sources). The order of paths is the total order of warm_path.hpp (cost, then hops, then the
// lexicographically smallest person-id sequence); because it is monotone under extension, Yen's
// enumeration is exact for it, hop caps included (a spur at hop i gets the cap max_hops - i).
// Diversity is a filter applied to this exact enumeration, in order: a path is kept when it
// passes the filter against every path kept before it; enumeration stops after `k` kept paths or
// `max_enumerated` enumerated ones. So the result is exactly "the greedy diverse prefix of the
// exact k-best order", which is what a person scanning a ranked list would pick. Distinct first
// introducers need no enumeration: the greedy prefix is found directly, one search per path
// (the best path whose first introducer is not yet used), with no `max_enumerated` limit.
#pragma once

#include <kith/core/error.hpp>
#include <kith/core/ids.hpp>
#include <kith/paths/detail/path_search.hpp>
#include <kith/paths/warm_path.hpp>
#include <kith/snapshot.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kith {

/// How the k paths must differ from each other.
enum class path_diversity : std::uint8_t {
    none,                       ///< the plain k best paths
    distinct_first_introducer,  ///< no two kept paths share people[1] (paths of >= 2 hops; shorter ones always pass)
    limited_overlap,            ///< shared intermediates / own intermediates <= max_overlap against each kept path
};

/// Options of `find_k_warm_paths` beyond the path options.
struct k_paths_options {
    /// Which diversity filter to apply to the exact enumeration (default none).
    path_diversity diversity = path_diversity::none;
    /// For `limited_overlap`: the largest allowed fraction, in [0,1], of a path's intermediate
    /// people that also are intermediates of a kept path. 0 = intermediates pairwise disjoint.
    double max_overlap = 0.5;
    /// For `limited_overlap`: enumerate at most this many paths (>= 1) before giving up on
    /// filling k. Ignored for `none` (which enumerates exactly k) and for
    /// `distinct_first_introducer` (searched directly, one search per path, no limit).
    std::size_t max_enumerated = 256;
};

namespace detail {

/// Yen's k shortest loopless paths over the engine. `base` is the validated query (starts, ends,
/// blocked, extras, hop, cap). `accept` is the diversity filter (called on candidates in order).
template <class Cost, class Generation, class Adj, class Accept>
std::vector<found_path<Cost>> yen(search_store<Generation>& st, const Adj& adj, std::size_t n,
                                  const search_spec<Cost>& base, bool bidirectional, std::size_t k,
                                  std::size_t max_enumerated, Accept&& accept) {
    std::vector<found_path<Cost>> kept;
    if (k == 0) return kept;
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
    // The order: cost, hops, lexicographic sequence.
    auto before = [](const found_path<Cost>& a, const found_path<Cost>& b) {
        if (a.cost != b.cost) return a.cost < b.cost;
        if (a.verts.size() != b.verts.size()) return a.verts.size() < b.verts.size();
        return a.verts < b.verts;
    };
    auto run = [&](search_spec<Cost>& spec) { return best_path(st, adj, n, spec, bidirectional); };
    std::vector<found_path<Cost>> enumerated;  // A
    std::vector<found_path<Cost>> candidates;  // B
    {
        search_spec<Cost> first_spec = base;
        auto first = run(first_spec);
        if (!first) return kept;
        candidates.push_back(std::move(*first));
    }
    search_spec<Cost> spec;
    std::vector<std::uint32_t> root;
    while (!candidates.empty() && kept.size() < k && enumerated.size() < max_enumerated) {
        auto best = std::min_element(candidates.begin(), candidates.end(), before);
        enumerated.push_back(std::move(*best));
        candidates.erase(best);
        const found_path<Cost>& prev = enumerated.back();
        if (accept(prev, kept)) kept.push_back(prev);
        if (kept.size() >= k || enumerated.size() >= max_enumerated) break;
        // Spur at the virtual source (i = -1) and at each vertex of prev but the last; a 0-hop
        // path (a source that is a target) also spurs at its only vertex, which as the start may
        // be followed by more people.
        const auto last_spur = std::max<std::int64_t>(static_cast<std::int64_t>(prev.verts.size()) - 2, 0);
        for (std::int64_t i = -1; i <= last_spur; ++i) {
            spec = base;
            root.assign(prev.verts.begin(), prev.verts.begin() + (i + 1));
            bool root_is_path = false;  // some enumerated path equals the root (ends at the spur)
            spec.banned_arcs.clear();
            std::vector<std::uint32_t> banned_starts;
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
            auto sp = run(spec);
            if (!sp) continue;
            found_path<Cost> full;
            if (i < 0) {
                full = std::move(*sp);
            } else {
                full.verts = root;
                full.verts.insert(full.verts.end(), sp->verts.begin() + 1, sp->verts.end());
                full.arcs.assign(prev.arcs.begin(), prev.arcs.begin() + i);
                full.arcs.insert(full.arcs.end(), sp->arcs.begin(), sp->arcs.end());
            }
            price(full);
            auto same = [&](const found_path<Cost>& p) { return p.verts == full.verts; };
            if (std::any_of(candidates.begin(), candidates.end(), same) ||
                std::any_of(enumerated.begin(), enumerated.end(), same))
                continue;
            candidates.push_back(std::move(full));
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
    std::vector<found_path<Cost>> kept;
    search_spec<Cost> spec = base;
    std::vector<std::uint32_t> zero;  // people whose 0-hop path (source == target) was kept
    auto before = [](const found_path<Cost>& a, const found_path<Cost>& b) {
        if (a.cost != b.cost) return a.cost < b.cost;
        if (a.verts.size() != b.verts.size()) return a.verts.size() < b.verts.size();
        return a.verts < b.verts;
    };
    search_spec<Cost> part;
    while (kept.size() < k) {
        std::optional<found_path<Cost>> r;
        if (zero.empty()) {
            r = best_path(st, adj, n, spec, bidirectional);
        } else {
            // A kept 0-hop path [z] must not come back as a walk z -> ... -> z: search the other
            // sources to every target, and each such z to the other targets, and take the best.
            auto consider = [&](search_spec<Cost>& sp) {
                if (sp.starts.empty() || sp.ends.empty()) return;
                auto c = best_path(st, adj, n, sp, bidirectional);
                if (c && (!r || before(*c, *r))) r = std::move(c);
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
        }
        if (!r) break;
        const auto& v = r->verts;
        if (v.size() >= 3) {
            spec.no_first.push_back(v[1]);
        } else if (v.size() == 2) {
            const std::uint64_t key = std::uint64_t{v[0]} << 32 | v[1];
            spec.banned_arcs.insert(std::lower_bound(spec.banned_arcs.begin(), spec.banned_arcs.end(), key), key);
        } else {
            zero.push_back(v[0]);
        }
        kept.push_back(std::move(*r));
    }
    return kept;
}

/// The diversity filter as a predicate over engine paths.
struct diversity_filter {
    path_diversity mode = path_diversity::none;
    double max_overlap = 1.0;
    template <class Cost>
    bool operator()(const found_path<Cost>& p, const std::vector<found_path<Cost>>& kept) const {
        if (mode == path_diversity::none) return true;
        if (mode == path_diversity::distinct_first_introducer) {
            if (p.verts.size() < 3) return true;
            for (const auto& q : kept)
                if (q.verts.size() >= 3 && q.verts[1] == p.verts[1]) return false;
            return true;
        }
        const std::size_t own = p.verts.size() >= 2 ? p.verts.size() - 2 : 0;
        if (own == 0) return true;
        for (const auto& q : kept) {
            std::size_t shared = 0;
            for (std::size_t i = 1; i + 1 < p.verts.size(); ++i)
                for (std::size_t j = 1; j + 1 < q.verts.size(); ++j)
                    if (p.verts[i] == q.verts[j]) ++shared;
            if (static_cast<double>(shared) > max_overlap * static_cast<double>(own)) return false;
        }
        return true;
    }
};

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
    std::vector<found_path<std::uint64_t>> paths;
    if (kopt.diversity == path_diversity::distinct_first_introducer) {
        paths = distinct_first_paths(st, adj, s.num_people(), base, true, k);
    } else {
        const std::size_t limit = kopt.diversity == path_diversity::none ? k : std::max(k, kopt.max_enumerated);
        paths = yen(st, adj, s.num_people(), base, true, k, limit, diversity_filter{kopt.diversity, kopt.max_overlap});
    }
    out.reserve(paths.size());
    for (const auto& p : paths) out.push_back(to_warm_path(s, p));
    return out;
}

} // namespace detail

/// The k warmest loopless paths from `from` to `to`, best first (fewer when fewer exist).
/// Complexity: O(k x L) single-path searches for paths of L hops (Yen), each as `find_warm_path`.
/// Returns: the first k paths of the exact order of warm_path.hpp passing the diversity filter
/// (see the header comment); empty when there is none or k == 0.
/// Throws: as `find_warm_path`; `invalid_argument` for max_overlap outside [0,1] or
/// max_enumerated == 0. Exact for `path_diversity::none` (checked against enumeration of all
/// simple paths); with a filter, exact greedy filtering of the exact order within max_enumerated.
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

} // namespace kith
