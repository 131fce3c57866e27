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
#pragma once

#include <kith/core/error.hpp>
#include <kith/core/ids.hpp>
#include <kith/core/types.hpp>
#include <kith/metrics/brokerage.hpp>
#include <kith/snapshot.hpp>
#include <kith/metrics/detail/search.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kith {

/// Options of `network_health`.
struct health_options {
    /// "Within reach": best path warmth at least this, in (0,1]. Default 0.25.
    double reach_warmth = 0.25;
    /// Per-hop factor, as in kith/paths (default 0.8), in (0,1].
    double hop_factor = 0.8;
    /// People never counted or used.
    std::vector<person_id> excluded{};
};

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

} // namespace detail

/// The health of `me`'s network on snapshot `s`.
/// Complexity: O(sum of my contacts' degrees) for brokerage, plus two hop-capped searches bounded
/// by the reach radius (O(3 m') for the m' ties they touch), plus O(deg(me) log T) for cooling.
/// Exact. Throws: `unknown_person` (me), `invalid_argument` (reach_warmth or hop_factor outside (0,1]).
inline network_health health_of(const snapshot& s, person_id me, const health_options& opt = {}) {
    constexpr const char* fn = "network_health";
    const auto mv = s.find_vertex(me);
    if (!mv) throw unknown_person(std::string(fn) + ": unknown person id " + std::to_string(me.value()));
    if (!(opt.reach_warmth > 0.0 && opt.reach_warmth <= 1.0))
        throw invalid_argument(std::string(fn) + ": reach_warmth " + std::to_string(opt.reach_warmth) +
                               " is outside (0,1]");
    const detail::search_rules rules = detail::make_rules(s, fn, *mv, opt.excluded, opt.hop_factor, 0.0, std::nullopt);
    network_health h;
    const auto mine = detail::usable_contacts(rules, *mv);
    std::map<std::uint32_t, double> orgs, groups;
    for (const auto& [c, w] : mine) {
        switch (tier_of(w)) {
        case tier::strong: ++h.strong; break;
        case tier::occasional: ++h.occasional; break;
        case tier::weak: ++h.weak; break;
        }
        if (auto o = s.organization_of(c)) orgs[*o] += 1;
        for (auto g : s.groups_of(c)) groups[g] += 1;
        if (const tie_evidence* ev = s.evidence(*mv, c); ev && ev->cooling) ++h.cooling;
    }
    h.organization_diversity = detail::entropy_bits(orgs);
    h.community_diversity = detail::entropy_bits(groups);
    if (!mine.empty()) {
        const std::uint64_t radius = snapshot::warmth_to_cost(opt.reach_warmth);
        detail::bounded_search search(s.num_people());
        for (std::size_t hops : {std::size_t{2}, std::size_t{3}}) {
            const auto r = search.run(rules, {{*mv, 0}}, snapshot::null_vertex, radius, hops);
            std::size_t count = 0;
            for (const auto& [v, d] : r) count += (v != *mv);
            (hops == 2 ? h.reach_2 : h.reach_3) = count;
        }
        brokerage_options bo;
        bo.asker = me;
        bo.excluded = opt.excluded;
        if (auto b = brokerage_of(s, me, bo)) {
            h.constraint = b->constraint;
            h.effective_size = b->effective_size;
        }
    }
    return h;
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
