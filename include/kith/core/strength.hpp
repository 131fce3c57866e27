// kith/core/strength.hpp -- the strength model: from interactions to warmth.
//
// Design decisions: warmth = f(interactions, now). Each interaction
// contributes its channel weight, damped by group size, decayed with its age
// on two timescales: a fast one (half-life 90 days: how recently and how often
// we talk, Granovetter's "amount of time" and Marsden & Campbell's finding
// that frequency and recency track closeness) and a slow "bond" one
// (half-life two years, saturating: long close ties do not vanish after a
// quiet season, Burt 2000 on decay). Reciprocity raises the sum, one-way
// contact lowers it (Granovetter's "reciprocal services"; Gilbert & Karahalios
// 2009). The sum saturates into (0,1] through 1 - exp(-x / saturation).
// Every constant is a documented field of `strength_policy`; the model is a
// callable so an app can plug in its own. A tie silent for longer than
// `cooling_factor` times its usual gap is "cooling". No Boost here.
#pragma once

#include <kith/core/time.hpp>
#include <kith/core/types.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <vector>

namespace kith {

/// The constants of kith's default strength model, with their defaults.
struct strength_policy {
    /// Weight of one 1:1 interaction per channel, indexed by `channel`:
    /// meeting 1.0, call 0.7, message 0.3, email 0.25, event 0.5, introduction 0.6.
    /// In-person time counts most; written contact least (Marsden & Campbell 1984).
    std::array<double, channel_count> channel_weight{1.0, 0.7, 0.3, 0.25, 0.5, 0.6};
    /// Half-life of the fast (recency and frequency) component, in days. Default 90.
    double half_life_days = 90.0;
    /// Half-life of the slow "bond" component, in days. Default 730 (two years).
    double bond_half_life_days = 730.0;
    /// Cap of the bond component's contribution: bond = cap * (1 - exp(-slow / bond_scale)).
    /// Default 1.0: years of close contact keep a tie occasional after a silent year.
    double bond_cap = 1.0;
    /// How much slow-decayed history fills the bond (in 1:1-meeting units). Default 20: a
    /// single meeting adds almost no bond; two years of weekly contact fill it.
    double bond_scale = 20.0;
    /// Reciprocity effect r: the sum is multiplied by 1 + r (fully reciprocal) down to
    /// 1 - r (always the same side starts). Unknown initiators count as balanced. Default 0.3.
    double reciprocity_effect = 0.3;
    /// Group-size damping: an interaction among p people counts 1 / (p - 1)^exponent of a
    /// 1:1 one (a 40-person thread counts 1/39). Default 1.0.
    double participant_exponent = 1.0;
    /// Saturation scale s: warmth = 1 - exp(-x / s). With s = 2.5, one meeting today gives 0.34
    /// (weak), a quarterly coffee for two years 0.6 (occasional), a monthly meeting 0.89 (strong).
    double saturation = 2.5;
    /// Floor of the warmth of a tie with at least one counted interaction (keeps (0,1]). 1e-4.
    double min_warmth = 1e-4;
    /// A tie is cooling when silent for more than this times its usual gap. Default 8.
    double cooling_factor = 8.0;
};

/// The signature of a strength model: interactions of one tie sorted by time,
/// and the time to evaluate at. Returns warmth in (0,1], or 0 when the tie does
/// not exist yet at `now` (no interaction at or before it).
using strength_function = std::function<double(const std::vector<tie_event>&, timestamp)>;

namespace detail {
inline double damping(const strength_policy& p, std::uint32_t participants) {
    if (participants <= 2) return 1.0;
    return std::pow(static_cast<double>(participants - 1), -p.participant_exponent);
}
} // namespace detail

/// kith's default strength model, a callable carrying its `strength_policy`.
struct strength_model {
    strength_policy policy{};

    /// The warmth of a tie with the given interactions (sorted by time) at `now`.
    /// Interactions after `now` are ignored. Complexity: O(n) for n interactions.
    /// Returns: 0 when no interaction is at or before `now`, else a value in
    /// [policy.min_warmth, 1]. Deterministic. Throws nothing.
    double operator()(const std::vector<tie_event>& events, timestamp now) const {
        const strength_policy& p = policy;
        double fast = 0, slow = 0;
        double known_low = 0, known_high = 0, total = 0;
        for (const tie_event& e : events) {
            if (e.when > now) continue;
            const double age = days_between(e.when, now);
            const auto ci = static_cast<std::size_t>(e.via);
            const double w = (ci < channel_count ? p.channel_weight[ci] : 0.0) * detail::damping(p, e.participants);
            fast += w * std::exp2(-age / p.half_life_days);
            slow += w * std::exp2(-age / p.bond_half_life_days);
            total += 1;
            if (e.initiator == initiated_by::low) known_low += 1;
            if (e.initiator == initiated_by::high) known_high += 1;
        }
        if (total == 0) return 0.0;
        const double known = known_low + known_high;
        const double balance_known = known > 0 ? 2.0 * std::min(known_low, known_high) / known : 0.5;
        const double balance = (known / total) * balance_known + (1.0 - known / total) * 0.5;
        const double reciprocity = 1.0 + p.reciprocity_effect * (2.0 * balance - 1.0);
        const double bond = p.bond_cap > 0 && p.bond_scale > 0 ? p.bond_cap * (1.0 - std::exp(-slow / p.bond_scale)) : 0.0;
        const double x = reciprocity * (fast + bond);
        const double w = 1.0 - std::exp(-x / p.saturation);
        if (!(w >= p.min_warmth)) return p.min_warmth;  // also catches NaN from a degenerate policy
        return std::min(w, 1.0);
    }
};

/// The evidence behind a tie at `now`: counts per channel, first and last
/// interaction, who initiated, the usual gap and whether the tie is cooling.
/// The usual gap is the mean gap between distinct contact days over the
/// history, at least one day; it needs two contact days. Cooling: silent for
/// more than `policy.cooling_factor` x usual gap. Interactions after `now` are
/// ignored. Complexity: O(n). Throws nothing.
inline tie_evidence compute_evidence(const std::vector<tie_event>& events, timestamp now,
                                     const strength_policy& policy = {}) {
    tie_evidence ev;
    std::int64_t prev_day = 0;
    std::int64_t distinct_days = 0;
    for (const tie_event& e : events) {
        if (e.when > now) continue;
        const auto ci = static_cast<std::size_t>(e.via);
        if (ci < channel_count) ++ev.count_by_channel[ci];
        if (!ev.first || e.when < *ev.first) ev.first = e.when;
        if (!ev.last || e.when >= *ev.last) {
            ev.last = e.when;
            ev.last_channel = e.via;
        }
        if (e.initiator == initiated_by::low) ++ev.initiated_by_low;
        if (e.initiator == initiated_by::high) ++ev.initiated_by_high;
        const std::int64_t day = to_unix(e.when) >= 0 ? to_unix(e.when) / 86400 : (to_unix(e.when) - 86399) / 86400;
        if (distinct_days == 0 || day != prev_day) ++distinct_days;
        prev_day = day;
    }
    if (distinct_days >= 2 && ev.first && ev.last) {
        const double span = days_between(*ev.first, *ev.last);
        ev.usual_gap_days = std::max(1.0, span / static_cast<double>(distinct_days - 1));
        ev.cooling = days_between(*ev.last, now) > policy.cooling_factor * *ev.usual_gap_days;
    }
    return ev;
}

} // namespace kith
