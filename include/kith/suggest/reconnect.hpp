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
#pragma once

#include <kith/core/error.hpp>
#include <kith/core/ids.hpp>
#include <kith/core/types.hpp>
#include <kith/snapshot.hpp>
#include <kith/metrics/detail/search.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kith {

/// Options of `suggest_reconnect`.
struct reconnect_options {
    std::size_t k = 10;
    /// "Within reach": best path warmth at least this. In (0,1]. Default 0.25.
    double reach_warmth = 0.25;
    /// Per-hop factor, as in kith/paths (default 0.8). In (0,1].
    double hop_factor = 0.8;
    /// People never used or suggested.
    std::vector<person_id> excluded{};
};

/// A cooling tie worth reviving.
struct reconnect_suggestion {
    person_id contact{};
    double warmth = 0;  ///< the tie's stored warmth now
    kith::tier tier = kith::tier::weak;
    timestamp last_interaction{};
    std::optional<kith::channel> last_channel{};
    double silent_days = 0;           ///< since the last interaction
    double usual_gap_days = 0;        ///< the tie's usual gap between contact days
    std::size_t people_depending = 0; ///< people within reach only through this tie
    friend bool operator==(const reconnect_suggestion& x, const reconnect_suggestion& y) {
        return x.contact == y.contact && x.warmth == y.warmth && x.tier == y.tier &&
               x.last_interaction == y.last_interaction && x.last_channel == y.last_channel &&
               x.silent_days == y.silent_days && x.usual_gap_days == y.usual_gap_days &&
               x.people_depending == y.people_depending;
    }
    friend bool operator!=(const reconnect_suggestion& x, const reconnect_suggestion& y) { return !(x == y); }
};

/// The cooling ties of `me`, most valuable first.
/// Complexity: O(deg(me) log T) to find cooling ties, plus two reach-bounded searches per cooling
/// tie (each touches only the people within the reach radius of me and their ties).
/// Returns: at most k cooling ties I may see (empty when none). Exact.
/// Throws: `unknown_person` (me), `invalid_argument` (reach_warmth or hop_factor outside (0,1]).
inline std::vector<reconnect_suggestion> suggest_reconnect(const snapshot& s, person_id me,
                                                           const reconnect_options& opt = {}) {
    constexpr const char* fn = "suggest_reconnect";
    using vtx = snapshot::vertex_type;
    const auto mv = s.find_vertex(me);
    if (!mv) throw unknown_person(std::string(fn) + ": unknown person id " + std::to_string(me.value()));
    if (!(opt.reach_warmth > 0.0 && opt.reach_warmth <= 1.0))
        throw invalid_argument(std::string(fn) + ": reach_warmth " + std::to_string(opt.reach_warmth) +
                               " is outside (0,1]");
    const detail::search_rules rules = detail::make_rules(s, fn, *mv, opt.excluded, opt.hop_factor, 0.0, std::nullopt);
    std::vector<reconnect_suggestion> out;
    if (opt.k == 0 || rules.is_excluded(*mv)) return out;
    const std::uint64_t radius = snapshot::warmth_to_cost(opt.reach_warmth);
    std::vector<std::pair<vtx, std::uint64_t>> mine;
    for (auto a = s.arc_begin(*mv), e = s.arc_end(*mv); a != e; ++a)
        if (rules.usable(a)) mine.emplace_back(s.arc_target(a), s.arc_cost(a) + rules.hop_units);
    detail::bounded_search search(s.num_people());
    std::size_t reach_all = 0;
    bool reach_done = false;
    for (const auto& [c, cost] : mine) {
        const tie_evidence* ev = s.evidence(*mv, c);
        if (!ev || !ev->cooling || !ev->last || !ev->usual_gap_days) continue;
        if (!reach_done) {
            for (const auto& [v, d] : search.run(rules, mine, *mv, radius, detail::no_hop_limit)) reach_all += (v != *mv);
            reach_done = true;
        }
        std::vector<std::pair<vtx, std::uint64_t>> others;
        for (const auto& x : mine)
            if (x.first != c) others.push_back(x);
        std::size_t reach_without = 0;
        for (const auto& [v, d] : search.run(rules, others, *mv, radius, detail::no_hop_limit)) reach_without += (v != *mv);
        reconnect_suggestion r;
        r.contact = s.id_of(c);
        r.warmth = snapshot::cost_to_warmth(static_cast<double>(cost - rules.hop_units));
        r.tier = tier_of(r.warmth);
        r.last_interaction = *ev->last;
        r.last_channel = ev->last_channel;
        r.silent_days = days_between(*ev->last, s.taken_at());
        r.usual_gap_days = *ev->usual_gap_days;
        r.people_depending = reach_all - reach_without;
        out.push_back(r);
    }
    std::sort(out.begin(), out.end(), [](const reconnect_suggestion& x, const reconnect_suggestion& y) {
        if (x.people_depending != y.people_depending) return x.people_depending > y.people_depending;
        if (x.warmth != y.warmth) return x.warmth > y.warmth;
        return x.contact < y.contact;
    });
    if (out.size() > opt.k) out.resize(opt.k);
    return out;
}

} // namespace kith
