// kith/suggest/bridges.hpp -- people who would connect me to circles I do not reach.
//
// Design decisions: a circle is an organisation or a group (community). I reach a circle when I
// belong to it or one of my contacts (over ties I may see) does. A bridge is a friend of a friend
// who belongs to at least one circle I do not reach; meeting them (a new tie of warmth
// `new_tie_warmth`, introduced by our strongest mutual contact) opens those circles. Burt's
// argument is that such ties span structural holes, so bridges are ranked by how much the new
// tie would lower my constraint (then raise my effective size, then person id), computed
// exactly with the NetworkX definitions of kith/metrics/brokerage.hpp on the graph with the tie
// added (warmth as weight, ties I may see). Cost: one two-hop pass to find candidates, then
// O(sum of my contacts' degrees + the candidate's degree) per candidate. Private ties of others
// and excluded people are never used (not as introducers, not in the constraint).
// Two tiers, one core: the snapshot tier (circles = the snapshot's organisations and groups) and a
// generic tier on any Boost.Graph graph (IncidenceGraph + VertexListGraph + vertex index map) with
// a warmth (or cost-unit) map, a circle map (vertex -> its circles) and an arc filter for
// visibility. Warmths are the stored (quantised) ones in both, neighbour lists are summed in
// vertex order, so both tiers agree exactly on the same ties; ties in the ranking go by vertex
// index (on a snapshot, person id).
#pragma once

#include <kith/core/error.hpp>
#include <kith/core/ids.hpp>
#include <kith/metrics/brokerage.hpp>
#include <kith/metrics/health.hpp>  // circle
#include <kith/metrics/detail/search.hpp>
#include <kith/paths/warm_path.hpp>  // all_arcs, the generic tier's default arc filter
#include <kith/snapshot.hpp>

#include <boost/graph/graph_traits.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kith {

/// Options of `suggest_bridges`. `Vertex` is `person_id` on a snapshot (`bridges_options`) and the
/// vertex descriptor in the generic tier.
template <class Vertex>
struct basic_bridges_options {
    std::size_t k = 10;
    /// Warmth of the imagined new tie, in (0,1]. Default 0.4 (an occasional tie).
    double new_tie_warmth = 0.4;
    /// People never suggested, never used as introducers, absent from the constraint.
    std::vector<Vertex> excluded{};
};

/// Options on a snapshot, with person ids.
using bridges_options = basic_bridges_options<person_id>;

/// One bridge to meet. `Vertex` is `person_id` on a snapshot (`bridge_suggestion`).
template <class Vertex>
struct basic_bridge_suggestion {
    Vertex who{};
    std::vector<circle> opens{};     ///< circles they belong to that I do not reach (orgs first, by name)
    Vertex introducer{};             ///< strongest mutual contact (product of the two warmths, then id)
    double constraint_before = 0;
    double constraint_after = 0;
    double effective_size_before = 0;
    double effective_size_after = 0;
    friend bool operator==(const basic_bridge_suggestion& x, const basic_bridge_suggestion& y) {
        return x.who == y.who && x.opens == y.opens && x.introducer == y.introducer &&
               x.constraint_before == y.constraint_before && x.constraint_after == y.constraint_after &&
               x.effective_size_before == y.effective_size_before && x.effective_size_after == y.effective_size_after;
    }
    friend bool operator!=(const basic_bridge_suggestion& x, const basic_bridge_suggestion& y) { return !(x == y); }
};

/// A bridge on a snapshot, with person ids.
using bridge_suggestion = basic_bridge_suggestion<person_id>;

namespace detail {

/// The shared core. `nbrs(v, out)` appends v's usable neighbours (vertex index, stored warmth),
/// nothing for an excluded v; `is_contact(x)`: I have any tie with x (seen or not), or x is me;
/// `circles_of(v, out)` appends v's circle ids; `describe(id)` names a circle. `w_new` is the
/// new tie's weight. Neighbour lists are sorted by vertex before summing, so the figures do not
/// depend on the storage order. Results keep vertex indices.
template <class Nbrs, class IsContact, class CirclesOf, class Describe>
std::vector<basic_bridge_suggestion<std::uint32_t>> bridges_core(std::size_t n, std::uint32_t me, Nbrs&& nbrs_raw,
                                                                 IsContact&& is_contact, CirclesOf&& circles_of,
                                                                 Describe&& describe, double w_new, std::size_t k) {
    using vtx = std::uint32_t;
    auto nbrs = [&](std::size_t v, std::vector<weighted_neighbour>& o) {
        const std::size_t from = o.size();
        nbrs_raw(v, o);
        std::sort(o.begin() + static_cast<std::ptrdiff_t>(from), o.end(),
                  [](const weighted_neighbour& x, const weighted_neighbour& y) { return x.v < y.v; });
    };
    std::vector<basic_bridge_suggestion<vtx>> out;
    std::vector<double> my_w(n, 0.0);
    std::vector<char> reached;  // by circle id
    std::vector<std::uint32_t> cs;
    auto reach = [&](std::size_t v) {
        cs.clear();
        circles_of(v, cs);
        for (auto c : cs) {
            if (c >= reached.size()) reached.resize(c + 1, 0);
            reached[c] = 1;
        }
    };
    reach(me);
    std::vector<weighted_neighbour> mine;
    nbrs(me, mine);
    for (const auto& x : mine) {
        my_w[x.v] = x.w;
        reach(x.v);
    }
    // Candidates: friends of friends with an unreached circle; their strongest introducer.
    std::vector<vtx> cand;
    std::vector<double> best_intro(n, -1.0);
    std::vector<vtx> intro(n, std::numeric_limits<vtx>::max());
    std::vector<weighted_neighbour> nz;
    for (const auto& z : mine) {
        nz.clear();
        nbrs(z.v, nz);
        for (const auto& y : nz) {
            const auto x = static_cast<vtx>(y.v);
            if (is_contact(x)) continue;
            const double p = my_w[z.v] * y.w;
            if (best_intro[x] < 0) cand.push_back(x);
            if (p > best_intro[x] || (p == best_intro[x] && z.v < intro[x])) {
                best_intro[x] = p;
                intro[x] = static_cast<vtx>(z.v);
            }
        }
    }
    std::sort(cand.begin(), cand.end());
    std::vector<std::size_t> slot(n, std::numeric_limits<std::size_t>::max());
    const auto before = brokerage_one(me, nbrs, slot);
    for (vtx x : cand) {
        basic_bridge_suggestion<vtx> b;
        cs.clear();
        circles_of(x, cs);
        for (auto c : cs)
            if (c >= reached.size() || !reached[c]) b.opens.push_back(describe(c));
        if (b.opens.empty()) continue;
        std::sort(b.opens.begin(), b.opens.end());
        auto with_tie = [&](std::size_t v, std::vector<weighted_neighbour>& o) {
            nbrs(v, o);  // the new tie last, so that equally placed candidates tie exactly
            if (v == me) o.push_back({x, w_new});
            if (v == x) o.push_back({me, w_new});
        };
        const auto after = brokerage_one(me, with_tie, slot);
        b.who = x;
        b.introducer = intro[x];
        b.constraint_before = before ? before->constraint : 0.0;
        b.effective_size_before = before ? before->effective_size : 0.0;
        b.constraint_after = after->constraint;
        b.effective_size_after = after->effective_size;
        out.push_back(std::move(b));
    }
    std::sort(out.begin(), out.end(), [](const auto& p, const auto& q) {
        const double dp = p.constraint_before - p.constraint_after, dq = q.constraint_before - q.constraint_after;
        if (dp != dq) return dp > dq;
        const double ep = p.effective_size_after - p.effective_size_before, eq = q.effective_size_after - q.effective_size_before;
        if (ep != eq) return ep > eq;
        return p.who < q.who;
    });
    if (out.size() > k) out.resize(k);
    return out;
}

template <class Vertex, class F>
std::vector<basic_bridge_suggestion<Vertex>> relabel_bridges(std::vector<basic_bridge_suggestion<std::uint32_t>>&& in, F&& to) {
    std::vector<basic_bridge_suggestion<Vertex>> out;
    out.reserve(in.size());
    for (auto& b : in)
        out.push_back({to(b.who), std::move(b.opens), to(b.introducer), b.constraint_before, b.constraint_after,
                       b.effective_size_before, b.effective_size_after});
    return out;
}

inline void check_bridges_options(const char* fn, double new_tie_warmth) {
    if (!(new_tie_warmth > 0.0 && new_tie_warmth <= 1.0))
        throw invalid_argument(std::string(fn) + ": new_tie_warmth " + std::to_string(new_tie_warmth) + " is outside (0,1]");
}

} // namespace detail

/// Friends of friends in circles I do not reach, ranked by the drop in my Burt constraint.
/// Complexity: O(sum of my contacts' degrees x log) to find candidates, plus
/// O(sum of my contacts' degrees x log + deg(x)) per candidate x. Returns: at most k bridges (empty
/// when every circle around me is reached). Exact (floating point).
/// Throws: `unknown_person` (me), `invalid_argument` (new_tie_warmth outside (0,1]).
inline std::vector<bridge_suggestion> suggest_bridges(const snapshot& s, person_id me, const bridges_options& opt = {}) {
    constexpr const char* fn = "suggest_bridges";
    using vtx = snapshot::vertex_type;
    const auto mv = s.find_vertex(me);
    if (!mv) throw unknown_person(std::string(fn) + ": unknown person id " + std::to_string(me.value()));
    detail::check_bridges_options(fn, opt.new_tie_warmth);
    brokerage_options bo;
    bo.asker = me;
    bo.excluded = opt.excluded;
    const detail::brokerage_filter f(s, bo);
    if (opt.k == 0 || f.is_excluded(*mv)) return {};
    const std::size_t n = s.num_people();
    std::vector<char> contact(n, 0);
    contact[*mv] = 1;
    for (auto a = s.arc_begin(*mv), e = s.arc_end(*mv); a != e; ++a) contact[s.arc_target(a)] = 1;
    const auto orgs = static_cast<std::uint32_t>(s.organization_count());
    auto circles_of = [&](std::size_t v, std::vector<std::uint32_t>& o) {
        if (auto org = s.organization_of(static_cast<vtx>(v))) o.push_back(*org);
        for (auto g : s.groups_of(static_cast<vtx>(v))) o.push_back(orgs + g);
    };
    auto describe = [&](std::uint32_t c) {
        return c < orgs ? circle{circle::kind::organization, s.organization_name(c)}
                        : circle{circle::kind::group, s.group_at(c - orgs).name};
    };
    const double w_new = snapshot::cost_to_warmth(snapshot::warmth_to_cost(opt.new_tie_warmth));
    auto r = detail::bridges_core(
        n, *mv, [&](std::size_t v, std::vector<detail::weighted_neighbour>& o) { f.neighbours(v, o); },
        [&](vtx x) { return contact[x] != 0; }, circles_of, describe, w_new, opt.k);
    return detail::relabel_bridges<person_id>(std::move(r), [&](vtx v) { return s.id_of(v); });
}

/// Bridges on any Boost.Graph IncidenceGraph + VertexListGraph (generic tier).
/// `warmth` is a readable edge map: floating warmths in (0,1] or integral cost units, used as
/// the stored warmth exp(-units / 2048) of a snapshot (floating warmths are quantised the same
/// way). `circles` is a readable vertex map whose value is a range of `circle` (the person's
/// organisations and groups; a circle is identified by kind and name). `idx` maps vertices onto
/// [0, num_vertices(g)); `usable(e)` says whether an edge may be used (visibility; a filtered-out
/// tie of mine still makes that person a contact, never a bridge). The graph must be symmetric
/// (each tie an out-edge at both ends), without parallel edges or self-loops.
/// Complexity: O(V + circles) setup, then as the snapshot tier. Returns: as the snapshot tier,
/// ties by vertex index. Exact (floating point); equal to the snapshot tier on the same ties,
/// cost units and circles.
/// Throws: `invalid_argument` (new_tie_warmth outside (0,1], a vertex index out of range),
/// `invalid_tie` (a warmth outside (0,1] or a negative cost).
template <class Graph, class WarmthMap, class CircleMap, class IndexMap, class ArcFilter = all_arcs>
std::vector<basic_bridge_suggestion<typename boost::graph_traits<Graph>::vertex_descriptor>>
suggest_bridges(const Graph& g, typename boost::graph_traits<Graph>::vertex_descriptor me, WarmthMap warmth,
                CircleMap circles, IndexMap idx,
                const basic_bridges_options<typename boost::graph_traits<Graph>::vertex_descriptor>& opt = {},
                ArcFilter usable = {}) {
    using boost::get;
    using V = typename boost::graph_traits<Graph>::vertex_descriptor;
    constexpr const char* fn = "suggest_bridges";
    detail::check_bridges_options(fn, opt.new_tie_warmth);
    const auto arcs = detail::make_generic_arcs(g, fn, warmth, idx, usable, opt.excluded, 1.0, 0.0);
    const std::size_t n = arcs.verts.size();
    const std::uint32_t mv = arcs.index_of(me);
    if (mv >= n)
        throw invalid_argument(std::string(fn) + ": vertex index " + std::to_string(mv) + " of me is out of range");
    if (opt.k == 0 || arcs.is_excluded(mv)) return {};
    std::vector<char> contact(n, 0);
    contact[mv] = 1;
    {
        auto range = out_edges(me, g);
        for (auto it = range.first; it != range.second; ++it) contact[arcs.index_of(target(*it, g))] = 1;
    }
    std::map<circle, std::uint32_t> ids;
    std::vector<circle> names;
    auto circles_of = [&](std::size_t v, std::vector<std::uint32_t>& o) {
        const std::size_t from = o.size();
        for (const circle& c : get(circles, arcs.verts[v])) {
            auto [it, fresh] = ids.emplace(c, static_cast<std::uint32_t>(names.size()));
            if (fresh) names.push_back(c);
            o.push_back(it->second);
        }
        std::sort(o.begin() + static_cast<std::ptrdiff_t>(from), o.end());
        o.erase(std::unique(o.begin() + static_cast<std::ptrdiff_t>(from), o.end()), o.end());
    };
    auto describe = [&](std::uint32_t c) { return names[c]; };
    auto nbrs = [&](std::size_t v, std::vector<detail::weighted_neighbour>& o) {
        if (arcs.is_excluded(static_cast<std::uint32_t>(v))) return;
        arcs.for_each_arc(static_cast<std::uint32_t>(v), [&](std::uint32_t t, std::uint64_t c) {
            o.push_back({t, snapshot::cost_to_warmth(static_cast<double>(c))});
            return true;
        });
    };
    const double w_new = snapshot::cost_to_warmth(snapshot::warmth_to_cost(opt.new_tie_warmth));
    auto r = detail::bridges_core(n, mv, nbrs, [&](std::uint32_t x) { return contact[x] != 0; }, circles_of, describe,
                                  w_new, opt.k);
    return detail::relabel_bridges<V>(std::move(r), [&](std::uint32_t v) { return arcs.verts[v]; });
}

} // namespace kith
