// kith/suggest/groups.hpp -- which group to join: personal fit first, then network gain.
//
// Design decisions: the advice is "start with one group that fits you personally, and go
// alone", so fit decides first and network gain second. Fit is the overlap of my interests
// with the group's themes (overlap coefficient |mine & themes| / min(|mine|, |themes|), so a
// group about one thing I love fits however many hobbies I have; weight `theme_weight`) and
// with its members' interests (mean share of my interests each member has, weight
// `member_weight`); it lies in [0, theme_weight + member_weight] (= [0,1] with the defaults).
// The shared interests shown are my interests among the themes, plus those held by at least
// `shared_interest_share` of the members. Groups are ranked by fit in steps of `fit_step`
// (fits within one step count as equal, so a 0.62 and a 0.65 yoga class compete on gain), then
// by gain, then by group id. Gain counts the members I do not know yet, the organisations and
// communities (other groups) they open that neither I nor my contacts already reach, and the
// goals they are or know; it is multiplied by the share of members who are strangers, so a
// group where I already know most people ranks lower (going with friends defeats the point).
// "Know" means any tie visible to the asker, of any warmth. Private ties of others and
// excluded people are never used and never appear in a result.
// The generic tier works on any Boost.Graph IncidenceGraph + VertexListGraph (with a vertex
// index) plus plain membership lists (the bipartite person-group data), an interests property
// map and an organisation property map; the snapshot tier forwards to it with person ids,
// group names and visibility applied.
#pragma once

#include <kith/core/error.hpp>
#include <kith/core/ids.hpp>
#include <kith/snapshot.hpp>

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/property_map/function_property_map.hpp>
#include <boost/property_map/property_map.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kith {

/// Plain bipartite person-group data for the generic tier: the members of each group as
/// vertex indices (0..num_vertices-1), and optionally each group's theme tags.
struct bipartite_groups {
    std::vector<std::vector<std::uint32_t>> members{};  ///< members[g] = vertex indices of group g's members
    std::vector<std::vector<std::string>> themes{};     ///< themes[g] (may be shorter than members: no themes)
    friend bool operator==(const bipartite_groups& a, const bipartite_groups& b) {
        return a.members == b.members && a.themes == b.themes;
    }
    friend bool operator!=(const bipartite_groups& a, const bipartite_groups& b) { return !(a == b); }
};

/// Options of `suggest_groups`. `Vertex` is the person handle: a vertex descriptor in the
/// generic tier, a `person_id` in the snapshot tier (`group_options`).
template <class Vertex>
struct basic_group_options {
    std::vector<Vertex> goals{};       ///< people I want to reach; a group opening them gains
    std::vector<Vertex> exclude{};     ///< people never counted, used or shown
    std::optional<Vertex> asker{};     ///< snapshot tier: whose visibility applies (default: me)
    double theme_weight = 0.6;         ///< weight of my interests matching the group's themes, >= 0
    double member_weight = 0.4;        ///< weight of my interests matching members' interests, >= 0
    double fit_step = 0.1;             ///< fits are compared in steps of this size, > 0
    double shared_interest_share = 0.1;  ///< a member-held interest is "shared" when at least this share of members hold it, in [0,1]
    double min_fit = 0.0;              ///< groups with a lower fit are dropped
    bool require_shared_interest = true;  ///< drop groups sharing none of my interests
    double organization_weight = 1.0;  ///< gain per new organisation, >= 0
    double community_weight = 1.0;     ///< gain per new community (other group), >= 0
    double goal_weight = 3.0;          ///< gain per goal a member is or knows, >= 0
    std::size_t max_results = 0;       ///< 0 = all groups that pass
};

/// Options of the snapshot tier of `suggest_groups`.
using group_options = basic_group_options<person_id>;

/// One ranked group of the generic tier (indices, not names).
template <class Vertex>
struct basic_group_candidate {
    std::uint32_t group = 0;                      ///< group index
    double fit = 0;                               ///< personal fit (see the header comment)
    std::vector<std::string> shared_interests{};  ///< my interests among the themes or held by enough members, sorted
    std::size_t members = 0;                      ///< members other than me (excluded people not counted)
    std::size_t known_members = 0;                ///< of them, people I already have a visible tie with
    std::size_t new_people = 0;                   ///< members - known_members
    std::vector<std::uint32_t> new_organizations{};  ///< organisations of new people that I and my contacts lack, sorted
    std::vector<std::uint32_t> new_communities{};    ///< other groups of new people, unreached so far, sorted
    std::vector<Vertex> goals_opened{};           ///< goals who are new members or their contacts, sorted by index
    double gain = 0;                              ///< network gain (see the header comment)
    friend bool operator==(const basic_group_candidate& a, const basic_group_candidate& b) {
        return a.group == b.group && a.fit == b.fit && a.shared_interests == b.shared_interests &&
               a.members == b.members && a.known_members == b.known_members && a.new_people == b.new_people &&
               a.new_organizations == b.new_organizations && a.new_communities == b.new_communities &&
               a.goals_opened == b.goals_opened && a.gain == b.gain;
    }
    friend bool operator!=(const basic_group_candidate& a, const basic_group_candidate& b) { return !(a == b); }
};

/// One suggested group of the snapshot tier, with ids and names.
struct group_suggestion {
    group_id group{};
    std::string name{};
    double fit = 0;                               ///< personal fit in [0, theme_weight + member_weight]
    std::vector<std::string> shared_interests{};  ///< sorted, lower case
    std::size_t members = 0;                      ///< members other than me
    std::size_t known_members = 0;                ///< members I already know
    std::size_t new_people = 0;                   ///< members I do not know yet
    std::vector<std::string> new_organizations{}; ///< names, sorted
    std::vector<std::string> new_communities{};   ///< group names, sorted
    std::vector<person_id> goals_opened{};        ///< sorted
    double gain = 0;
    friend bool operator==(const group_suggestion& a, const group_suggestion& b) {
        return a.group == b.group && a.name == b.name && a.fit == b.fit && a.shared_interests == b.shared_interests &&
               a.members == b.members && a.known_members == b.known_members && a.new_people == b.new_people &&
               a.new_organizations == b.new_organizations && a.new_communities == b.new_communities &&
               a.goals_opened == b.goals_opened && a.gain == b.gain;
    }
    friend bool operator!=(const group_suggestion& a, const group_suggestion& b) { return !(a == b); }
};

namespace detail {

/// Lower-cases (ASCII) and trims a tag.
inline std::string normalize_tag(const std::string& s) {
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    std::string out = s.substr(b, e - b);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

/// Normalised, sorted, unique, non-empty tags.
template <class Range>
std::vector<std::string> normalize_tags(const Range& tags) {
    std::vector<std::string> out;
    for (const auto& t : tags) {
        std::string n = normalize_tag(t);
        if (!n.empty()) out.push_back(std::move(n));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

/// Sorted intersection of two sorted ranges.
template <class T>
std::vector<T> sorted_intersection(const std::vector<T>& a, const std::vector<T>& b) {
    std::vector<T> out;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

inline void check_weight(const char* fn, const char* name, double w) {
    if (!(w >= 0.0) || std::isinf(w))
        throw invalid_argument(std::string(fn) + ": " + name + " " + std::to_string(w) + " is not a finite value >= 0");
}

/// Accepts every arc.
struct keep_all_arcs {
    template <class Edge>
    bool operator()(const Edge&) const noexcept { return true; }
};

/// Vertex index <-> descriptor tables of a VertexListGraph.
template <class Graph>
struct vertex_table {
    using vertex = typename boost::graph_traits<Graph>::vertex_descriptor;
    std::vector<vertex> at;  // index -> descriptor
    explicit vertex_table(const Graph& g) {
        at.resize(num_vertices(g));
        auto index = get(boost::vertex_index, g);
        auto vs = vertices(g);
        for (auto it = vs.first; it != vs.second; ++it) at[static_cast<std::size_t>(get(index, *it))] = *it;
    }
};

/// The snapshot tier's view of the asker, exclusions and visibility.
struct snapshot_view {
    const snapshot* s;
    std::optional<snapshot::vertex_type> asker;
    bool operator()(const snapshot_arc& e) const noexcept { return s->arc_visible(e.index, asker); }
};

inline snapshot::vertex_type checked_vertex(const snapshot& s, const char* fn, const char* what, person_id p) {
    auto v = s.find_vertex(p);
    if (!v) throw unknown_person(std::string(fn) + ": " + what + " " + std::to_string(p.value()) + " is not in the snapshot");
    return *v;
}

/// Person ids to vertices; unknown ids throw (`what` names the role) or are skipped.
inline std::vector<snapshot::vertex_type> checked_vertices(const snapshot& s, const char* fn, const char* what,
                                                           const std::vector<person_id>& ps, bool skip_unknown) {
    std::vector<snapshot::vertex_type> out;
    out.reserve(ps.size());
    for (person_id p : ps) {
        auto v = s.find_vertex(p);
        if (!v) {
            if (skip_unknown) continue;
            throw unknown_person(std::string(fn) + ": " + what + " " + std::to_string(p.value()) + " is not in the snapshot");
        }
        out.push_back(*v);
    }
    return out;
}

} // namespace detail

/// Ranks the groups `me` could join: personal fit first (in steps of `fit_step`), then network
/// gain, then group index (generic tier).
///
/// `groups` holds the membership lists (vertex indices); `interests` maps a vertex to a range of
/// interest tags (compared case-insensitively); `organization` maps a vertex to a
/// `std::optional<std::uint32_t>` organisation index; `keep(e)` says whether arc `e` may be used
/// (visibility). Groups `me` belongs to are never suggested.
/// Complexity: O(M + sum over members m of (deg(m) + groups(m)) + I log I) for M memberships and
/// I interest tags read, plus O(V) for the index tables.
/// Preconditions: every member index < num_vertices(g); groups hold no duplicate members.
/// Returns: the ranked candidates (empty when none passes the fit filter).
/// Throws: `invalid_argument` for a weight that is negative, NaN or infinite, a `fit_step` <= 0,
/// a `shared_interest_share` outside [0,1], or a member index out of range; `unknown_person` when `me` or a goal is not a vertex of g.
/// Exact (no approximation): scores are closed-form sums.
template <class Graph, class InterestMap, class OrganizationMap, class ArcFilter = detail::keep_all_arcs>
std::vector<basic_group_candidate<typename boost::graph_traits<Graph>::vertex_descriptor>>
suggest_groups(const Graph& g, typename boost::graph_traits<Graph>::vertex_descriptor me,
               const bipartite_groups& groups, InterestMap interests, OrganizationMap organization,
               const basic_group_options<typename boost::graph_traits<Graph>::vertex_descriptor>& opt = {},
               ArcFilter keep = {}) {
    using vertex = typename boost::graph_traits<Graph>::vertex_descriptor;
    constexpr const char* fn = "suggest_groups";
    detail::check_weight(fn, "theme_weight", opt.theme_weight);
    detail::check_weight(fn, "member_weight", opt.member_weight);
    detail::check_weight(fn, "organization_weight", opt.organization_weight);
    detail::check_weight(fn, "community_weight", opt.community_weight);
    detail::check_weight(fn, "goal_weight", opt.goal_weight);
    if (!(opt.shared_interest_share >= 0.0 && opt.shared_interest_share <= 1.0))
        throw invalid_argument(std::string(fn) + ": shared_interest_share " + std::to_string(opt.shared_interest_share) +
                               " is outside [0,1]");
    if (!(opt.fit_step > 0.0) || std::isinf(opt.fit_step))
        throw invalid_argument(std::string(fn) + ": fit_step " + std::to_string(opt.fit_step) + " is not a finite value > 0");

    const std::size_t n = num_vertices(g);
    auto index = get(boost::vertex_index, g);
    auto idx = [&](vertex v) { return static_cast<std::size_t>(get(index, v)); };
    const std::size_t m_me = idx(me);
    if (m_me >= n) throw unknown_person(std::string(fn) + ": me (vertex index " + std::to_string(m_me) + ") is not in the graph");
    for (vertex t : opt.goals)
        if (idx(t) >= n) throw unknown_person(std::string(fn) + ": goal (vertex index " + std::to_string(idx(t)) + ") is not in the graph");
    for (std::size_t gi = 0; gi < groups.members.size(); ++gi)
        for (std::uint32_t p : groups.members[gi])
            if (p >= n)
                throw invalid_argument(std::string(fn) + ": group " + std::to_string(gi) + " has member index " +
                                       std::to_string(p) + ", beyond the graph's " + std::to_string(n) + " vertices");

    const detail::vertex_table<Graph> table(g);
    std::vector<std::uint8_t> excluded(n, 0);
    for (vertex x : opt.exclude)
        if (idx(x) < n) excluded[idx(x)] = 1;
    excluded[m_me] = 0;

    // Visible, non-excluded neighbours of a vertex index.
    auto neighbours = [&](std::size_t u, auto&& f) {
        auto es = out_edges(table.at[u], g);
        for (auto it = es.first; it != es.second; ++it) {
            if (!keep(*it)) continue;
            const std::size_t w = idx(target(*it, g));
            if (w == u || excluded[w] || excluded[u]) continue;
            f(w);
        }
    };

    // Me: contacts, groups, organisations and communities already reached.
    std::vector<std::uint8_t> known(n, 0);
    neighbours(m_me, [&](std::size_t w) { known[w] = 1; });
    std::vector<std::vector<std::uint32_t>> groups_of(n);
    for (std::size_t gi = 0; gi < groups.members.size(); ++gi)
        for (std::uint32_t p : groups.members[gi]) groups_of[p].push_back(static_cast<std::uint32_t>(gi));
    std::vector<std::uint8_t> reached_group(groups.members.size(), 0);
    std::vector<std::uint32_t> reached_orgs;
    auto note_reached = [&](std::size_t p) {
        for (std::uint32_t gi : groups_of[p]) reached_group[gi] = 1;
        std::optional<std::uint32_t> o = get(organization, table.at[p]);
        if (o) reached_orgs.push_back(*o);
    };
    note_reached(m_me);
    for (std::size_t p = 0; p < n; ++p)
        if (known[p]) note_reached(p);
    std::sort(reached_orgs.begin(), reached_orgs.end());
    reached_orgs.erase(std::unique(reached_orgs.begin(), reached_orgs.end()), reached_orgs.end());
    std::vector<std::uint8_t> is_goal(n, 0);
    for (vertex t : opt.goals)
        if (!excluded[idx(t)] && idx(t) != m_me && !known[idx(t)]) is_goal[idx(t)] = 1;

    const std::vector<std::string> mine = detail::normalize_tags(get(interests, me));
    std::vector<std::uint8_t> mine_group(groups.members.size(), 0);
    for (std::uint32_t gi : groups_of[m_me]) mine_group[gi] = 1;

    std::vector<basic_group_candidate<vertex>> out;
    std::vector<std::uint8_t> goal_seen(n, 0);
    for (std::size_t gi = 0; gi < groups.members.size(); ++gi) {
        if (mine_group[gi]) continue;
        basic_group_candidate<vertex> c;
        c.group = static_cast<std::uint32_t>(gi);
        const std::vector<std::string> themes =
            gi < groups.themes.size() ? detail::normalize_tags(groups.themes[gi]) : std::vector<std::string>{};
        std::vector<std::string> shared = detail::sorted_intersection(mine, themes);
        const std::size_t smaller = std::min(mine.size(), themes.size());
        const double theme_share = smaller ? static_cast<double>(shared.size()) / static_cast<double>(smaller) : 0.0;
        std::vector<std::size_t> holders(mine.size(), 0);
        double member_share_sum = 0;
        std::vector<std::uint32_t> orgs, comms;
        std::vector<std::size_t> goals_hit;
        for (std::uint32_t p : groups.members[gi]) {
            if (p == m_me || excluded[p]) continue;
            ++c.members;
            if (!mine.empty()) {
                const auto theirs = detail::normalize_tags(get(interests, table.at[p]));
                std::size_t common = 0;
                for (std::size_t i = 0; i < mine.size(); ++i)
                    if (std::binary_search(theirs.begin(), theirs.end(), mine[i])) { ++common; ++holders[i]; }
                member_share_sum += static_cast<double>(common) / static_cast<double>(mine.size());
            }
            if (known[p]) { ++c.known_members; continue; }
            ++c.new_people;
            std::optional<std::uint32_t> o = get(organization, table.at[p]);
            if (o && !std::binary_search(reached_orgs.begin(), reached_orgs.end(), *o)) orgs.push_back(*o);
            for (std::uint32_t h : groups_of[p])
                if (h != gi && !reached_group[h] && !mine_group[h]) comms.push_back(h);
            auto hit = [&](std::size_t t) {
                if (is_goal[t] && !goal_seen[t]) { goal_seen[t] = 1; goals_hit.push_back(t); }
            };
            hit(p);
            neighbours(p, hit);
        }
        for (std::size_t t : goals_hit) goal_seen[t] = 0;
        for (std::size_t i = 0; i < mine.size(); ++i)
            if (holders[i] > 0 && static_cast<double>(holders[i]) >= opt.shared_interest_share * static_cast<double>(c.members))
                shared.push_back(mine[i]);
        std::sort(shared.begin(), shared.end());
        shared.erase(std::unique(shared.begin(), shared.end()), shared.end());
        std::sort(orgs.begin(), orgs.end());
        orgs.erase(std::unique(orgs.begin(), orgs.end()), orgs.end());
        std::sort(comms.begin(), comms.end());
        comms.erase(std::unique(comms.begin(), comms.end()), comms.end());
        std::sort(goals_hit.begin(), goals_hit.end());
        const double member_share = c.members ? member_share_sum / static_cast<double>(c.members) : 0.0;
        c.fit = opt.theme_weight * theme_share + opt.member_weight * member_share;
        if (c.fit < opt.min_fit) continue;
        if (opt.require_shared_interest && shared.empty()) continue;
        if (c.members == 0) continue;
        c.shared_interests = std::move(shared);
        const double stranger_share = static_cast<double>(c.new_people) / static_cast<double>(c.members);
        c.gain = (static_cast<double>(c.new_people) + opt.organization_weight * static_cast<double>(orgs.size()) +
                  opt.community_weight * static_cast<double>(comms.size()) +
                  opt.goal_weight * static_cast<double>(goals_hit.size())) *
                 stranger_share;
        c.new_organizations = std::move(orgs);
        c.new_communities = std::move(comms);
        for (std::size_t t : goals_hit) c.goals_opened.push_back(table.at[t]);
        out.push_back(std::move(c));
    }
    const double step = opt.fit_step;
    auto band = [step](double fit) { return std::floor(fit / step + 1e-9); };
    std::sort(out.begin(), out.end(), [&](const auto& a, const auto& b) {
        const double ba = band(a.fit), bb = band(b.fit);
        if (ba != bb) return ba > bb;
        if (a.gain != b.gain) return a.gain > b.gain;
        return a.group < b.group;
    });
    if (opt.max_results && out.size() > opt.max_results) out.resize(opt.max_results);
    return out;
}

/// Ranks the groups `me` could join in a snapshot (snapshot tier): see the generic tier for the
/// scores and the order. Uses ties visible to `opt.asker` (default: me); excluded people and
/// others' private ties never count and never appear.
/// Complexity: as the generic tier, plus O(M) to copy the membership lists.
/// Preconditions: none.
/// Returns: the ranked suggestions, with group, organisation and community names.
/// Throws: `unknown_person` when `me`, the asker or a goal is not in the snapshot (unknown
/// excluded ids are ignored); `invalid_argument` for a bad weight or fit_step.
/// Exact.
inline std::vector<group_suggestion> suggest_groups(const snapshot& s, person_id me, const group_options& opt = {}) {
    constexpr const char* fn = "suggest_groups";
    using V = snapshot::vertex_type;
    const V vme = detail::checked_vertex(s, fn, "me", me);
    const V vasker = opt.asker ? detail::checked_vertex(s, fn, "asker", *opt.asker) : vme;
    basic_group_options<V> o;
    o.goals = detail::checked_vertices(s, fn, "goal", opt.goals, false);
    o.exclude = detail::checked_vertices(s, fn, "excluded person", opt.exclude, true);
    o.theme_weight = opt.theme_weight;
    o.member_weight = opt.member_weight;
    o.fit_step = opt.fit_step;
    o.shared_interest_share = opt.shared_interest_share;
    o.min_fit = opt.min_fit;
    o.require_shared_interest = opt.require_shared_interest;
    o.organization_weight = opt.organization_weight;
    o.community_weight = opt.community_weight;
    o.goal_weight = opt.goal_weight;
    o.max_results = opt.max_results;
    bipartite_groups bg;
    bg.members.resize(s.group_count());
    bg.themes.resize(s.group_count());
    for (std::uint32_t g = 0; g < s.group_count(); ++g) {
        bg.members[g] = s.group_members(g);
        bg.themes[g] = s.group_at(g).themes;
    }
    auto interests = boost::make_function_property_map<V>(
        [&s](V v) -> const std::vector<std::string>& { return s.person_at(v).interests; });
    auto orgs = boost::make_function_property_map<V>([&s](V v) { return s.organization_of(v); });
    const auto ranked = suggest_groups(s, vme, bg, interests, orgs, o, detail::snapshot_view{&s, vasker});
    std::vector<group_suggestion> out;
    out.reserve(ranked.size());
    for (const auto& c : ranked) {
        group_suggestion r;
        r.group = group_id(c.group);
        r.name = s.group_at(c.group).name;
        r.fit = c.fit;
        r.shared_interests = c.shared_interests;
        r.members = c.members;
        r.known_members = c.known_members;
        r.new_people = c.new_people;
        for (std::uint32_t org : c.new_organizations) r.new_organizations.push_back(s.organization_name(org));
        std::sort(r.new_organizations.begin(), r.new_organizations.end());
        for (std::uint32_t h : c.new_communities) r.new_communities.push_back(s.group_at(h).name);
        std::sort(r.new_communities.begin(), r.new_communities.end());
        for (V t : c.goals_opened) r.goals_opened.push_back(s.id_of(t));
        r.gain = c.gain;
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace kith
