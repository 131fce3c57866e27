// kith/suggest/ties_to_grow.hpp -- which of my ties, grown strong, would bring my goals closest.
//
// Design decisions: path warmth is the same as in kith/paths (product of tie warmths times
// `hop_factor` per hop, searched as a shortest path on integer cost units: stored tie cost +
// round(-ln hop_factor x 2048) per hop), so the numbers agree with `find_warm_path`. A goal is a
// set of people (one person, or everyone at an organisation). Every warmest path from me leaves
// through one of my contacts c, so best(goal) = min over c of cost(me, c) + D_goal(c), where
// D_goal(c) is c's distance to the goal in the graph without me. Growing my tie with c to the
// target warmth only changes the first hop: best'(goal) = min(best(goal), target_cost + D_goal(c)).
// So one reverse search from each goal (multi-source, over the ties I may see, never through me)
// gives the exact gain of *every* candidate at once; there is no search per candidate. The
// current best(goal) comes from kith/paths' bidirectional search, and bounds the reverse search:
// only contacts with target_cost + D_goal(c) < best(goal) can gain, so the search stops at that
// radius (it covers the whole reachable graph only for a goal I cannot reach now). Score =
// sum over goals of the rise in best path warmth; ties broken by person id. "Opens" counts the
// goals whose warmest path improves. Hop caps stay exact: D is then the best cost with at most
// max_hops - 1 hops (layered relaxation). For the returned contacts only, a search bounded by the
// reach warmth counts the people who come within reach (best path warmth >= reach_warmth) that
// were not before. Private ties of others and excluded people are never used (excluded people
// are also dropped from goals).
// Two tiers, one core: the snapshot tier, and a generic tier on any Boost.Graph graph
// (IncidenceGraph + VertexListGraph + vertex index map) with a warmth (or cost-unit) map, an
// evidence map for the last interaction, and an arc filter for visibility. Both run the same
// searches on integer cost units (kith/metrics/detail/search.hpp, kith/paths), so they agree
// exactly on the same ties; ties in the ranking go by vertex index (on a snapshot, person id).
#pragma once

#include <kith/core/error.hpp>
#include <kith/core/ids.hpp>
#include <kith/core/types.hpp>
#include <kith/snapshot.hpp>
#include <kith/metrics/detail/search.hpp>
#include <kith/paths/warm_path.hpp>

#include <boost/graph/graph_traits.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kith {

/// Something I want to reach: a named set of people (a person, or everyone at an organisation).
/// `Vertex` is `person_id` on a snapshot (`growth_goal`) and the vertex descriptor in the generic tier.
template <class Vertex>
struct basic_growth_goal {
    std::string name{};
    std::vector<Vertex> people{};
    friend bool operator==(const basic_growth_goal& x, const basic_growth_goal& y) { return x.name == y.name && x.people == y.people; }
    friend bool operator!=(const basic_growth_goal& x, const basic_growth_goal& y) { return !(x == y); }
};

/// A goal on a snapshot, with person ids.
using growth_goal = basic_growth_goal<person_id>;

/// A goal for one person (named after them). Throws: `unknown_person`. O(1).
inline growth_goal goal_person(const snapshot& s, person_id p) {
    const auto v = s.find_vertex(p);
    if (!v) throw unknown_person("goal_person: unknown person id " + std::to_string(p.value()));
    return growth_goal{s.person_at(*v).name, {p}};
}

/// A goal for everyone at organisation `name`. Throws: `invalid_argument` (no such organisation).
/// O(organisations + members).
inline growth_goal goal_organization(const snapshot& s, std::string_view name) {
    const auto o = s.find_organization(name);
    if (!o) throw invalid_argument("goal_organization: no organisation is named '" + std::string(name) + "'");
    growth_goal g{std::string(name), {}};
    for (auto v : s.organization_members(*o)) g.people.push_back(s.id_of(v));
    return g;
}

/// Options of `suggest_ties_to_grow`. `Vertex` is `person_id` on a snapshot
/// (`ties_to_grow_options`) and the vertex descriptor in the generic tier.
template <class Vertex>
struct basic_ties_to_grow_options {
    std::size_t k = 10;
    /// The warmth a tie is imagined to reach: 0.8, a strong tie (tier strong >= 0.7), what a
    /// monthly coffee for a year gives under the default strength model. In (0,1].
    double target_warmth = 0.8;
    /// Per-hop factor, as in kith/paths (default 0.8). In (0,1].
    double hop_factor = 0.8;
    /// At most this many hops per path (nullopt: no limit). Exact.
    std::optional<std::size_t> max_hops{};
    /// Ties colder than this are not used. In [0,1].
    double min_tie_warmth = 0.0;
    /// People never used, never suggested, and dropped from goals.
    std::vector<Vertex> excluded{};
    /// "Within reach": best path warmth at least this. In (0,1]. Default 0.25.
    double reach_warmth = 0.25;
};

/// Options on a snapshot, with person ids.
using ties_to_grow_options = basic_ties_to_grow_options<person_id>;

/// The gain on one goal.
struct goal_gain {
    std::size_t goal = 0;           ///< index into the goals passed in
    double warmth_before = 0;       ///< best path warmth now (0: unreachable)
    double warmth_after = 0;        ///< once the tie has grown
    friend bool operator==(const goal_gain& x, const goal_gain& y) {
        return x.goal == y.goal && x.warmth_before == y.warmth_before && x.warmth_after == y.warmth_after;
    }
    friend bool operator!=(const goal_gain& x, const goal_gain& y) { return !(x == y); }
};

/// One tie worth growing. `Vertex` is `person_id` on a snapshot (`tie_growth`).
template <class Vertex>
struct basic_tie_growth {
    Vertex contact{};
    double warmth = 0;  ///< the tie's stored warmth now
    kith::tier tier = kith::tier::weak;
    std::optional<timestamp> last_interaction{};
    std::optional<kith::channel> last_channel{};
    double score = 0;               ///< sum over goals of (warmth_after - warmth_before)
    std::size_t goals_opened = 0;   ///< goals whose warmest path improves
    std::vector<goal_gain> gains{}; ///< the improved goals, by goal index
    std::size_t new_in_reach = 0;   ///< people newly within reach_warmth
    friend bool operator==(const basic_tie_growth& x, const basic_tie_growth& y) {
        return x.contact == y.contact && x.warmth == y.warmth && x.tier == y.tier &&
               x.last_interaction == y.last_interaction && x.last_channel == y.last_channel && x.score == y.score &&
               x.goals_opened == y.goals_opened && x.gains == y.gains && x.new_in_reach == y.new_in_reach;
    }
    friend bool operator!=(const basic_tie_growth& x, const basic_tie_growth& y) { return !(x == y); }
};

/// A tie to grow on a snapshot, with person ids.
using tie_growth = basic_tie_growth<person_id>;

namespace detail {

inline double units_to_warmth(std::uint64_t c) {
    return c == unreachable ? 0.0 : std::exp(-static_cast<double>(c) / snapshot::cost_scale);
}

/// One of my usable ties: the contact's index, its cost units, its evidence (may be null).
struct grow_tie {
    std::uint32_t contact = 0;
    std::uint64_t cost = 0;
    const tie_evidence* ev = nullptr;
};

/// What the core needs besides the arcs (validated by the tier).
struct grow_params {
    std::size_t k = 10;
    std::uint64_t grown = 0;   // target warmth in cost units
    std::uint64_t hop = 0;     // hop cost units
    std::size_t budget = no_hop_limit;  // max_hops - 1, or no limit
    std::uint64_t reach_radius = 0;
};

inline void check_grow_options(const char* fn, double target_warmth, double reach_warmth) {
    if (!(target_warmth > 0.0 && target_warmth <= 1.0))
        throw invalid_argument(std::string(fn) + ": target_warmth " + std::to_string(target_warmth) + " is outside (0,1]");
    if (!(reach_warmth > 0.0 && reach_warmth <= 1.0))
        throw invalid_argument(std::string(fn) + ": reach_warmth " + std::to_string(reach_warmth) + " is outside (0,1]");
}

/// The shared core. `mine` sorted by contact; `targets[j]` the usable people of goal j;
/// `best_path(targets_j)` the best path cost from me to any of them (kith/paths, integer units),
/// or `unreachable`. Results keep vertex indices in `contact`.
template <class Arcs, class BestPath>
std::vector<basic_tie_growth<std::uint32_t>> ties_to_grow_core(const Arcs& arcs, std::size_t n, std::uint32_t me,
                                                               const std::vector<grow_tie>& mine,
                                                               const std::vector<std::vector<std::uint32_t>>& targets,
                                                               BestPath&& best_path, const grow_params& p) {
    const std::uint64_t grown = p.grown, h = p.hop;
    bounded_search search(n);
    std::vector<std::vector<std::uint64_t>> dist(targets.size(), std::vector<std::uint64_t>(mine.size(), unreachable));
    std::vector<std::uint64_t> best(targets.size(), unreachable);
    for (std::size_t j = 0; j < targets.size(); ++j) {
        std::vector<std::pair<std::uint32_t, std::uint64_t>> src;
        bool reached_already = false;
        for (std::uint32_t t : targets[j]) {
            if (t == me) reached_already = true;
            src.emplace_back(t, 0);
        }
        if (reached_already || src.empty()) continue;
        best[j] = best_path(targets[j]);
        std::uint64_t radius = unreachable - 1;
        if (best[j] != unreachable) {
            if (best[j] <= grown + h) continue;  // no grown first hop can beat it
            radius = best[j] - grown - h - 1;
        }
        const auto d = search.run(arcs, src, me, radius, p.budget);
        for (std::size_t i = 0; i < mine.size(); ++i) {
            auto it = std::lower_bound(d.begin(), d.end(), std::make_pair(mine[i].contact, std::uint64_t{0}));
            if (it != d.end() && it->first == mine[i].contact) dist[j][i] = it->second;
        }
    }
    std::vector<basic_tie_growth<std::uint32_t>> out;
    for (std::size_t i = 0; i < mine.size(); ++i) {
        const std::uint64_t first = std::min<std::uint64_t>(mine[i].cost, grown);
        if (first >= mine[i].cost) continue;  // already at least as warm as the target
        basic_tie_growth<std::uint32_t> g;
        for (std::size_t j = 0; j < targets.size(); ++j) {
            if (dist[j][i] == unreachable) continue;
            const std::uint64_t now_cost = first + h + dist[j][i];
            if (now_cost >= best[j]) continue;
            const double before = units_to_warmth(best[j]), after = units_to_warmth(now_cost);
            g.gains.push_back(goal_gain{j, before, after});
            g.score += after - before;
        }
        if (g.gains.empty()) continue;
        g.goals_opened = g.gains.size();
        g.contact = mine[i].contact;
        g.warmth = snapshot::cost_to_warmth(static_cast<double>(mine[i].cost));
        g.tier = tier_of(g.warmth);
        if (const tie_evidence* ev = mine[i].ev) {
            g.last_interaction = ev->last;
            g.last_channel = ev->last_channel;
        }
        out.push_back(std::move(g));
    }
    std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) {
        return x.score != y.score ? x.score > y.score : x.contact < y.contact;
    });
    if (out.size() > p.k) out.resize(p.k);
    if (out.empty()) return out;
    // Reach: who is within reach now, and who comes within reach through the grown tie.
    const std::uint64_t radius = p.reach_radius;
    std::vector<std::pair<std::uint32_t, std::uint64_t>> from_me;
    for (const auto& t : mine) from_me.emplace_back(t.contact, t.cost + h);
    const auto reach_now = search.run(arcs, from_me, me, radius, p.budget);
    std::vector<std::uint32_t> within;
    for (const auto& [v, c] : reach_now)
        if (v != me) within.push_back(v);
    for (auto& g : out) {
        const std::uint64_t start = grown + h;
        if (start > radius) continue;
        const auto via = search.run(arcs, {{g.contact, start}}, me, radius, p.budget);
        for (const auto& [v, cost] : via)
            if (v != me && !std::binary_search(within.begin(), within.end(), v)) ++g.new_in_reach;
    }
    return out;
}

template <class Vertex, class F>
std::vector<basic_tie_growth<Vertex>> relabel_growth(std::vector<basic_tie_growth<std::uint32_t>>&& in, F&& to) {
    std::vector<basic_tie_growth<Vertex>> out;
    out.reserve(in.size());
    for (auto& g : in)
        out.push_back({to(g.contact), g.warmth, g.tier, g.last_interaction, g.last_channel, g.score, g.goals_opened,
                       std::move(g.gains), g.new_in_reach});
    return out;
}

} // namespace detail

/// The k ties of `me` that, grown to `opt.target_warmth`, would raise the best path warmth to
/// `goals` the most; explained with the goals they open and the people they bring within reach.
/// Complexity: per goal, one `find_warm_path` plus one reverse search bounded by the current best
/// path cost minus the grown tie's cost (O((m' + n') log n') for the m' ties within that radius;
/// the whole reachable graph for an unreachable goal; O(H m') with max_hops = H), plus
/// O(deg(me) x goals), plus one reach-bounded search per result.
/// Returns: contacts with a positive gain, by score descending then person id; empty when no goal
/// can gain. Exact with respect to the stored (quantised) warmths: equal to recomputing the
/// warmest paths (kith/paths) after growing each tie.
/// Throws: `unknown_person` (me, or a goal person not in the snapshot), `invalid_argument`
/// (target_warmth or reach_warmth outside (0,1], hop_factor outside (0,1], min_tie_warmth outside
/// [0,1]).
inline std::vector<tie_growth> suggest_ties_to_grow(const snapshot& s, person_id me, const std::vector<growth_goal>& goals,
                                                    const ties_to_grow_options& opt = {}) {
    constexpr const char* fn = "suggest_ties_to_grow";
    using vtx = snapshot::vertex_type;
    const auto mv = s.find_vertex(me);
    if (!mv) throw unknown_person(std::string(fn) + ": unknown person id " + std::to_string(me.value()));
    detail::check_grow_options(fn, opt.target_warmth, opt.reach_warmth);
    const detail::search_rules rules =
        detail::make_rules(s, fn, *mv, opt.excluded, opt.hop_factor, opt.min_tie_warmth, opt.max_hops);
    std::vector<std::vector<vtx>> targets(goals.size());
    for (std::size_t j = 0; j < goals.size(); ++j)
        for (person_id p : goals[j].people) {
            const auto v = s.find_vertex(p);
            if (!v) throw unknown_person(std::string(fn) + ": goal '" + goals[j].name + "' names unknown person id " +
                                         std::to_string(p.value()));
            if (!rules.is_excluded(*v)) targets[j].push_back(*v);
        }
    if (opt.k == 0 || rules.is_excluded(*mv)) return {};
    if (opt.max_hops && *opt.max_hops == 0) return {};
    std::vector<detail::grow_tie> mine;
    for (auto a = s.arc_begin(*mv), e = s.arc_end(*mv); a != e; ++a)
        if (rules.usable(a) && s.arc_target(a) != *mv)
            mine.push_back({s.arc_target(a), s.arc_cost(a), s.evidence(*mv, s.arc_target(a))});
    std::sort(mine.begin(), mine.end(), [](const auto& x, const auto& y) { return x.contact < y.contact; });
    path_options po;
    po.asker = me;
    po.hop_factor = opt.hop_factor;
    po.max_hops = opt.max_hops;
    po.min_tie_warmth = opt.min_tie_warmth;
    for (person_id p : opt.excluded)
        if (s.find_vertex(p)) po.avoid.push_back(p);
    auto best_path = [&](const std::vector<vtx>& to) {
        std::vector<person_id> ids;
        for (vtx t : to) ids.push_back(s.id_of(t));
        const auto p = find_warm_path(s, {me}, ids, po);
        return p ? p->cost_units : detail::unreachable;
    };
    detail::grow_params gp;
    gp.k = opt.k;
    gp.grown = snapshot::warmth_to_cost(opt.target_warmth);
    gp.hop = rules.hop_units;
    gp.budget = opt.max_hops ? *opt.max_hops - 1 : detail::no_hop_limit;
    gp.reach_radius = snapshot::warmth_to_cost(opt.reach_warmth);
    return detail::relabel_growth<person_id>(detail::ties_to_grow_core(rules, s.num_people(), *mv, mine, targets, best_path, gp),
                                             [&](vtx v) { return s.id_of(v); });
}

/// The ties to grow on any Boost.Graph IncidenceGraph + VertexListGraph (generic tier).
/// `warmth` is a readable edge map: floating warmths in (0,1] (quantised like a snapshot's:
/// round(-ln w x 2048) units) or integral cost units (e.g. a snapshot's `cost_units_map()`).
/// `evidence` is a readable edge map giving `const tie_evidence*` (nullptr: none; it only fills
/// `last_interaction` and `last_channel`; `boost::make_static_property_map<Edge, const
/// tie_evidence*>(nullptr)` when there is none). `idx` maps vertices onto [0, num_vertices(g));
/// `usable(e)` says whether an edge may be used (visibility). The graph must be symmetric (each
/// tie an out-edge at both ends), without parallel edges or self-loops.
/// Complexity: O(V) setup, then as the snapshot tier (one-way best-path search instead of the
/// bidirectional one). Returns: as the snapshot tier, ties by vertex index. Exact; equal to the
/// snapshot tier on the same ties and cost units.
/// Throws: `invalid_argument` (options as the snapshot tier, a vertex index out of range),
/// `invalid_tie` (a warmth outside (0,1] or a negative cost).
template <class Graph, class WarmthMap, class EvidenceMap, class IndexMap, class ArcFilter = all_arcs>
std::vector<basic_tie_growth<typename boost::graph_traits<Graph>::vertex_descriptor>>
suggest_ties_to_grow(const Graph& g, typename boost::graph_traits<Graph>::vertex_descriptor me,
                     const std::vector<basic_growth_goal<typename boost::graph_traits<Graph>::vertex_descriptor>>& goals,
                     WarmthMap warmth, EvidenceMap evidence, IndexMap idx,
                     const basic_ties_to_grow_options<typename boost::graph_traits<Graph>::vertex_descriptor>& opt = {},
                     ArcFilter usable = {}) {
    using boost::get;
    using V = typename boost::graph_traits<Graph>::vertex_descriptor;
    constexpr const char* fn = "suggest_ties_to_grow";
    detail::check_grow_options(fn, opt.target_warmth, opt.reach_warmth);
    const auto arcs = detail::make_generic_arcs(g, fn, warmth, idx, usable, opt.excluded, opt.hop_factor, opt.min_tie_warmth);
    const std::size_t n = arcs.verts.size();
    auto index_of = [&](const V& v, const char* role) {
        const std::uint32_t i = arcs.index_of(v);
        if (i >= n)
            throw invalid_argument(std::string(fn) + ": " + role + " vertex index " + std::to_string(i) + " is outside [0, " +
                                   std::to_string(n) + ")");
        return i;
    };
    const std::uint32_t mv = index_of(me, "me");
    std::vector<std::vector<std::uint32_t>> targets(goals.size());
    for (std::size_t j = 0; j < goals.size(); ++j)
        for (const V& p : goals[j].people) {
            const std::uint32_t v = index_of(p, "goal");
            if (!arcs.is_excluded(v)) targets[j].push_back(v);
        }
    if (opt.k == 0 || arcs.is_excluded(mv)) return {};
    if (opt.max_hops && *opt.max_hops == 0) return {};
    std::vector<detail::grow_tie> mine;
    auto range = out_edges(me, g);
    for (auto it = range.first; it != range.second; ++it) {
        if (!usable(*it)) continue;
        const std::uint32_t c = arcs.index_of(target(*it, g));
        if (c == mv || arcs.is_excluded(c)) continue;
        const std::uint64_t units = get(arcs.units, *it);
        if (opt.min_tie_warmth > 0 && snapshot::cost_to_warmth(static_cast<double>(units)) < opt.min_tie_warmth) continue;
        mine.push_back({c, units, get(evidence, *it)});
    }
    std::sort(mine.begin(), mine.end(), [](const auto& x, const auto& y) { return x.contact < y.contact; });
    basic_path_options<V> po;
    po.hop_factor = opt.hop_factor;
    po.max_hops = opt.max_hops;
    po.min_tie_warmth = opt.min_tie_warmth;
    for (const V& p : opt.excluded)
        if (arcs.index_of(p) < n) po.avoid.push_back(p);
    auto best_path = [&](const std::vector<std::uint32_t>& to) {
        std::vector<V> tv;
        for (std::uint32_t t : to) tv.push_back(arcs.verts[t]);
        const auto p = find_warm_path(g, std::vector<V>{me}, tv, arcs.units, idx, po, usable);
        return p ? p->cost_units : detail::unreachable;
    };
    detail::grow_params gp;
    gp.k = opt.k;
    gp.grown = snapshot::warmth_to_cost(opt.target_warmth);
    gp.hop = arcs.hop_units;
    gp.budget = opt.max_hops ? *opt.max_hops - 1 : detail::no_hop_limit;
    gp.reach_radius = snapshot::warmth_to_cost(opt.reach_warmth);
    return detail::relabel_growth<V>(detail::ties_to_grow_core(arcs, n, mv, mine, targets, best_path, gp),
                                     [&](std::uint32_t v) { return arcs.verts[v]; });
}

} // namespace kith
