// kith/suggest/reconnect.hpp -- valuable ties that are cooling: whom to get back in touch with.
//
// Design decisions: a tie is cooling when it has been silent for longer than the strength
// policy's cooling factor (default 8) times its usual gap between contact days (the evidence the
// snapshot froze; ties without interactions or with fewer than two contact days have no usual
// gap and are never "cooling"). What a tie is worth to me is what depends on it: the people
// within reach (best path warmth >= reach_warmth, path warmth as in kith/paths: product of tie
// warmths x hop_factor per hop) who would fall out of reach without it. It is computed exactly by
// one reach search with and one without the tie, both bounded by the reach radius, so the cost
// is local. Ranking: people depending on the tie (descending), then the tie's warmth
// (descending), then person id. Private ties of others and excluded people are never used.
// Two tiers, one core: the snapshot tier reads the frozen evidence; the generic tier runs on any
// Boost.Graph graph (IncidenceGraph + VertexListGraph + vertex index map) with a warmth map and an
// evidence map (edge -> const tie_evidence*, nullptr without interactions; it needs `last` and
// `usual_gap_days`), judging "cooling" at `now` with the same rule (silent days > cooling_factor
// x usual gap). Both run the same reach search (kith/metrics/detail/search.hpp) on integer cost
// units, so they agree exactly on the same ties; ties between equal rankings go by vertex index
// (on a snapshot, person id).
#pragma once

#include <kith/core/error.hpp>
#include <kith/core/ids.hpp>
#include <kith/core/types.hpp>
#include <kith/snapshot.hpp>
#include <kith/metrics/detail/search.hpp>
#include <kith/paths/warm_path.hpp>  // all_arcs, the generic tier's default arc filter

#include <boost/graph/graph_traits.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kith {

/// Options of `suggest_reconnect`. `Vertex` is `person_id` on a snapshot (`reconnect_options`)
/// and the graph's vertex descriptor in the generic tier.
template <class Vertex>
struct basic_reconnect_options {
    std::size_t k = 10;
    /// "Within reach": best path warmth at least this. In (0,1]. Default 0.25.
    double reach_warmth = 0.25;
    /// Per-hop factor, as in kith/paths (default 0.8). In (0,1].
    double hop_factor = 0.8;
    /// People never used or suggested.
    std::vector<Vertex> excluded{};
    /// Generic tier only: a tie is cooling when silent for more than this times its usual gap
    /// (the strength policy's default, 8). The snapshot tier uses the flag frozen with the
    /// snapshot's policy instead. > 0.
    double cooling_factor = 8.0;
};

/// Options on a snapshot, with person ids.
using reconnect_options = basic_reconnect_options<person_id>;

/// A cooling tie worth reviving. `Vertex` is `person_id` on a snapshot (`reconnect_suggestion`).
template <class Vertex>
struct basic_reconnect_suggestion {
    Vertex contact{};
    double warmth = 0;  ///< the tie's stored warmth now
    kith::tier tier = kith::tier::weak;
    timestamp last_interaction{};
    std::optional<kith::channel> last_channel{};
    double silent_days = 0;           ///< since the last interaction
    double usual_gap_days = 0;        ///< the tie's usual gap between contact days
    std::size_t people_depending = 0; ///< people within reach only through this tie
    friend bool operator==(const basic_reconnect_suggestion& x, const basic_reconnect_suggestion& y) {
        return x.contact == y.contact && x.warmth == y.warmth && x.tier == y.tier &&
               x.last_interaction == y.last_interaction && x.last_channel == y.last_channel &&
               x.silent_days == y.silent_days && x.usual_gap_days == y.usual_gap_days &&
               x.people_depending == y.people_depending;
    }
    friend bool operator!=(const basic_reconnect_suggestion& x, const basic_reconnect_suggestion& y) { return !(x == y); }
};

/// A suggestion on a snapshot, with person ids.
using reconnect_suggestion = basic_reconnect_suggestion<person_id>;

namespace detail {

/// One of my usable ties: the contact's index, its cost units, and its evidence when cooling.
struct reconnect_tie {
    std::uint32_t contact = 0;
    std::uint64_t cost = 0;        // tie cost units (without the hop cost)
    const tie_evidence* ev = nullptr;  // non-null: cooling, with last and usual gap
};

/// The shared core: for every cooling tie, the people within `radius` only through it; ranked.
/// `Arcs` is a `bounded_search` adaptor. Results keep the contact's index in `contact`.
template <class Arcs>
std::vector<basic_reconnect_suggestion<std::uint32_t>>
reconnect_core(const Arcs& arcs, std::size_t n, std::uint32_t me, const std::vector<reconnect_tie>& mine,
               std::uint64_t hop_units, std::uint64_t radius, timestamp now, std::size_t k) {
    std::vector<basic_reconnect_suggestion<std::uint32_t>> out;
    std::vector<std::pair<std::uint32_t, std::uint64_t>> starts;
    for (const auto& t : mine) starts.emplace_back(t.contact, t.cost + hop_units);
    bounded_search search(n);
    std::size_t reach_all = 0;
    bool reach_done = false;
    for (const auto& t : mine) {
        if (!t.ev) continue;
        if (!reach_done) {
            for (const auto& [v, d] : search.run(arcs, starts, me, radius, no_hop_limit)) reach_all += (v != me);
            reach_done = true;
        }
        std::vector<std::pair<std::uint32_t, std::uint64_t>> others;
        for (const auto& x : starts)
            if (x.first != t.contact) others.push_back(x);
        std::size_t reach_without = 0;
        for (const auto& [v, d] : search.run(arcs, others, me, radius, no_hop_limit)) reach_without += (v != me);
        basic_reconnect_suggestion<std::uint32_t> r;
        r.contact = t.contact;
        r.warmth = snapshot::cost_to_warmth(static_cast<double>(t.cost));
        r.tier = tier_of(r.warmth);
        r.last_interaction = *t.ev->last;
        r.last_channel = t.ev->last_channel;
        r.silent_days = days_between(*t.ev->last, now);
        r.usual_gap_days = *t.ev->usual_gap_days;
        r.people_depending = reach_all - reach_without;
        out.push_back(r);
    }
    std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) {
        if (x.people_depending != y.people_depending) return x.people_depending > y.people_depending;
        if (x.warmth != y.warmth) return x.warmth > y.warmth;
        return x.contact < y.contact;
    });
    if (out.size() > k) out.resize(k);
    return out;
}

template <class Vertex, class F>
std::vector<basic_reconnect_suggestion<Vertex>> relabel(const std::vector<basic_reconnect_suggestion<std::uint32_t>>& in, F&& to) {
    std::vector<basic_reconnect_suggestion<Vertex>> out;
    out.reserve(in.size());
    for (const auto& r : in)
        out.push_back({to(r.contact), r.warmth, r.tier, r.last_interaction, r.last_channel, r.silent_days,
                       r.usual_gap_days, r.people_depending});
    return out;
}

inline void check_reconnect_options(const char* fn, double reach_warmth) {
    if (!(reach_warmth > 0.0 && reach_warmth <= 1.0))
        throw invalid_argument(std::string(fn) + ": reach_warmth " + std::to_string(reach_warmth) + " is outside (0,1]");
}

} // namespace detail

/// The cooling ties of `me`, most valuable first.
/// Complexity: O(deg(me) log T) to find cooling ties, plus two reach-bounded searches per cooling
/// tie (each touches only the people within the reach radius of me and their ties).
/// Returns: at most k cooling ties I may see (empty when none). Exact.
/// Throws: `unknown_person` (me), `invalid_argument` (reach_warmth or hop_factor outside (0,1]).
inline std::vector<reconnect_suggestion> suggest_reconnect(const snapshot& s, person_id me,
                                                           const reconnect_options& opt = {}) {
    constexpr const char* fn = "suggest_reconnect";
    const auto mv = s.find_vertex(me);
    if (!mv) throw unknown_person(std::string(fn) + ": unknown person id " + std::to_string(me.value()));
    detail::check_reconnect_options(fn, opt.reach_warmth);
    const detail::search_rules rules = detail::make_rules(s, fn, *mv, opt.excluded, opt.hop_factor, 0.0, std::nullopt);
    if (opt.k == 0 || rules.is_excluded(*mv)) return {};
    std::vector<detail::reconnect_tie> mine;
    for (auto a = s.arc_begin(*mv), e = s.arc_end(*mv); a != e; ++a) {
        if (!rules.usable(a)) continue;
        const tie_evidence* ev = s.evidence(*mv, s.arc_target(a));
        if (!ev || !ev->cooling || !ev->last || !ev->usual_gap_days) ev = nullptr;
        mine.push_back({s.arc_target(a), s.arc_cost(a), ev});
    }
    const auto r = detail::reconnect_core(rules, s.num_people(), *mv, mine, rules.hop_units,
                                          snapshot::warmth_to_cost(opt.reach_warmth), s.taken_at(), opt.k);
    return detail::relabel<person_id>(r, [&](std::uint32_t v) { return s.id_of(v); });
}

/// The cooling ties of `me` on any Boost.Graph IncidenceGraph + VertexListGraph (generic tier).
/// `warmth` is a readable edge map: floating warmths in (0,1] (quantised like a snapshot's:
/// round(-ln w x 2048) units) or integral cost units (e.g. a snapshot's `cost_units_map()`).
/// `evidence` is a readable edge map giving `const tie_evidence*` (nullptr: no interactions); a
/// tie is cooling when it has `last` and `usual_gap_days` and days_between(last, now) >
/// opt.cooling_factor x usual gap. `idx` maps vertices onto [0, num_vertices(g)); `usable(e)`
/// says whether an edge may be used (visibility). The graph must be symmetric (each tie an
/// out-edge at both ends), without parallel edges.
/// Complexity: O(V) setup, then as the snapshot tier. Returns: as the snapshot tier, ties by
/// vertex index. Exact; equal to the snapshot tier on the same ties and cost units.
/// Throws: `invalid_argument` (reach_warmth or hop_factor outside (0,1], cooling_factor <= 0, an
/// index out of range), `invalid_tie` (a warmth outside (0,1] or a negative cost).
template <class Graph, class WarmthMap, class EvidenceMap, class IndexMap, class ArcFilter = all_arcs>
std::vector<basic_reconnect_suggestion<typename boost::graph_traits<Graph>::vertex_descriptor>>
suggest_reconnect(const Graph& g, typename boost::graph_traits<Graph>::vertex_descriptor me, WarmthMap warmth,
                  EvidenceMap evidence, IndexMap idx, timestamp now,
                  const basic_reconnect_options<typename boost::graph_traits<Graph>::vertex_descriptor>& opt = {},
                  ArcFilter usable = {}) {
    using boost::get;
    using V = typename boost::graph_traits<Graph>::vertex_descriptor;
    constexpr const char* fn = "suggest_reconnect";
    detail::check_reconnect_options(fn, opt.reach_warmth);
    if (!(opt.cooling_factor > 0.0))
        throw invalid_argument(std::string(fn) + ": cooling_factor " + std::to_string(opt.cooling_factor) + " is not > 0");
    const auto arcs = detail::make_generic_arcs(g, fn, warmth, idx, usable, opt.excluded, opt.hop_factor, 0.0);
    const std::uint32_t mv = arcs.index_of(me);
    if (mv >= arcs.verts.size())
        throw invalid_argument(std::string(fn) + ": vertex index " + std::to_string(mv) + " of me is out of range");
    if (opt.k == 0 || arcs.is_excluded(mv)) return {};
    std::vector<detail::reconnect_tie> mine;
    auto range = out_edges(me, g);
    for (auto it = range.first; it != range.second; ++it) {
        if (!usable(*it)) continue;
        const std::uint32_t c = arcs.index_of(target(*it, g));
        if (arcs.is_excluded(c)) continue;
        const tie_evidence* ev = get(evidence, *it);
        if (!ev || !ev->last || !ev->usual_gap_days ||
            !(days_between(*ev->last, now) > opt.cooling_factor * *ev->usual_gap_days))
            ev = nullptr;
        mine.push_back({c, get(arcs.units, *it), ev});
    }
    std::sort(mine.begin(), mine.end(), [](const auto& x, const auto& y) { return x.contact < y.contact; });
    const auto r = detail::reconnect_core(arcs, arcs.verts.size(), mv, mine, arcs.hop_units,
                                          snapshot::warmth_to_cost(opt.reach_warmth), now, opt.k);
    return detail::relabel<V>(r, [&](std::uint32_t v) { return arcs.verts[v]; });
}

} // namespace kith
