// kith/paths/warm_path.hpp -- the warmest introduction path from me (or my team) to a person
// (or anyone in a set, such as an organisation).
//
// Design decisions: the warmth of an introduction path is the product over its hops of
// (tie warmth x `hop_factor`): each hop is a favour that can fail, and the hop factor (default
// 0.8) keeps chains of near-1 ties from growing to ~9 hops. The best path is therefore a shortest
// path on cost -ln(warmth) - ln(hop_factor) per hop, plus an optional extra cost for routing
// *through* a person (an introducer already asked often). On a `snapshot`, costs are the stored
// integer units (1/2048 nat per arc), the hop cost is round(-ln(hop_factor) x 2048) units and an
// introducer's extra cost is round(-ln(factor) x 2048) units: path costs are exact integer sums,
// so answers are exact and deterministic with respect to the stored warmths, and the reported
// warmth is exp(-units / 2048) computed once from the integer sum (log space: no underflow in
// the search; `log_warmth` stays exact when `warmth` underflows to 0).
// Tie-break rule (both tiers, every function of kith/paths): among paths of equal total cost, the
// one with fewer hops wins; among those, the lexicographically smallest sequence of vertices
// (source first) wins. On a snapshot vertices are numbered in person-id order, so this is the
// lexicographically smallest sequence of person ids. The rule is a total order that is monotone
// under extending a path at either end, so both the bidirectional search and the one-directional
// generic search honour it exactly (labels compare (cost, hops, sequence)).
// Search: on the snapshot, bidirectional label-setting search over (cost, hops) keys, expanding
// the side with fewer queued labels (uncapped; the smaller key when hop-capped), with a cut in
// each cost-sorted adjacency list as soon as dist(u) + cost(arc) + (smallest key of the other
// side) exceeds the best meeting found (nothing later in the list can improve it), and reusable
// per-thread workspaces whose reset is O(touched) (generation counter, cleared on wrap-around).
// The search is memory-bound (one cache miss per person touched), so the engine prefetches the
// next arc list and each target's search data before relaxing a list. Hop caps are exact:
// labels become Pareto sets over (cost, hops) per vertex, so the best path with at most
// `max_hops` hops is found even when a cheaper longer one exists. Generic tier: the same label-setting search run one way
// over any Boost.Graph IncidenceGraph + VertexListGraph. No recursion anywhere.
// Valid paths: a path starts at a source, ends at a target, is simple, and its intermediate people
// are never sources, targets, avoided people, or people joined only by ties the asker may not see.
#pragma once

#include <kith/core/error.hpp>
#include <kith/core/ids.hpp>
#include <kith/paths/detail/path_search.hpp>
#include <kith/snapshot.hpp>

#include <boost/graph/graph_traits.hpp>
#include <boost/property_map/property_map.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace kith {

/// Options of every path query (single path, k paths, explanation). `Vertex` is `person_id` on a
/// snapshot (`path_options`) and the graph's vertex descriptor in the generic tier.
template <class Vertex>
struct basic_path_options {
    /// Factor in (0,1] multiplied into the path warmth per hop (default 0.8): every extra
    /// introduction is a favour that can fail. 1 disables it. Snapshot/cost-unit hop cost:
    /// round(-ln(hop_factor) x 2048) units.
    double hop_factor = 0.8;
    /// At most this many hops (nullopt: no limit). Exact: the best path among those with at most
    /// `max_hops` hops, even when a cheaper longer path exists. 0 allows only source == target.
    std::optional<std::size_t> max_hops{};
    /// Ties with stored warmth below this are not used (compared on the stored warmth, i.e. on a
    /// snapshot exp(-cost_units / 2048) >= min_tie_warmth). In [0,1]; default 0 (use all).
    double min_tie_warmth = 0.0;
    /// People never to route through (never intermediates; they may still be asked for as a
    /// source or target explicitly). Never revealed by explanations either.
    std::vector<Vertex> avoid{};
    /// Who is asking (snapshot tier): ties private to someone else are invisible and never used
    /// or revealed. nullopt: public ties only. The generic tier expresses visibility with an arc
    /// filter instead and rejects a set `asker`.
    std::optional<Vertex> asker{};
    /// Per-introducer extra cost, as a warmth factor in (0,1] multiplied into the path warmth when
    /// the path routes *through* that person (intermediate; never charged at the endpoints).
    /// E.g. {dana, 0.5} for someone already asked several times this month. In cost units:
    /// round(-ln(factor) x 2048). Later entries for the same person replace earlier ones.
    std::vector<std::pair<Vertex, double>> introducer_factor{};
};

/// Options on a snapshot, with person ids.
using path_options = basic_path_options<person_id>;

/// A warm introduction path. `Vertex` is `person_id` on a snapshot (`warm_path`).
template <class Vertex>
struct basic_warm_path {
    /// The people from the source (first) to the target (last); one entry for a 0-hop path.
    std::vector<Vertex> people{};
    /// The stored warmth of each tie used, in path order (size = hops()).
    std::vector<double> tie_warmth{};
    /// Total cost in 1/2048 nat (tie costs + hop costs + introducer costs) when costs are integer
    /// units (snapshot, cost-unit maps); 0 for the generic tier on floating warmths.
    std::uint64_t cost_units = 0;
    /// ln(path warmth) = -(total cost in nats); exact in log space (no underflow).
    double log_warmth = 0.0;
    /// Path warmth = exp(log_warmth) = product of tie warmths x hop_factor^hops x introducer
    /// factors. May underflow to 0 for very long paths; `log_warmth` stays exact.
    double warmth = 1.0;

    /// Number of hops (people.size() - 1). Precondition: non-empty.
    std::size_t hops() const noexcept { return people.empty() ? 0 : people.size() - 1; }
    /// Who asks (the first person).
    const Vertex& source() const noexcept { return people.front(); }
    /// Who is reached (the last person).
    const Vertex& target() const noexcept { return people.back(); }

    friend bool operator==(const basic_warm_path& a, const basic_warm_path& b) {
        return a.people == b.people && a.tie_warmth == b.tie_warmth && a.cost_units == b.cost_units &&
               a.log_warmth == b.log_warmth && a.warmth == b.warmth;
    }
    friend bool operator!=(const basic_warm_path& a, const basic_warm_path& b) { return !(a == b); }
};

/// A warm path on a snapshot, with person ids.
using warm_path = basic_warm_path<person_id>;

/// The hop cost in snapshot cost units: round(-ln(hop_factor) x 2048).
/// Throws: `invalid_argument` unless 0 < hop_factor <= 1. Complexity: O(1).
inline std::uint64_t hop_cost_units(double hop_factor) {
    detail::check_factor("hop_cost_units", "hop_factor", hop_factor);
    return detail::factor_to_units(hop_factor);
}

/// A reusable search workspace (one per thread). Queries reset it in O(touched) using a
/// generation counter of type `Generation`; when the counter wraps around, every stamp is cleared
/// once (O(people)), so answers stay correct past the counter's range (tested with uint8_t).
/// No allocation per query once the workspace has grown to the graph and the typical search.
template <class Generation = std::uint32_t>
class basic_path_workspace {
public:
    static_assert(std::is_unsigned<Generation>::value, "basic_path_workspace: Generation must be unsigned");
    basic_path_workspace() = default;
    /// The detail engine's storage (not part of the API).
    detail::search_store<Generation>& store() noexcept { return store_; }

private:
    detail::search_store<Generation> store_{};
};

/// The default workspace (32-bit generations).
using path_workspace = basic_path_workspace<>;

namespace detail {
/// The thread_local workspace used by overloads without one.
inline path_workspace& thread_workspace() {
    thread_local path_workspace ws;
    return ws;
}
} // namespace detail


namespace detail {

/// A prefetch hint (no effect where the compiler has no builtin).
inline void prefetch_address(const void* p) noexcept {
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(p);
#else
    (void)p;
#endif
}
/// Starts loading the first arcs of `u` (an engine hint, see `has_prefetch`).
inline void prefetch_arcs_of(const snapshot& s, std::uint32_t u) noexcept {
    prefetch_address(s.arc_address(s.arc_begin(u)));
}

/// The arcs of a snapshot a query may use: visible to the asker and warm enough, in the
/// snapshot's (cost, target) order, so the engine may cut a list.
struct snapshot_arcs {
    const snapshot* s = nullptr;
    std::optional<std::uint32_t> asker{};
    bool check_visibility = false;
    std::int64_t max_cost = 0;
    static constexpr bool sorted = true;
    template <class F>
    void for_each_arc(std::uint32_t u, F&& f) const {
        for (snapshot::arc_index a = s->arc_begin(u), e = s->arc_end(u); a != e; ++a) {
            const snapshot_arc_entry x = s->arc_entry(a);  // target and cost, one load
            const std::int64_t c = x.cost;
            if (c > max_cost) return;
            if (check_visibility && !s->arc_visible(a, asker)) continue;
            if (!f(x.target, static_cast<std::uint64_t>(c))) return;
        }
    }
    /// Engine hint: start loading the arc list of `u`.
    void prefetch(std::uint32_t u) const noexcept { prefetch_arcs_of(*s, u); }
    /// Number of arcs of `u` (before filters): the engine's cost estimate for expanding u.
    std::size_t degree(std::uint32_t u) const noexcept { return s->degree(u); }
};

/// The vertex of `p` or throws unknown_person naming the function and the role.
inline std::uint32_t snapshot_vertex(const snapshot& s, const char* fn, const char* role, person_id p) {
    auto v = s.find_vertex(p);
    if (!v)
        throw unknown_person(std::string(fn) + ": " + role + " person id " + std::to_string(p.value()) +
                             " is not in the snapshot");
    return *v;
}

inline void sort_unique(std::vector<std::uint32_t>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

/// Validates `opt` and fills `spec` (starts, ends, blocked, extras, hop, cap) and `adj`.
inline void prepare_snapshot_query(const snapshot& s, const char* fn, const std::vector<person_id>& from,
                                   const std::vector<person_id>& to, const path_options& opt,
                                   search_spec<std::uint64_t>& spec, snapshot_arcs& adj) {
    check_factor(fn, "hop_factor", opt.hop_factor);
    check_min_warmth(fn, opt.min_tie_warmth);
    spec.clear();
    for (person_id p : from) spec.starts.push_back(snapshot_vertex(s, fn, "source", p));
    for (person_id p : to) spec.ends.push_back(snapshot_vertex(s, fn, "target", p));
    sort_unique(spec.starts);
    sort_unique(spec.ends);
    for (person_id p : opt.avoid) spec.blocked.push_back(snapshot_vertex(s, fn, "avoided", p));
    for (const auto& [p, f] : opt.introducer_factor) {
        const std::uint32_t v = snapshot_vertex(s, fn, "introducer", p);
        check_factor(fn, "introducer factor", f);
        spec.extras.emplace_back(v, factor_to_units(f));
    }
    adj.s = &s;
    adj.asker.reset();
    if (opt.asker) adj.asker = snapshot_vertex(s, fn, "asker", *opt.asker);
    adj.check_visibility = s.has_private_ties();
    adj.max_cost = max_units_for_min_warmth(opt.min_tie_warmth);
    spec.hop = factor_to_units(opt.hop_factor);
    spec.capped = opt.max_hops.has_value();
    if (opt.max_hops) spec.max_hops = static_cast<std::uint32_t>(std::min<std::size_t>(*opt.max_hops, npos32 - 1));
}

/// Converts an engine path to a warm_path with person ids.
inline warm_path to_warm_path(const snapshot& s, const found_path<std::uint64_t>& f) {
    warm_path w;
    w.people.reserve(f.verts.size());
    for (std::uint32_t v : f.verts) w.people.push_back(s.id_of(v));
    w.tie_warmth.reserve(f.arcs.size());
    for (std::uint64_t c : f.arcs) w.tie_warmth.push_back(snapshot::cost_to_warmth(static_cast<double>(c)));
    w.cost_units = f.cost;
    w.log_warmth = -static_cast<double>(f.cost) / snapshot::cost_scale;
    w.warmth = std::exp(w.log_warmth);
    return w;
}

template <class Generation>
std::optional<warm_path> snapshot_best_path(const snapshot& s, const char* fn, const std::vector<person_id>& from,
                                            const std::vector<person_id>& to, const path_options& opt,
                                            search_store<Generation>& st) {
    snapshot_arcs adj;
    prepare_snapshot_query(s, fn, from, to, opt, st.spec, adj);
    if (st.spec.starts.empty() || st.spec.ends.empty()) return std::nullopt;
    auto f = best_path(st, adj, s.num_people(), st.spec, true);
    if (!f) return std::nullopt;
    return to_warm_path(s, *f);
}

/// The cost type the generic tier uses for a weight map: double for floating warmths,
/// uint64 units for integral cost-unit maps.
template <class WarmthMap>
using generic_cost_t =
    std::conditional_t<std::is_floating_point<typename boost::property_traits<WarmthMap>::value_type>::value,
                       double, std::uint64_t>;

/// The arcs of a generic graph (one way, unsorted).
template <class Graph, class WarmthMap, class IndexMap, class ArcFilter>
struct generic_arcs {
    using V = typename boost::graph_traits<Graph>::vertex_descriptor;
    using Cost = generic_cost_t<WarmthMap>;
    const Graph* g = nullptr;
    WarmthMap w;
    IndexMap idx;
    ArcFilter usable;
    const std::vector<V>* verts = nullptr;
    double min_warmth = 0;
    std::int64_t max_units = 0;
    const char* fn = "find_warm_path";  ///< the public function named in errors
    static constexpr bool sorted = false;

    template <class F>
    void for_each_arc(std::uint32_t u, F&& f) const {
        using boost::get;
        auto range = out_edges((*verts)[u], *g);
        for (auto it = range.first; it != range.second; ++it) {
            const auto e = *it;
            if (!usable(e)) continue;
            const auto x = get(w, e);
            Cost c{};
            if constexpr (std::is_same<Cost, double>::value) {
                const double wx = static_cast<double>(x);
                if (!(wx > 0.0 && wx <= 1.0))
                    throw invalid_tie(std::string(fn) + ": edge warmth " + format_double(wx) + " is outside (0,1]");
                if (wx < min_warmth) continue;
                c = -std::log(wx);
            } else {
                if constexpr (std::is_signed<decltype(x)>::value) {
                    if (x < 0)
                        throw invalid_tie(std::string(fn) + ": edge cost " + std::to_string(x) + " units is negative");
                }
                if (static_cast<std::uint64_t>(x) > static_cast<std::uint64_t>(std::max<std::int64_t>(max_units, -1)) ||
                    max_units < 0)
                    continue;
                c = static_cast<std::uint64_t>(x);
            }
            const auto t = static_cast<std::size_t>(get(idx, target(e, *g)));
            if (t >= verts->size())
                throw invalid_argument(std::string(fn) + ": vertex index " + std::to_string(t) + " is outside [0, " +
                                       std::to_string(verts->size()) + ")");
            if (!f(static_cast<std::uint32_t>(t), c)) return;
        }
    }
};

/// Validates a generic-tier query for the function `fn` (named in every error) and fills the
/// vertex table `verts` (index -> descriptor), `spec` (sorted unique starts and ends, blocked =
/// the avoided people, extras, hop cost, cap) and returns the adjacency (which points at
/// `verts`). Everything is validated before the caller looks at empty source or target sets.
/// Throws invalid_argument for bad options, a set asker, or an index outside [0, num_vertices).
template <class Graph, class WarmthMap, class IndexMap, class ArcFilter, class V>
generic_arcs<Graph, WarmthMap, IndexMap, ArcFilter>
prepare_generic_query(const char* fn, const Graph& g, const std::vector<V>& from, const std::vector<V>& to,
                      WarmthMap w, IndexMap idx, const basic_path_options<V>& opt, ArcFilter usable,
                      std::vector<V>& verts, search_spec<generic_cost_t<WarmthMap>>& spec) {
    using boost::get;
    using Cost = generic_cost_t<WarmthMap>;
    check_factor(fn, "hop_factor", opt.hop_factor);
    check_min_warmth(fn, opt.min_tie_warmth);
    if (opt.asker)
        throw invalid_argument(std::string(fn) +
                               ": `asker` is set, but the generic tier has no visibility; pass an arc filter instead");
    const std::size_t n = static_cast<std::size_t>(num_vertices(g));
    verts.assign(n, V{});
    auto index_of = [&](const V& v, const char* role) -> std::uint32_t {
        const auto i = static_cast<std::size_t>(get(idx, v));
        if (i >= n)
            throw invalid_argument(std::string(fn) + ": " + role + " vertex index " + std::to_string(i) +
                                   " is outside [0, " + std::to_string(n) + ")");
        return static_cast<std::uint32_t>(i);
    };
    {
        auto range = vertices(g);
        for (auto it = range.first; it != range.second; ++it) verts[index_of(*it, "graph")] = *it;
    }
    auto to_cost = [](double f) -> Cost {
        if constexpr (std::is_same<Cost, double>::value) return -std::log(f);
        else return factor_to_units(f);
    };
    spec.clear();
    for (const V& v : from) spec.starts.push_back(index_of(v, "source"));
    for (const V& v : to) spec.ends.push_back(index_of(v, "target"));
    sort_unique(spec.starts);
    sort_unique(spec.ends);
    for (const V& v : opt.avoid) spec.blocked.push_back(index_of(v, "avoided"));
    for (const auto& [v, f] : opt.introducer_factor) {
        const std::uint32_t i = index_of(v, "introducer");
        check_factor(fn, "introducer factor", f);
        spec.extras.emplace_back(i, to_cost(f));
    }
    spec.hop = to_cost(opt.hop_factor);
    spec.capped = opt.max_hops.has_value();
    if (opt.max_hops) spec.max_hops = static_cast<std::uint32_t>(std::min<std::size_t>(*opt.max_hops, npos32 - 1));
    return generic_arcs<Graph, WarmthMap, IndexMap, ArcFilter>{
        &g, w, idx, usable, &verts, opt.min_tie_warmth, max_units_for_min_warmth(opt.min_tie_warmth), fn};
}

/// Converts an engine path of the generic tier to a basic_warm_path (descriptors from `verts`).
template <class V, class Cost>
basic_warm_path<V> to_generic_warm_path(const found_path<Cost>& f, const std::vector<V>& verts) {
    basic_warm_path<V> out;
    out.people.reserve(f.verts.size());
    for (std::uint32_t i : f.verts) out.people.push_back(verts[i]);
    out.tie_warmth.reserve(f.arcs.size());
    for (Cost c : f.arcs) {
        if constexpr (std::is_same<Cost, double>::value) out.tie_warmth.push_back(std::exp(-c));
        else out.tie_warmth.push_back(snapshot::cost_to_warmth(static_cast<double>(c)));
    }
    if constexpr (std::is_same<Cost, double>::value) {
        out.log_warmth = -f.cost;
    } else {
        out.cost_units = f.cost;
        out.log_warmth = -static_cast<double>(f.cost) / snapshot::cost_scale;
    }
    out.warmth = std::exp(out.log_warmth);
    return out;
}

template <class Graph, class WarmthMap, class IndexMap, class ArcFilter, class V>
std::optional<basic_warm_path<V>> generic_best_path(const Graph& g, const std::vector<V>& from,
                                                    const std::vector<V>& to, WarmthMap w, IndexMap idx,
                                                    const basic_path_options<V>& opt, ArcFilter usable) {
    using Cost = generic_cost_t<WarmthMap>;
    using Adj = generic_arcs<Graph, WarmthMap, IndexMap, ArcFilter>;
    std::vector<V> verts;
    search_spec<Cost> spec;
    const Adj adj = prepare_generic_query("find_warm_path", g, from, to, w, idx, opt, usable, verts, spec);
    if (spec.starts.empty() || spec.ends.empty()) return std::nullopt;
    search_store<std::uint32_t> st;
    label_search<Cost, std::uint32_t, Adj> search(st, adj, spec, false);
    auto f = search.run(verts.size());
    if (!f) return std::nullopt;
    return to_generic_warm_path(*f, verts);
}

} // namespace detail

// ------------------------------------------------------------------------------ snapshot tier

/// The warmest path from `from` to `to` on a snapshot (fast path: bidirectional search).
/// Complexity: O((m' + n') log n') for the m' arcs and n' people the search touches (on social
/// graphs a tiny fraction of the graph); with `max_hops` = H, up to H+1 labels per person.
/// Preconditions: none. Returns: the best path under the tie-break rule in the header comment, or
/// nullopt when no valid path exists. from == to gives a 0-hop path of warmth 1.
/// Throws: `unknown_person` (from, to, asker, an avoided person or an introducer not in the
/// snapshot), `invalid_argument` (hop_factor or an introducer factor outside (0,1] or NaN,
/// min_tie_warmth outside [0,1] or NaN). Exact (integer costs).
template <class Generation>
std::optional<warm_path> find_warm_path(const snapshot& s, person_id from, person_id to, const path_options& opt,
                                        basic_path_workspace<Generation>& ws) {
    return detail::snapshot_best_path(s, "find_warm_path", {from}, {to}, opt, ws.store());
}

/// As above with the calling thread's own workspace.
inline std::optional<warm_path> find_warm_path(const snapshot& s, person_id from, person_id to,
                                               const path_options& opt = {}) {
    return find_warm_path(s, from, to, opt, detail::thread_workspace());
}

/// The warmest path from anyone in `from` (my team: who should ask?) to anyone in `to` (anyone
/// at an organisation). The result's `source()` and `target()` say who asks and who is reached.
/// Duplicates are ignored; an empty set gives nullopt. Complexity, Throws, exactness: as the
/// single-pair version (each source/target id is checked).
template <class Generation>
std::optional<warm_path> find_warm_path(const snapshot& s, const std::vector<person_id>& from,
                                        const std::vector<person_id>& to, const path_options& opt,
                                        basic_path_workspace<Generation>& ws) {
    return detail::snapshot_best_path(s, "find_warm_path", from, to, opt, ws.store());
}

/// As above with the calling thread's own workspace.
inline std::optional<warm_path> find_warm_path(const snapshot& s, const std::vector<person_id>& from,
                                               const std::vector<person_id>& to, const path_options& opt = {}) {
    return find_warm_path(s, from, to, opt, detail::thread_workspace());
}

// ------------------------------------------------------------------------------- generic tier

/// Accepts every arc (the default arc filter of the generic tier).
struct all_arcs {
    template <class Edge>
    constexpr bool operator()(const Edge&) const noexcept { return true; }
};

/// The warmest path from `s` to `t` on any Boost.Graph IncidenceGraph + VertexListGraph.
/// `w` is a readable edge property map: floating values are tie warmths in (0,1] (cost -ln w, in
/// double); integral values are costs in snapshot units of 1/2048 nat (e.g.
/// `snapshot::cost_units_map()`; then the result equals the snapshot fast path exactly, with
/// `usable` = the asker's visibility). `idx` maps vertices to [0, num_vertices(g)); ties between
/// equal paths are broken by the index sequence. `usable(e)` says whether an edge may be used
/// (visibility); `opt.asker` must be unset here. Searches one way (out-edges), so directed graphs
/// work too. Complexity: O((E + V) log V). Returns: nullopt when no valid path exists.
/// Throws: `invalid_argument` (bad options, a set asker, a vertex index out of range),
/// `invalid_tie` (a floating warmth outside (0,1] or NaN met during the search). Exact.
template <class Graph, class WarmthMap, class IndexMap, class ArcFilter = all_arcs>
std::optional<basic_warm_path<typename boost::graph_traits<Graph>::vertex_descriptor>>
find_warm_path(const Graph& g, typename boost::graph_traits<Graph>::vertex_descriptor s,
               typename boost::graph_traits<Graph>::vertex_descriptor t, WarmthMap w, IndexMap idx,
               const basic_path_options<typename boost::graph_traits<Graph>::vertex_descriptor>& opt = {},
               ArcFilter usable = {}) {
    using V = typename boost::graph_traits<Graph>::vertex_descriptor;
    return detail::generic_best_path(g, std::vector<V>{s}, std::vector<V>{t}, w, idx, opt, usable);
}

/// Set version of the generic tier: from anyone in `from` to anyone in `to`.
/// Complexity, Returns, Throws: as above.
template <class Graph, class WarmthMap, class IndexMap, class ArcFilter = all_arcs>
std::optional<basic_warm_path<typename boost::graph_traits<Graph>::vertex_descriptor>>
find_warm_path(const Graph& g, const std::vector<typename boost::graph_traits<Graph>::vertex_descriptor>& from,
               const std::vector<typename boost::graph_traits<Graph>::vertex_descriptor>& to, WarmthMap w,
               IndexMap idx,
               const basic_path_options<typename boost::graph_traits<Graph>::vertex_descriptor>& opt = {},
               ArcFilter usable = {}) {
    return detail::generic_best_path(g, from, to, w, idx, opt, usable);
}

} // namespace kith
