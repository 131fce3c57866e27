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
#pragma once

#include <kith/core/error.hpp>
#include <kith/core/ids.hpp>
#include <kith/metrics/brokerage.hpp>
#include <kith/snapshot.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace kith {

/// Options of `suggest_bridges`.
struct bridges_options {
    std::size_t k = 10;
    /// Warmth of the imagined new tie, in (0,1]. Default 0.4 (an occasional tie).
    double new_tie_warmth = 0.4;
    /// People never suggested, never used as introducers, absent from the constraint.
    std::vector<person_id> excluded{};
};

/// A circle: an organisation or a group, by name.
struct circle {
    enum class kind : std::uint8_t { organization, group };
    circle::kind type = kind::organization;
    std::string name{};
    friend bool operator==(const circle& x, const circle& y) { return x.type == y.type && x.name == y.name; }
    friend bool operator!=(const circle& x, const circle& y) { return !(x == y); }
};

/// One bridge to meet.
struct bridge_suggestion {
    person_id who{};
    std::vector<circle> opens{};     ///< circles they belong to that I do not reach (orgs first, by name)
    person_id introducer{};          ///< strongest mutual contact (product of the two warmths, then id)
    double constraint_before = 0;
    double constraint_after = 0;
    double effective_size_before = 0;
    double effective_size_after = 0;
    friend bool operator==(const bridge_suggestion& x, const bridge_suggestion& y) {
        return x.who == y.who && x.opens == y.opens && x.introducer == y.introducer &&
               x.constraint_before == y.constraint_before && x.constraint_after == y.constraint_after &&
               x.effective_size_before == y.effective_size_before && x.effective_size_after == y.effective_size_after;
    }
    friend bool operator!=(const bridge_suggestion& x, const bridge_suggestion& y) { return !(x == y); }
};

/// Friends of friends in circles I do not reach, ranked by the drop in my Burt constraint.
/// Complexity: O(sum of my contacts' degrees) to find candidates, plus
/// O(sum of my contacts' degrees + deg(x)) per candidate x. Returns: at most k bridges (empty
/// when every circle around me is reached). Exact (floating point).
/// Throws: `unknown_person` (me), `invalid_argument` (new_tie_warmth outside (0,1]).
inline std::vector<bridge_suggestion> suggest_bridges(const snapshot& s, person_id me, const bridges_options& opt = {}) {
    constexpr const char* fn = "suggest_bridges";
    using vtx = snapshot::vertex_type;
    const auto mv = s.find_vertex(me);
    if (!mv) throw unknown_person(std::string(fn) + ": unknown person id " + std::to_string(me.value()));
    if (!(opt.new_tie_warmth > 0.0 && opt.new_tie_warmth <= 1.0))
        throw invalid_argument(std::string(fn) + ": new_tie_warmth " + std::to_string(opt.new_tie_warmth) +
                               " is outside (0,1]");
    brokerage_options bo;
    bo.asker = me;
    bo.excluded = opt.excluded;
    const detail::brokerage_filter f(s, bo);
    std::vector<bridge_suggestion> out;
    if (opt.k == 0 || f.is_excluded(*mv)) return out;
    const std::size_t n = s.num_people();
    std::vector<char> contact(n, 0);
    std::vector<double> my_w(n, 0.0);
    contact[*mv] = 1;
    for (auto a = s.arc_begin(*mv), e = s.arc_end(*mv); a != e; ++a) contact[s.arc_target(a)] = 1;
    std::vector<char> org_reached(s.organization_count(), 0), group_reached(s.group_count(), 0);
    auto reach = [&](vtx v) {
        if (auto o = s.organization_of(v)) org_reached[*o] = 1;
        for (auto g : s.groups_of(v)) group_reached[g] = 1;
    };
    reach(*mv);
    std::vector<detail::weighted_neighbour> mine;
    f.neighbours(*mv, mine);
    for (const auto& x : mine) {
        my_w[x.v] = x.w;  // the stored warmth (brokerage weight = warmth)
        reach(static_cast<vtx>(x.v));
    }
    // Candidates: friends of friends with an unreached circle; their strongest introducer.
    std::vector<vtx> cand;
    std::vector<double> best_intro(n, -1.0);
    std::vector<vtx> intro(n, snapshot::null_vertex);
    for (const auto& z : mine) {
        for (auto a = s.arc_begin(static_cast<vtx>(z.v)), e = s.arc_end(static_cast<vtx>(z.v)); a != e; ++a) {
            if (!f.usable(a)) continue;
            const vtx x = s.arc_target(a);
            if (contact[x]) continue;
            const double p = my_w[z.v] * s.arc_warmth(a);
            if (best_intro[x] < 0) cand.push_back(x);
            if (p > best_intro[x] || (p == best_intro[x] && z.v < intro[x])) {
                best_intro[x] = p;
                intro[x] = static_cast<vtx>(z.v);
            }
        }
    }
    std::sort(cand.begin(), cand.end());
    std::vector<std::size_t> slot(n, std::numeric_limits<std::size_t>::max());
    auto base_nbrs = [&](std::size_t v, std::vector<detail::weighted_neighbour>& o) { f.neighbours(v, o); };
    const auto before = detail::brokerage_one(*mv, base_nbrs, slot);
    const double w_new = f.weighted ? snapshot::cost_to_warmth(snapshot::warmth_to_cost(opt.new_tie_warmth)) : 1.0;
    for (vtx x : cand) {
        bridge_suggestion b;
        if (auto o = s.organization_of(x); o && !org_reached[*o])
            b.opens.push_back(circle{circle::kind::organization, s.organization_name(*o)});
        std::vector<circle> groups;
        for (auto g : s.groups_of(x))
            if (!group_reached[g]) groups.push_back(circle{circle::kind::group, s.group_at(g).name});
        std::sort(groups.begin(), groups.end(), [](const circle& p, const circle& q) { return p.name < q.name; });
        b.opens.insert(b.opens.end(), groups.begin(), groups.end());
        if (b.opens.empty()) continue;
        auto with_tie = [&](std::size_t v, std::vector<detail::weighted_neighbour>& o) {
            f.neighbours(v, o);
            if (v == *mv) o.push_back({x, w_new});
            if (v == x) o.push_back({*mv, w_new});
        };
        const auto after = detail::brokerage_one(*mv, with_tie, slot);
        b.who = s.id_of(x);
        b.introducer = s.id_of(intro[x]);
        b.constraint_before = before ? before->constraint : 0.0;
        b.effective_size_before = before ? before->effective_size : 0.0;
        b.constraint_after = after->constraint;
        b.effective_size_after = after->effective_size;
        out.push_back(std::move(b));
    }
    std::sort(out.begin(), out.end(), [](const bridge_suggestion& p, const bridge_suggestion& q) {
        const double dp = p.constraint_before - p.constraint_after, dq = q.constraint_before - q.constraint_after;
        if (dp != dq) return dp > dq;
        const double ep = p.effective_size_after - p.effective_size_before, eq = q.effective_size_after - q.effective_size_before;
        if (ep != eq) return ep > eq;
        return p.who < q.who;
    });
    if (out.size() > opt.k) out.resize(opt.k);
    return out;
}

} // namespace kith
