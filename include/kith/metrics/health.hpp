// kith/metrics/health.hpp -- how healthy is my network, and how did it grow?
//
// Design decisions: one plain struct of figures a person can read, all computed on the ties the
// person may see (private ties of others and excluded people never count): contacts by warmth
// tier; reach = people whose best path warmth (as in kith/paths: product of tie warmths x
// hop_factor per hop) is at least `reach_warmth` within 2 and within 3 hops (exact hop-capped
// search); diversity = Shannon entropy in bits of my contacts' organisations and of their group
// memberships (0 when everyone is in one circle; log2(k) for k equally used circles); Burt's
// constraint and effective size (kith/metrics/brokerage.hpp, warmth-weighted); the number of
// cooling ties. Comparing two snapshots of the same network (before, after) lists new and lost
// contacts, ties that changed tier, and the change of every figure.
// Two tiers, one core: the snapshot tier, and a generic tier on any Boost.Graph graph
// (IncidenceGraph + VertexListGraph + vertex index map) with a warmth (or cost-unit) map, an
// evidence map (cooling judged at `now`), a circle map (vertex -> its organisations and groups)
// and an arc filter for visibility. Both use the stored (quantised) warmths, the same reach
// search, neighbour lists in vertex order and entropy terms in a fixed order, so they agree
// exactly on the same ties.
#pragma once

#include <kith/core/error.hpp>
#include <kith/core/ids.hpp>
#include <kith/core/types.hpp>
#include <kith/metrics/brokerage.hpp>
#include <kith/snapshot.hpp>
#include <kith/metrics/detail/search.hpp>
#include <kith/paths/warm_path.hpp>  // all_arcs, the generic tier's default arc filter

#include <boost/graph/graph_traits.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kith {

/// A circle: an organisation or a group, by name.
struct circle {
    enum class kind : std::uint8_t { organization, group };
    circle::kind type = kind::organization;
    std::string name{};
    friend bool operator==(const circle& x, const circle& y) { return x.type == y.type && x.name == y.name; }
    friend bool operator!=(const circle& x, const circle& y) { return !(x == y); }
    /// Organisations first, then by name.
    friend bool operator<(const circle& x, const circle& y) {
        return x.type != y.type ? x.type < y.type : x.name < y.name;
    }
};

/// Options of `network_health`. `Vertex` is `person_id` on a snapshot (`health_options`) and the
/// vertex descriptor in the generic tier.
template <class Vertex>
struct basic_health_options {
    /// "Within reach": best path warmth at least this, in (0,1]. Default 0.25.
    double reach_warmth = 0.25;
    /// Per-hop factor, as in kith/paths (default 0.8), in (0,1].
    double hop_factor = 0.8;
    /// People never counted or used.
    std::vector<Vertex> excluded{};
    /// Generic tier only: a tie is cooling when silent for more than this times its usual gap
    /// (the strength policy's default, 8). The snapshot tier uses the flag frozen with the
    /// snapshot's policy instead. > 0.
    double cooling_factor = 8.0;
};

/// Options on a snapshot, with person ids.
using health_options = basic_health_options<person_id>;

/// Figures about one person's network at one time.
struct network_health {
    std::size_t strong = 0, occasional = 0, weak = 0;  ///< contacts by tier
    std::size_t reach_2 = 0;  ///< people within reach in at most 2 hops (me excluded)
    std::size_t reach_3 = 0;  ///< ... in at most 3 hops
    double organization_diversity = 0;  ///< entropy (bits) of contacts' organisations (known ones)
    double community_diversity = 0;     ///< entropy (bits) of contacts' group memberships
    std::optional<double> constraint{};      ///< Burt's constraint (nullopt without contacts)
    std::optional<double> effective_size{};  ///< Burt's effective size
    std::size_t cooling = 0;                 ///< cooling ties
    std::size_t contacts() const noexcept { return strong + occasional + weak; }
    friend bool operator==(const network_health& x, const network_health& y) {
        return x.strong == y.strong && x.occasional == y.occasional && x.weak == y.weak && x.reach_2 == y.reach_2 &&
               x.reach_3 == y.reach_3 && x.organization_diversity == y.organization_diversity &&
               x.community_diversity == y.community_diversity && x.constraint == y.constraint &&
               x.effective_size == y.effective_size && x.cooling == y.cooling;
    }
    friend bool operator!=(const network_health& x, const network_health& y) { return !(x == y); }
};

/// A tie whose tier changed between two snapshots.
struct tier_change {
    person_id contact{};
    kith::tier before = kith::tier::weak;
    kith::tier after = kith::tier::weak;
    friend bool operator==(const tier_change& x, const tier_change& y) {
        return x.contact == y.contact && x.before == y.before && x.after == y.after;
    }
    friend bool operator!=(const tier_change& x, const tier_change& y) { return !(x == y); }
};

/// How one person's network changed between two snapshots.
struct network_growth {
    network_health before{};
    network_health after{};
    std::vector<person_id> new_contacts{};   ///< sorted
    std::vector<person_id> lost_contacts{};  ///< sorted
    std::vector<tier_change> warmer{};       ///< tier went up, by person id
    std::vector<tier_change> cooler{};       ///< tier went down, by person id
    friend bool operator==(const network_growth& x, const network_growth& y) {
        return x.before == y.before && x.after == y.after && x.new_contacts == y.new_contacts &&
               x.lost_contacts == y.lost_contacts && x.warmer == y.warmer && x.cooler == y.cooler;
    }
    friend bool operator!=(const network_growth& x, const network_growth& y) { return !(x == y); }
};

namespace detail {

inline double entropy_bits(const std::map<std::uint32_t, double>& counts) {
    double total = 0, h = 0;
    for (const auto& [k, c] : counts) total += c;
    if (total <= 0) return 0.0;
    for (const auto& [k, c] : counts)
        if (c > 0) h -= (c / total) * std::log2(c / total);
    return h;
}

/// My visible, usable contacts with their stored warmth, sorted by vertex.
inline std::vector<std::pair<snapshot::vertex_type, double>> usable_contacts(const search_rules& r,
                                                                             snapshot::vertex_type me) {
    std::vector<std::pair<snapshot::vertex_type, double>> out;
    if (r.is_excluded(me)) return out;
    for (auto a = r.s->arc_begin(me), e = r.s->arc_end(me); a != e; ++a)
        if (r.usable(a)) out.emplace_back(r.s->arc_target(a), r.s->arc_warmth(a));
    std::sort(out.begin(), out.end());
    return out;
}

/// Entropy in bits of the counts, the terms summed in ascending order of count, so that the
/// figure does not depend on how the circles are numbered.
inline double entropy_bits_sorted(std::vector<double> counts) {
    std::sort(counts.begin(), counts.end());
    double total = 0, h = 0;
    for (double c : counts) total += c;
    if (total <= 0) return 0.0;
    for (double c : counts)
        if (c > 0) h -= (c / total) * std::log2(c / total);
    return h;
}

/// The shared core of both tiers. `mine`: my usable contacts (vertex, stored warmth) sorted by
/// vertex; `orgs`, `groups`: how many contacts each circle has; `nbrs(v, out)`: v's usable
/// neighbours with stored warmths (nothing for an excluded v), any order.
template <class Arcs, class Nbrs>
network_health health_core(const Arcs& arcs, std::size_t n, std::uint32_t me,
                           const std::vector<std::pair<std::uint32_t, double>>& mine, std::vector<double> orgs,
                           std::vector<double> groups, std::size_t cooling, std::uint64_t radius, Nbrs&& nbrs) {
    network_health h;
    for (const auto& [c, w] : mine) {
        switch (tier_of(w)) {
        case tier::strong: ++h.strong; break;
        case tier::occasional: ++h.occasional; break;
        case tier::weak: ++h.weak; break;
        }
    }
    h.cooling = cooling;
    h.organization_diversity = entropy_bits_sorted(std::move(orgs));
    h.community_diversity = entropy_bits_sorted(std::move(groups));
    if (mine.empty()) return h;
    bounded_search search(n);
    for (std::size_t hops : {std::size_t{2}, std::size_t{3}}) {
        const auto r = search.run(arcs, {{me, 0}}, snapshot::null_vertex, radius, hops);
        std::size_t count = 0;
        for (const auto& [v, d] : r) count += (v != me);
        (hops == 2 ? h.reach_2 : h.reach_3) = count;
    }
    // Burt's measures on neighbour lists in vertex order (the same sums in both tiers).
    auto sorted_nbrs = [&](std::size_t v, std::vector<weighted_neighbour>& o) {
        const std::size_t from = o.size();
        nbrs(v, o);
        std::sort(o.begin() + static_cast<std::ptrdiff_t>(from), o.end(),
                  [](const weighted_neighbour& x, const weighted_neighbour& y) { return x.v < y.v; });
    };
    std::vector<std::size_t> slot(n, std::numeric_limits<std::size_t>::max());
    if (auto b = brokerage_one(me, sorted_nbrs, slot)) {
        h.constraint = b->constraint;
        h.effective_size = b->effective_size;
    }
    return h;
}

inline void check_health_options(const char* fn, double reach_warmth) {
    if (!(reach_warmth > 0.0 && reach_warmth <= 1.0))
        throw invalid_argument(std::string(fn) + ": reach_warmth " + std::to_string(reach_warmth) + " is outside (0,1]");
}

} // namespace detail

/// The health of `me`'s network on snapshot `s`.
/// Complexity: O(sum of my contacts' degrees x log) for brokerage, plus two hop-capped searches
/// bounded by the reach radius (O(3 m') for the m' ties they touch), plus O(deg(me) log T) for
/// cooling. Exact. Throws: `unknown_person` (me), `invalid_argument` (reach_warmth or hop_factor
/// outside (0,1]).
inline network_health health_of(const snapshot& s, person_id me, const health_options& opt = {}) {
    constexpr const char* fn = "network_health";
    const auto mv = s.find_vertex(me);
    if (!mv) throw unknown_person(std::string(fn) + ": unknown person id " + std::to_string(me.value()));
    detail::check_health_options(fn, opt.reach_warmth);
    const detail::search_rules rules = detail::make_rules(s, fn, *mv, opt.excluded, opt.hop_factor, 0.0, std::nullopt);
    const auto mine = detail::usable_contacts(rules, *mv);
    std::map<std::uint32_t, double> orgs, groups;
    std::size_t cooling = 0;
    for (const auto& [c, w] : mine) {
        if (auto o = s.organization_of(c)) orgs[*o] += 1;
        for (auto g : s.groups_of(c)) groups[g] += 1;
        if (const tie_evidence* ev = s.evidence(*mv, c); ev && ev->cooling) ++cooling;
    }
    auto values = [](const std::map<std::uint32_t, double>& m) {
        std::vector<double> out;
        for (const auto& [k, c] : m) out.push_back(c);
        return out;
    };
    brokerage_options bo;
    bo.asker = me;
    bo.excluded = opt.excluded;
    const detail::brokerage_filter f(s, bo);
    return detail::health_core(rules, s.num_people(), *mv, mine, values(orgs), values(groups), cooling,
                               snapshot::warmth_to_cost(opt.reach_warmth),
                               [&](std::size_t v, std::vector<detail::weighted_neighbour>& o) { f.neighbours(v, o); });
}

/// The health of `me`'s network on any Boost.Graph IncidenceGraph + VertexListGraph (generic tier).
/// `warmth` is a readable edge map: floating warmths in (0,1] (quantised like a snapshot's) or
/// integral cost units; tiers and Burt's measures use the stored warmth exp(-units / 2048).
/// `evidence` is a readable edge map giving `const tie_evidence*` (nullptr: no interactions); a
/// tie is cooling when it has `last` and `usual_gap_days` and days_between(last, now) >
/// opt.cooling_factor x usual gap. `circles` is a readable vertex map whose value is a range of
/// `circle` (organisations feed the organisation diversity, groups the community diversity).
/// `idx` maps vertices onto [0, num_vertices(g)); `usable(e)` says whether an edge may be used
/// (visibility). The graph must be symmetric (each tie an out-edge at both ends), without
/// parallel edges or self-loops.
/// Complexity: O(V) setup, then as the snapshot tier. Exact; equal to the snapshot tier on the
/// same ties, cost units, evidence and circles.
/// Throws: `invalid_argument` (reach_warmth or hop_factor outside (0,1], cooling_factor <= 0, a
/// vertex index out of range), `invalid_tie` (a warmth outside (0,1] or a negative cost).
template <class Graph, class WarmthMap, class EvidenceMap, class CircleMap, class IndexMap, class ArcFilter = all_arcs>
network_health health_of(const Graph& g, typename boost::graph_traits<Graph>::vertex_descriptor me, WarmthMap warmth,
                         EvidenceMap evidence, CircleMap circles, IndexMap idx, timestamp now,
                         const basic_health_options<typename boost::graph_traits<Graph>::vertex_descriptor>& opt = {},
                         ArcFilter usable = {}) {
    using boost::get;
    constexpr const char* fn = "network_health";
    detail::check_health_options(fn, opt.reach_warmth);
    if (!(opt.cooling_factor > 0.0))
        throw invalid_argument(std::string(fn) + ": cooling_factor " + std::to_string(opt.cooling_factor) + " is not > 0");
    const auto arcs = detail::make_generic_arcs(g, fn, warmth, idx, usable, opt.excluded, opt.hop_factor, 0.0);
    const std::size_t n = arcs.verts.size();
    const std::uint32_t mv = arcs.index_of(me);
    if (mv >= n) throw invalid_argument(std::string(fn) + ": vertex index " + std::to_string(mv) + " of me is out of range");
    std::vector<std::pair<std::uint32_t, double>> mine;
    std::size_t cooling = 0;
    if (!arcs.is_excluded(mv)) {
        auto range = out_edges(me, g);
        for (auto it = range.first; it != range.second; ++it) {
            if (!usable(*it)) continue;
            const std::uint32_t c = arcs.index_of(target(*it, g));
            if (arcs.is_excluded(c)) continue;
            mine.emplace_back(c, snapshot::cost_to_warmth(static_cast<double>(get(arcs.units, *it))));
            const tie_evidence* ev = get(evidence, *it);
            if (ev && ev->last && ev->usual_gap_days && days_between(*ev->last, now) > opt.cooling_factor * *ev->usual_gap_days)
                ++cooling;
        }
    }
    std::sort(mine.begin(), mine.end());
    std::map<circle, double> counts;
    for (const auto& [c, w] : mine) {
        std::vector<circle> cs;
        for (const circle& x : get(circles, arcs.verts[c])) cs.push_back(x);
        std::sort(cs.begin(), cs.end());
        cs.erase(std::unique(cs.begin(), cs.end()), cs.end());
        for (const circle& x : cs) counts[x] += 1;
    }
    std::vector<double> orgs, groups;
    for (const auto& [x, k] : counts) (x.type == circle::kind::organization ? orgs : groups).push_back(k);
    auto nbrs = [&](std::size_t v, std::vector<detail::weighted_neighbour>& o) {
        if (arcs.is_excluded(static_cast<std::uint32_t>(v))) return;
        arcs.for_each_arc(static_cast<std::uint32_t>(v), [&](std::uint32_t t, std::uint64_t c) {
            o.push_back({t, snapshot::cost_to_warmth(static_cast<double>(c - arcs.hop_units))});
            return true;
        });
    };
    return detail::health_core(arcs, n, mv, mine, std::move(orgs), std::move(groups), cooling,
                               snapshot::warmth_to_cost(opt.reach_warmth), nbrs);
}

/// How `me`'s network grew from snapshot `before` to snapshot `after` (two snapshots of the same
/// network, e.g. taken a quarter apart). Complexity: two `health_of` plus O(deg log deg).
/// Throws: `unknown_person` (me absent from either snapshot), `invalid_argument` (options).
inline network_growth compare_health(const snapshot& before, const snapshot& after, person_id me,
                                     const health_options& opt = {}) {
    network_growth g;
    g.before = health_of(before, me, opt);
    g.after = health_of(after, me, opt);
    auto contacts = [&](const snapshot& s) {
        const detail::search_rules r =
            detail::make_rules(s, "compare_health", s.vertex_of(me), opt.excluded, opt.hop_factor, 0.0, std::nullopt);
        std::map<person_id, tier> out;
        for (const auto& [c, w] : detail::usable_contacts(r, s.vertex_of(me))) out[s.id_of(c)] = tier_of(w);
        return out;
    };
    const auto b = contacts(before), a = contacts(after);
    for (const auto& [p, t] : a) {
        auto it = b.find(p);
        if (it == b.end()) g.new_contacts.push_back(p);
        else if (t > it->second) g.warmer.push_back({p, it->second, t});
        else if (t < it->second) g.cooler.push_back({p, it->second, t});
    }
    for (const auto& [p, t] : b)
        if (!a.count(p)) g.lost_contacts.push_back(p);
    return g;
}

} // namespace kith
