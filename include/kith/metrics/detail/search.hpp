// kith/metrics/detail/search.hpp -- shared internals: cost-bounded, optionally hop-capped
// searches over integer cost units (used by metrics/health and by suggest/ties_to_grow,
// reconnect). The search runs over an arc adaptor: `search_rules` on a snapshot as the asker
// sees it, `generic_search_arcs` on any Boost.Graph graph; both tiers therefore run the same
// search and agree exactly when the arcs and their cost units agree. Lives under metrics/ so that
// both layers may include it. Not part of the public API.
#pragma once

#include <kith/core/error.hpp>
#include <kith/core/ids.hpp>
#include <kith/snapshot.hpp>

#include <boost/graph/graph_traits.hpp>
#include <boost/property_map/property_map.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <queue>
#include <type_traits>
#include <utility>
#include <vector>

namespace kith {
namespace detail {

inline constexpr std::uint64_t unreachable = std::numeric_limits<std::uint64_t>::max();
/// "No hop limit" for `bounded_search::run`.
inline constexpr std::size_t no_hop_limit = std::numeric_limits<std::size_t>::max();

/// Which arcs a search may use: visible to `asker`, not into `blocked` or excluded people, warm
/// enough. Each arc costs its stored units plus `hop_units`.
struct search_rules {
    const snapshot* s = nullptr;
    snapshot::vertex_type asker = snapshot::null_vertex;
    std::vector<char> excluded;  // per vertex (empty: none)
    std::uint64_t hop_units = 0;
    double min_tie_warmth = 0;
    std::optional<std::size_t> max_hops{};

    bool is_excluded(snapshot::vertex_type v) const noexcept { return !excluded.empty() && excluded[v]; }
    bool usable(snapshot::arc_index a) const noexcept {
        const auto t = s->arc_target(a);
        if (is_excluded(t)) return false;
        if (s->has_private_ties() && !s->arc_visible(a, asker)) return false;
        return min_tie_warmth <= 0 || s->arc_warmth(a) >= min_tie_warmth;
    }
    /// Arc lists are sorted by cost (the snapshot's order), so a search may stop early.
    static constexpr bool sorted = true;
    /// Calls f(target, cost units + hop units) for the usable arcs of v, in cost order, until f
    /// returns false.
    template <class F>
    void for_each_arc(snapshot::vertex_type v, F&& f) const {
        for (auto a = s->arc_begin(v), e = s->arc_end(v); a != e; ++a)
            if (usable(a) && !f(s->arc_target(a), static_cast<std::uint64_t>(s->arc_cost(a)) + hop_units)) return;
    }
};

/// Readable edge property map: the cost units of an edge from a warmth map. Floating warmths in
/// (0,1] are quantised like a snapshot's (round(-ln w x 2048), at most 65535); integral values are
/// taken as cost units. Throws `invalid_tie` naming `fn` for a warmth outside (0,1] or a negative cost.
template <class WarmthMap>
struct units_map {
    using key_type = typename boost::property_traits<WarmthMap>::key_type;
    using value_type = std::uint64_t;
    using reference = std::uint64_t;
    using category = boost::readable_property_map_tag;
    WarmthMap w;
    const char* fn = "";
    friend std::uint64_t get(const units_map& m, const key_type& e) {
        using boost::get;
        const auto x = get(m.w, e);
        using X = std::decay_t<decltype(x)>;
        if constexpr (std::is_floating_point<X>::value) {
            if (!(x > 0 && x <= 1))
                throw invalid_tie(std::string(m.fn) + ": edge warmth " + std::to_string(static_cast<double>(x)) +
                                  " is outside (0,1]");
            return snapshot::warmth_to_cost(static_cast<double>(x));
        } else {
            if constexpr (std::is_signed<X>::value) {
                if (x < 0) throw invalid_tie(std::string(m.fn) + ": edge cost " + std::to_string(x) + " units is negative");
            }
            return static_cast<std::uint64_t>(x);
        }
    }
};

/// The generic-tier arc adaptor of `bounded_search`: the out-edges of a Boost.Graph graph
/// accepted by `filter`, not into excluded vertices, warm enough, each costing its units plus
/// `hop_units`. Vertices are numbered by the index map (`verts[i]` is the vertex of index i).
template <class Graph, class WarmthMap, class IndexMap, class ArcFilter>
struct generic_search_arcs {
    using V = typename boost::graph_traits<Graph>::vertex_descriptor;
    generic_search_arcs(const Graph& graph, units_map<WarmthMap> u, IndexMap i, ArcFilter f)
        : g(&graph), units(u), idx(i), filter(f) {}
    const Graph* g;
    units_map<WarmthMap> units;
    IndexMap idx;
    ArcFilter filter;
    std::vector<V> verts{};
    std::vector<char> excluded{};  // per index (empty: none)
    std::uint64_t hop_units = 0;
    double min_tie_warmth = 0;

    bool is_excluded(std::uint32_t v) const noexcept { return !excluded.empty() && excluded[v]; }
    std::uint32_t index_of(const V& v) const {
        using boost::get;
        return static_cast<std::uint32_t>(get(idx, v));
    }
    /// Arc lists come in the graph's order: no early stop.
    static constexpr bool sorted = false;
    template <class F>
    void for_each_arc(std::uint32_t v, F&& f) const {
        using boost::get;
        auto range = out_edges(verts[v], *g);
        for (auto it = range.first; it != range.second; ++it) {
            if (!filter(*it)) continue;
            const std::uint32_t t = index_of(target(*it, *g));
            if (is_excluded(t)) continue;
            const std::uint64_t c = get(units, *it);
            if (min_tie_warmth > 0 && snapshot::cost_to_warmth(static_cast<double>(c)) < min_tie_warmth) continue;
            if (!f(t, c + hop_units)) return;
        }
    }
};

/// Builds the generic adaptor: checks the index map (a permutation of [0, V), V < 2^32 - 1),
/// marks `excluded`. Throws `invalid_argument` naming `fn` for an index out of range.
template <class Graph, class WarmthMap, class IndexMap, class ArcFilter>
generic_search_arcs<Graph, WarmthMap, IndexMap, ArcFilter>
make_generic_arcs(const Graph& g, const char* fn, WarmthMap w, IndexMap idx, ArcFilter filter,
                  const std::vector<typename boost::graph_traits<Graph>::vertex_descriptor>& excluded,
                  double hop_factor, double min_tie_warmth);

/// Best costs from a set of sources (each with a start cost, hop count 0) to everyone within
/// `bound` units, never leaving `blocked` (which may still be reached). With a `hop_budget`
/// other than `no_hop_limit`, paths of at most that many hops (exact: layered relaxation). Returns (vertex, cost) pairs, cost
/// <= bound. O((m' + n') log n') touched, or O(H m') hop-capped.
class bounded_search {
public:
    explicit bounded_search(std::size_t n) : dist_(n, unreachable), next_(n, unreachable) {}

    template <class Arcs>
    std::vector<std::pair<snapshot::vertex_type, std::uint64_t>>
    run(const Arcs& r, const std::vector<std::pair<snapshot::vertex_type, std::uint64_t>>& sources,
        snapshot::vertex_type blocked, std::uint64_t bound, std::size_t hop_budget) {
        for (auto v : touched_) { dist_[v] = unreachable; next_[v] = unreachable; }
        touched_.clear();
        auto touch = [&](snapshot::vertex_type v) {
            if (dist_[v] == unreachable && next_[v] == unreachable) touched_.push_back(v);
        };
        for (const auto& [v, c] : sources) {
            if (c > bound) continue;
            touch(v);
            if (c < dist_[v]) dist_[v] = next_[v] = c;
        }
        if (hop_budget == no_hop_limit) {
            using item = std::pair<std::uint64_t, snapshot::vertex_type>;
            std::priority_queue<item, std::vector<item>, std::greater<item>> pq;
            for (auto v : touched_) pq.push({dist_[v], v});
            while (!pq.empty()) {
                const auto [d, v] = pq.top();
                pq.pop();
                if (d != dist_[v]) continue;
                if (v == blocked) continue;
                r.for_each_arc(v, [&](snapshot::vertex_type t, std::uint64_t c) {
                    const std::uint64_t nd = d + c;
                    if (nd > bound) return !Arcs::sorted;  // a sorted list has nothing cheaper later
                    touch(t);
                    if (nd < dist_[t]) {
                        dist_[t] = nd;
                        next_[t] = nd;
                        pq.push({nd, t});
                    }
                    return true;
                });
            }
        } else {
            std::vector<snapshot::vertex_type> frontier(touched_.begin(), touched_.end()), nf;
            for (std::size_t h = 0; h < hop_budget && !frontier.empty(); ++h) {
                nf.clear();
                for (auto v : frontier) {
                    if (v == blocked) continue;
                    const std::uint64_t d = dist_[v];
                    r.for_each_arc(v, [&](snapshot::vertex_type t, std::uint64_t c) {
                        const std::uint64_t nd = d + c;
                        if (nd > bound) return !Arcs::sorted;
                        touch(t);
                        if (nd < next_[t]) {
                            if (next_[t] == dist_[t]) nf.push_back(t);  // first improvement this layer
                            next_[t] = nd;
                        }
                        return true;
                    });
                }
                for (auto t : nf) dist_[t] = next_[t];
                std::sort(nf.begin(), nf.end());
                nf.erase(std::unique(nf.begin(), nf.end()), nf.end());
                frontier.swap(nf);
            }
        }
        std::vector<std::pair<snapshot::vertex_type, std::uint64_t>> out;
        for (auto v : touched_)
            if (dist_[v] <= bound) out.emplace_back(v, dist_[v]);
        std::sort(out.begin(), out.end());
        return out;
    }

private:
    std::vector<std::uint64_t> dist_, next_;
    std::vector<snapshot::vertex_type> touched_;
};

/// Per-hop cost in units, exactly as kith/paths' hop_cost_units: round(-ln(f) x 2048).
inline std::uint64_t hop_units_of(double f) noexcept {
    const double c = std::round(-std::log(f) * snapshot::cost_scale);
    if (!(c >= 0.0)) return 0;
    return static_cast<std::uint64_t>(c);
}

/// Validated search rules for `asker`. Throws: `invalid_argument` (hop_factor outside (0,1],
/// min_tie_warmth outside [0,1]), naming `fn`.
inline search_rules make_rules(const snapshot& s, const char* fn, snapshot::vertex_type asker,
                               const std::vector<person_id>& excluded, double hop_factor, double min_tie_warmth,
                               std::optional<std::size_t> max_hops) {
    if (!(hop_factor > 0.0 && hop_factor <= 1.0))
        throw invalid_argument(std::string(fn) + ": hop_factor " + std::to_string(hop_factor) + " is outside (0,1]");
    if (!(min_tie_warmth >= 0.0 && min_tie_warmth <= 1.0))
        throw invalid_argument(std::string(fn) + ": min_tie_warmth " + std::to_string(min_tie_warmth) +
                               " is outside [0,1]");
    search_rules r;
    r.s = &s;
    r.asker = asker;
    r.hop_units = hop_units_of(hop_factor);
    r.min_tie_warmth = min_tie_warmth;
    r.max_hops = max_hops;
    for (person_id p : excluded)
        if (auto v = s.find_vertex(p)) {
            if (r.excluded.empty()) r.excluded.assign(s.num_people(), 0);
            r.excluded[*v] = 1;
        }
    return r;
}

template <class Graph, class WarmthMap, class IndexMap, class ArcFilter>
generic_search_arcs<Graph, WarmthMap, IndexMap, ArcFilter>
make_generic_arcs(const Graph& g, const char* fn, WarmthMap w, IndexMap idx, ArcFilter filter,
                  const std::vector<typename boost::graph_traits<Graph>::vertex_descriptor>& excluded,
                  double hop_factor, double min_tie_warmth) {
    using boost::get;
    if (!(hop_factor > 0.0 && hop_factor <= 1.0))
        throw invalid_argument(std::string(fn) + ": hop_factor " + std::to_string(hop_factor) + " is outside (0,1]");
    if (!(min_tie_warmth >= 0.0 && min_tie_warmth <= 1.0))
        throw invalid_argument(std::string(fn) + ": min_tie_warmth " + std::to_string(min_tie_warmth) +
                               " is outside [0,1]");
    generic_search_arcs<Graph, WarmthMap, IndexMap, ArcFilter> r(g, units_map<WarmthMap>{w, fn}, idx, filter);
    r.hop_units = hop_units_of(hop_factor);
    r.min_tie_warmth = min_tie_warmth;
    const auto n = static_cast<std::size_t>(num_vertices(g));
    if (n >= std::numeric_limits<std::uint32_t>::max())
        throw invalid_argument(std::string(fn) + ": " + std::to_string(n) + " vertices, at most 2^32 - 2 supported");
    r.verts.resize(n);
    auto range = vertices(g);
    for (auto it = range.first; it != range.second; ++it) {
        const auto i = static_cast<std::size_t>(get(idx, *it));
        if (i >= n)
            throw invalid_argument(std::string(fn) + ": vertex index " + std::to_string(i) + " is outside [0, " +
                                   std::to_string(n) + ")");
        r.verts[i] = *it;
    }
    for (const auto& v : excluded) {
        const auto i = static_cast<std::size_t>(get(idx, v));
        if (i >= n) continue;
        if (r.excluded.empty()) r.excluded.assign(n, 0);
        r.excluded[i] = 1;
    }
    return r;
}

} // namespace detail
} // namespace kith
