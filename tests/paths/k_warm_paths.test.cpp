// tests/paths/k_warm_paths.test.cpp -- kith/paths/k_warm_paths.hpp: a hand fixture, Yen against
// the brute-force oracle on hundreds of random graphs (hop caps, sets, private ties, avoid sets,
// introducer costs), diversity filters against the same filter applied to the oracle's order.
#include "kith_catch.hpp"
#include "paths_oracle.hpp"

#include <kith/paths/k_warm_paths.hpp>

#include <limits>
#include <vector>

using namespace kith;

namespace {

std::vector<std::uint32_t> vertices_of(const snapshot& s, const std::vector<person_id>& ids) {
    std::vector<std::uint32_t> v;
    for (person_id p : ids) v.push_back(s.vertex_of(p));
    return v;
}

bool passes(const k_paths_options& ko, const std::vector<std::uint32_t>& p,
            const std::vector<std::vector<std::uint32_t>>& kept) {
    if (ko.diversity == path_diversity::none) return true;
    if (ko.diversity == path_diversity::distinct_first_introducer) {
        if (p.size() < 3) return true;
        for (const auto& q : kept)
            if (q.size() >= 3 && q[1] == p[1]) return false;
        return true;
    }
    const std::size_t own = p.size() >= 2 ? p.size() - 2 : 0;
    if (own == 0) return true;
    for (const auto& q : kept) {
        std::size_t shared = 0;
        for (std::size_t i = 1; i + 1 < p.size(); ++i)
            if (std::find(q.begin() + 1, q.end() - 1, p[i]) != q.end() - 1) ++shared;
        if (static_cast<double>(shared) > ko.max_overlap * static_cast<double>(own)) return false;
    }
    return true;
}

} // namespace

TEST_CASE("k warm paths: a fixture a reader can check", "[paths]") {
    // 0-1 0.9, 1-2 0.9, 0-2 0.5, 2-3 0.7, 1-3 0.2, 0-4 0.9, 4-3 0.3; hop factor 0.8.
    // Paths 0->3: 0-1-2-3 (0.290), 0-2-3 (0.224), 0-4-3 (0.173), 0-1-3 (0.115), 0-2-1-3 (0.046).
    network net;
    std::vector<person_id> p;
    for (int i = 0; i < 5; ++i) p.push_back(net.add_person({"k" + std::to_string(i), "P" + std::to_string(i)}));
    net.set_warmth(p[0], p[1], 0.9);
    net.set_warmth(p[1], p[2], 0.9);
    net.set_warmth(p[0], p[2], 0.5);
    net.set_warmth(p[2], p[3], 0.7);
    net.set_warmth(p[1], p[3], 0.2);
    net.set_warmth(p[0], p[4], 0.9);
    net.set_warmth(p[4], p[3], 0.3);
    const snapshot s(net, make_timestamp(2026, 3, 1));
    auto all = find_k_warm_paths(s, p[0], p[3], 10);
    REQUIRE(all.size() == 5);
    CHECK(all[0].people == std::vector<person_id>{p[0], p[1], p[2], p[3]});
    CHECK(all[1].people == std::vector<person_id>{p[0], p[2], p[3]});
    CHECK(all[2].people == std::vector<person_id>{p[0], p[4], p[3]});
    CHECK(all[3].people == std::vector<person_id>{p[0], p[1], p[3]});
    CHECK(all[4].people == std::vector<person_id>{p[0], p[2], p[1], p[3]});
    CHECK_THAT(all[0].warmth, WithinRel(0.9 * 0.9 * 0.7 * 0.512, 1e-3));
    CHECK(all[0] == *find_warm_path(s, p[0], p[3]));
    CHECK(find_k_warm_paths(s, p[0], p[3], 2).size() == 2);
    CHECK(find_k_warm_paths(s, p[0], p[3], 0).empty());

    // Distinct first introducers: 0-1-2-3, 0-2-3, 0-4-3 (0-1-3 and 0-2-1-3 repeat 1 and 2).
    k_paths_options distinct;
    distinct.diversity = path_diversity::distinct_first_introducer;
    auto d = find_k_warm_paths(s, p[0], p[3], 5, {}, distinct);
    REQUIRE(d.size() == 3);
    CHECK(d[2].people == std::vector<person_id>{p[0], p[4], p[3]});
    // Disjoint intermediates: 0-1-2-3 ({1,2}) rules out 0-2-3, 0-1-3, 0-2-1-3.
    k_paths_options disjoint;
    disjoint.diversity = path_diversity::limited_overlap;
    disjoint.max_overlap = 0.0;
    auto j = find_k_warm_paths(s, p[0], p[3], 5, {}, disjoint);
    REQUIRE(j.size() == 2);
    CHECK(j[1].people == std::vector<person_id>{p[0], p[4], p[3]});
    // Hop cap 2: 0-2-3, 0-4-3, 0-1-3.
    path_options two;
    two.max_hops = 2;
    auto h = find_k_warm_paths(s, p[0], p[3], 5, two);
    REQUIRE(h.size() == 3);
    CHECK(h[0].people == std::vector<person_id>{p[0], p[2], p[3]});
    // No path: empty.
    const person_id lonely = net.add_person({"lonely", "Lonely"});
    const snapshot s2(net, make_timestamp(2026, 3, 1));
    CHECK(find_k_warm_paths(s2, p[0], lonely, 3).empty());
    CHECK(find_k_warm_paths(s2, std::vector<person_id>{}, std::vector<person_id>{p[0]}, 3).empty());
}

TEST_CASE("k warm paths: errors", "[paths]") {
    network net;
    const person_id a = net.add_person({"a", "A"});
    const person_id b = net.add_person({"b", "B"});
    net.set_warmth(a, b, 0.5);
    const snapshot s(net, make_timestamp(2026, 3, 1));
    REQUIRE_THROWS_AS(find_k_warm_paths(s, a, person_id(9), 3), unknown_person);
    k_paths_options ko;
    for (double bad : {-0.1, 1.5, std::numeric_limits<double>::quiet_NaN()}) {
        ko.max_overlap = bad;
        REQUIRE_THROWS_AS(find_k_warm_paths(s, a, b, 3, {}, ko), invalid_argument);
    }
    ko = {};
    ko.max_enumerated = 0;
    REQUIRE_THROWS_AS(find_k_warm_paths(s, a, b, 3, {}, ko), invalid_argument);
    path_options o;
    o.hop_factor = 0;
    REQUIRE_THROWS_AS(find_k_warm_paths(s, a, b, 3, o), invalid_argument);
}

TEST_CASE("k warm paths: random graphs against the oracle, with and without diversity", "[paths]") {
    std::mt19937_64 rng(99);
    path_workspace ws;
    int nonempty = 0, multi = 0;
    for (int round = 0; round < 300; ++round) {
        kith_test::random_case rc = kith_test::make_random_case(rng);
        const snapshot& s = *rc.snap;
        for (int q = 0; q < 3; ++q) {
            kith_test::random_query rq = kith_test::make_random_query(rng, rc);
            const auto all = kith_test::oracle_all(s, rq);
            k_paths_options ko;
            const auto mode = rng() % 4;
            ko.diversity = mode < 2 ? path_diversity::none
                         : mode == 2 ? path_diversity::distinct_first_introducer
                                     : path_diversity::limited_overlap;
            ko.max_overlap = static_cast<double>(rng() % 3) / 2.0;
            ko.max_enumerated = 1 + rng() % 12;
            const auto got = find_k_warm_paths(s, rq.from, rq.to, rq.k, rq.opt, ko, ws);
            // The oracle's answer: the greedy filter over its exact order.
            std::vector<std::vector<std::uint32_t>> want;
            std::vector<std::uint64_t> want_cost;
            // distinct_first_introducer is searched directly: the greedy filter over everything.
            const std::size_t limit = ko.diversity == path_diversity::none ? rq.k
                                    : ko.diversity == path_diversity::distinct_first_introducer
                                        ? all.size()
                                        : std::max(rq.k, ko.max_enumerated);
            for (std::size_t i = 0; i < all.size() && i < limit && want.size() < rq.k; ++i)
                if (passes(ko, all[i].verts, want)) {
                    want.push_back(all[i].verts);
                    want_cost.push_back(all[i].cost);
                }
            INFO("round " << round << " query " << q << " k " << rq.k);
            REQUIRE(got.size() == want.size());
            for (std::size_t i = 0; i < got.size(); ++i) {
                CHECK(vertices_of(s, got[i].people) == want[i]);
                CHECK(got[i].cost_units == want_cost[i]);
                if (rq.opt.max_hops) CHECK(got[i].hops() <= *rq.opt.max_hops);
            }
            nonempty += !got.empty();
            multi += got.size() > 2;
        }
    }
    CHECK(nonempty > 400);
    CHECK(multi > 100);
}
