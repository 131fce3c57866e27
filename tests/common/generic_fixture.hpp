// tests/common/generic_fixture.hpp -- what the "generic tier equals the snapshot tier" tests
// share (tests/metrics/health, tests/suggest/bridges, reconnect, ties_to_grow): a snapshot
// rebuilt as a Boost.Graph adjacency_list with bundled properties for the generic tier's
// property maps, and small helpers to build random networks, exclude a person in both tiers and
// compare suggestions about contacts.
#pragma once

#include "kith_catch.hpp"

#include <kith/metrics/health.hpp>  // kith::circle
#include <kith/network.hpp>
#include <kith/snapshot.hpp>

#include <boost/graph/adjacency_list.hpp>

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace kith_test_generic {

/// An edge: the tie's cost units, its evidence (nullptr for a manual tie) and whether the asker
/// may see it (the arc filter).
struct arc_props {
    std::uint32_t units = 0;
    const kith::tie_evidence* ev = nullptr;
    bool visible = true;
};

/// A vertex: the person's circles (organisation first, then groups in the snapshot's order).
struct person_props {
    std::vector<kith::circle> circles;
};

using bgraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, person_props, arc_props>;

/// Every tie of `s` as an undirected edge of a graph whose vertex v is the snapshot's vertex v;
/// edges are added in vertex order, then in the snapshot's arc order. O(V + E).
inline bgraph to_bgl(const kith::snapshot& s, std::optional<std::uint32_t> asker) {
    bgraph g(s.num_people());
    for (std::uint32_t v = 0; v < s.num_people(); ++v) {
        if (auto o = s.organization_of(v)) g[v].circles.push_back({kith::circle::kind::organization, s.organization_name(*o)});
        for (auto x : s.groups_of(v)) g[v].circles.push_back({kith::circle::kind::group, s.group_at(x).name});
        for (auto a = s.arc_begin(v); a != s.arc_end(v); ++a) {
            const auto t = s.arc_target(a);
            if (t < v) continue;
            boost::add_edge(v, t, arc_props{s.arc_cost(a), s.evidence(v, t), s.arc_visible(a, asker)}, g);
        }
    }
    return g;
}

/// The generic tier's arc filter for `g`: the edges the asker may see.
inline auto visible_arcs(const bgraph& g) {
    return [&g](const bgraph::edge_descriptor& e) { return g[e].visible; };
}

/// A vertex drawn from [0, n): one draw of `rng`.
inline std::uint32_t random_vertex(std::mt19937_64& rng, int n) {
    return static_cast<std::uint32_t>(rng() % static_cast<std::uint64_t>(n));
}

/// Excludes vertex `v` in the snapshot tier's options (as a person id) and in the generic
/// tier's (as a vertex).
template <class SnapshotOptions, class GenericOptions>
void exclude_in_both(SnapshotOptions& opt, GenericOptions& gopt, std::uint32_t v) {
    opt.excluded.push_back(kith::person_id(v));
    gopt.excluded.push_back(v);
}

/// Adds people "p0".."p<n-1>" to `net`, each at organisation "org0".."org<orgs-1>" or, one
/// time in `no_org`, at none; then 0 to 3 groups "club0", ... that each person joins one time
/// in `join`. The draws of `rng` come in that order. O(n).
inline void add_people_in_circles(kith::network& net, std::mt19937_64& rng, int n, std::uint64_t no_org,
                                  std::uint64_t orgs, std::uint64_t join) {
    for (int i = 0; i < n; ++i) {
        const std::string org = rng() % no_org == 0 ? "" : "org" + std::to_string(rng() % orgs);
        net.add_person({"p" + std::to_string(i), "", org, "", {}});
    }
    for (int c = 0, groups = static_cast<int>(rng() % 4); c < groups; ++c) {
        const auto club = net.add_group({"club" + std::to_string(c), {}});
        for (int i = 0; i < n; ++i)
            if (rng() % join == 0) net.join(club, kith::person_id(static_cast<std::uint32_t>(i)));
    }
}

/// Checks the fields that a generic-tier suggestion about one of my contacts (`got`, a vertex)
/// shares with the snapshot tier's (`want`, a person id): reconnect and ties to grow.
template <class Got, class Want>
void check_same_contact(const Got& got, const Want& want, const kith::snapshot& s) {
    CHECK(got.contact == s.vertex_of(want.contact));
    CHECK(got.warmth == want.warmth);
    CHECK(got.tier == want.tier);
    CHECK(got.last_interaction == want.last_interaction);
    CHECK(got.last_channel == want.last_channel);
}

} // namespace kith_test_generic
