// tests/paths/k_paths_bound.test.cpp -- the engine's optional upper bound (search_spec::bounded,
// used by Yen's spur searches in kith/paths/k_warm_paths.hpp): a bounded search returns exactly
// the unbounded answer when its key is <= the bound (ties and their tie-break included) and
// nothing otherwise, on a hand fixture with two equal paths and on hundreds of random queries
// (sets, hop caps, avoided people, introducer costs, private ties); and plain k best paths
// and limited overlap with bounded spur searches equal the unbounded ones and the
// brute-force oracle (capped enumerations stop at the same prefix).
#include "kith_catch.hpp"
#include "paths_oracle.hpp"

#include <kith/paths/k_warm_paths.hpp>

#include <algorithm>
#include <limits>
#include <string>
#include <vector>

using namespace kith;

namespace {

using bound_key = detail::path_key<std::uint64_t>;

/// The snapshot tier's single-path search for a random query, with an optional bound.
std::optional<detail::found_path<std::uint64_t>> search(const snapshot& s, const kith_test::random_query& q,
                                                        std::optional<bound_key> bound) {
    static detail::search_store<std::uint32_t> st;
    detail::snapshot_arcs adj;
    detail::search_spec<std::uint64_t> spec;
    detail::prepare_snapshot_query(s, "test", q.from, q.to, q.opt, spec, adj);
    if (spec.starts.empty() || spec.ends.empty()) return std::nullopt;
    if (bound) {
        spec.bounded = true;
        spec.bound = *bound;
    }
    return detail::best_path(st, adj, s.num_people(), spec, true);
}

using kith_test::vertices_of;

} // namespace

TEST_CASE("k paths bound: a bound equal to the best key keeps the tie-break", "[paths]") {
    // a-b-e and a-c-e cost the same (same warmths, same hops); a-d-e is warmer only through a
    // colder second tie. The answer is a-b-e (b before c). Bounded by its exact key the search
    // must still return a-b-e, not "nothing" and not a-c-e; one unit or one hop below: nothing.
    network net;
    const person_id a = net.add_person({"a", ""}), b = net.add_person({"b", ""}), c = net.add_person({"c", ""}),
                    d = net.add_person({"d", ""}), e = net.add_person({"e", ""});
    net.set_warmth(a, c, 0.8);
    net.set_warmth(c, e, 0.8);
    net.set_warmth(a, b, 0.8);
    net.set_warmth(b, e, 0.8);
    net.set_warmth(a, d, 0.9);
    net.set_warmth(d, e, 0.3);
    const auto snap = freeze(net, make_timestamp(2026, 3, 1));
    const snapshot& s = *snap;
    kith_test::random_query q;
    q.from = {a};
    q.to = {e};
    const auto free = search(s, q, std::nullopt);
    REQUIRE(free);
    CHECK(free->verts == vertices_of(s, {a, b, e}));
    const bound_key k{free->cost, free->hops()};
    const auto same = search(s, q, k);
    REQUIRE(same);
    CHECK(*same == *free);
    CHECK_FALSE(search(s, q, bound_key{k.c, k.h - 1}));
    CHECK_FALSE(search(s, q, bound_key{k.c - 1, std::numeric_limits<std::uint32_t>::max()}));
    const auto above = search(s, q, bound_key{k.c, k.h + 1});
    REQUIRE(above);
    CHECK(*above == *free);
    // Hop-capped (meet in the middle) too.
    q.opt.max_hops = 2;
    const auto capped = search(s, q, k);
    REQUIRE(capped);
    CHECK(*capped == *free);
    CHECK_FALSE(search(s, q, bound_key{k.c, k.h - 1}));
}

TEST_CASE("k paths bound: bounded searches on random graphs return the answer iff its key is within the bound",
          "[paths]") {
    std::mt19937_64 rng(6061);
    int found = 0, ties = 0;
    for (int round = 0; round < 1000; ++round) {
        kith_test::random_case rc = kith_test::make_random_case(rng, rng() % 3 == 0 ? 9 : 0);
        const snapshot& s = *rc.snap;
        for (int qi = 0; qi < 4; ++qi) {
            const kith_test::random_query q = kith_test::make_random_query(rng, rc);
            INFO("round " << round << " query " << qi);
            const auto free = search(s, q, std::nullopt);
            if (!free) {
                CHECK_FALSE(search(s, q, bound_key{std::numeric_limits<std::uint64_t>::max() / 4, 1000}));
                continue;
            }
            ++found;
            const bound_key k{free->cost, free->hops()};
            // Is there another path of the same key (a tie the bound must not cut)?
            const auto all = kith_test::oracle_all(s, q);
            REQUIRE(!all.empty());
            CHECK(all.front().verts == free->verts);
            ties += all.size() > 1 && all[1].cost == all[0].cost && all[1].verts.size() == all[0].verts.size();
            const auto eq = search(s, q, k);
            REQUIRE(eq);
            CHECK(*eq == *free);
            const auto loose = search(s, q, bound_key{k.c + 1 + rng() % 5000, 0});
            REQUIRE(loose);
            CHECK(*loose == *free);
            if (k.h > 0) CHECK_FALSE(search(s, q, bound_key{k.c, k.h - 1}));
            if (k.c > 0) CHECK_FALSE(search(s, q, bound_key{k.c - 1, 1000}));
        }
    }
    CHECK(found > 1500);
    CHECK(ties > 20);
}

TEST_CASE("k paths bound: plain k best with bounded spur searches equals unbounded Yen and the oracle", "[paths]") {
    // Small graphs against the oracle (equal costs are common: coarse warmths, hop factor 1),
    // then graphs of hundreds of people with hubs against the unbounded enumeration.
    std::mt19937_64 rng(7073);
    path_workspace ws;
    int long_answers = 0;
    for (int round = 0; round < 200; ++round) {
        kith_test::random_case rc = kith_test::make_random_case(rng, 6 + rng() % 4);
        const snapshot& s = *rc.snap;
        for (int qi = 0; qi < 3; ++qi) {
            kith_test::random_query q = kith_test::make_random_query(rng, rc);
            q.k = 2 + rng() % 9;
            const auto all = kith_test::oracle_all(s, q);
            const auto got = find_k_warm_paths(s, q.from, q.to, q.k, q.opt, {}, ws);
            INFO("round " << round << " query " << qi << " k " << q.k);
            REQUIRE(got.size() == std::min(q.k, all.size()));
            for (std::size_t i = 0; i < got.size(); ++i) {
                CHECK(vertices_of(s, got[i].people) == all[i].verts);
                CHECK(got[i].cost_units == all[i].cost);
            }
            long_answers += got.size() >= 5;
        }
    }
    CHECK(long_answers > 50);
    int compared = 0;
    for (int round = 0; round < 4; ++round) {
        const std::size_t n = 200 + rng() % 200;
        kith_test::hub_graph hg = kith_test::make_hub_graph(rng, n);  // a quarter of the ties touch a hub
        const network& net = hg.net;
        const std::vector<person_id>& ids = hg.ids;
        const snapshot s(net, make_timestamp(2026, 3, 1));
        for (int qi = 0; qi < 15; ++qi) {
            path_options o;
            if (qi % 3 == 1) o.max_hops = 2 + rng() % 5;
            if (qi % 4 == 2) o.hop_factor = 1.0;
            const std::size_t k = 2 + rng() % 10;
            const person_id a = ids[rng() % n], b = ids[rng() % n];
            const auto bounded = find_k_warm_paths(s, a, b, k, o, {}, ws);
            detail::k_paths_bounds() = false;
            const auto plain = find_k_warm_paths(s, a, b, k, o, {}, ws);
            detail::k_paths_bounds() = true;
            INFO("round " << round << " query " << qi << " k " << k);
            REQUIRE(bounded.size() == plain.size());
            for (std::size_t i = 0; i < bounded.size(); ++i) CHECK(bounded[i] == plain[i]);
            compared += bounded.size() >= 3;
        }
    }
    CHECK(compared > 20);
}

TEST_CASE("k paths bound: limited overlap with bounded spur searches equals the unbounded enumeration", "[paths]") {
    // The last path to keep bounds the spur searches by the best candidate that passes against
    // the kept ones; a capped enumeration (small max_enumerated) must stop at the same prefix.
    std::mt19937_64 rng(9091);
    path_workspace ws;
    int compared = 0, capped = 0;
    for (int round = 0; round < 150; ++round) {
        kith_test::random_case rc = kith_test::make_random_case(rng, 7 + rng() % 3);
        const snapshot& s = *rc.snap;
        for (int qi = 0; qi < 3; ++qi) {
            kith_test::random_query q = kith_test::make_random_query(rng, rc);
            q.k = 2 + rng() % 6;
            k_paths_options ko;
            ko.diversity = path_diversity::limited_overlap;
            static const double overlaps[] = {0.2, 0.34, 0.5, 0.67, 0.8};
            ko.max_overlap = overlaps[rng() % 5];
            ko.max_enumerated = 1000000;
            const auto all = kith_test::oracle_all(s, q);
            const auto got = find_k_warm_paths(s, q.from, q.to, q.k, q.opt, ko, ws);
            // The oracle's greedy answer: each path that passes against the kept ones, in order.
            std::vector<std::vector<std::uint32_t>> want;
            for (const auto& p : all) {
                if (want.size() == q.k) break;
                bool ok = true;
                for (const auto& w : want) {
                    std::size_t shared = 0;
                    for (std::size_t i = 1; i + 1 < p.verts.size(); ++i)
                        if (w.size() >= 3 && std::find(w.begin() + 1, w.end() - 1, p.verts[i]) != w.end() - 1) ++shared;
                    const double inner_w = w.size() >= 2 ? static_cast<double>(w.size() - 2) : 0.0;
                    if (static_cast<double>(shared) > ko.max_overlap * inner_w) ok = false;
                }
                if (ok) want.push_back(p.verts);
            }
            INFO("round " << round << " query " << qi << " k " << q.k << " overlap " << ko.max_overlap);
            REQUIRE(got.size() == want.size());
            for (std::size_t i = 0; i < got.size(); ++i) CHECK(vertices_of(s, got[i].people) == want[i]);
        }
    }
    for (int round = 0; round < 4; ++round) {
        const std::size_t n = 200 + rng() % 200;
        kith_test::hub_graph hg = kith_test::make_hub_graph(rng, n);  // a quarter of the ties touch a hub
        const network& net = hg.net;
        const std::vector<person_id>& ids = hg.ids;
        const snapshot s(net, make_timestamp(2026, 3, 1));
        for (int qi = 0; qi < 15; ++qi) {
            path_options o;
            if (qi % 3 == 1) o.max_hops = 2 + rng() % 5;
            if (qi % 4 == 2) o.hop_factor = 1.0;
            k_paths_options ko;
            ko.diversity = path_diversity::limited_overlap;
            ko.max_overlap = qi % 2 ? 0.5 : 0.34;
            static const std::size_t caps[] = {3, 8, 20, 100000};
            ko.max_enumerated = caps[rng() % 4];
            const std::size_t k = 2 + rng() % 6;
            const person_id a = ids[rng() % n], b = ids[rng() % n];
            const auto bounded = find_k_warm_paths(s, a, b, k, o, ko, ws);
            detail::k_paths_bounds() = false;
            const auto plain = find_k_warm_paths(s, a, b, k, o, ko, ws);
            detail::k_paths_bounds() = true;
            INFO("round " << round << " query " << qi << " k " << k << " cap " << ko.max_enumerated);
            REQUIRE(bounded.size() == plain.size());
            for (std::size_t i = 0; i < bounded.size(); ++i) CHECK(bounded[i] == plain[i]);
            compared += bounded.size() >= 3;
            capped += ko.max_enumerated <= 20 && plain.size() < k;
        }
    }
    CHECK(compared > 10);
    CHECK(capped > 3);
}
