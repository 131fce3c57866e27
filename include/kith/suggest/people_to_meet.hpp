// kith/suggest/people_to_meet.hpp -- whom to meet next: friends of friends, ranked and explained.
//
// Design decisions: candidates are found by one sparse accumulation over my two-hop
// neighbourhood (for each contact z, for each contact v of z: add z's share to v), never by a
// loop over pairs, so a query costs at most O(sum of my contacts' degrees) plus O(k log k).
// For resource allocation and the default (the scores that divide a contact's share by its
// degree or strength) the accumulation is pruned, exactly: contacts are spread in order of the
// largest share they can give (hubs last) and the pass stops as soon as bounds prove that no
// person still unseen or partially summed can enter the top k; the few people that still can
// are then summed exactly, in the exhaustive pass's order, so answers and scores are bit for
// bit those of the exhaustive pass (detail::fast_top_k has the rule; a test compares both
// passes on random graphs with hubs and private ties). Hubs (>= 128 ties) keep a neighbour
// index in the workspace so a tie to a hub is found in O(log). The
// classical link-prediction scores are all computed from that one pass: common neighbours,
// resource allocation (sum 1/d_z), Adamic-Adar (sum 1/ln d_z), Jaccard, truncated Katz (walks of
// length 2 and 3, beta^l per length) and preferential attachment (d_u d_v). "Weighted" replaces a
// shared contact's count by the product of the two warmths and degrees by strengths (sum of
// warmths), so a mutual friend I see every week counts more than a dormant one.
// kith's default is resource allocation on warmth plus two priors:
//     score(u, v) = sum_z w_uz w_zv / s_z + activity_weight * s_u s_v / S + novelty_weight * n_u n_v / N
// s = strength (sum of warmths; warmth decays with silence, so s is *recent* activity), S its
// total: the warmth a configuration model expects between u and v; n = novelty (ties first seen
// lately, sum of exp(-age / novelty_days)), N its total: people who are making new contacts now
// keep making them. The priors are what rank new ties that are not friends of friends (about
// half of them in message networks). Blend and weights were chosen by the evaluation in
// benchmarks/tool_link_prediction.cpp (docs/suggestions.md has the table). Because the priors
// are positive for active people, the default (and preferential attachment) also considers
// people beyond two hops; the top k stays exact over every eligible person (a threshold
// algorithm over the people sorted by strength and by novelty finds the best strangers).
// Eligible: not me, not an existing contact through a tie I may see, not excluded, and with a
// positive score (a friend of a friend through ties I may see; for the prior scores, anyone with
// a public tie, even outside my part of the network). Private ties of others and excluded people are never used: not as
// mutual contacts, not in counts, not in degrees, not to rule a person out. Every answer equals
// the answer on my visible sub-network (the network without the ties I may not see and without
// the excluded people): a mutual contact's degree and the Jaccard union count the ties I may
// use; the prior side (preferential attachment, activity, novelty and their totals) counts the
// public ties between people not excluded. Without exclusions the precomputed figures serve
// as they are; with exclusions, the figures of the excluded people's neighbours are recomputed
// on the fly over their own arcs (same order, so the same doubles) and the totals are exact
// sums the removed ties are subtracted from (detail::exact_sum), so the query stays
// O(two-hop + degrees of the excluded and of the affected people it scores), never O(V).
// calibrate_people_to_meet fits the default blend's weights (weighting, activity and novelty
// weights, novelty time scale) to a user's own history, from a snapshot as of an earlier time and
// one as of now (supervised calibration, Lichtenwalter et al. 2010); the score keeps its form, so
// the pruned pass stays exact with fitted weights. fit_people_to_meet_model fits a log-linear
// model (logistic regression on 17 pair features) to the same history, and
// suggest_people_to_meet_by_model ranks by it: better on message networks (docs/suggestions.md),
// but its weights have both signs, so it scores every eligible person (O(V + E) per query).
// Each result lists its mutual contacts
// (strongest first: product of the two warmths, then id) and talking points: shared interests,
// groups and organisation. Ties in score are broken by person id (ascending). Scores are
// doubles: two people whose scores are equal in exact arithmetic may differ in the last bit (their
// shares summed in another order), and then the computed values decide between them.
#pragma once

#include <kith/core/error.hpp>
#include <kith/core/ids.hpp>
#include <kith/snapshot.hpp>
#include <kith/suggest/detail/two_hop.hpp>

#include <boost/graph/graph_traits.hpp>
#include <boost/property_map/property_map.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kith {

/// The link-prediction score that ranks people to meet.
enum class link_score : std::uint8_t {
    kith_default,             ///< weighted resource allocation + activity prior (see header)
    resource_allocation,      ///< sum over mutual contacts z of 1 / d_z
    adamic_adar,              ///< sum of 1 / ln d_z
    common_neighbours,        ///< number of mutual contacts
    jaccard,                  ///< mutual / union of the two contact sets
    katz,                     ///< beta^2 (walks of length 2) + beta^3 (walks of length 3)
    preferential_attachment,  ///< d_u d_v
};

/// The name of a score ("kith", "ra", "aa", "cn", "jaccard", "katz", "pa").
constexpr std::string_view to_string(link_score s) noexcept {
    switch (s) {
    case link_score::kith_default: return "kith";
    case link_score::resource_allocation: return "ra";
    case link_score::adamic_adar: return "aa";
    case link_score::common_neighbours: return "cn";
    case link_score::jaccard: return "jaccard";
    case link_score::katz: return "katz";
    case link_score::preferential_attachment: return "pa";
    }
    return "unknown";
}

/// Whether tie warmth enters the scores.
enum class link_weighting : std::uint8_t {
    warmth,      ///< counts become products of warmths, degrees become strengths
    unweighted,  ///< every tie counts 1
};

/// Options of `suggest_people_to_meet`.
struct people_to_meet_options {
    /// How many people to return (0 returns nothing).
    std::size_t k = 10;
    link_score score = link_score::kith_default;
    link_weighting weighting = link_weighting::warmth;
    /// Ties colder than this (stored warmth) are ignored, on both hops. In [0,1]. Default 0.
    double min_tie_warmth = 0.0;
    /// People never suggested and never used as mutual contacts (nor counted anywhere).
    std::vector<person_id> excluded{};
    /// At most this many mutual contacts listed per suggestion (`mutual_count` is exact).
    std::size_t max_mutuals = 5;
    /// Katz damping beta in (0,1). Default 0.05.
    double katz_beta = 0.05;
    /// Weight of the activity prior (strength x strength / total) in `kith_default`, >= 0.
    /// Default 0.25 (chosen on the random-split evaluation, see docs/suggestions.md).
    double activity_weight = 0.25;
    /// Weight of the novelty prior (recently formed ties x recently formed ties / total) in
    /// `kith_default`, >= 0. Default 64 (chosen on the temporal evaluation). Only ties with
    /// recorded interactions have a first-seen time; networks of manual warmths have no novelty.
    double novelty_weight = 64.0;
    /// Time scale (days, > 0) of the novelty prior: a tie first seen d days ago counts
    /// exp(-d / novelty_days). Default 7.
    double novelty_days = 7.0;
};

/// A mutual contact: who, and the warmth of my tie and of their tie to the suggested person.
struct mutual_contact {
    person_id who{};
    double my_warmth = 0;
    double their_warmth = 0;
    friend bool operator==(const mutual_contact& x, const mutual_contact& y) {
        return x.who == y.who && x.my_warmth == y.my_warmth && x.their_warmth == y.their_warmth;
    }
    friend bool operator!=(const mutual_contact& x, const mutual_contact& y) { return !(x == y); }
};

/// One person to meet, with what to talk about.
struct person_suggestion {
    person_id who{};
    double score = 0;
    std::size_t mutual_count = 0;           ///< mutual contacts I may see (exact)
    std::vector<mutual_contact> mutuals{};  ///< strongest first, at most `max_mutuals`
    std::vector<std::string> shared_interests{};  ///< sorted
    std::vector<std::string> shared_groups{};     ///< group names, sorted
    std::string shared_organization{};            ///< empty when none
    friend bool operator==(const person_suggestion& x, const person_suggestion& y) {
        return x.who == y.who && x.score == y.score && x.mutual_count == y.mutual_count && x.mutuals == y.mutuals &&
               x.shared_interests == y.shared_interests && x.shared_groups == y.shared_groups &&
               x.shared_organization == y.shared_organization;
    }
    friend bool operator!=(const person_suggestion& x, const person_suggestion& y) { return !(x == y); }
};

namespace detail {

/// One of the asker's usable contacts z in a query: the factors its shares are made of.
struct my_contact {
    snapshot::vertex_type z = 0;
    double wuz = 0;         // warmth of my tie to z
    double max_warmth = 0;  // warmth of z's warmest usable tie (fast path)
    double inv_d = 0, inv_ld = 0, inv_s = 0, inv_ls = 0;  // 1/d_z, 1/ln d_z, 1/s_z, 1/ln(1 + s_z)
    double bound = 0;       // the largest resource-allocation share z gives any one person (fast path)
    bool clean = false;     // every arc of z is usable: public, not to an excluded person (fast path)
    void set_factors(double dz, double sz) {
        inv_d = 1.0 / dz;
        inv_ld = 1.0 / std::log(dz);
        inv_s = 1.0 / sz;
        inv_ls = 1.0 / std::log1p(sz);
    }
};

/// A prefetch hint (no effect where the compiler has no builtin).
inline void people_prefetch(const void* p) noexcept {
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(p);
#else
    (void)p;
#endif
}

/// Adds contact c's share (its tie to the candidate has warmth wzv) to the candidate's sums.
/// The one place the shares are summed, so the fast and the exhaustive paths add the same doubles.
inline void add_share(two_hop_sums& x, const my_contact& c, double wzv) {
    const double p = c.wuz * wzv;
    x.cn += 1;
    x.wcn += p;
    x.ra += c.inv_d;
    x.wra += p * c.inv_s;
    x.aa += c.inv_ld;  // d_z >= 2: z is tied to me and to the candidate
    x.waa += p * c.inv_ls;
}

} // namespace detail

/// A reusable per-thread workspace for people-to-meet queries on one snapshot: public degrees
/// and strengths (computed once, O(V + E)) and stamped scratch arrays (reset O(touched)).
/// Members are internals. Not thread-safe: one workspace per thread.
class people_to_meet_workspace {
public:
    /// Binds to `s` (which must outlive the workspace). Complexity: O(V log V + E log E) (the
    /// novelty prior for the default `novelty_days` looks up each tie's evidence once; the
    /// hubs' neighbour index sorts their arcs). Memory: O(V) (about 170 bytes per person, 32 of them
    /// for the pruned pass's partial sums) plus 8 bytes per arc of a hub.
    explicit people_to_meet_workspace(const snapshot& s) : graph_(&s), prior(s) {
        prior.compute_novelty(s, people_to_meet_options{}.novelty_days);
        const std::size_t n = s.num_people();
        contact.resize(n);
        excluded.resize(n);
        candidate.resize(n);
        walked.resize(n);
        affected.resize(n);
        sums.resize(n);
        contact_warmth.assign(n, 0.0);
        walks2.assign(n, 0.0);
        contact_index.assign(n, 0);
        contact_bits.assign((n + 63) / 64, 0);
        partials.resize(n);
        priored.resize(n);
        prior_of.assign(n, 0.0);
        // Neighbour index of the hubs: (target, offset of the arc) sorted by target.
        hub_slot.assign(n, no_slot);
        hub_begin.push_back(0);
        for (snapshot::vertex_type v = 0; v < n; ++v) {
            if (s.degree(v) < hub_degree) continue;
            hub_slot[v] = static_cast<std::uint32_t>(hub_begin.size() - 1);
            const std::size_t from = hub_pool.size();
            for (auto a = s.arc_begin(v), e = s.arc_end(v); a != e; ++a)
                hub_pool.emplace_back(s.arc_target(a), static_cast<std::uint32_t>(a - s.arc_begin(v)));
            std::sort(hub_pool.begin() + static_cast<std::ptrdiff_t>(from), hub_pool.end());
            hub_begin.push_back(hub_pool.size());
        }
        if (s.has_private_ties()) {
            has_private.assign(n, 0);
            for (snapshot::vertex_type v = 0; v < n; ++v)
                for (auto a = s.arc_begin(v), e = s.arc_end(v); a != e; ++a)
                    if (s.arc_is_private(a)) {
                        has_private[v] = 1;
                        break;
                    }
        }
    }
    /// The snapshot this workspace serves.
    const snapshot& graph() const noexcept { return *graph_; }

    // ---- internals
    const snapshot* graph_;
    detail::public_degrees prior;
    detail::stamp_set contact, excluded, candidate, walked;
    detail::stamp_set affected;  // not excluded, with a public tie to an excluded person
    detail::exact_sum scratch_sum;
    std::vector<snapshot::vertex_type> excluded_list;
    // Per-person arrays read at random: advised for huge pages (detail::per_person_vector).
    detail::per_person_vector<detail::two_hop_sums> sums;
    detail::per_person_vector<double> contact_warmth;  // visible warmth of my tie (0: unusable)
    detail::per_person_vector<double> walks2;          // Katz: weighted walks of length 2 from me
    std::vector<snapshot::vertex_type> touched, walked_list;
    std::vector<detail::my_contact> my_contacts;  // my usable contacts, in arc order
    detail::per_person_vector<std::uint32_t> contact_index;  // z -> index in my_contacts (valid for usable contacts)
    std::vector<std::uint64_t> contact_bits;      // bit z set: z is in my_contacts (V bits: stays in cache)
    bool is_usable_contact(snapshot::vertex_type z) const noexcept { return (contact_bits[z >> 6] >> (z & 63)) & 1u; }
    // Fast path: partial resource-allocation sums with what the bounds need, one 32-byte record
    // per person (one cache line touched per arc spread), valid when stamp == partial_gen.
    struct alignas(32) partial_sum {
        double sum = 0;
        double prior = 0;         // prior_part of the person in this query (once degree != no_figures)
        std::uint32_t count = 0;  // shares added
        std::uint32_t stamp = 0;
        std::uint32_t degree = 0;  // arcs of the person, or no_figures: prior and degree not read yet
    };
    static constexpr std::uint32_t no_figures = std::numeric_limits<std::uint32_t>::max();
    detail::per_person_vector<partial_sum> partials;
    std::uint32_t partial_gen = 0;
    void next_partial_generation() {
        if (++partial_gen == 0) {
            for (auto& r : partials) r.stamp = 0;
            partial_gen = 1;
        }
    }
    detail::stamp_set priored;                    // prior_of[v] is valid
    detail::per_person_vector<double> prior_of;   // the prior part of v's score (fast path)
    std::vector<char> has_private;                // v has a private arc (empty: no private tie at all)
    static constexpr std::size_t hub_degree = 128;  // people with this many arcs get a neighbour index
    static constexpr std::uint32_t no_slot = std::numeric_limits<std::uint32_t>::max();
    detail::per_person_vector<std::uint32_t> hub_slot;  // v -> its index in hub_begin, or no_slot
    std::vector<std::size_t> hub_begin;           // hub_pool range of each hub
    detail::per_person_vector<std::pair<snapshot::vertex_type, std::uint32_t>> hub_pool;  // (target, arc offset)
    /// snapshot::cost_to_warmth of every cost (detail::warmth_of_cost: the same doubles, no exp per arc).
    const double* warmth = detail::warmth_of_cost();
    double arc_warmth(snapshot::arc_index a) const noexcept { return warmth[graph_->arc_cost(a)]; }
    /// The arc from x to y, or nullopt. O(log deg x) when x is a hub, else O(deg x).
    std::optional<snapshot::arc_index> find_arc(snapshot::vertex_type x, snapshot::vertex_type y) const {
        const snapshot& s = *graph_;
        if (hub_slot[x] != no_slot) {
            const auto b = hub_pool.begin() + static_cast<std::ptrdiff_t>(hub_begin[hub_slot[x]]);
            const auto e = hub_pool.begin() + static_cast<std::ptrdiff_t>(hub_begin[hub_slot[x] + 1]);
            const auto it = std::lower_bound(b, e, std::make_pair(y, std::uint32_t{0}));
            if (it != e && it->first == y) return s.arc_begin(x) + it->second;
            return std::nullopt;
        }
        for (auto a = s.arc_begin(x), e = s.arc_end(x); a != e; ++a)
            if (s.arc_target(a) == y) return a;
        return std::nullopt;
    }
    /// What find_arc(x, y) or find_arc(y, x) costs at most, whichever is cheaper, in arcs read in
    /// order: a binary search in a hub's index (scattered reads) costs about as much as reading
    /// hub_find_cost arcs in order (measured on R-MAT 7.7M ties).
    static constexpr std::uint64_t hub_find_cost = 32;
    std::uint64_t find_cost(snapshot::vertex_type x, snapshot::vertex_type y) const {
        if (hub_slot[x] != no_slot || hub_slot[y] != no_slot) return hub_find_cost;
        return std::min(graph_->degree(x), graph_->degree(y));
    }
    std::vector<std::uint32_t> order;             // fast path scratch
    std::vector<double> suffix, lower_bounds;
    std::vector<std::uint64_t> rest_work;
    std::vector<std::pair<std::uint32_t, double>> terms;
    std::vector<std::pair<double, snapshot::vertex_type>> chosen;  // (upper bound, person)
    std::vector<double> top_exact;
    /// Test and benchmark hooks: always take the exhaustive two-hop pass; whether the last query
    /// took the pruned pass; load-independent cost figures of the last query.
    bool exhaustive_only = false;
    bool used_fast_path = false;
    std::uint64_t scanned_arcs = 0;   // arcs read (in order)
    std::uint64_t index_lookups = 0;  // binary searches in a hub's neighbour index (scattered reads)
    std::uint64_t spread_arcs = 0;    // arcs whose share was spread (a scattered write each)
    std::size_t contacts_spread = 0;  // contacts whose shares the last query spread
};

namespace detail {

/// The per-query facts about the asker.
struct people_query {
    snapshot::vertex_type me = 0;
    double my_degree = 0;          // visible usable contacts
    double my_strength = 0;        // their warmth
    double my_public_degree = 0;   // prior side
    double my_public_strength = 0;
    double my_novelty = 0;
    double total_degree = 0;       // prior totals without the excluded people's ties
    double total_strength = 0;
    double total_novelty = 0;
    bool katz = false;
};

/// Whether the asker `me` may use arc `a` under `opt`: visible to me, not to an excluded person,
/// warm enough (ws.excluded must be marked for this query).
struct usable_arc {
    const snapshot* s;
    const people_to_meet_workspace* ws;
    std::optional<snapshot::vertex_type> asker;
    double min_warmth;
    snapshot::cost_type min_cost;
    bool priv;
    usable_arc(const people_to_meet_workspace& w, snapshot::vertex_type me, const people_to_meet_options& opt)
        : s(w.graph_), ws(&w), asker(me), min_warmth(opt.min_tie_warmth),
          min_cost(opt.min_tie_warmth > 0 ? snapshot::warmth_to_cost(opt.min_tie_warmth) : snapshot::max_cost),
          priv(w.graph_->has_private_ties()) {}
    bool operator()(snapshot::arc_index a) const {
        return (!priv || s->arc_visible(a, asker)) && !ws->excluded.is_set(s->arc_target(a)) &&
               (min_warmth <= 0 || (s->arc_cost(a) <= min_cost && s->arc_warmth(a) >= min_warmth));
    }
};

// Prior-side figures of v in this query: public ties to people not excluded. Unaffected vertices
// use the precomputed figures; affected ones are summed again over their arcs in the same order
// as public_degrees does (so the doubles equal those of a network without the excluded people).
inline double prior_degree(const people_to_meet_workspace& ws, snapshot::vertex_type v) {
    if (ws.excluded_list.empty() || !ws.affected.is_set(v)) return ws.prior.degree[v];
    const snapshot& s = *ws.graph_;
    std::uint32_t d = 0;
    for (auto a = s.arc_begin(v), e = s.arc_end(v); a != e; ++a)
        if (!s.arc_is_private(a) && !ws.excluded.is_set(s.arc_target(a))) ++d;
    return d;
}
inline double prior_strength(const people_to_meet_workspace& ws, snapshot::vertex_type v) {
    if (ws.excluded_list.empty() || !ws.affected.is_set(v)) return ws.prior.strength[v];
    const snapshot& s = *ws.graph_;
    double x = 0.0;
    for (auto a = s.arc_begin(v), e = s.arc_end(v); a != e; ++a)
        if (!s.arc_is_private(a) && !ws.excluded.is_set(s.arc_target(a))) x += s.arc_warmth(a);
    return x;
}
inline double prior_novelty(const people_to_meet_workspace& ws, snapshot::vertex_type v) {
    if (ws.excluded_list.empty() || !ws.affected.is_set(v) || ws.prior.total_novelty == 0) return ws.prior.novelty[v];
    const snapshot& s = *ws.graph_;
    double x = 0.0;
    for (auto a = s.arc_begin(v), e = s.arc_end(v); a != e; ++a)
        if (!s.arc_is_private(a) && !ws.excluded.is_set(s.arc_target(a)))
            x += public_degrees::arc_novelty(s, v, a, ws.prior.novelty_days);
    return x;
}

/// Sets up a query for `me`: marks exclusions and contacts (ties I may see), takes the excluded
/// people's ties out of the prior totals, and lists my usable contacts in arc order in
/// ws.my_contacts (with ws.contact_index and ws.contact_warmth). O(my degree + degrees of the
/// excluded people).
inline people_query prepare_query(people_to_meet_workspace& ws, snapshot::vertex_type me,
                                  const people_to_meet_options& opt) {
    const snapshot& s = *ws.graph_;
    const std::optional<snapshot::vertex_type> asker = me;
    const bool priv = s.has_private_ties();
    ws.contact.clear();
    ws.excluded.clear();
    ws.candidate.clear();
    ws.walked.clear();
    ws.priored.clear();
    ws.touched.clear();
    ws.walked_list.clear();
    ws.affected.clear();
    ws.excluded_list.clear();
    for (const my_contact& c : ws.my_contacts) ws.contact_bits[c.z >> 6] = 0;  // the last query's bits
    ws.my_contacts.clear();
    ws.scanned_arcs = 0;
    ws.index_lookups = 0;
    ws.spread_arcs = 0;
    ws.used_fast_path = false;
    ws.contacts_spread = 0;
    for (person_id p : opt.excluded)
        if (auto v = s.find_vertex(p); v && !ws.excluded.is_set(*v)) {
            ws.excluded.set(*v);
            ws.excluded_list.push_back(*v);
        }
    people_query q;
    q.me = me;
    q.katz = opt.score == link_score::katz;
    if (opt.score == link_score::kith_default && opt.novelty_weight > 0 && ws.prior.novelty_days != opt.novelty_days)
        ws.prior.compute_novelty(s, opt.novelty_days);
    q.total_degree = ws.prior.total_degree;
    q.total_strength = ws.prior.total_strength;
    q.total_novelty = ws.prior.total_novelty;
    if (!ws.excluded_list.empty()) {
        // Take the excluded people's public ties out of the totals (exactly) and mark their
        // neighbours, whose figures are then recomputed when needed. O(sum of their degrees).
        const bool nov = ws.prior.total_novelty > 0;
        detail::exact_sum& st = ws.scratch_sum;
        st = ws.prior.strength_sum;
        double removed = 0;
        for (auto x : ws.excluded_list)
            for (auto a = s.arc_begin(x), e = s.arc_end(x); a != e; ++a) {
                if (s.arc_is_private(a)) continue;
                const auto t = s.arc_target(a);
                // The arc x->t; and t->x unless t is excluded too (then it is counted from t).
                const int arcs = ws.excluded.is_set(t) ? 1 : 2;
                if (arcs == 2) ws.affected.set(t);
                removed += arcs;
                for (int i = 0; i < arcs; ++i) st.add(-s.arc_warmth(a));
            }
        q.total_degree = ws.prior.total_degree - removed;
        q.total_strength = st.value();
        if (nov) {
            st = ws.prior.novelty_sum;
            for (auto x : ws.excluded_list)
                for (auto a = s.arc_begin(x), e = s.arc_end(x); a != e; ++a) {
                    if (s.arc_is_private(a)) continue;
                    const double y = detail::public_degrees::arc_novelty(s, x, a, ws.prior.novelty_days);
                    st.add(-y);
                    if (!ws.excluded.is_set(s.arc_target(a))) st.add(-y);
                }
            q.total_novelty = st.value();
        }
    }
    q.my_public_degree = prior_degree(ws, me);
    q.my_public_strength = prior_strength(ws, me);
    if (opt.score == link_score::kith_default && opt.novelty_weight > 0) q.my_novelty = prior_novelty(ws, me);
    const usable_arc usable(ws, me, opt);
    // Existing contacts: ties I may see only (a tie I may not see must not change the answer).
    ws.contact.set(me);
    for (auto a = s.arc_begin(me), e = s.arc_end(me); a != e; ++a) {
        if (priv && !s.arc_visible(a, asker)) continue;
        ws.contact.set(s.arc_target(a));
        ws.contact_warmth[s.arc_target(a)] = 0.0;
    }
    if (ws.excluded.is_set(me)) return q;
    for (auto a = s.arc_begin(me), e = s.arc_end(me); a != e; ++a) {
        if (!usable(a)) continue;
        const auto z = s.arc_target(a);
        const double wuz = s.arc_warmth(a);
        ws.contact_warmth[z] = wuz;
        ws.contact_index[z] = static_cast<std::uint32_t>(ws.my_contacts.size());
        ws.contact_bits[z >> 6] |= std::uint64_t{1} << (z & 63);
        q.my_degree += 1;
        q.my_strength += wuz;
        my_contact c;
        c.z = z;
        c.wuz = wuz;
        ws.my_contacts.push_back(c);
    }
    return q;
}

/// z's usable degree and strength for this query, summed over its arcs in arc order (pass 1 of
/// the accumulation; the fast path takes the precomputed public figures when they are the same
/// sums). Also sets the factors 1/d, 1/ln d, 1/s, 1/ln(1+s) and returns the arcs scanned.
inline std::uint64_t contact_figures(const snapshot& s, const usable_arc& usable, my_contact& c) {
    double dz = 0, sz = 0;
    for (auto b = s.arc_begin(c.z), f = s.arc_end(c.z); b != f; ++b)
        if (usable(b)) {
            dz += 1;
            sz += usable.ws->arc_warmth(b);
            if (s.arc_target(b) != *usable.asker) c.max_warmth = std::max(c.max_warmth, usable.ws->arc_warmth(b));
        }
    c.set_factors(dz, sz);
    return s.degree(c.z);
}

/// The exhaustive two-hop pass after prepare_query: for each of my usable contacts z (arc order),
/// z's usable degree and strength, then z's share to each of its contacts. Fills ws.touched with
/// every friend of a friend (eligible candidates only) and ws.sums. O(sum of my contacts'
/// degrees) (Katz adds the degrees of the candidates and of my contacts' contacts).
inline void spread_two_hop(people_to_meet_workspace& ws, const people_query& q, const people_to_meet_options& opt) {
    if (ws.excluded.is_set(q.me)) return;
    const snapshot& s = *ws.graph_;
    const bool weighted = opt.weighting == link_weighting::warmth;
    const usable_arc usable(ws, q.me, opt);
    ws.contacts_spread = ws.my_contacts.size();
    for (my_contact& c : ws.my_contacts) {
        const auto z = c.z;
        // Pass 1: z's usable degree and strength.
        ws.scanned_arcs += contact_figures(s, usable, c);
        // Pass 2: spread to z's contacts.
        ws.scanned_arcs += s.degree(z);
        ws.spread_arcs += s.degree(z);
        for (auto b = s.arc_begin(z), f = s.arc_end(z); b != f; ++b) {
            if (!usable(b)) continue;
            const auto v = s.arc_target(b);
            const double wzv = ws.arc_warmth(b);
            if (q.katz && v != q.me) {
                if (!ws.walked.is_set(v)) {
                    ws.walked.set(v);
                    ws.walks2[v] = 0.0;
                    ws.walked_list.push_back(v);
                }
                ws.walks2[v] += weighted ? c.wuz * wzv : 1.0;
            }
            if (ws.contact.is_set(v)) continue;
            if (!ws.candidate.is_set(v)) {
                ws.candidate.set(v);
                ws.sums[v] = two_hop_sums{};
                ws.touched.push_back(v);
            }
            add_share(ws.sums[v], c, wzv);
        }
    }
}

/// Runs the two-hop accumulation for `me` (prepare_query + spread_two_hop): marks contacts and
/// exclusions, fills ws.touched with every friend of a friend (eligible candidates only) and
/// ws.sums. O(sum of my contacts' degrees) (Katz adds the degrees of the candidates and of my
/// contacts' contacts).
inline people_query accumulate_two_hop(people_to_meet_workspace& ws, snapshot::vertex_type me,
                                       const people_to_meet_options& opt) {
    people_query q = prepare_query(ws, me, opt);
    spread_two_hop(ws, q, opt);
    return q;
}

/// Katz walks of length 3 from me to v (weighted or not), from ws.walks2. O(deg v).
inline double katz_walks3(const people_to_meet_workspace& ws, snapshot::vertex_type me, snapshot::vertex_type v,
                          const people_to_meet_options& opt) {
    const snapshot& s = *ws.graph_;
    const bool weighted = opt.weighting == link_weighting::warmth;
    double w3 = 0;
    for (auto a = s.arc_begin(v), e = s.arc_end(v); a != e; ++a) {
        const auto y = s.arc_target(a);
        if (!ws.walked.is_set(y) || ws.excluded.is_set(y)) continue;
        if (s.has_private_ties() && !s.arc_visible(a, me)) continue;
        if (opt.min_tie_warmth > 0 && s.arc_warmth(a) < opt.min_tie_warmth) continue;
        w3 += ws.walks2[y] * (weighted ? s.arc_warmth(a) : 1.0);
    }
    return w3;
}

/// The score of candidate v for the query q (v need not be a friend of a friend: its two-hop
/// sums are then zero). Used by the suggestion and by the evaluation tool.
inline double pair_score(const people_to_meet_workspace& ws, const people_query& q, snapshot::vertex_type v,
                         const people_to_meet_options& opt) {
    static const two_hop_sums zero{};
    const two_hop_sums& x = ws.candidate.is_set(v) ? ws.sums[v] : zero;
    const bool w = opt.weighting == link_weighting::warmth;
    switch (opt.score) {
    case link_score::common_neighbours: return w ? x.wcn : x.cn;
    case link_score::resource_allocation: return w ? x.wra : x.ra;
    case link_score::adamic_adar: return w ? x.waa : x.aa;
    case link_score::jaccard: {
        const double inter = w ? x.wcn : x.cn;
        if (inter <= 0) return 0.0;
        // The union of the two contact sets as I may use them (the same ties as the intersection).
        const snapshot& s = *ws.graph_;
        double dv = 0, sv = 0;
        if (!s.has_private_ties() && opt.min_tie_warmth <= 0) {
            // Every tie public, no warmth floor: the usable figures are the prior ones (the same
            // sums in the same order), adjusted for exclusions.
            if (w) sv = prior_strength(ws, v);
            else dv = prior_degree(ws, v);
        } else {
            const usable_arc usable(ws, q.me, opt);
            for (auto a = s.arc_begin(v), e = s.arc_end(v); a != e; ++a)
                if (usable(a)) {
                    dv += 1;
                    if (w) sv += s.arc_warmth(a);
                }
        }
        const double uni = w ? q.my_strength + sv - inter : q.my_degree + dv - inter;
        return uni > inter ? inter / uni : 1.0;
    }
    case link_score::katz: {
        const double b = opt.katz_beta;
        return b * b * (w ? x.wcn : x.cn) + b * b * b * katz_walks3(ws, q.me, v, opt);
    }
    case link_score::preferential_attachment:
        return w ? q.my_public_strength * prior_strength(ws, v) : q.my_public_degree * prior_degree(ws, v);
    case link_score::kith_default: {
        const double total = q.total_strength, tdeg = q.total_degree;
        const double prior = w ? (total > 0 ? q.my_public_strength * prior_strength(ws, v) / total : 0.0)
                               : (tdeg > 0 ? q.my_public_degree * prior_degree(ws, v) / tdeg : 0.0);
        double novel = 0;
        if (opt.novelty_weight > 0 && q.total_novelty > 0 && ws.prior.novelty_days == opt.novelty_days)
            novel = q.my_novelty * prior_novelty(ws, v) / q.total_novelty;
        return (w ? x.wra : x.ra) + opt.activity_weight * prior + opt.novelty_weight * novel;
    }
    }
    return 0.0;
}

/// The prior part of v's score in this query (activity and novelty of kith_default; 0 for the
/// other scores), cached per query in ws.prior_of. The same figures as pair_score.
inline double prior_value(const people_to_meet_workspace& ws, const people_query& q, snapshot::vertex_type v,
                          const people_to_meet_options& opt) {
    if (opt.score != link_score::kith_default) return 0.0;
    const bool w = opt.weighting == link_weighting::warmth;
    const double total = q.total_strength, tdeg = q.total_degree;
    const double prior = w ? (total > 0 ? q.my_public_strength * prior_strength(ws, v) / total : 0.0)
                           : (tdeg > 0 ? q.my_public_degree * prior_degree(ws, v) / tdeg : 0.0);
    double novel = 0;
    if (opt.novelty_weight > 0 && q.total_novelty > 0 && ws.prior.novelty_days == opt.novelty_days)
        novel = q.my_novelty * prior_novelty(ws, v) / q.total_novelty;
    return opt.activity_weight * prior + opt.novelty_weight * novel;
}
inline double prior_part(people_to_meet_workspace& ws, const people_query& q, snapshot::vertex_type v,
                         const people_to_meet_options& opt) {
    if (opt.score != link_score::kith_default) return 0.0;
    if (ws.priored.is_set(v)) return ws.prior_of[v];
    const double x = prior_value(ws, q, v, opt);
    ws.priored.set(v);
    ws.prior_of[v] = x;
    return x;
}

/// Sets ws.sums[v] to the exact sums spread_two_hop would give v: the shares of v's mutual
/// contacts added in my arc order. Found from v's arcs, or, when v has more arcs than my
/// contacts have in all, from each contact's arcs (the shorter of the two lists of each pair).
/// O(min(deg v, sum over my contacts z of the cost of finding the tie z - v)) plus a sort of the
/// mutual contacts; finding a tie is O(log) when one side is a hub (ws.find_arc), else the shorter list.
inline void exact_sums(people_to_meet_workspace& ws, const people_query& q, snapshot::vertex_type v) {
    const snapshot& s = *ws.graph_;
    const bool priv = s.has_private_ties();
    auto& terms = ws.terms;  // (index in my_contacts, warmth of the tie z - v)
    terms.clear();
    const std::uint64_t dv = s.degree(v);
    std::uint64_t by_contacts = 0;
    for (const my_contact& c : ws.my_contacts) {
        by_contacts += ws.find_cost(c.z, v);
        if (by_contacts >= dv) break;
    }
    if (by_contacts < dv) {
        for (std::uint32_t i = 0; i < ws.my_contacts.size(); ++i) {
            const auto z = ws.my_contacts[i].z;
            // From the hub's index, else from the shorter list. Both arcs of a tie carry the
            // same cost, privacy and owner.
            const bool from_z = ws.hub_slot[z] != ws.no_slot || (ws.hub_slot[v] == ws.no_slot && s.degree(z) <= dv);
            if (ws.hub_slot[from_z ? z : v] != ws.no_slot) ++ws.index_lookups;
            else ws.scanned_arcs += std::min<std::uint64_t>(s.degree(z), dv);
            const auto b = from_z ? ws.find_arc(z, v) : ws.find_arc(v, z);
            if (b && (!priv || s.arc_visible(*b, q.me))) terms.emplace_back(i, ws.arc_warmth(*b));
        }
    } else {
        ws.scanned_arcs += dv;
        for (auto b = s.arc_begin(v), f = s.arc_end(v); b != f; ++b) {
            const auto [z, cost] = s.arc_entry(b);
            if (!ws.is_usable_contact(z)) continue;  // the bit set stays in cache: a cheap test per arc
            if (priv && !s.arc_visible(b, q.me)) continue;
            terms.emplace_back(ws.contact_index[z], ws.warmth[cost]);
        }
        std::sort(terms.begin(), terms.end());
    }
    two_hop_sums x{};
    for (const auto& [i, wzv] : terms) add_share(x, ws.my_contacts[i], wzv);
    ws.candidate.set(v);
    ws.sums[v] = x;
}

/// The order of ranked suggestions: the higher score first, then the smaller person index.
inline bool scored_before(const std::pair<double, snapshot::vertex_type>& x,
                          const std::pair<double, snapshot::vertex_type>& y) noexcept {
    return x.first != y.first ? x.first > y.first : x.second < y.second;
}

/// The pruned pass for resource allocation and kith's default (no warmth floor): the exact same
/// top k as spread_two_hop + ranking, without spreading every contact's share. A threshold
/// algorithm: contact z gives any one person at most b_z = w_uz max_v w_zv / s_z (1/d_z
/// unweighted; the max over z's ties other than the one to me, so a contact tied to no one else
/// gives nothing), so contacts are spread in order of decreasing b_z (hubs last) and after a
/// prefix, with R the sum of the remaining b_z and B(m) the sum of the m largest of them,
///   * a person seen so far with partial sum p_v (c_v shares) ends at most at
///     p_v + prior_v + min(R, B(deg v - c_v)),
///   * a person not seen ends at most at prior_v + min(R, B(deg v)), and
///   * T, the k-th largest of (p_v + prior_v) over seen people and prior_v over the strangers
///     first in the activity and novelty lists, is a lower bound of the k-th best final score.
/// Once R < T, only people whose bound reaches T can be in the top k: their sums are then
/// computed exactly (exact_sums, same order as the exhaustive pass, so the same doubles), in
/// decreasing order of bound, skipping the rest once k exact scores are above their bounds; the
/// strangers are walked in prior order while their bound reaches T. The pass stops at such a
/// point only when finishing reads fewer arcs than spreading the remaining contacts would (a hub
/// index look-up counts as hub_find_cost arcs); checks happen before a contact of degree >= 64
/// once the work has doubled since the last check. Partial sums live in one 32-byte record per
/// person (ws.partials, with the person's prior and degree, read at the first check after the
/// person is seen) and my contacts in a bit set, so spreading an arc touches one scattered cache
/// line, prefetched 16 arcs ahead. Bounds carry a relative margin of 1e-9
/// (and B an absolute one for the rounding of its suffix sums). Fills `ranked` with exact scores
/// of a superset of the top k. Returns false when the pass does not apply, or when, every
/// contact spread, the exact sums would cost more than the exhaustive pass (then ws is ready for it).
inline bool fast_top_k(people_to_meet_workspace& ws, const people_query& q, const people_to_meet_options& opt,
                       std::vector<std::pair<double, snapshot::vertex_type>>& ranked) {
    if (ws.exhaustive_only || opt.min_tie_warmth > 0 || ws.my_contacts.empty() || ws.excluded.is_set(q.me)) return false;
    if (opt.score != link_score::kith_default && opt.score != link_score::resource_allocation) return false;
    const snapshot& s = *ws.graph_;
    const bool w = opt.weighting == link_weighting::warmth;
    const usable_arc usable(ws, q.me, opt);
    auto& cs = ws.my_contacts;
    const std::size_t n = cs.size();
    for (my_contact& c : cs) {
        // Without private arcs and without excluded neighbours, z's usable figures are its public
        // ones (the same sums in the same arc order); otherwise they are summed here.
        c.clean = !ws.affected.is_set(c.z) && (ws.has_private.empty() || !ws.has_private[c.z]);
        if (c.clean) {
            // Arcs are sorted by cost: the first arc not to me is z's warmest tie to a candidate.
            auto a = s.arc_begin(c.z);
            if (a != s.arc_end(c.z) && s.arc_target(a) == q.me) ++a;
            c.max_warmth = a != s.arc_end(c.z) ? s.arc_warmth(a) : 0.0;
            c.set_factors(static_cast<double>(ws.prior.degree[c.z]), ws.prior.strength[c.z]);
        } else {
            c.max_warmth = 0;
            ws.scanned_arcs += contact_figures(s, usable, c);
        }
        c.bound = w ? (c.wuz * c.max_warmth) * c.inv_s : (c.max_warmth > 0 ? c.inv_d : 0.0);
    }
    auto& order = ws.order;
    order.resize(n);
    for (std::uint32_t i = 0; i < n; ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
        return cs[x].bound != cs[y].bound ? cs[x].bound > cs[y].bound : x < y;
    });
    auto& suffix = ws.suffix;
    auto& rest = ws.rest_work;
    suffix.assign(n + 1, 0.0);
    rest.assign(n + 1, 0);
    for (std::size_t i = n; i-- > 0;) {
        suffix[i] = suffix[i + 1] + cs[order[i]].bound;
        rest[i] = rest[i + 1] + s.degree(cs[order[i]].z);
    }
    constexpr double up = 1.0 + 1e-9, down = 1.0 - 1e-9;
    // Rounding of suffix[i] - suffix[j]: each suffix sum is off by at most (n - 1) eps suffix[0].
    const double slack = 4.0 * static_cast<double>(n + 1) * std::numeric_limits<double>::epsilon() * suffix[0];
    // B(m) after i contacts: the sum of the m largest remaining bounds (the next m in `order`).
    auto largest = [&](std::size_t i, std::uint64_t m) {
        if (m == 0 || i == n) return 0.0;
        const std::size_t j = m >= n - i ? n : i + static_cast<std::size_t>(m);
        return (suffix[i] - suffix[j]) * up + slack;
    };
    // Strangers: the lists by activity and by novelty, as in the exhaustive ranking.
    const bool novelty = opt.score == link_score::kith_default && opt.novelty_weight > 0 && q.my_novelty > 0;
    const bool prior_scores = opt.score == link_score::kith_default && (opt.activity_weight > 0 || novelty);
    const auto& l1 = w ? ws.prior.by_strength : ws.prior.by_degree;
    const std::vector<snapshot::vertex_type>* l2 = novelty ? &ws.prior.by_novelty : nullptr;
    double c1 = 0, c2 = 0;
    if (prior_scores) {
        const double tot = w ? q.total_strength : q.total_degree;
        c1 = tot > 0 ? opt.activity_weight * (w ? q.my_public_strength : q.my_public_degree) / tot : 0.0;
        c2 = novelty && q.total_novelty > 0 ? opt.novelty_weight * q.my_novelty / q.total_novelty : 0.0;
    }
    const std::size_t nl = prior_scores ? l1.size() : 0;
    auto list_bound = [&](std::size_t i) {  // the largest prior part of anyone at index >= i of both lists
        if (i >= nl) return 0.0;
        const double k1 = w ? ws.prior.strength[l1[i]] : static_cast<double>(ws.prior.degree[l1[i]]);
        return (c1 * k1 + (l2 ? c2 * ws.prior.novelty[(*l2)[i]] : 0.0)) * up;
    };
    ws.next_partial_generation();
    const std::uint32_t gen = ws.partial_gen;
    // Scattered reads are prefetched this many items ahead. Without private ties a person's arcs
    // are its public degree (a plain array, so it can be prefetched).
    constexpr std::ptrdiff_t ahead = 16;
    const bool priv = s.has_private_ties();
    auto seen = [&](snapshot::vertex_type v) { return ws.partials[v].stamp == gen; };
    auto eligible_stranger = [&](snapshot::vertex_type v) {
        return !ws.contact.is_set(v) && !ws.excluded.is_set(v) && !seen(v);
    };
    // Costs in arcs read in order: exact_sums(v) reads v's arcs, or looks v up in each contact's
    // hub index when that is cheaper; spreading an arc writes to a scattered record (about
    // spread_cost arcs read in order). The pass stops early only when finishing reads at most as
    // many arcs as spreading the rest would (on R-MAT 7.7M ties, budgets of 1/2 to 2x that
    // gave the same p90 and p99 within the noise; 4x was slower).
    constexpr std::uint64_t spread_cost = 4;
    auto eval_cost = [&](snapshot::vertex_type v) -> std::uint64_t {
        const std::uint64_t dv = s.degree(v);
        return ws.hub_slot[v] != ws.no_slot ? std::min<std::uint64_t>(dv, people_to_meet_workspace::hub_find_cost * n) : dv;
    };

    // Once every contact is spread, exact sums for many people tied at the k-th score can cost
    // more than the exhaustive pass (a figure pass in order + a spreading pass): then that pass runs.
    const std::uint64_t exhaustive_cost = (1 + spread_cost) * rest[0];
    // The k-th largest lower bound at the last check. Lower bounds only grow from check to check
    // (shares are >= 0; a stranger who is seen later has at least its prior), so the k largest
    // are among those >= it and the others need not be kept. (Any subset of lower bounds gives a
    // valid T anyway: the filter can only make T smaller, never wrong.)
    double kth_lb = 0;
    std::size_t figured = 0;  // ws.touched[0, figured) have their prior and degree read
    // Tries to finish after the first i contacts (in `order`) are spread.
    auto try_finish = [&](std::size_t i) -> bool {
        const bool all = i == n;
        const double R = suffix[i] * up;
        auto& lbs = ws.lower_bounds;
        lbs.clear();
        const auto& touched = ws.touched;
        for (std::size_t j = 0; j < touched.size(); ++j) {
            if (j + ahead < touched.size()) {
                const auto x = touched[j + ahead];
                people_prefetch(&ws.partials[x]);
                if (j + ahead >= figured) {  // seen since the last check: its figures are read below
                    people_prefetch(&ws.prior.strength[x]);
                    people_prefetch(&ws.prior.degree[x]);
                    if (novelty) people_prefetch(&ws.prior.novelty[x]);
                }
            }
            const auto v = touched[j];
            auto& r = ws.partials[v];
            if (r.degree == people_to_meet_workspace::no_figures) {  // first look at v's figures
                r.prior = prior_value(ws, q, v, opt);
                r.degree = static_cast<std::uint32_t>(priv ? s.degree(v) : ws.prior.degree[v]);
            }
            const double lb = r.sum + r.prior;
            if (lb > 0 && lb >= kth_lb) lbs.push_back(lb);
        }
        figured = touched.size();
        ws.walked.clear();
        for (const auto* l : {&l1, l2}) {
            if (!prior_scores || !l) continue;
            std::size_t found = 0;
            for (std::size_t j = 0; j < nl && found < opt.k; ++j) {
                const auto v = (*l)[j];
                if (!eligible_stranger(v) || ws.walked.is_set(v)) continue;
                const double p = prior_part(ws, q, v, opt);
                if (!(p > 0)) break;  // the rest of the list has no activity (or novelty) either
                ws.walked.set(v);
                if (p >= kth_lb) lbs.push_back(p);
                ++found;
            }
        }
        double T = 0;
        if (lbs.size() >= opt.k) {
            std::nth_element(lbs.begin(), lbs.begin() + static_cast<std::ptrdiff_t>(opt.k - 1), lbs.end(),
                             [](double x, double y) { return x > y; });
            kth_lb = lbs[opt.k - 1];
            T = kth_lb * down;
        }
        if (!all && !(R < T)) return false;
        auto& chosen = ws.chosen;
        chosen.clear();
        std::uint64_t cost = 0;
        const std::uint64_t budget = all ? exhaustive_cost : rest[i];
        for (std::size_t j = 0; j < touched.size(); ++j) {
            if (j + ahead < touched.size()) people_prefetch(&ws.partials[touched[j + ahead]]);
            const auto v = touched[j];
            const auto& r = ws.partials[v];
            const double ub = r.sum + r.prior + std::min(R, largest(i, r.degree - r.count));
            if (ub * up < T) continue;
            chosen.emplace_back(ub, v);
            cost += eval_cost(v);
            if (cost >= budget) return false;
        }
        ws.walked.clear();
        for (std::size_t j = 0; j < nl && list_bound(j) + R >= T && list_bound(j) > 0; ++j) {
            if (!all && j >= 4096) return false;
            for (const auto* l : {&l1, l2}) {
                if (!l) continue;
                const auto v = (*l)[j];
                if (!eligible_stranger(v) || ws.walked.is_set(v)) continue;
                ws.walked.set(v);
                const double ub = prior_part(ws, q, v, opt) + std::min(R, largest(i, s.degree(v)));
                if (ub * up < T) continue;
                chosen.emplace_back(ub, v);
                cost += eval_cost(v);
            }
            if (cost >= budget) return false;
        }
        // Exact scores, best bound first; once k exact scores exceed the next bound, stop.
        std::sort(chosen.begin(), chosen.end(), scored_before);  // best bound first
        auto& top = ws.top_exact;  // min-heap of the k best exact scores so far
        top.clear();
        double T2 = T;
        for (const auto& cv : chosen) {
            if (cv.first * up < T2) break;
            exact_sums(ws, q, cv.second);
            const double sc = pair_score(ws, q, cv.second, opt);
            if (sc > 0) ranked.emplace_back(sc, cv.second);
            top.push_back(sc);
            std::push_heap(top.begin(), top.end(), std::greater<double>());
            if (top.size() > opt.k) {
                std::pop_heap(top.begin(), top.end(), std::greater<double>());
                top.pop_back();
            }
            if (top.size() == opt.k) T2 = std::max(T2, top.front() * down);
        }
        return true;
    };

    std::uint64_t done = 0, last_check = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const my_contact& c = cs[order[i]];
        const std::uint64_t d = s.degree(c.z);
        if (d >= 64 && done + d >= 2 * last_check) {
            last_check = done + d;
            if (try_finish(i)) {
                ws.used_fast_path = true;
                return true;
            }
        }
        ++ws.contacts_spread;
        done += d;
        ws.scanned_arcs += d;
        ws.spread_arcs += d;
        for (auto b = s.arc_begin(c.z), f = s.arc_end(c.z); b != f; ++b) {
            if (f - b > ahead) people_prefetch(&ws.partials[s.arc_target(b + ahead)]);
            if (!c.clean && !usable(b)) continue;
            const auto [v, cost] = s.arc_entry(b);
            // Usable arcs reach no excluded person: my visible contacts among them are my usable ones.
            if (v == q.me || ws.is_usable_contact(v)) continue;
            auto& r = ws.partials[v];
            if (r.stamp != gen) {
                r.stamp = gen;
                r.sum = 0;
                r.count = 0;
                r.degree = people_to_meet_workspace::no_figures;
                ws.touched.push_back(v);
            }
            r.count += 1;
            r.sum += w ? (c.wuz * ws.warmth[cost]) * c.inv_s : c.inv_d;
        }
    }
    if (try_finish(n)) {
        ws.used_fast_path = true;
        return true;
    }
    // Hand over to the exhaustive pass with the per-query marks it expects.
    ws.candidate.clear();
    ws.walked.clear();
    ws.touched.clear();
    ws.walked_list.clear();
    return false;
}

inline void check_people_options(const char* fn, const people_to_meet_options& opt) {
    if (!(opt.min_tie_warmth >= 0.0 && opt.min_tie_warmth <= 1.0))
        throw invalid_argument(std::string(fn) + ": min_tie_warmth " + std::to_string(opt.min_tie_warmth) +
                               " is outside [0,1]");
    if (!(opt.katz_beta > 0.0 && opt.katz_beta < 1.0))
        throw invalid_argument(std::string(fn) + ": katz_beta " + std::to_string(opt.katz_beta) + " is outside (0,1)");
    if (!(opt.activity_weight >= 0.0 && std::isfinite(opt.activity_weight)))
        throw invalid_argument(std::string(fn) + ": activity_weight " + std::to_string(opt.activity_weight) +
                               " is negative or not finite");
    if (!(opt.novelty_weight >= 0.0 && std::isfinite(opt.novelty_weight)))
        throw invalid_argument(std::string(fn) + ": novelty_weight " + std::to_string(opt.novelty_weight) +
                               " is negative or not finite");
    if (!(opt.novelty_days > 0.0 && std::isfinite(opt.novelty_days)))
        throw invalid_argument(std::string(fn) + ": novelty_days " + std::to_string(opt.novelty_days) +
                               " is not positive");
}

inline std::vector<std::string> sorted_intersection(std::vector<std::string> a, std::vector<std::string> b) {
    std::sort(a.begin(), a.end());
    a.erase(std::unique(a.begin(), a.end()), a.end());
    std::sort(b.begin(), b.end());
    b.erase(std::unique(b.begin(), b.end()), b.end());
    std::vector<std::string> out;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

/// Fills mutual contacts and talking points of suggestion `v` for `me`. Uses ws.contact_warmth
/// from the last accumulation. O(min(deg v, cost of finding each of my contacts' tie to v) +
/// mutuals log mutuals + talking points).
inline void explain_suggestion(const people_to_meet_workspace& ws, snapshot::vertex_type me, snapshot::vertex_type v,
                               const people_to_meet_options& opt, person_suggestion& out) {
    const snapshot& s = *ws.graph_;
    std::vector<mutual_contact> m;
    auto consider = [&](snapshot::vertex_type z, snapshot::arc_index a) {  // a: an arc of the tie v - z
        // My usable contacts are the bit set's (V bits: stays in cache, unlike the stamp arrays).
        if (!ws.is_usable_contact(z)) return;
        if (z == me || !ws.contact.is_set(z) || ws.contact_warmth[z] <= 0.0 || ws.excluded.is_set(z)) return;
        if (s.has_private_ties() && !s.arc_visible(a, me)) return;
        if (opt.min_tie_warmth > 0 && s.arc_warmth(a) < opt.min_tie_warmth) return;
        m.push_back(mutual_contact{s.id_of(z), ws.contact_warmth[z], ws.arc_warmth(a)});
    };
    // A hub's mutual contacts are found from my usable contacts (the same set; sorted below).
    const std::uint64_t dv = s.degree(v);
    std::uint64_t by_contacts = 0;
    for (const my_contact& c : ws.my_contacts) {
        by_contacts += ws.find_cost(c.z, v);
        if (by_contacts >= dv) break;
    }
    if (by_contacts < dv) {
        for (const my_contact& c : ws.my_contacts) {
            const bool from_z = ws.hub_slot[c.z] != ws.no_slot || (ws.hub_slot[v] == ws.no_slot && s.degree(c.z) <= dv);
            if (const auto a = from_z ? ws.find_arc(c.z, v) : ws.find_arc(v, c.z)) consider(c.z, *a);
        }
    } else {
        for (auto a = s.arc_begin(v), e = s.arc_end(v); a != e; ++a) consider(s.arc_target(a), a);
    }
    std::sort(m.begin(), m.end(), [](const mutual_contact& x, const mutual_contact& y) {
        const double px = x.my_warmth * x.their_warmth, py = y.my_warmth * y.their_warmth;
        return px != py ? px > py : x.who < y.who;
    });
    out.mutual_count = m.size();
    if (m.size() > opt.max_mutuals) m.resize(opt.max_mutuals);
    out.mutuals = std::move(m);
    out.shared_interests = sorted_intersection(s.person_at(me).interests, s.person_at(v).interests);
    std::vector<std::uint32_t> g;
    const auto& gm = s.groups_of(me);
    const auto& gv = s.groups_of(v);
    std::set_intersection(gm.begin(), gm.end(), gv.begin(), gv.end(), std::back_inserter(g));
    for (auto x : g) out.shared_groups.push_back(s.group_at(x).name);
    std::sort(out.shared_groups.begin(), out.shared_groups.end());
    const auto om = s.organization_of(me), ov = s.organization_of(v);
    if (om && ov && *om == *ov) out.shared_organization = s.organization_name(*om);
}

/// The k best of `ranked` (score, person) in `scored_before` order (`ranked` is partially sorted
/// in place), each explained for `me` (explain_suggestion). O(r log k + k explanations) for r
/// ranked people.
inline std::vector<person_suggestion> explained_top_k(const people_to_meet_workspace& ws, snapshot::vertex_type me,
                                                      std::vector<std::pair<double, snapshot::vertex_type>>& ranked,
                                                      const people_to_meet_options& opt) {
    const std::size_t k = std::min(opt.k, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(k), ranked.end(), scored_before);
    std::vector<person_suggestion> out;
    out.reserve(k);
    for (std::size_t i = 0; i < k; ++i) {
        person_suggestion ps;
        ps.who = ws.graph().id_of(ranked[i].second);
        ps.score = ranked[i].first;
        explain_suggestion(ws, me, ranked[i].second, opt, ps);
        out.push_back(std::move(ps));
    }
    return out;
}

} // namespace detail

// ------------------------------------------------------------------------------- tier 2

/// The k people `me` should meet next on snapshot `ws.graph()`, best first, explained.
/// Complexity: O(sum of me's contacts' degrees + c log k) for c friends of friends at worst;
/// resource allocation and kith_default usually stop after the contacts with small degrees
/// (see detail::fast_top_k: the same answer, bit for bit), plus
/// O(k + skipped) for the activity-ranked strangers (kith_default and preferential attachment),
/// plus O(deg) per result for mutual contacts; Katz and Jaccard add the degrees of the
/// candidates; exclusions add the degrees of the excluded people and of the scored people tied
/// to them.
/// Returns: at most k suggestions with positive score, by score descending then person id.
/// Never an existing contact (through a tie I may see), me, or an excluded person. Equals the
/// answer on my visible sub-network (ties I may not see and excluded people removed). Exact.
/// Throws: `unknown_person` (me not in the snapshot), `invalid_argument` (options out of range,
/// or `ws` bound to another snapshot).
inline std::vector<person_suggestion> suggest_people_to_meet(const snapshot& s, person_id me,
                                                             const people_to_meet_options& opt,
                                                             people_to_meet_workspace& ws) {
    constexpr const char* fn = "suggest_people_to_meet";
    if (&ws.graph() != &s) throw invalid_argument(std::string(fn) + ": the workspace belongs to another snapshot");
    detail::check_people_options(fn, opt);
    const auto mv = s.find_vertex(me);
    if (!mv) throw unknown_person(std::string(fn) + ": unknown person id " + std::to_string(me.value()));
    std::vector<person_suggestion> out;
    if (opt.k == 0) return out;
    const detail::people_query q = detail::prepare_query(ws, *mv, opt);
    if (ws.excluded.is_set(*mv)) return out;
    std::vector<std::pair<double, snapshot::vertex_type>> ranked;
    const bool fast = detail::fast_top_k(ws, q, opt, ranked);
    if (!fast) {
        detail::spread_two_hop(ws, q, opt);
        ranked.reserve(ws.touched.size() + opt.k);
        for (auto v : ws.touched) {
            const double sc = detail::pair_score(ws, q, v, opt);
            if (sc > 0) ranked.emplace_back(sc, v);
        }
    }
    const bool w = opt.weighting == link_weighting::warmth;
    const bool novelty = opt.score == link_score::kith_default && opt.novelty_weight > 0 && q.my_novelty > 0;
    const bool prior_scores = opt.score == link_score::preferential_attachment ||
                              (opt.score == link_score::kith_default && (opt.activity_weight > 0 || novelty));
    if (!fast && prior_scores && q.my_degree > 0) {
        // Strangers (not friends of friends) score c1 * a_v + c2 * n_v (a_v: public strength or
        // degree, n_v: novelty). Threshold algorithm over the two lists sorted by a and by n: stop
        // once k eligible strangers beat the best score an unseen person could still reach.
        const auto& l1 = w ? ws.prior.by_strength : ws.prior.by_degree;
        const std::vector<snapshot::vertex_type>* l2 = novelty ? &ws.prior.by_novelty : nullptr;
        auto key1 = [&](snapshot::vertex_type v) { return w ? ws.prior.strength[v] : static_cast<double>(ws.prior.degree[v]); };
        double c1 = 0, c2 = 0;
        if (opt.score == link_score::preferential_attachment) {
            c1 = w ? q.my_public_strength : q.my_public_degree;
        } else {
            // The query's totals (without excluded people's ties) with the precomputed per-person
            // keys: excluding people only lowers a figure, so the bound stays an upper bound.
            const double tot = w ? q.total_strength : q.total_degree;
            c1 = tot > 0 ? opt.activity_weight * (w ? q.my_public_strength : q.my_public_degree) / tot : 0.0;
            c2 = novelty && q.total_novelty > 0 ? opt.novelty_weight * q.my_novelty / q.total_novelty : 0.0;
        }
        ws.walked.clear();  // "seen" marks (Katz is not a prior score)
        auto worse_first = [](const std::pair<double, snapshot::vertex_type>& x,
                              const std::pair<double, snapshot::vertex_type>& y) {
            return x.first != y.first ? x.first > y.first : x.second < y.second;
        };  // heap top = the worst kept
        std::vector<std::pair<double, snapshot::vertex_type>> heap;
        std::size_t i1 = 0, i2 = 0;
        const std::size_t n = l1.size();
        auto visit = [&](snapshot::vertex_type v) {
            if (ws.walked.is_set(v)) return;
            ws.walked.set(v);
            if (ws.contact.is_set(v) || ws.excluded.is_set(v) || ws.candidate.is_set(v)) return;
            const double sc = detail::pair_score(ws, q, v, opt);
            if (!(sc > 0)) return;
            const std::pair<double, snapshot::vertex_type> e{sc, v};
            if (heap.size() < opt.k) {
                heap.push_back(e);
                std::push_heap(heap.begin(), heap.end(), worse_first);
            } else if (worse_first(e, heap.front())) {
                std::pop_heap(heap.begin(), heap.end(), worse_first);
                heap.back() = e;
                std::push_heap(heap.begin(), heap.end(), worse_first);
            }
        };
        while (i1 < n || (l2 && i2 < n)) {
            // The bound is c1 * a + c2 * n, while a stranger's score is computed as pair_score
            // computes it (another order of the same products): the two may differ in the last
            // bit, so the bound carries the fast pass's relative margin. Without it an unseen
            // stranger whose score equals the k-th kept one, but whose id is smaller, was left
            // out (found by a soak: 1 query in 30,000).
            const double bound = ((i1 < n ? c1 * key1(l1[i1]) : 0.0) + (l2 && i2 < n ? c2 * ws.prior.novelty[(*l2)[i2]] : 0.0)) *
                                 (1.0 + 1e-9);
            if (!(bound > 0)) break;
            if (heap.size() == opt.k && heap.front().first > bound) break;
            if (i1 < n) visit(l1[i1++]);
            if (l2 && i2 < n) visit((*l2)[i2++]);
        }
        ranked.insert(ranked.end(), heap.begin(), heap.end());
    }
    return detail::explained_top_k(ws, *mv, ranked, opt);
}

/// As above with a workspace made for this call (O(V log V + E) extra: keep a workspace per
/// thread when asking more than once).
inline std::vector<person_suggestion> suggest_people_to_meet(const snapshot& s, person_id me,
                                                             const people_to_meet_options& opt = {}) {
    people_to_meet_workspace ws(s);
    return suggest_people_to_meet(s, me, opt, ws);
}

// ------------------------------------------------------------------------------- calibration

/// Options of `calibrate_people_to_meet`.
struct people_to_meet_calibration_options {
    /// At most this many new ties (positives) are sampled, > 0. Default 2000.
    std::size_t max_positives = 2000;
    /// How many random non-ties, and as many distance-2 non-ties, are sampled, > 0. Default 2000.
    std::size_t negatives = 2000;
    /// Seed of the sampling (the answer is a function of the snapshots, the options and the seed).
    std::uint64_t seed = 1;
    /// The novelty time scales (days, each > 0) tried, besides the starting one.
    std::vector<double> novelty_days{2.0, 3.5, 7.0, 14.0, 28.0};
    /// Weight in [0,1] of the AUC against distance-2 non-ties in the objective (the rest goes to
    /// the AUC against random non-ties). Default 0: on the evaluation of docs/suggestions.md a
    /// weight of 0.25 or 0.5 lets the priors grow until precision@10 drops on the random splits.
    double hard_weight = 0.0;
};

/// What `calibrate_people_to_meet` fitted, and how well.
struct people_to_meet_calibration {
    /// The starting options with `weighting`, `activity_weight`, `novelty_weight` and
    /// `novelty_days` replaced by the fitted ones: pass them to `suggest_people_to_meet`.
    people_to_meet_options options{};
    /// The training objective ((1 - hard_weight) x the AUC against random non-ties + hard_weight
    /// x the AUC against distance-2 non-ties; equal scores count 1/2) of the starting options and
    /// of the fitted ones; objective_after >= objective_before.
    double objective_before = 0;
    double objective_after = 0;
    double auc_random = 0;  ///< fitted options, against random non-ties
    double auc_hard = 0;    ///< fitted options, against distance-2 non-ties
    std::size_t positives = 0, random_negatives = 0, hard_negatives = 0;
    std::size_t settings_tried = 0;  ///< weight settings evaluated
};

namespace detail {

// AUC of positives against negatives (equal scores count 1/2). `neg` is sorted in place.
inline double calibration_auc(const std::vector<double>& pos, std::vector<double>& neg) {
    if (pos.empty() || neg.empty()) return 0.0;
    std::sort(neg.begin(), neg.end());
    double sum = 0;
    for (const double p : pos) {
        const auto lo = std::lower_bound(neg.begin(), neg.end(), p) - neg.begin();
        const auto hi = std::upper_bound(neg.begin(), neg.end(), p) - neg.begin();
        sum += static_cast<double>(lo) + 0.5 * static_cast<double>(hi - lo);
    }
    return sum / (static_cast<double>(pos.size()) * static_cast<double>(neg.size()));
}

/// The pairs a calibration learns from (see calibrate_people_to_meet), as vertices of `before`:
/// positives (new public ties), random non-ties, distance-2 non-ties. `ws` is bound to `before`.
struct calibration_sample {
    std::vector<std::pair<snapshot::vertex_type, snapshot::vertex_type>> pos, neg[2];
};
inline calibration_sample sample_calibration_pairs(const snapshot& before, const snapshot& after,
                                                   const people_to_meet_workspace& ws,
                                                   const people_to_meet_calibration_options& copt) {
    using vertex = snapshot::vertex_type;
    calibration_sample out;
    const std::size_t n = before.num_people();
    std::vector<vertex> pool;
    for (vertex v = 0; v < n; ++v)
        if (ws.prior.degree[v] > 0) pool.push_back(v);
    auto in_before = [&](vertex av) -> std::optional<vertex> {
        const auto b = before.find_vertex(after.id_of(av));
        if (b && ws.prior.degree[*b] > 0) return b;
        return std::nullopt;
    };
    auto tied_anywhere = [&](vertex a, vertex b) {
        if (before.find_arc(a, b)) return true;
        const auto x = after.find_vertex(before.id_of(a)), y = after.find_vertex(before.id_of(b));
        return x && y && after.find_arc(*x, *y).has_value();
    };
    // Positives: public ties of `after` that are new between two people active in `before`.
    std::vector<std::pair<vertex, vertex>>& pos = out.pos;
    for (vertex v = 0; v < after.num_people(); ++v)
        for (auto a = after.arc_begin(v), e = after.arc_end(v); a != e; ++a) {
            const vertex t = after.arc_target(a);
            if (t <= v || after.arc_is_private(a)) continue;
            const auto bv = in_before(v), bt = in_before(t);
            if (!bv || !bt || *bv == *bt || before.find_arc(*bv, *bt)) continue;
            pos.emplace_back(std::min(*bv, *bt), std::max(*bv, *bt));
        }
    std::sort(pos.begin(), pos.end());
    std::mt19937_64 rng(copt.seed);
    auto pick = [&](std::size_t m) { return static_cast<std::size_t>(rng() % m); };
    for (std::size_t i = pos.size(); i > 1; --i) std::swap(pos[i - 1], pos[pick(i)]);  // portable shuffle
    if (pos.size() > copt.max_positives) pos.resize(copt.max_positives);
    // A new tie has no asker: each positive gets an orientation from a hash of the pair (the
    // model's features are asymmetric; the blend's score is symmetric and does not care).
    for (auto& [a, b] : pos) {
        std::uint64_t h = (static_cast<std::uint64_t>(a) << 32 | b) + copt.seed + 0x9e3779b97f4a7c15ull;
        h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ull;
        h = (h ^ (h >> 27)) * 0x94d049bb133111ebull;
        if ((h ^ (h >> 31)) & 1) std::swap(a, b);
    }
    // Negatives: 0 random, 1 distance 2.
    auto& neg = out.neg;
    if (pool.size() >= 2) {
        const std::size_t tries = 100 * copt.negatives;
        for (std::size_t t = 0; t < tries && neg[0].size() < copt.negatives; ++t) {
            const vertex a = pool[pick(pool.size())], b = pool[pick(pool.size())];
            if (a != b && !tied_anywhere(a, b)) neg[0].emplace_back(a, b);
        }
        for (std::size_t t = 0; t < tries && neg[1].size() < copt.negatives; ++t) {
            const vertex a = pool[pick(pool.size())];
            const auto x = before.arc_begin(a) + pick(before.degree(a));
            if (before.arc_is_private(x)) continue;
            const vertex z = before.arc_target(x);
            const auto y = before.arc_begin(z) + pick(before.degree(z));
            const vertex b = before.arc_target(y);
            if (before.arc_is_private(y) || a == b || tied_anywhere(a, b)) continue;
            neg[1].emplace_back(a, b);
        }
    }
    return out;
}

} // namespace detail

/// Fits kith's default blend to the user's own history (supervised calibration, Lichtenwalter et
/// al. 2010): `before` is the network as of an earlier time, `after` as of now. Positives are
/// the public ties of `after` between two people who both had a public tie in `before` but not
/// to each other (ties formed since); negatives are pairs tied in neither snapshot, half drawn
/// uniformly among people with a public tie in `before`, half at distance 2 there (a two-step
/// walk over public ties). People are matched by person id. Each pair's score parts are
/// computed on `before` exactly as `suggest_people_to_meet` scores them (two-hop resource
/// allocation as the asker may see it, activity prior, novelty prior for each time scale); then
/// the weighting (warmth or unweighted), activity_weight (0 or 2^-8 .. 2^4), novelty_weight (0 or
/// 1 .. 2^12) and novelty_days (the starting one and `copt.novelty_days`) that maximise the
/// objective are chosen by a grid search refined by coordinate ascent (steps of 2^(1/4)), the
/// first best in a fixed order, kept only when strictly better than the starting options. The
/// score keeps its form (two-hop sum + weighted priors), so the pruned pass stays exact.
/// `start.excluded` is not used while fitting and is returned as given.
/// Complexity: O((V + E) log E) per novelty time scale, plus one two-hop accumulation per
/// distinct asker among the sampled pairs, plus O(G P log P) for G settings (about 2,000) and
/// P sampled pairs. Deterministic. With no positive or no negative pair found, returns the
/// starting options unchanged (positives or negatives 0, objectives 0).
/// Throws: `invalid_argument` (start.score is not kith_default, options out of range, a count of
/// 0 or a time scale not positive).
inline people_to_meet_calibration calibrate_people_to_meet(const snapshot& before, const snapshot& after,
                                                           const people_to_meet_options& start = {},
                                                           const people_to_meet_calibration_options& copt = {}) {
    constexpr const char* fn = "calibrate_people_to_meet";
    detail::check_people_options(fn, start);
    if (start.score != link_score::kith_default)
        throw invalid_argument(std::string(fn) + ": start.score " + std::string(to_string(start.score)) +
                               " is not kith_default (only the default blend has weights to fit)");
    if (!(copt.hard_weight >= 0.0 && copt.hard_weight <= 1.0))
        throw invalid_argument(std::string(fn) + ": hard_weight " + std::to_string(copt.hard_weight) +
                               " is outside [0,1]");
    if (copt.max_positives == 0 || copt.negatives == 0)
        throw invalid_argument(std::string(fn) + ": max_positives " + std::to_string(copt.max_positives) +
                               " and negatives " + std::to_string(copt.negatives) + " must be positive");
    std::vector<double> days_grid{start.novelty_days};
    for (const double d : copt.novelty_days) {
        if (!(d > 0.0 && std::isfinite(d)))
            throw invalid_argument(std::string(fn) + ": novelty time scale " + std::to_string(d) + " is not positive");
        if (std::find(days_grid.begin(), days_grid.end(), d) == days_grid.end()) days_grid.push_back(d);
    }
    people_to_meet_calibration out;
    out.options = start;
    using vertex = snapshot::vertex_type;
    people_to_meet_workspace ws(before);
    const detail::calibration_sample sample = detail::sample_calibration_pairs(before, after, ws, copt);
    const auto& pos = sample.pos;
    const auto& neg = sample.neg;
    out.positives = pos.size();
    out.random_negatives = neg[0].size();
    out.hard_negatives = neg[1].size();
    if (pos.empty() || (neg[0].empty() && neg[1].empty())) return out;

    // Score parts of every pair: two-hop (weighted, unweighted), activity (strength, degree) and
    // novelty per time scale, as pair_score computes them without exclusions.
    struct pair_parts {
        vertex u, v;
        int label;  // 0 positive, 1 random negative, 2 distance-2 negative
        double hop[2], act[2];
        std::vector<double> nov;
    };
    std::vector<pair_parts> pp;
    auto push = [&](const std::vector<std::pair<vertex, vertex>>& l, int label) {
        for (const auto& [u, v] : l) pp.push_back(pair_parts{u, v, label, {0, 0}, {0, 0}, {}});
    };
    push(pos, 0);
    push(neg[0], 1);
    push(neg[1], 2);
    std::stable_sort(pp.begin(), pp.end(), [](const pair_parts& x, const pair_parts& y) { return x.u < y.u; });
    people_to_meet_options o = start;
    o.excluded.clear();
    o.score = link_score::resource_allocation;  // the two-hop sums only
    for (std::size_t i = 0; i < pp.size();) {
        std::size_t j = i;
        while (j < pp.size() && pp[j].u == pp[i].u) ++j;
        const detail::people_query q = detail::accumulate_two_hop(ws, pp[i].u, o);
        for (std::size_t x = i; x < j; ++x) {
            const vertex v = pp[x].v;
            const bool cand = ws.candidate.is_set(v);
            pp[x].hop[0] = cand ? ws.sums[v].wra : 0.0;
            pp[x].hop[1] = cand ? ws.sums[v].ra : 0.0;
            pp[x].act[0] = ws.prior.total_strength > 0
                               ? q.my_public_strength * ws.prior.strength[v] / ws.prior.total_strength : 0.0;
            pp[x].act[1] = ws.prior.total_degree > 0
                               ? q.my_public_degree * static_cast<double>(ws.prior.degree[v]) / ws.prior.total_degree : 0.0;
        }
        i = j;
    }
    for (const double d : days_grid) {
        ws.prior.compute_novelty(before, d);
        for (pair_parts& x : pp)
            x.nov.push_back(ws.prior.total_novelty > 0
                                ? ws.prior.novelty[x.u] * ws.prior.novelty[x.v] / ws.prior.total_novelty : 0.0);
    }
    // The objective of one setting (w: 0 warmth 1 unweighted; di: index in days_grid).
    std::vector<double> sp, sn[2];
    auto objective = [&](int w, std::size_t di, double aw, double nw) {
        ++out.settings_tried;
        sp.clear();
        sn[0].clear();
        sn[1].clear();
        for (const pair_parts& x : pp) {
            const double sc = x.hop[w] + aw * x.act[w] + nw * x.nov[di];
            (x.label == 0 ? sp : sn[x.label - 1]).push_back(sc);
        }
        const double r = detail::calibration_auc(sp, sn[0]), h = detail::calibration_auc(sp, sn[1]);
        if (sn[0].empty()) return h;
        if (sn[1].empty()) return r;
        return (1.0 - copt.hard_weight) * r + copt.hard_weight * h;
    };
    struct setting {
        int w;
        std::size_t di;
        double aw, nw;
    };
    setting best{start.weighting == link_weighting::warmth ? 0 : 1, 0, start.activity_weight, start.novelty_weight};
    double best_obj = objective(best.w, best.di, best.aw, best.nw);
    out.objective_before = best_obj;
    auto consider = [&](const setting& c) {
        const double ob = objective(c.w, c.di, c.aw, c.nw);
        if (ob > best_obj + 1e-12) {
            best_obj = ob;
            best = c;
            return true;
        }
        return false;
    };
    std::vector<double> act_grid{0.0}, nov_grid{0.0};
    for (int e = -8; e <= 4; ++e) act_grid.push_back(std::ldexp(1.0, e));
    for (int e = 0; e <= 12; ++e) nov_grid.push_back(std::ldexp(1.0, e));
    for (int w = 0; w < 2; ++w)
        for (std::size_t di = 0; di < days_grid.size(); ++di)
            for (const double aw : act_grid)
                for (const double nw : nov_grid) consider(setting{w, di, aw, nw});
    // Coordinate ascent around the best setting, steps of 2^(1/4) then 2^(1/16).
    for (const double step : {std::pow(2.0, 0.25), std::pow(2.0, 0.0625)})
        for (int round = 0; round < 32; ++round) {
            bool moved = false;
            for (int coord = 0; coord < 2; ++coord)
                for (const double f : {step, 1.0 / step}) {
                    setting c = best;
                    double& x = coord == 0 ? c.aw : c.nw;
                    if (x == 0) continue;
                    x *= f;
                    if (std::isfinite(x) && consider(c)) moved = true;
                }
            if (!moved) break;
        }
    out.objective_after = best_obj;
    out.options.weighting = best.w == 0 ? link_weighting::warmth : link_weighting::unweighted;
    out.options.novelty_days = days_grid[best.di];
    out.options.activity_weight = best.aw;
    out.options.novelty_weight = best.nw;
    objective(best.w, best.di, best.aw, best.nw);
    --out.settings_tried;
    out.auc_random = detail::calibration_auc(sp, sn[0]);
    out.auc_hard = detail::calibration_auc(sp, sn[1]);
    return out;
}

// ------------------------------------------------------------------------------- log-linear model

/// A log-linear people-to-meet model: logistic regression on 17 features of a pair (u, v),
/// fitted to a user's own history by `fit_people_to_meet_model` and ranked by
/// `suggest_people_to_meet_by_model`. Features, in order: unweighted common neighbours, resource
/// allocation, Adamic-Adar, Katz, d_u d_v, d_u, d_v; the same with warmth (strengths s for
/// degrees); novelty n_u n_v, n_u, n_v (public figures for the prior side, as kith_default).
/// Feature j enters as x_j = (log1p(f_j / mean_j) - center_j) / scale_j (a non-positive mean or
/// scale counts as 1); the log-odds are bias + sum weight_j x_j. Weights may be negative, so
/// the score is not monotone in the two-hop sums: the pruned pass does not apply and every
/// eligible person is scored.
struct people_to_meet_model {
    static constexpr std::size_t num_features = 17;
    std::array<double, num_features> weight{}, mean{}, center{}, scale{};
    double bias = 0;
    double novelty_days = 7.0;  ///< time scale of the novelty features (> 0)
    double katz_beta = 0.05;    ///< Katz damping of the two Katz features, in (0,1)
    /// The log-odds of a feature vector. O(num_features).
    double log_odds(const std::array<double, num_features>& f) const {
        double z = bias;
        for (std::size_t j = 0; j < num_features; ++j) {
            const double m = mean[j] > 0 ? mean[j] : 1.0, sc = scale[j] > 0 ? scale[j] : 1.0;
            z += weight[j] * ((std::log1p(f[j] / m) - center[j]) / sc);
        }
        return z;
    }
};

/// What `fit_people_to_meet_model` fitted.
struct people_to_meet_model_fit {
    people_to_meet_model model{};
    double auc_random = 0;  ///< training AUC of the model, new ties against random non-ties
    std::size_t positives = 0, random_negatives = 0;
};

namespace detail {

/// Fills half of v's model features from a query q run with Katz and weighting `warmth` (false:
/// features 0-6, true: 7-16). `my_novelty` is the asker's novelty for the model's time scale.
inline void model_features(const people_to_meet_workspace& ws, const people_query& q, snapshot::vertex_type v,
                           bool warmth, const people_to_meet_options& katz_opt, double my_novelty,
                           std::array<double, people_to_meet_model::num_features>& f) {
    static const two_hop_sums zero{};
    const two_hop_sums& x = ws.candidate.is_set(v) ? ws.sums[v] : zero;
    const double kz = pair_score(ws, q, v, katz_opt);
    if (!warmth) {
        const double dv = prior_degree(ws, v);
        f[0] = x.cn, f[1] = x.ra, f[2] = x.aa, f[3] = kz;
        f[4] = q.my_public_degree * dv, f[5] = q.my_public_degree, f[6] = dv;
    } else {
        const double sv = prior_strength(ws, v), nv = prior_novelty(ws, v);
        f[7] = x.wcn, f[8] = x.wra, f[9] = x.waa, f[10] = kz;
        f[11] = q.my_public_strength * sv, f[12] = q.my_public_strength, f[13] = sv;
        f[14] = my_novelty * nv, f[15] = my_novelty, f[16] = nv;
    }
}

/// The Katz options of the model's two passes.
inline people_to_meet_options model_pass_options(const people_to_meet_model& m, const people_to_meet_options& base,
                                                 bool warmth) {
    people_to_meet_options o = base;
    o.score = link_score::katz;
    o.weighting = warmth ? link_weighting::warmth : link_weighting::unweighted;
    o.katz_beta = m.katz_beta;
    return o;
}

inline void check_model(const char* fn, const people_to_meet_model& m) {
    if (!(m.novelty_days > 0.0 && std::isfinite(m.novelty_days)))
        throw invalid_argument(std::string(fn) + ": model novelty_days " + std::to_string(m.novelty_days) + " is not positive");
    if (!(m.katz_beta > 0.0 && m.katz_beta < 1.0))
        throw invalid_argument(std::string(fn) + ": model katz_beta " + std::to_string(m.katz_beta) + " is outside (0,1)");
    for (std::size_t j = 0; j < people_to_meet_model::num_features; ++j)
        if (!std::isfinite(m.weight[j]) || !std::isfinite(m.mean[j]) || !std::isfinite(m.center[j]) || !std::isfinite(m.scale[j]))
            throw invalid_argument(std::string(fn) + ": model feature " + std::to_string(j) + " has a value that is not finite");
    if (!std::isfinite(m.bias)) throw invalid_argument(std::string(fn) + ": model bias is not finite");
}

} // namespace detail

/// Fits a `people_to_meet_model` to the user's own history: the same pairs as
/// calibrate_people_to_meet (new public ties of `after` between people active in `before`,
/// against random non-ties; distance-2 non-ties are not used), features computed on `before` as
/// `suggest_people_to_meet_by_model` computes them, logistic regression (3,000 steps of batch
/// gradient ascent, step 0.5, L2 penalty 1e-4, starting from 0) on the standardised log1p
/// features. Deterministic. With no positive or no negative pair, returns a zero model (every
/// score equal). `copt.novelty_days` and `copt.hard_weight` are not used.
/// Complexity: one two-hop accumulation with Katz per distinct asker and weighting, plus
/// O(3,000 x 17 x pairs).
/// Throws: `invalid_argument` (counts of 0, or `start` out of range).
inline people_to_meet_model_fit fit_people_to_meet_model(const snapshot& before, const snapshot& after,
                                                         const people_to_meet_calibration_options& copt = {},
                                                         const people_to_meet_model& start = {}) {
    constexpr const char* fn = "fit_people_to_meet_model";
    detail::check_model(fn, start);
    if (copt.max_positives == 0 || copt.negatives == 0)
        throw invalid_argument(std::string(fn) + ": max_positives " + std::to_string(copt.max_positives) +
                               " and negatives " + std::to_string(copt.negatives) + " must be positive");
    constexpr std::size_t d = people_to_meet_model::num_features;
    people_to_meet_model_fit out;
    out.model = start;
    out.model.weight = {};
    out.model.bias = 0;
    people_to_meet_workspace ws(before);
    const detail::calibration_sample sample = detail::sample_calibration_pairs(before, after, ws, copt);
    out.positives = sample.pos.size();
    out.random_negatives = sample.neg[0].size();
    if (sample.pos.empty() || sample.neg[0].empty()) return out;
    struct row {
        snapshot::vertex_type u, v;
        int label;
        std::array<double, d> f;
    };
    std::vector<row> rows;
    for (const auto& [u, v] : sample.pos) rows.push_back(row{u, v, 1, {}});
    for (const auto& [u, v] : sample.neg[0]) rows.push_back(row{u, v, 0, {}});
    std::stable_sort(rows.begin(), rows.end(), [](const row& x, const row& y) { return x.u < y.u; });
    if (ws.prior.novelty_days != start.novelty_days) ws.prior.compute_novelty(before, start.novelty_days);
    const people_to_meet_options base{};
    for (std::size_t i = 0; i < rows.size();) {
        std::size_t j = i;
        while (j < rows.size() && rows[j].u == rows[i].u) ++j;
        for (const bool warmth : {false, true}) {
            const people_to_meet_options o = detail::model_pass_options(start, base, warmth);
            const detail::people_query q = detail::accumulate_two_hop(ws, rows[i].u, o);
            const double my_nov = detail::prior_novelty(ws, rows[i].u);
            for (std::size_t x = i; x < j; ++x) detail::model_features(ws, q, rows[x].v, warmth, o, my_nov, rows[x].f);
        }
        i = j;
    }
    people_to_meet_model& m = out.model;
    const double nr = static_cast<double>(rows.size());
    for (std::size_t k = 0; k < d; ++k) {
        double s = 0;
        for (const row& r : rows) s += r.f[k];
        m.mean[k] = s / nr > 0 ? s / nr : 1.0;
    }
    std::vector<std::array<double, d>> X(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        for (std::size_t k = 0; k < d; ++k) X[i][k] = std::log1p(rows[i].f[k] / m.mean[k]);
    for (std::size_t k = 0; k < d; ++k) {
        double mu = 0, var = 0;
        for (const auto& x : X) mu += x[k] / nr;
        for (const auto& x : X) var += (x[k] - mu) * (x[k] - mu) / nr;
        m.center[k] = mu;
        m.scale[k] = var > 0 ? std::sqrt(var) : 1.0;
        for (auto& x : X) x[k] = (x[k] - mu) / m.scale[k];
    }
    std::array<double, d> g{};
    for (int it = 0; it < 3000; ++it) {
        g.fill(0.0);
        double gb = 0;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            double z = m.bias;
            for (std::size_t k = 0; k < d; ++k) z += m.weight[k] * X[i][k];
            const double r = (rows[i].label == 1 ? 1.0 : 0.0) - 1.0 / (1.0 + std::exp(-z));
            for (std::size_t k = 0; k < d; ++k) g[k] += r * X[i][k];
            gb += r;
        }
        for (std::size_t k = 0; k < d; ++k) m.weight[k] += 0.5 * (g[k] / nr - 1e-4 * m.weight[k]);
        m.bias += 0.5 * gb / nr;
    }
    std::vector<double> sp, sn;
    for (const row& r : rows) (r.label == 1 ? sp : sn).push_back(m.log_odds(r.f));
    out.auc_random = detail::calibration_auc(sp, sn);
    return out;
}

/// The k people `me` should meet by a fitted log-linear model (best first, log-odds as the
/// score, ties by person id), explained like suggest_people_to_meet. Uses opt.k, opt.excluded,
/// opt.max_mutuals and opt.min_tie_warmth (opt.score, weighting and weights are the model's).
/// Eligible: not me, not a contact through a tie I may see, not excluded, with a public tie or
/// a friend of a friend; privacy as suggest_people_to_meet (ties I may not see never count).
/// Complexity: O(V + E) per query (every eligible person is scored, Katz walks included) plus
/// two two-hop accumulations: meant for networks of up to about 1e5 ties per query budget of
/// milliseconds; not pruned. Returns an empty list for k = 0 or an excluded asker.
/// Throws: `unknown_person`, `invalid_argument` (options or model out of range, or `ws` bound to
/// another snapshot).
inline std::vector<person_suggestion> suggest_people_to_meet_by_model(const snapshot& s, person_id me,
                                                                      const people_to_meet_model& model,
                                                                      const people_to_meet_options& opt,
                                                                      people_to_meet_workspace& ws) {
    constexpr const char* fn = "suggest_people_to_meet_by_model";
    if (&ws.graph() != &s) throw invalid_argument(std::string(fn) + ": the workspace belongs to another snapshot");
    detail::check_people_options(fn, opt);
    detail::check_model(fn, model);
    const auto mv = s.find_vertex(me);
    if (!mv) throw unknown_person(std::string(fn) + ": unknown person id " + std::to_string(me.value()));
    std::vector<person_suggestion> out;
    if (opt.k == 0) return out;
    if (ws.prior.novelty_days != model.novelty_days) ws.prior.compute_novelty(s, model.novelty_days);
    const std::size_t n = s.num_people();
    constexpr std::size_t d = people_to_meet_model::num_features;
    std::vector<std::array<double, d>> f;
    std::vector<snapshot::vertex_type> eligible;
    for (const bool warmth : {false, true}) {
        const people_to_meet_options o = detail::model_pass_options(model, opt, warmth);
        const detail::people_query q = detail::accumulate_two_hop(ws, *mv, o);
        if (ws.excluded.is_set(*mv)) return out;
        const double my_nov = detail::prior_novelty(ws, *mv);
        if (!warmth) {
            for (snapshot::vertex_type v = 0; v < n; ++v)
                if (v != *mv && !ws.contact.is_set(v) && !ws.excluded.is_set(v) &&
                    (ws.candidate.is_set(v) || detail::prior_degree(ws, v) > 0))
                    eligible.push_back(v);
            f.assign(eligible.size(), {});
        }
        for (std::size_t i = 0; i < eligible.size(); ++i)
            detail::model_features(ws, q, eligible[i], warmth, o, my_nov, f[i]);
    }
    std::vector<std::pair<double, snapshot::vertex_type>> ranked;
    ranked.reserve(eligible.size());
    for (std::size_t i = 0; i < eligible.size(); ++i) ranked.emplace_back(model.log_odds(f[i]), eligible[i]);
    return detail::explained_top_k(ws, *mv, ranked, opt);
}

// ------------------------------------------------------------------------------- tier 1

/// A suggested vertex of a generic graph.
template <class Vertex>
struct vertex_suggestion {
    Vertex who{};
    double score = 0;
    std::size_t mutual_count = 0;
    friend bool operator==(const vertex_suggestion& x, const vertex_suggestion& y) {
        return x.who == y.who && x.score == y.score && x.mutual_count == y.mutual_count;
    }
    friend bool operator!=(const vertex_suggestion& x, const vertex_suggestion& y) { return !(x == y); }
};

/// Tier 1: the k best friends of friends of `u` on any symmetric Boost.Graph graph (each edge an
/// out-edge at both ends, no parallel edges), with `warmth` as the edge weight. Same scores and
/// order as the snapshot tier with every tie public (strangers included for the prior scores).
/// `opt.excluded` and `opt.max_mutuals` are ignored (vertex ids are not person ids).
/// Complexity: O(V + E) per call (degrees and strengths), plus the two-hop pass.
/// Throws: `invalid_argument` (options out of range).
template <class Graph, class WarmthMap>
std::vector<vertex_suggestion<typename boost::graph_traits<Graph>::vertex_descriptor>>
suggest_people_to_meet(const Graph& g, typename boost::graph_traits<Graph>::vertex_descriptor u, WarmthMap warmth,
                       const people_to_meet_options& opt = {}) {
    using vertex = typename boost::graph_traits<Graph>::vertex_descriptor;
    detail::check_people_options("suggest_people_to_meet", opt);
    auto index = get(boost::vertex_index, g);
    const std::size_t n = num_vertices(g);
    std::vector<vertex> at(n);
    for (auto [it, end] = vertices(g); it != end; ++it) at[get(index, *it)] = *it;
    const bool w = opt.weighting == link_weighting::warmth;
    auto ok = [&](double x) { return opt.min_tie_warmth <= 0 || x >= opt.min_tie_warmth; };
    std::vector<double> deg(n, 0), str(n, 0), udeg(n, 0), ustr(n, 0);
    double total_s = 0, total_d = 0;
    for (std::size_t x = 0; x < n; ++x)
        for (auto [e, end] = out_edges(at[x], g); e != end; ++e) {
            const double wt = get(warmth, *e);
            deg[x] += 1;
            str[x] += wt;
            if (ok(wt)) { udeg[x] += 1; ustr[x] += wt; }
        }
    for (std::size_t x = 0; x < n; ++x) { total_s += str[x]; total_d += deg[x]; }
    const std::size_t ui = get(index, u);
    std::vector<char> contact(n, 0);
    std::vector<double> cw(n, 0.0), walks2(n, 0.0);
    std::vector<detail::two_hop_sums> sums(n);
    std::vector<char> cand(n, 0);
    contact[ui] = 1;
    for (auto [e, end] = out_edges(u, g); e != end; ++e) contact[get(index, target(*e, g))] = 1;
    for (auto [e, end] = out_edges(u, g); e != end; ++e) {
        const double wuz = get(warmth, *e);
        if (!ok(wuz)) continue;
        const std::size_t z = get(index, target(*e, g));
        cw[z] = wuz;
        const double inv_d = 1.0 / udeg[z], inv_ld = 1.0 / std::log(udeg[z]), inv_s = 1.0 / ustr[z],
                     inv_ls = 1.0 / std::log1p(ustr[z]);
        for (auto [f, fend] = out_edges(at[z], g); f != fend; ++f) {
            const double wzv = get(warmth, *f);
            if (!ok(wzv)) continue;
            const std::size_t v = get(index, target(*f, g));
            if (v != ui) walks2[v] += w ? wuz * wzv : 1.0;
            if (contact[v]) continue;
            cand[v] = 1;
            const double p = wuz * wzv;
            sums[v].cn += 1; sums[v].wcn += p; sums[v].ra += inv_d; sums[v].wra += p * inv_s;
            sums[v].aa += inv_ld; sums[v].waa += p * inv_ls;
        }
    }
    double my_d = 0, my_s = 0;
    for (std::size_t z = 0; z < n; ++z) if (cw[z] > 0) { my_d += 1; my_s += cw[z]; }
    std::vector<vertex_suggestion<vertex>> all;
    for (std::size_t v = 0; v < n; ++v) {
        if (contact[v]) continue;
        const auto& x = sums[v];
        double sc = 0;
        switch (opt.score) {
        case link_score::common_neighbours: sc = w ? x.wcn : x.cn; break;
        case link_score::resource_allocation: sc = w ? x.wra : x.ra; break;
        case link_score::adamic_adar: sc = w ? x.waa : x.aa; break;
        case link_score::jaccard: {
            const double inter = w ? x.wcn : x.cn;
            const double uni = w ? my_s + ustr[v] - inter : my_d + udeg[v] - inter;
            sc = inter <= 0 ? 0.0 : uni > inter ? inter / uni : 1.0;
            break;
        }
        case link_score::katz: {
            if (!cand[v]) break;
            double w3 = 0;
            for (auto [f, fend] = out_edges(at[v], g); f != fend; ++f) {
                const double wt = get(warmth, *f);
                if (ok(wt)) w3 += walks2[get(index, target(*f, g))] * (w ? wt : 1.0);
            }
            const double b = opt.katz_beta;
            sc = b * b * (w ? x.wcn : x.cn) + b * b * b * w3;
            break;
        }
        case link_score::preferential_attachment:
            sc = my_d > 0 ? (w ? str[ui] * str[v] : deg[ui] * deg[v]) : 0.0;
            break;
        case link_score::kith_default: {
            const double prior = my_d > 0 ? (w ? (total_s > 0 ? str[ui] * str[v] / total_s : 0.0)
                                               : (total_d > 0 ? deg[ui] * deg[v] / total_d : 0.0))
                                          : 0.0;
            sc = (w ? x.wra : x.ra) + opt.activity_weight * prior;
            break;
        }
        }
        if (sc > 0) all.push_back({at[v], sc, static_cast<std::size_t>(x.cn)});
    }
    std::sort(all.begin(), all.end(), [&](const auto& x, const auto& y) {
        return x.score != y.score ? x.score > y.score : get(index, x.who) < get(index, y.who);
    });
    if (all.size() > opt.k) all.resize(opt.k);
    return all;
}

} // namespace kith
