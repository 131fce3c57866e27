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
#pragma once

#include <kith/core/error.hpp>
#include <kith/core/ids.hpp>
#include <kith/core/types.hpp>
#include <kith/snapshot.hpp>
#include <kith/metrics/detail/search.hpp>
#include <kith/paths/warm_path.hpp>

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
struct growth_goal {
    std::string name{};
    std::vector<person_id> people{};
    friend bool operator==(const growth_goal& x, const growth_goal& y) { return x.name == y.name && x.people == y.people; }
    friend bool operator!=(const growth_goal& x, const growth_goal& y) { return !(x == y); }
};

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

/// Options of `suggest_ties_to_grow`.
struct ties_to_grow_options {
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
    std::vector<person_id> excluded{};
    /// "Within reach": best path warmth at least this. In (0,1]. Default 0.25.
    double reach_warmth = 0.25;
};

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

/// One tie worth growing.
struct tie_growth {
    person_id contact{};
    double warmth = 0;  ///< the tie's stored warmth now
    kith::tier tier = kith::tier::weak;
    std::optional<timestamp> last_interaction{};
    std::optional<kith::channel> last_channel{};
    double score = 0;               ///< sum over goals of (warmth_after - warmth_before)
    std::size_t goals_opened = 0;   ///< goals whose warmest path improves
    std::vector<goal_gain> gains{}; ///< the improved goals, by goal index
    std::size_t new_in_reach = 0;   ///< people newly within reach_warmth
    friend bool operator==(const tie_growth& x, const tie_growth& y) {
        return x.contact == y.contact && x.warmth == y.warmth && x.tier == y.tier &&
               x.last_interaction == y.last_interaction && x.last_channel == y.last_channel && x.score == y.score &&
               x.goals_opened == y.goals_opened && x.gains == y.gains && x.new_in_reach == y.new_in_reach;
    }
    friend bool operator!=(const tie_growth& x, const tie_growth& y) { return !(x == y); }
};

namespace detail {

inline double units_to_warmth(std::uint64_t c) {
    return c == unreachable ? 0.0 : std::exp(-static_cast<double>(c) / snapshot::cost_scale);
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
    if (!(opt.target_warmth > 0.0 && opt.target_warmth <= 1.0))
        throw invalid_argument(std::string(fn) + ": target_warmth " + std::to_string(opt.target_warmth) +
                               " is outside (0,1]");
    if (!(opt.reach_warmth > 0.0 && opt.reach_warmth <= 1.0))
        throw invalid_argument(std::string(fn) + ": reach_warmth " + std::to_string(opt.reach_warmth) +
                               " is outside (0,1]");
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
    std::vector<tie_growth> out;
    if (opt.k == 0 || rules.is_excluded(*mv)) return out;
    if (opt.max_hops && *opt.max_hops == 0) return out;
    // My usable ties: (contact, arc cost units).
    std::vector<std::pair<vtx, std::uint64_t>> mine;
    for (auto a = s.arc_begin(*mv), e = s.arc_end(*mv); a != e; ++a)
        if (rules.usable(a) && s.arc_target(a) != *mv) mine.emplace_back(s.arc_target(a), s.arc_cost(a));
    std::sort(mine.begin(), mine.end());
    const std::uint64_t grown = snapshot::warmth_to_cost(opt.target_warmth);
    const std::uint64_t h = rules.hop_units;
    const std::size_t budget = opt.max_hops ? *opt.max_hops - 1 : detail::no_hop_limit;
    // best_j: the warmest path now (kith/paths' bidirectional search). Only contacts c with
    // grown + h + D_j(c) < best_j can gain, so the reverse search from goal j stops at radius
    // best_j - grown - h - 1 (the whole reachable graph only when the goal is unreachable now).
    path_options po;
    po.asker = me;
    po.hop_factor = opt.hop_factor;
    po.max_hops = opt.max_hops;
    po.min_tie_warmth = opt.min_tie_warmth;
    for (person_id p : opt.excluded)
        if (s.find_vertex(p)) po.avoid.push_back(p);
    detail::bounded_search search(s.num_people());
    std::vector<std::vector<std::uint64_t>> dist(goals.size(), std::vector<std::uint64_t>(mine.size(), detail::unreachable));
    std::vector<std::uint64_t> best(goals.size(), detail::unreachable);
    for (std::size_t j = 0; j < goals.size(); ++j) {
        std::vector<std::pair<vtx, std::uint64_t>> src;
        std::vector<person_id> to;
        bool reached_already = false;
        for (vtx t : targets[j]) {
            if (t == *mv) reached_already = true;
            src.emplace_back(t, 0);
            to.push_back(s.id_of(t));
        }
        if (reached_already || src.empty()) continue;
        if (auto p = find_warm_path(s, {me}, to, po)) best[j] = p->cost_units;
        std::uint64_t radius = detail::unreachable - 1;
        if (best[j] != detail::unreachable) {
            if (best[j] <= grown + h) continue;  // no grown first hop can beat it
            radius = best[j] - grown - h - 1;
        }
        const auto d = search.run(rules, src, *mv, radius, budget);
        for (std::size_t i = 0; i < mine.size(); ++i) {
            auto it = std::lower_bound(d.begin(), d.end(), std::make_pair(mine[i].first, std::uint64_t{0}));
            if (it != d.end() && it->first == mine[i].first) dist[j][i] = it->second;
        }
    }
    for (std::size_t i = 0; i < mine.size(); ++i) {
        const std::uint64_t first = std::min<std::uint64_t>(mine[i].second, grown);
        if (first >= mine[i].second) continue;  // already at least as warm as the target
        tie_growth g;
        for (std::size_t j = 0; j < goals.size(); ++j) {
            if (dist[j][i] == detail::unreachable) continue;
            const std::uint64_t now_cost = first + h + dist[j][i];
            if (now_cost >= best[j]) continue;
            const double before = detail::units_to_warmth(best[j]), after = detail::units_to_warmth(now_cost);
            g.gains.push_back(goal_gain{j, before, after});
            g.score += after - before;
        }
        if (g.gains.empty()) continue;
        g.goals_opened = g.gains.size();
        g.contact = s.id_of(mine[i].first);
        g.warmth = snapshot::cost_to_warmth(static_cast<double>(mine[i].second));
        g.tier = tier_of(g.warmth);
        if (const tie_evidence* ev = s.evidence(*mv, mine[i].first)) {
            g.last_interaction = ev->last;
            g.last_channel = ev->last_channel;
        }
        out.push_back(std::move(g));
    }
    std::sort(out.begin(), out.end(), [](const tie_growth& x, const tie_growth& y) {
        return x.score != y.score ? x.score > y.score : x.contact < y.contact;
    });
    if (out.size() > opt.k) out.resize(opt.k);
    if (out.empty()) return out;
    // Reach: who is within reach now, and who comes within reach through the grown tie.
    const std::uint64_t radius = snapshot::warmth_to_cost(opt.reach_warmth);
    std::vector<std::pair<vtx, std::uint64_t>> from_me;
    for (const auto& [c, cost] : mine) from_me.emplace_back(c, cost + h);
    const auto reach_now = search.run(rules, from_me, *mv, radius, budget);
    std::vector<vtx> within;
    for (const auto& [v, c] : reach_now)
        if (v != *mv) within.push_back(v);
    for (tie_growth& g : out) {
        const vtx c = s.vertex_of(g.contact);
        const std::uint64_t start = grown + h;
        if (start > radius) continue;
        const auto via = search.run(rules, {{c, start}}, *mv, radius, budget);
        for (const auto& [v, cost] : via)
            if (v != *mv && !std::binary_search(within.begin(), within.end(), v)) ++g.new_in_reach;
    }
    return out;
}

} // namespace kith
