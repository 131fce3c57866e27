// kith/suggest/event_plan.hpp -- the conference: whom to meet with 25 cards, which lunch
// table to sit at, and recording the meetings afterwards.
//
// Design decisions: the advice is "bring 25 cards and meet 25 people you don't know; at lunch,
// sit with strangers". Only strangers (attendees with no tie visible to the asker, of any
// warmth) are candidates: an attendee I already know is never a pick. The value of a set S of
// people met is a weighted coverage function
//     f(S) = sum of w(x) over the elements x covered by some s in S,
// whose elements are (1) people newly within two hops (s itself and s's contacts, unless
// already within two hops of me; weight `person_weight`), (2) organisations and (3)
// communities (groups) of those people that nobody within two hops of me belongs to (weights
// `organization_weight`, `community_weight`), and (4) goal credits: for each goal t and each
// hop level h in {1,2,3} with h below my current hop distance to t, the element "t within h
// hops", covered by s when 1 + hops(s,t) <= h (weight `goal_weight`; meeting a goal directly
// earns up to three credits, one of their contacts two, a contact's contact one). With
// non-negative weights, weighted coverage is monotone submodular, so greedy selection of k
// people is within (1 - 1/e) of the best k-subset (Nemhauser, Wolsey & Fisher 1978); kith runs
// the lazy greedy (CELF, Leskovec et al. 2007) with a priority queue, which picks exactly what
// plain greedy picks (ties go to the lower person id) with far fewer evaluations. When fewer
// strangers than cards add value, the remaining cards go to zero-gain strangers by id, as
// plain greedy would: the advice is to meet 25 people. Hops count visible ties only, any
// warmth; warmth-weighted introductions are the job of kith/paths. Private ties of others and
// excluded people are never used and never shown (mutual contacts included).
// The generic tiers work on any Boost.Graph IncidenceGraph + VertexListGraph with a vertex
// index, an organisation map and a communities map; the snapshot tiers forward to them.
#pragma once

#include <kith/core/error.hpp>
#include <kith/core/ids.hpp>
#include <kith/core/time.hpp>
#include <kith/core/types.hpp>
#include <kith/network.hpp>
#include <kith/snapshot.hpp>
#include <kith/suggest/groups.hpp>

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/property_map/function_property_map.hpp>
#include <boost/property_map/property_map.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <queue>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kith {

// ----------------------------------------------------------------- weighted max coverage

/// The result of `lazy_greedy_max_coverage`.
struct coverage_result {
    std::vector<std::uint32_t> picks{};  ///< chosen set indices, in the order greedy chose them
    std::vector<double> gains{};         ///< marginal gain of each pick when it was chosen
    double value = 0;                    ///< total weight covered (sum of gains)
    std::size_t evaluations = 0;         ///< marginal-gain evaluations (n initial + lazy re-evaluations)
    friend bool operator==(const coverage_result& a, const coverage_result& b) {
        return a.picks == b.picks && a.gains == b.gains && a.value == b.value;  // evaluations: a statistic
    }
    friend bool operator!=(const coverage_result& a, const coverage_result& b) { return !(a == b); }
};

/// Chooses up to k sets greedily to maximise the total weight of the elements they cover,
/// with lazy evaluation (CELF): a set's last marginal gain bounds its gain now (submodularity),
/// so it is re-evaluated only when it reaches the top of the priority queue.
/// Complexity: O(sum of set sizes) for the first pass, then O(|s| + log n) per lazy
/// re-evaluation (at worst O(k * sum of set sizes), typically far less), O(n + elements) memory.
/// Preconditions: no set holds an element twice.
/// Returns: min(k, sets.size()) picks; ties (equal gain) go to the lower set index, so the
/// picks equal plain greedy's. Zero-gain sets are picked (by index) once nothing gains more.
/// Throws: `invalid_argument` for an element >= weights.size() or a weight that is negative,
/// NaN or infinite.
/// Approximation: value >= (1 - 1/e) x the best k-subset's value (monotone submodular objective).
inline coverage_result lazy_greedy_max_coverage(const std::vector<std::vector<std::uint32_t>>& sets,
                                                const std::vector<double>& weights, std::size_t k) {
    constexpr const char* fn = "lazy_greedy_max_coverage";
    for (std::size_t i = 0; i < weights.size(); ++i)
        if (!(weights[i] >= 0.0) || std::isinf(weights[i]))
            throw invalid_argument(std::string(fn) + ": weight " + std::to_string(weights[i]) + " of element " +
                                   std::to_string(i) + " is not a finite value >= 0");
    for (std::size_t s = 0; s < sets.size(); ++s)
        for (std::uint32_t x : sets[s])
            if (x >= weights.size())
                throw invalid_argument(std::string(fn) + ": set " + std::to_string(s) + " holds element " +
                                       std::to_string(x) + ", beyond the " + std::to_string(weights.size()) + " weights");
    coverage_result r;
    std::vector<std::uint8_t> covered(weights.size(), 0);
    auto gain = [&](std::uint32_t s) {
        double g = 0;
        for (std::uint32_t x : sets[s])
            if (!covered[x]) g += weights[x];
        ++r.evaluations;
        return g;
    };
    struct entry {
        double bound;
        std::uint32_t set;
        std::size_t round;
    };
    auto lower_priority = [](const entry& a, const entry& b) {
        if (a.bound != b.bound) return a.bound < b.bound;
        return a.set > b.set;
    };
    std::vector<entry> init;
    init.reserve(sets.size());
    for (std::uint32_t s = 0; s < sets.size(); ++s) init.push_back(entry{gain(s), s, 0});
    std::priority_queue<entry, std::vector<entry>, decltype(lower_priority)> heap(lower_priority, std::move(init));
    const std::size_t rounds = std::min(k, sets.size());
    for (std::size_t round = 0; round < rounds; ++round) {
        while (true) {
            entry top = heap.top();
            heap.pop();
            if (top.round == round) {
                r.picks.push_back(top.set);
                r.gains.push_back(top.bound);
                r.value += top.bound;
                for (std::uint32_t x : sets[top.set]) covered[x] = 1;
                break;
            }
            heap.push(entry{gain(top.set), top.set, round});
        }
    }
    return r;
}

// ------------------------------------------------------------------------- options, results

/// Options of `plan_event` and `choose_table`. `Vertex` is the person handle: a vertex
/// descriptor in the generic tier, a `person_id` in the snapshot tier (`event_plan_options`).
template <class Vertex>
struct basic_event_plan_options {
    std::size_t cards = 25;             ///< how many people to meet
    std::vector<Vertex> goals{};        ///< people I want to get closer to
    std::vector<Vertex> exclude{};      ///< people never picked, counted, used or shown
    std::optional<Vertex> asker{};      ///< snapshot tier: whose visibility applies (default: me)
    double person_weight = 1.0;         ///< per person newly within two hops, >= 0
    double organization_weight = 2.0;   ///< per organisation newly reached, >= 0
    double community_weight = 2.0;      ///< per community (group) newly reached, >= 0
    double goal_weight = 5.0;           ///< per goal credit (one hop closer to a goal), >= 0
};

/// Options of the snapshot tiers of `plan_event` and `choose_table`.
using event_plan_options = basic_event_plan_options<person_id>;

/// One person to meet (generic tier).
template <class Vertex>
struct basic_event_pick {
    Vertex who{};
    double gain = 0;                     ///< marginal coverage value when picked
    std::size_t new_people = 0;          ///< people newly within two hops, counted at pick time
    std::size_t new_organizations = 0;   ///< organisations newly reached at pick time
    std::size_t new_communities = 0;     ///< communities newly reached at pick time
    std::size_t goal_credits = 0;        ///< goal credits earned at pick time
    std::vector<Vertex> mutual_contacts{};       ///< people both of us have a visible tie to, by index
    std::vector<std::uint32_t> shared_groups{};  ///< groups we are both in, sorted
    friend bool operator==(const basic_event_pick& a, const basic_event_pick& b) {
        return a.who == b.who && a.gain == b.gain && a.new_people == b.new_people &&
               a.new_organizations == b.new_organizations && a.new_communities == b.new_communities &&
               a.goal_credits == b.goal_credits && a.mutual_contacts == b.mutual_contacts &&
               a.shared_groups == b.shared_groups;
    }
    friend bool operator!=(const basic_event_pick& a, const basic_event_pick& b) { return !(a == b); }
};

/// The plan for an event (generic tier).
template <class Vertex>
struct basic_event_plan {
    std::vector<basic_event_pick<Vertex>> picks{};  ///< in greedy order
    double value = 0;               ///< coverage value of all picks
    std::size_t attendees = 0;      ///< attendees other than me (excluded people not counted)
    std::size_t strangers = 0;      ///< of them, people I have no visible tie with (the candidates)
    std::size_t known = 0;          ///< attendees I already know
    friend bool operator==(const basic_event_plan& a, const basic_event_plan& b) {
        return a.picks == b.picks && a.value == b.value && a.attendees == b.attendees &&
               a.strangers == b.strangers && a.known == b.known;
    }
    friend bool operator!=(const basic_event_plan& a, const basic_event_plan& b) { return !(a == b); }
};

/// What to talk about with someone: what we share, and an open question about them.
struct talking_points {
    std::vector<std::string> shared_interests{};  ///< lower case, sorted
    std::vector<std::string> shared_groups{};     ///< group names, sorted
    std::vector<person_id> mutual_contacts{};     ///< visible to the asker, sorted
    std::string question{};                       ///< an open question about them (listen; don't sell)
    friend bool operator==(const talking_points& a, const talking_points& b) {
        return a.shared_interests == b.shared_interests && a.shared_groups == b.shared_groups &&
               a.mutual_contacts == b.mutual_contacts && a.question == b.question;
    }
    friend bool operator!=(const talking_points& a, const talking_points& b) { return !(a == b); }
};

/// One person to meet (snapshot tier).
struct event_pick {
    person_id who{};
    std::string name{};
    double gain = 0;
    std::size_t new_people = 0;
    std::size_t new_organizations = 0;
    std::size_t new_communities = 0;
    std::size_t goal_credits = 0;
    talking_points talk{};
    friend bool operator==(const event_pick& a, const event_pick& b) {
        return a.who == b.who && a.name == b.name && a.gain == b.gain && a.new_people == b.new_people &&
               a.new_organizations == b.new_organizations && a.new_communities == b.new_communities &&
               a.goal_credits == b.goal_credits && a.talk == b.talk;
    }
    friend bool operator!=(const event_pick& a, const event_pick& b) { return !(a == b); }
};

/// The plan for an event (snapshot tier).
struct event_plan {
    std::vector<event_pick> picks{};
    double value = 0;
    std::size_t attendees = 0;
    std::size_t strangers = 0;
    std::size_t known = 0;
    friend bool operator==(const event_plan& a, const event_plan& b) {
        return a.picks == b.picks && a.value == b.value && a.attendees == b.attendees &&
               a.strangers == b.strangers && a.known == b.known;
    }
    friend bool operator!=(const event_plan& a, const event_plan& b) { return !(a == b); }
};

/// An attendee and their table, for the generic tier of `choose_table`.
template <class Vertex>
struct basic_seat {
    Vertex who{};
    std::string table{};
};

/// The chosen lunch table.
template <class Vertex>
struct basic_table_choice {
    std::string table{};
    double value = 0;                  ///< coverage value of all strangers at the table together
    std::size_t strangers = 0;         ///< strangers seated there
    std::size_t known = 0;             ///< my contacts seated there
    std::vector<Vertex> seated_strangers{};  ///< sorted by index
    friend bool operator==(const basic_table_choice& a, const basic_table_choice& b) {
        return a.table == b.table && a.value == b.value && a.strangers == b.strangers && a.known == b.known &&
               a.seated_strangers == b.seated_strangers;
    }
    friend bool operator!=(const basic_table_choice& a, const basic_table_choice& b) { return !(a == b); }
};

/// The chosen lunch table (snapshot tier).
using table_choice = basic_table_choice<person_id>;

/// How `record_meetings` records the people met.
struct meeting_options {
    kith::channel via = channel::event;  ///< the channel of the recorded interaction
    /// A manual starting warmth in (0,1] for new ties (nullopt: the strength model decides;
    /// with kith's defaults one event meeting today gives warmth 0.19, weak).
    std::optional<double> warmth{};
};

// ------------------------------------------------------------------------------ internals

namespace detail {

/// The coverage model of one event: element sets of the candidate strangers.
template <class Vertex>
struct event_model {
    std::vector<std::size_t> candidates;             // vertex indices of strangers, increasing
    std::vector<std::vector<std::uint32_t>> sets;    // sets[i] = elements of candidates[i]
    std::vector<double> weights;                     // element weights
    std::vector<std::uint8_t> kind;                  // 0 person, 1 organisation, 2 community, 3 goal credit
    std::vector<std::uint8_t> known;                 // per vertex index: visible tie to me
    std::vector<std::uint8_t> excluded;              // per vertex index
    std::size_t attendees = 0, strangers = 0, known_attendees = 0;
};

template <class Graph, class GroupsMap, class OrganizationMap, class ArcFilter>
event_model<typename boost::graph_traits<Graph>::vertex_descriptor>
build_event_model(const char* fn, const Graph& g, typename boost::graph_traits<Graph>::vertex_descriptor me,
                  const std::vector<typename boost::graph_traits<Graph>::vertex_descriptor>& attendees,
                  GroupsMap groups_of, OrganizationMap organization,
                  const basic_event_plan_options<typename boost::graph_traits<Graph>::vertex_descriptor>& opt,
                  const ArcFilter& keep, const vertex_table<Graph>& table) {
    using vertex = typename boost::graph_traits<Graph>::vertex_descriptor;
    check_weight(fn, "person_weight", opt.person_weight);
    check_weight(fn, "organization_weight", opt.organization_weight);
    check_weight(fn, "community_weight", opt.community_weight);
    check_weight(fn, "goal_weight", opt.goal_weight);
    const std::size_t n = num_vertices(g);
    auto index = get(boost::vertex_index, g);
    auto idx = [&](vertex v) { return static_cast<std::size_t>(get(index, v)); };
    const std::size_t m = idx(me);
    if (m >= n) throw unknown_person(std::string(fn) + ": me (vertex index " + std::to_string(m) + ") is not in the graph");
    for (vertex t : opt.goals)
        if (idx(t) >= n) throw unknown_person(std::string(fn) + ": goal (vertex index " + std::to_string(idx(t)) + ") is not in the graph");
    for (vertex a : attendees)
        if (idx(a) >= n) throw invalid_argument(std::string(fn) + ": attendee (vertex index " + std::to_string(idx(a)) + ") is not in the graph");

    event_model<vertex> em;
    em.excluded.assign(n, 0);
    for (vertex x : opt.exclude)
        if (idx(x) < n) em.excluded[idx(x)] = 1;
    em.excluded[m] = 0;
    auto neighbours = [&](std::size_t u, auto&& f) {
        auto es = out_edges(table.at[u], g);
        for (auto it = es.first; it != es.second; ++it) {
            if (!keep(*it)) continue;
            const std::size_t w = idx(target(*it, g));
            if (w == u || em.excluded[w] || em.excluded[u]) continue;
            f(w);
        }
    };

    // Hop distances from me up to 2 (the reach R), and up to 3 for the goals.
    constexpr std::uint8_t far = 255;
    std::vector<std::uint8_t> hops(n, far);
    std::vector<std::size_t> reach{m};
    hops[m] = 0;
    for (std::size_t head = 0; head < reach.size(); ++head) {
        const std::size_t u = reach[head];
        if (hops[u] >= 2) continue;
        neighbours(u, [&](std::size_t w) {
            if (hops[w] == far) { hops[w] = static_cast<std::uint8_t>(hops[u] + 1); reach.push_back(w); }
        });
    }
    em.known.assign(n, 0);
    for (std::size_t v : reach)
        if (hops[v] == 1) em.known[v] = 1;

    // Organisations and communities already reached (by anyone within two hops).
    std::unordered_map<std::uint32_t, std::uint32_t> org_element, group_element;
    std::unordered_map<std::uint32_t, std::uint8_t> org_reached, group_reached;
    for (std::size_t v : reach) {
        std::optional<std::uint32_t> o = get(organization, table.at[v]);
        if (o) org_reached[*o] = 1;
        for (std::uint32_t h : get(groups_of, table.at[v])) group_reached[h] = 1;
    }
    auto add_element = [&](double w, std::uint8_t k) {
        em.weights.push_back(w);
        em.kind.push_back(k);
        return static_cast<std::uint32_t>(em.weights.size() - 1);
    };
    // People elements are vertex indices 0..n-1 (those in R are never used).
    em.weights.assign(n, opt.person_weight);
    em.kind.assign(n, 0);

    // Candidates: attendees other than me, not excluded, not known; deduplicated.
    std::vector<std::uint8_t> attending(n, 0);
    for (vertex a : attendees) {
        const std::size_t v = idx(a);
        if (v == m || em.excluded[v] || attending[v]) continue;
        attending[v] = 1;
        ++em.attendees;
        if (em.known[v]) ++em.known_attendees;
        else em.candidates.push_back(v);
    }
    std::sort(em.candidates.begin(), em.candidates.end());
    em.strangers = em.candidates.size();
    std::vector<std::size_t> cand_pos(n, static_cast<std::size_t>(-1));
    for (std::size_t i = 0; i < em.candidates.size(); ++i) cand_pos[em.candidates[i]] = i;
    em.sets.assign(em.candidates.size(), {});

    // Goal credits: elements (t, h) for h below my hop distance to t; covered from t's 2-hop ball.
    std::vector<std::uint8_t> goal_done(n, 0);
    std::vector<std::uint8_t> ghops(n, far);
    for (vertex tv : opt.goals) {
        const std::size_t t = idx(tv);
        if (t == m || em.excluded[t] || goal_done[t]) continue;
        goal_done[t] = 1;
        std::size_t mine = hops[t] == far ? 4 : hops[t];
        if (mine == 4) {  // is t at exactly 3 hops? (some neighbour of t at 2 hops)
            neighbours(t, [&](std::size_t w) { if (hops[w] == 2) mine = 3; });
        }
        if (mine <= 1) continue;
        std::uint32_t credit[4] = {0, 0, 0, 0};
        for (std::size_t h = 1; h < mine && h <= 3; ++h) credit[h] = add_element(opt.goal_weight, 3);
        std::vector<std::size_t> ball{t};
        ghops[t] = 0;
        for (std::size_t head = 0; head < ball.size(); ++head) {
            const std::size_t u = ball[head];
            if (ghops[u] >= 2) continue;
            neighbours(u, [&](std::size_t w) {
                if (ghops[w] == far) { ghops[w] = static_cast<std::uint8_t>(ghops[u] + 1); ball.push_back(w); }
            });
        }
        for (std::size_t u : ball) {
            if (cand_pos[u] != static_cast<std::size_t>(-1))
                for (std::size_t h = static_cast<std::size_t>(ghops[u]) + 1; h < mine && h <= 3; ++h)
                    em.sets[cand_pos[u]].push_back(credit[h]);
            ghops[u] = far;
        }
    }

    // People, organisations and communities opened by each candidate.
    std::vector<std::uint8_t> seen_person(n, 0);
    for (std::size_t i = 0; i < em.candidates.size(); ++i) {
        const std::size_t c = em.candidates[i];
        std::vector<std::uint32_t>& set = em.sets[i];
        std::vector<std::size_t> opened{c};
        neighbours(c, [&](std::size_t w) { opened.push_back(w); });
        std::vector<std::uint32_t> orgs, comms;
        for (std::size_t p : opened) {
            if (seen_person[p]) continue;
            seen_person[p] = 1;
            if (hops[p] == far) set.push_back(static_cast<std::uint32_t>(p));
            std::optional<std::uint32_t> o = get(organization, table.at[p]);
            if (o && !org_reached.count(*o)) orgs.push_back(*o);
            for (std::uint32_t h : get(groups_of, table.at[p]))
                if (!group_reached.count(h)) comms.push_back(h);
        }
        for (std::size_t p : opened) seen_person[p] = 0;
        std::sort(orgs.begin(), orgs.end());
        orgs.erase(std::unique(orgs.begin(), orgs.end()), orgs.end());
        std::sort(comms.begin(), comms.end());
        comms.erase(std::unique(comms.begin(), comms.end()), comms.end());
        for (std::uint32_t o : orgs) {
            auto [it, fresh] = org_element.emplace(o, 0);
            if (fresh) it->second = add_element(opt.organization_weight, 1);
            set.push_back(it->second);
        }
        for (std::uint32_t h : comms) {
            auto [it, fresh] = group_element.emplace(h, 0);
            if (fresh) it->second = add_element(opt.community_weight, 2);
            set.push_back(it->second);
        }
    }
    return em;
}

} // namespace detail

// ----------------------------------------------------------------------------- plan_event

/// Chooses up to `opt.cards` strangers among `attendees` to meet, maximising the new reach
/// they open (see the header comment for the coverage objective), by lazy greedy (generic tier).
///
/// `groups_of` maps a vertex to a range of community (group) indices, `organization` maps a
/// vertex to a `std::optional<std::uint32_t>` organisation index, `keep(e)` says whether arc
/// `e` may be used (visibility). Each pick carries its mutual contacts and shared groups.
/// Complexity: O(V + sum over candidates c and their contacts x of (deg-free) 1 + groups(x)),
/// plus the two-hop ball of me and of each goal, plus the CELF selection (see
/// `lazy_greedy_max_coverage`), plus O(k * (deg(me) + deg(pick))) for the talking points.
/// Preconditions: `groups_of` ranges are sorted when shared groups are wanted.
/// Returns: min(cards, strangers) picks in greedy order (an attendee with a visible tie to me,
/// me, and excluded people are never picked); empty when there is no stranger or cards == 0.
/// Throws: `invalid_argument` for a weight that is negative, NaN or infinite, or an attendee that
/// is not a vertex of g; `unknown_person` when `me` or a goal is not a vertex of g.
/// Approximation: value >= (1 - 1/e) x the best `cards`-subset of strangers (monotone submodular
/// coverage); picks equal plain greedy's, ties to the lower vertex index. Deterministic.
template <class Graph, class GroupsMap, class OrganizationMap, class ArcFilter = detail::keep_all_arcs>
basic_event_plan<typename boost::graph_traits<Graph>::vertex_descriptor>
plan_event(const Graph& g, typename boost::graph_traits<Graph>::vertex_descriptor me,
           const std::vector<typename boost::graph_traits<Graph>::vertex_descriptor>& attendees,
           GroupsMap groups_of, OrganizationMap organization,
           const basic_event_plan_options<typename boost::graph_traits<Graph>::vertex_descriptor>& opt = {},
           ArcFilter keep = {}) {
    using vertex = typename boost::graph_traits<Graph>::vertex_descriptor;
    const detail::vertex_table<Graph> table(g);
    const auto em = detail::build_event_model("plan_event", g, me, attendees, groups_of, organization, opt, keep, table);
    const coverage_result cr = lazy_greedy_max_coverage(em.sets, em.weights, opt.cards);
    auto index = get(boost::vertex_index, g);
    const std::size_t m = static_cast<std::size_t>(get(index, me));

    basic_event_plan<vertex> plan;
    plan.attendees = em.attendees;
    plan.strangers = em.strangers;
    plan.known = em.known_attendees;
    plan.value = cr.value;
    std::vector<std::uint8_t> covered(em.weights.size(), 0);
    std::vector<std::uint8_t> my_contact(em.known);
    std::vector<std::uint32_t> my_groups;
    for (std::uint32_t h : get(groups_of, me)) my_groups.push_back(h);
    std::sort(my_groups.begin(), my_groups.end());
    for (std::size_t i = 0; i < cr.picks.size(); ++i) {
        const std::size_t c = em.candidates[cr.picks[i]];
        basic_event_pick<vertex> p;
        p.who = table.at[c];
        p.gain = cr.gains[i];
        for (std::uint32_t x : em.sets[cr.picks[i]]) {
            if (covered[x]) continue;
            covered[x] = 1;
            switch (em.kind[x]) {
                case 0: ++p.new_people; break;
                case 1: ++p.new_organizations; break;
                case 2: ++p.new_communities; break;
                default: ++p.goal_credits; break;
            }
        }
        std::vector<std::size_t> mutual;
        auto es = out_edges(table.at[c], g);
        for (auto it = es.first; it != es.second; ++it) {
            if (!keep(*it)) continue;
            const std::size_t w = static_cast<std::size_t>(get(index, target(*it, g)));
            if (w != c && w != m && my_contact[w] && !em.excluded[w]) mutual.push_back(w);
        }
        std::sort(mutual.begin(), mutual.end());
        mutual.erase(std::unique(mutual.begin(), mutual.end()), mutual.end());
        for (std::size_t w : mutual) p.mutual_contacts.push_back(table.at[w]);
        std::vector<std::uint32_t> theirs;
        for (std::uint32_t h : get(groups_of, table.at[c])) theirs.push_back(h);
        std::sort(theirs.begin(), theirs.end());
        p.shared_groups = detail::sorted_intersection(my_groups, theirs);
        plan.picks.push_back(std::move(p));
    }
    return plan;
}

namespace detail {

/// The snapshot tier's shared setup: vertices, options in vertex terms, maps, filter.
struct snapshot_event_setup {
    using V = snapshot::vertex_type;
    V me{};
    basic_event_plan_options<V> opt{};
    snapshot_view view{};
    std::uint32_t event = 0;

    snapshot_event_setup(const char* fn, const snapshot& s, person_id p, event_id e, const event_plan_options& o) {
        me = checked_vertex(s, fn, "me", p);
        const V asker = o.asker ? checked_vertex(s, fn, "asker", *o.asker) : me;
        if (e.value() >= s.event_count())
            throw invalid_argument(std::string(fn) + ": unknown event id " + std::to_string(e.value()));
        event = e.value();
        opt.cards = o.cards;
        opt.goals = checked_vertices(s, fn, "goal", o.goals, false);
        opt.exclude = checked_vertices(s, fn, "excluded person", o.exclude, true);
        opt.person_weight = o.person_weight;
        opt.organization_weight = o.organization_weight;
        opt.community_weight = o.community_weight;
        opt.goal_weight = o.goal_weight;
        view = snapshot_view{&s, asker};
    }
};

inline auto snapshot_groups_map(const snapshot& s) {
    return boost::make_function_property_map<snapshot::vertex_type>(
        [&s](snapshot::vertex_type v) -> const std::vector<std::uint32_t>& { return s.groups_of(v); });
}
inline auto snapshot_org_map(const snapshot& s) {
    return boost::make_function_property_map<snapshot::vertex_type>([&s](snapshot::vertex_type v) { return s.organization_of(v); });
}

/// An open question about someone: about a shared interest, else their interest, else their
/// work, else what brought them to the event. Deterministic.
inline std::string open_question(const person& them, const std::vector<std::string>& shared, const std::string& event_name) {
    if (!shared.empty()) return "What got you into " + shared.front() + "?";
    const auto theirs = normalize_tags(them.interests);
    if (!theirs.empty()) return "How did you get into " + theirs.front() + "?";
    if (!them.title.empty() && !them.organization.empty())
        return "What does your work as " + them.title + " at " + them.organization + " look like these days?";
    if (!them.organization.empty()) return "What are you working on at " + them.organization + " these days?";
    return "What brought you to " + event_name + "?";
}

} // namespace detail

/// Chooses up to `opt.cards` strangers at event `e` for `me` to meet (snapshot tier), with
/// talking points: shared interests, shared groups, mutual contacts (visible to the asker) and
/// an open question about them. Everything else as the generic tier.
/// Complexity: as the generic tier. Preconditions: none.
/// Returns: the plan; picks in greedy order.
/// Throws: `unknown_person` when `me`, the asker or a goal is not in the snapshot (unknown
/// excluded ids are ignored); `invalid_argument` for an unknown event or a bad weight.
/// Approximation: (1 - 1/e) of the best `cards`-subset for the coverage objective; deterministic.
inline event_plan plan_event(const snapshot& s, person_id me, event_id e, const event_plan_options& opt = {}) {
    const detail::snapshot_event_setup set("plan_event", s, me, e, opt);
    std::vector<snapshot::vertex_type> attendees;
    for (const auto& a : s.event_attendees(set.event)) attendees.push_back(a.who);
    const auto plan = plan_event(s, set.me, attendees, detail::snapshot_groups_map(s), detail::snapshot_org_map(s),
                                 set.opt, set.view);
    event_plan out;
    out.value = plan.value;
    out.attendees = plan.attendees;
    out.strangers = plan.strangers;
    out.known = plan.known;
    const auto mine = detail::normalize_tags(s.person_at(set.me).interests);
    for (const auto& p : plan.picks) {
        event_pick r;
        r.who = s.id_of(p.who);
        r.name = s.person_at(p.who).name;
        r.gain = p.gain;
        r.new_people = p.new_people;
        r.new_organizations = p.new_organizations;
        r.new_communities = p.new_communities;
        r.goal_credits = p.goal_credits;
        r.talk.shared_interests = detail::sorted_intersection(mine, detail::normalize_tags(s.person_at(p.who).interests));
        for (std::uint32_t h : p.shared_groups) r.talk.shared_groups.push_back(s.group_at(h).name);
        std::sort(r.talk.shared_groups.begin(), r.talk.shared_groups.end());
        for (auto w : p.mutual_contacts) r.talk.mutual_contacts.push_back(s.id_of(w));
        r.talk.question = detail::open_question(s.person_at(p.who), r.talk.shared_interests, s.event_at(set.event).name);
        out.picks.push_back(std::move(r));
    }
    return out;
}

// ---------------------------------------------------------------------------- choose_table

/// Chooses the lunch table with the most value in strangers (generic tier): the coverage value
/// (the objective of `plan_event`) of all strangers seated at a table together. The table(s)
/// holding the largest number of my contacts are never chosen, unless every table holds that
/// many. Ties: more strangers, then fewer contacts, then the table name. Seats with an empty
/// table name, me, and excluded people are ignored.
/// Complexity: as building `plan_event`'s model, plus O(sum of the strangers' set sizes).
/// Preconditions: as `plan_event`.
/// Returns: the table, or nullopt when no seat has a table.
/// Throws: as `plan_event` (with "choose_table" in the message).
/// Exact for the stated rule and value.
template <class Graph, class GroupsMap, class OrganizationMap, class ArcFilter = detail::keep_all_arcs>
std::optional<basic_table_choice<typename boost::graph_traits<Graph>::vertex_descriptor>>
choose_table(const Graph& g, typename boost::graph_traits<Graph>::vertex_descriptor me,
             const std::vector<basic_seat<typename boost::graph_traits<Graph>::vertex_descriptor>>& seats,
             GroupsMap groups_of, OrganizationMap organization,
             const basic_event_plan_options<typename boost::graph_traits<Graph>::vertex_descriptor>& opt = {},
             ArcFilter keep = {}) {
    using vertex = typename boost::graph_traits<Graph>::vertex_descriptor;
    const detail::vertex_table<Graph> table(g);
    std::vector<vertex> attendees;
    for (const auto& s : seats) attendees.push_back(s.who);
    const auto em = detail::build_event_model("choose_table", g, me, attendees, groups_of, organization, opt, keep, table);
    auto index = get(boost::vertex_index, g);
    const std::size_t m = static_cast<std::size_t>(get(index, me));
    std::vector<std::size_t> cand_pos(num_vertices(g), static_cast<std::size_t>(-1));
    for (std::size_t i = 0; i < em.candidates.size(); ++i) cand_pos[em.candidates[i]] = i;

    // Table name -> (strangers, known), each person counted once (their last seat wins).
    std::vector<std::pair<std::string, std::size_t>> seated;  // (table, vertex index)
    std::unordered_map<std::size_t, std::string> seat_of;
    for (const auto& s : seats) {
        const std::size_t v = static_cast<std::size_t>(get(index, s.who));
        if (v == m || em.excluded[v]) continue;
        seat_of[v] = s.table;
    }
    for (const auto& [v, t] : seat_of)
        if (!t.empty()) seated.emplace_back(t, v);
    if (seated.empty()) return std::nullopt;
    std::sort(seated.begin(), seated.end());
    std::vector<basic_table_choice<vertex>> tables;
    std::vector<std::uint8_t> covered(em.weights.size(), 0);
    for (std::size_t i = 0; i < seated.size();) {
        std::size_t j = i;
        basic_table_choice<vertex> t;
        t.table = seated[i].first;
        std::vector<std::uint32_t> touched;
        for (; j < seated.size() && seated[j].first == t.table; ++j) {
            const std::size_t v = seated[j].second;
            if (em.known[v]) { ++t.known; continue; }
            ++t.strangers;
            t.seated_strangers.push_back(table.at[v]);
            for (std::uint32_t x : em.sets[cand_pos[v]])
                if (!covered[x]) { covered[x] = 1; t.value += em.weights[x]; touched.push_back(x); }
        }
        for (std::uint32_t x : touched) covered[x] = 0;
        tables.push_back(std::move(t));
        i = j;
    }
    std::size_t most_known = 0;
    for (const auto& t : tables) most_known = std::max(most_known, t.known);
    const bool all_same = std::all_of(tables.begin(), tables.end(), [&](const auto& t) { return t.known == most_known; });
    const basic_table_choice<vertex>* best = nullptr;
    for (const auto& t : tables) {
        if (!all_same && most_known > 0 && t.known == most_known) continue;
        if (!best || t.value > best->value ||
            (t.value == best->value && (t.strangers > best->strangers ||
                                        (t.strangers == best->strangers && t.known < best->known))))
            best = &t;  // tables are in name order, so a full tie keeps the first name
    }
    return *best;
}

/// Chooses the lunch table at event `e` for `me` (snapshot tier); see the generic tier.
/// Complexity: as the generic tier. Preconditions: none.
/// Returns: the table with its strangers as person ids, or nullopt when nobody has a table.
/// Throws: `unknown_person` (me, asker or a goal not in the snapshot), `invalid_argument`
/// (unknown event, bad weight). Exact for the stated rule and value.
inline std::optional<table_choice> choose_table(const snapshot& s, person_id me, event_id e,
                                                const event_plan_options& opt = {}) {
    const detail::snapshot_event_setup set("choose_table", s, me, e, opt);
    std::vector<basic_seat<snapshot::vertex_type>> seats;
    for (const auto& a : s.event_attendees(set.event)) seats.push_back({a.who, a.table});
    const auto t = choose_table(s, set.me, seats, detail::snapshot_groups_map(s), detail::snapshot_org_map(s), set.opt,
                                set.view);
    if (!t) return std::nullopt;
    table_choice out;
    out.table = t->table;
    out.value = t->value;
    out.strangers = t->strangers;
    out.known = t->known;
    for (auto v : t->seated_strangers) out.seated_strangers.push_back(s.id_of(v));
    return out;
}

// ------------------------------------------------------------------------- record_meetings

/// Records, after an event, one interaction (channel `opt.via`, default `event`, two
/// participants, initiator unknown = mutual) between `me` and each person met, at `when`; with
/// `opt.warmth` also sets that manual warmth on each tie. The people met become ties whose
/// starting warmth follows from the strength model: with kith's default policy one event
/// meeting on the day gives warmth 1 - exp(-(0.5 + bond) / 2.5) = 0.189 (weak), where the bond
/// term is 1 - exp(-0.5 / 20) = 0.025; a 1:1 `meeting` would give 0.343. It halves roughly
/// every 90 days unless followed up.
/// Complexity: O(|met| log |met|) plus one `network::record` per person.
/// Preconditions: none. Effects: all-or-nothing (everything is validated before any change).
/// Returns: the number of interactions recorded (|met|).
/// Throws: `unknown_person` (me or someone met not in the network), `invalid_tie` (me among the
/// people met, or a warmth outside (0,1] or NaN), `invalid_argument` (a person listed twice).
inline std::size_t record_meetings(network& net, person_id me, const std::vector<person_id>& met, timestamp when,
                                   const meeting_options& opt = {}) {
    constexpr const char* fn = "record_meetings";
    if (!net.contains(me)) throw unknown_person(std::string(fn) + ": unknown person id " + std::to_string(me.value()) + " (me)");
    if (opt.warmth && !(*opt.warmth > 0.0 && *opt.warmth <= 1.0))
        throw invalid_tie(std::string(fn) + ": warmth " + std::to_string(*opt.warmth) + " is outside (0,1]");
    if (static_cast<std::size_t>(opt.via) >= channel_count)
        throw invalid_argument(std::string(fn) + ": unknown channel " + std::to_string(static_cast<int>(opt.via)));
    std::vector<person_id> sorted(met);
    std::sort(sorted.begin(), sorted.end());
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        if (!net.contains(sorted[i]))
            throw unknown_person(std::string(fn) + ": unknown person id " + std::to_string(sorted[i].value()) + " among the people met");
        if (sorted[i] == me) throw invalid_tie(std::string(fn) + ": person " + std::to_string(me.value()) + " cannot meet themselves");
        if (i > 0 && sorted[i] == sorted[i - 1])
            throw invalid_argument(std::string(fn) + ": person " + std::to_string(sorted[i].value()) + " is listed twice");
    }
    for (person_id p : met) {
        interaction x;
        x.a = me;
        x.b = p;
        x.when = when;
        x.via = opt.via;
        net.record(x);
        if (opt.warmth) net.set_warmth(me, p, *opt.warmth);
    }
    return met.size();
}

} // namespace kith
