// kith/paths/explain.hpp -- why a warm path is warm, hop by hop, and the one-line ask.
//
// Design decisions: an explanation is a plain value computed from the snapshot alone: for each
// hop the tie's stored warmth and tier, its evidence (last interaction and channel, how many,
// both ways or not), the groups and organisation the two people share, and how many mutual
// contacts they have. Privacy is part of the contract: the explanation is computed for the same
// `path_options` the path was searched with, so a tie private to someone other than the asker is
// never used (explaining a path that needs one throws) and never counted, and avoided people are
// never counted among mutual contacts. Only counts are reported, never lists of contacts. The
// suggested ask is deterministic text: "Ask Dana Lee (you are both in Intramural Volleyball, last
// met 12 days ago) to introduce you to Priya Raman". Context is chosen in a fixed order: the
// first shared group (by group id), else the shared organisation, else the tie's tier.
#pragma once

#include <kith/core/error.hpp>
#include <kith/core/ids.hpp>
#include <kith/core/time.hpp>
#include <kith/core/types.hpp>
#include <kith/paths/warm_path.hpp>
#include <kith/snapshot.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kith {

/// One hop of a path, explained.
struct hop_explanation {
    person_id from{};                         ///< who is asked / who asks
    person_id to{};                           ///< the next person on the path
    double warmth = 0;                        ///< the tie's stored warmth
    kith::tier tier = kith::tier::weak;       ///< its tier
    std::optional<timestamp> last_interaction{};  ///< when they last interacted (nullopt: no evidence)
    std::optional<channel> last_channel{};    ///< how
    std::optional<std::int64_t> days_since_last{};  ///< whole days from the last interaction to the snapshot time
    std::uint32_t interactions = 0;           ///< how many interactions the tie rests on
    bool reciprocal = false;                  ///< both have started contact
    bool manual = false;                      ///< the warmth is a manual override
    bool cooling = false;                     ///< silent for longer than usual
    std::vector<std::string> shared_groups{};  ///< names of groups both belong to, by group id
    std::optional<std::string> shared_organization{};  ///< the organisation both work at
    std::size_t mutual_contacts = 0;          ///< people tied to both (visible ties only, avoided people excluded)

    friend bool operator==(const hop_explanation& a, const hop_explanation& b) {
        return a.from == b.from && a.to == b.to && a.warmth == b.warmth && a.tier == b.tier &&
               a.last_interaction == b.last_interaction && a.last_channel == b.last_channel &&
               a.days_since_last == b.days_since_last && a.interactions == b.interactions &&
               a.reciprocal == b.reciprocal && a.manual == b.manual && a.cooling == b.cooling &&
               a.shared_groups == b.shared_groups && a.shared_organization == b.shared_organization &&
               a.mutual_contacts == b.mutual_contacts;
    }
    friend bool operator!=(const hop_explanation& a, const hop_explanation& b) { return !(a == b); }
};

/// A path, explained.
struct path_explanation {
    std::vector<hop_explanation> hops{};
    double warmth = 1.0;      ///< the path warmth (as in the warm_path)
    double log_warmth = 0.0;  ///< its logarithm
    std::string suggested_ask{};  ///< the one-line ask, see the header comment

    friend bool operator==(const path_explanation& a, const path_explanation& b) {
        return a.hops == b.hops && a.warmth == b.warmth && a.log_warmth == b.log_warmth &&
               a.suggested_ask == b.suggested_ask;
    }
    friend bool operator!=(const path_explanation& a, const path_explanation& b) { return !(a == b); }
};

namespace detail {

inline const std::string& display_name(const snapshot& s, std::uint32_t v) {
    const person& p = s.person_at(v);
    return p.name.empty() ? p.key : p.name;
}

inline std::string last_contact_phrase(channel c, std::int64_t days) {
    std::string verb;
    switch (c) {
    case channel::meeting: verb = "last met"; break;
    case channel::call: verb = "last spoke"; break;
    case channel::message: verb = "last messaged"; break;
    case channel::email: verb = "last emailed"; break;
    case channel::event: verb = "last met at an event"; break;
    case channel::introduction: verb = "last introduced"; break;
    }
    if (days <= 0) return verb + " today";
    if (days == 1) return verb + " 1 day ago";
    return verb + " " + std::to_string(days) + " days ago";
}

/// The visible neighbours of v (sorted), without avoided people.
inline void visible_neighbours(const snapshot& s, std::uint32_t v, std::optional<std::uint32_t> asker,
                               const std::vector<std::uint32_t>& avoided, std::vector<std::uint32_t>& out) {
    out.clear();
    for (snapshot::arc_index a = s.arc_begin(v), e = s.arc_end(v); a != e; ++a) {
        if (!s.arc_visible(a, asker)) continue;
        const std::uint32_t w = s.arc_target(a);
        if (std::binary_search(avoided.begin(), avoided.end(), w)) continue;
        out.push_back(w);
    }
    std::sort(out.begin(), out.end());
}

} // namespace detail

/// Explains `path` hop by hop for the person asking with `opt` (use the options the path was
/// found with: `asker` and `avoid` decide what may be used and revealed).
/// Complexity: O(sum over hops of (d(u) + d(v)) log d + groups) for the degrees d of the hop's ends.
/// Preconditions: none. Returns: the explanation; a 0-hop path gives no hops and the ask
/// "You are <name>"; a 1-hop path "Reach out to <name> directly (<context>)".
/// Throws: `unknown_person` (a person of the path or of opt not in the snapshot),
/// `invalid_argument` (an empty path, or consecutive people without a tie visible to the asker).
/// Exact and deterministic.
inline path_explanation explain_path(const snapshot& s, const warm_path& path, const path_options& opt = {}) {
    const char* fn = "explain_path";
    if (path.people.empty()) throw invalid_argument("explain_path: the path has no people");
    std::vector<std::uint32_t> vs;
    for (person_id p : path.people) vs.push_back(detail::snapshot_vertex(s, fn, "path", p));
    std::optional<std::uint32_t> asker;
    if (opt.asker) asker = detail::snapshot_vertex(s, fn, "asker", *opt.asker);
    std::vector<std::uint32_t> avoided;
    for (person_id p : opt.avoid) avoided.push_back(detail::snapshot_vertex(s, fn, "avoided", p));
    std::sort(avoided.begin(), avoided.end());

    path_explanation out;
    out.warmth = path.warmth;
    out.log_warmth = path.log_warmth;
    std::vector<std::uint32_t> na, nb;
    for (std::size_t i = 0; i + 1 < vs.size(); ++i) {
        const std::uint32_t u = vs[i], v = vs[i + 1];
        std::optional<snapshot::arc_index> arc;
        for (snapshot::arc_index a = s.arc_begin(u), e = s.arc_end(u); a != e; ++a)
            if (s.arc_target(a) == v && s.arc_visible(a, asker)) { arc = a; break; }
        if (!arc)
            throw invalid_argument("explain_path: no tie visible to the asker between person ids " +
                                   std::to_string(path.people[i].value()) + " and " +
                                   std::to_string(path.people[i + 1].value()));
        hop_explanation h;
        h.from = path.people[i];
        h.to = path.people[i + 1];
        h.warmth = s.arc_warmth(*arc);
        h.tier = tier_of(h.warmth);
        if (const tie_evidence* ev = s.evidence(u, v)) {
            h.last_interaction = ev->last;
            h.last_channel = ev->last_channel;
            if (ev->last) h.days_since_last = static_cast<std::int64_t>(std::floor(days_between(*ev->last, s.taken_at())));
            h.interactions = ev->interactions();
            h.reciprocal = ev->reciprocal();
            h.manual = ev->manual;
            h.cooling = ev->cooling;
        }
        const auto& gu = s.groups_of(u);
        const auto& gv = s.groups_of(v);
        for (std::uint32_t g : gu)
            if (std::find(gv.begin(), gv.end(), g) != gv.end()) h.shared_groups.push_back(s.group_at(g).name);
        const auto ou = s.organization_of(u), ov = s.organization_of(v);
        if (ou && ov && *ou == *ov) h.shared_organization = s.organization_name(*ou);
        detail::visible_neighbours(s, u, asker, avoided, na);
        detail::visible_neighbours(s, v, asker, avoided, nb);
        std::size_t mutual = 0;
        for (std::uint32_t w : na)
            if (w != v && std::binary_search(nb.begin(), nb.end(), w)) ++mutual;
        h.mutual_contacts = mutual;
        out.hops.push_back(std::move(h));
    }

    // The ask.
    auto context = [&](const hop_explanation& h) {
        std::string c;
        if (!h.shared_groups.empty()) c = "you are both in " + h.shared_groups.front();
        else if (h.shared_organization) c = "you both work at " + *h.shared_organization;
        else c = "a " + std::string(to_string(h.tier)) + " tie";
        if (h.last_channel && h.days_since_last) c += ", " + detail::last_contact_phrase(*h.last_channel, *h.days_since_last);
        return c;
    };
    if (vs.size() == 1) {
        out.suggested_ask = "You are " + detail::display_name(s, vs[0]);
    } else if (vs.size() == 2) {
        out.suggested_ask = "Reach out to " + detail::display_name(s, vs[1]) + " directly (" + context(out.hops[0]) + ")";
    } else {
        out.suggested_ask = "Ask " + detail::display_name(s, vs[1]) + " (" + context(out.hops[0]) +
                            ") to introduce you to " + detail::display_name(s, vs[2]);
        if (vs.size() > 3) out.suggested_ask += ", on the way to " + detail::display_name(s, vs.back());
    }
    return out;
}

} // namespace kith
