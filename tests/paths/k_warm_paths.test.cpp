// tests/paths/k_warm_paths.test.cpp -- kith/paths/k_warm_paths.hpp: hand fixtures (snapshot and
// generic tiers), k best against the brute-force oracle on hundreds of random graphs (hop caps,
// sets, private ties, avoid sets, introducer costs), each diversity rule against the greedy rule
// applied to the oracle's complete order, and the generic tier (boost::adjacency_list holding
// the snapshot's visible ties with their integer cost units, and the snapshot itself) equal to
// the snapshot tier path for path.
#include "kith_catch.hpp"
#include "paths_oracle.hpp"

#include <kith/paths/k_warm_paths.hpp>

#include <boost/graph/adjacency_list.hpp>
#include <boost/property_map/function_property_map.hpp>

#include <limits>
#include <string>
#include <vector>

using namespace kith;

namespace {

using kith_test::vertices_of;

bool passes(const k_paths_options& ko, const std::vector<std::uint32_t>& p,
            const std::vector<std::vector<std::uint32_t>>& kept) {
    if (ko.diversity == path_diversity::none) return true;
    if (ko.diversity == path_diversity::distinct_first_introducer) {
        if (p.size() < 3) return true;
        for (const auto& q : kept)
            if (q.size() >= 3 && q[1] == p[1]) return false;
        return true;
    }
    // limited_overlap: shared intermediates <= max_overlap x (intermediates of each kept q).
    for (const auto& q : kept) {
        std::size_t shared = 0, inner_q = q.size() >= 2 ? q.size() - 2 : 0;
        for (std::size_t i = 1; i + 1 < p.size(); ++i)
            if (std::find(q.begin() + 1, q.end() - 1, p[i]) != q.end() - 1) ++shared;
        if (static_cast<double>(shared) > ko.max_overlap * static_cast<double>(inner_q)) return false;
    }
    return true;
}

/// The oracle's answer: the greedy rule over the complete exact order.
std::vector<kith_test::oracle_path> greedy(const std::vector<kith_test::oracle_path>& all, const k_paths_options& ko,
                                           std::size_t k) {
    std::vector<kith_test::oracle_path> want;
    std::vector<std::vector<std::uint32_t>> kept;
    for (std::size_t i = 0; i < all.size() && want.size() < k; ++i)
        if (passes(ko, all[i].verts, kept)) {
            want.push_back(all[i]);
            kept.push_back(all[i].verts);
        }
    return want;
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
    // Overlap 0.5: 0-1-2-3 lets later paths reuse one of {1,2}; 0-2-3 then none of {2}:
    // 0-1-2-3, 0-2-3, 0-4-3, 0-1-3 (0-2-1-3 reuses 2).
    k_paths_options half;
    half.diversity = path_diversity::limited_overlap;
    half.max_overlap = 0.5;
    auto hv = find_k_warm_paths(s, p[0], p[3], 5, {}, half);
    REQUIRE(hv.size() == 4);
    CHECK(hv[1].people == std::vector<person_id>{p[0], p[2], p[3]});
    CHECK(hv[3].people == std::vector<person_id>{p[0], p[1], p[3]});
    // Overlap 1: no restriction.
    half.max_overlap = 1.0;
    CHECK(find_k_warm_paths(s, p[0], p[3], 5, {}, half) == all);
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
    int nonempty = 0, multi = 0, truncated = 0;
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
            static const double overlaps[] = {0.0, 0.34, 0.5, 0.75, 1.0};
            ko.max_overlap = overlaps[rng() % 5];
            const bool small_limit = rng() % 3 == 0;
            ko.max_enumerated = small_limit ? 1 + rng() % 12 : 100000;
            const auto got = find_k_warm_paths(s, rq.from, rq.to, rq.k, rq.opt, ko, ws);
            const auto want = greedy(all, ko, rq.k);
            INFO("round " << round << " query " << q << " k " << rq.k << " mode " << mode << " overlap "
                          << ko.max_overlap << " limit " << ko.max_enumerated);
            // A search limit only applies to limited_overlap below 1, and then gives a prefix.
            const bool limited = small_limit && ko.diversity == path_diversity::limited_overlap && ko.max_overlap < 1.0;
            if (limited) REQUIRE(got.size() <= want.size());
            else REQUIRE(got.size() == want.size());
            for (std::size_t i = 0; i < got.size(); ++i) {
                CHECK(vertices_of(s, got[i].people) == want[i].verts);
                CHECK(got[i].cost_units == want[i].cost);
                if (rq.opt.max_hops) CHECK(got[i].hops() <= *rq.opt.max_hops);
            }
            truncated += got.size() < want.size();
            nonempty += !got.empty();
            multi += got.size() > 2;
        }
    }
    CHECK(nonempty > 400);
    CHECK(multi > 100);
    CHECK(truncated > 0);  // the search limit binds rarely on these small graphs, but it is exercised
}

TEST_CASE("k warm paths: distinct first introducers and disjoint paths, one pair, against the oracle", "[paths]") {
    // One source, one target, no hop cap: distinct first introducers run one origin-tagged
    // search (detail/k_first_search.hpp), k up to 8 to make the per-vertex cap of k labels bind.
    // Equal costs are common (hop factor 1, coarse warmths), so the tie-break is exercised.
    std::mt19937_64 rng(4242);
    path_workspace ws;
    int multi = 0;
    for (int round = 0; round < 250; ++round) {
        kith_test::random_case rc = kith_test::make_random_case(rng);
        const snapshot& s = *rc.snap;
        for (int q = 0; q < 4; ++q) {
            kith_test::random_query rq = kith_test::make_random_query(rng, rc);
            rq.from.resize(1);
            rq.to.resize(1);
            if (rq.from[0] == rq.to[0]) continue;
            rq.opt.max_hops.reset();
            rq.k = 1 + rng() % 8;
            const auto all = kith_test::oracle_all(s, rq);
            k_paths_options ko;
            ko.diversity = q % 2 == 0 ? path_diversity::distinct_first_introducer : path_diversity::limited_overlap;
            ko.max_overlap = 0.0;
            const auto got = find_k_warm_paths(s, rq.from, rq.to, rq.k, rq.opt, ko, ws);
            const auto want = greedy(all, ko, rq.k);
            INFO("round " << round << " query " << q << " k " << rq.k);
            REQUIRE(got.size() == want.size());
            for (std::size_t i = 0; i < got.size(); ++i) {
                CHECK(vertices_of(s, got[i].people) == want[i].verts);
                CHECK(got[i].cost_units == want[i].cost);
            }
            multi += got.size() > 2;
        }
    }
    CHECK(multi > 100);
}

TEST_CASE("k warm paths: the generic tier on a hand fixture (floating warmths)", "[paths]") {
    // The fixture above as a Boost.Graph adjacency_list with double warmths.
    using G = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                    boost::property<boost::edge_weight_t, double>>;
    G g(5);
    boost::add_edge(0, 1, 0.9, g);
    boost::add_edge(1, 2, 0.9, g);
    boost::add_edge(0, 2, 0.5, g);
    boost::add_edge(2, 3, 0.7, g);
    boost::add_edge(1, 3, 0.2, g);
    boost::add_edge(0, 4, 0.9, g);
    boost::add_edge(4, 3, 0.3, g);
    const auto w = boost::get(boost::edge_weight, g);
    const auto idx = boost::get(boost::vertex_index, g);
    using P = std::vector<std::size_t>;
    auto all = find_k_warm_paths(g, 0, 3, 10, w, idx);
    REQUIRE(all.size() == 5);
    CHECK(all[0].people == P{0, 1, 2, 3});
    CHECK(all[1].people == P{0, 2, 3});
    CHECK(all[2].people == P{0, 4, 3});
    CHECK(all[3].people == P{0, 1, 3});
    CHECK(all[4].people == P{0, 2, 1, 3});
    CHECK_THAT(all[0].warmth, WithinRel(0.9 * 0.9 * 0.7 * 0.512, 1e-12));
    CHECK(all[0].cost_units == 0);
    CHECK(all[0] == *find_warm_path(g, 0, 3, w, idx));
    k_paths_options ko;
    ko.diversity = path_diversity::distinct_first_introducer;
    auto d = find_k_warm_paths(g, 0, 3, 5, w, idx, {}, ko);
    REQUIRE(d.size() == 3);
    CHECK(d[2].people == P{0, 4, 3});
    ko.diversity = path_diversity::limited_overlap;
    ko.max_overlap = 0.5;
    auto h = find_k_warm_paths(g, 0, 3, 5, w, idx, {}, ko);
    REQUIRE(h.size() == 4);
    CHECK(h[3].people == P{0, 1, 3});
    basic_path_options<std::size_t> o;
    o.max_hops = 2;
    auto capped = find_k_warm_paths(g, 0, 3, 5, w, idx, o);
    REQUIRE(capped.size() == 3);
    CHECK(capped[0].people == P{0, 2, 3});
    // An arc filter (never the 0-1 edge) and a set of sources.
    auto no01 = [&](const G::edge_descriptor& e) {
        return !((source(e, g) == 0 && target(e, g) == 1) || (source(e, g) == 1 && target(e, g) == 0));
    };
    auto f = find_k_warm_paths(g, 0, 3, 10, w, idx, {}, {}, no01);
    REQUIRE(f.size() == 3);
    CHECK(f[0].people == P{0, 2, 3});
    auto sets = find_k_warm_paths(g, P{0, 1}, P{3}, 2, w, idx);
    REQUIRE(sets.size() == 2);
    CHECK(sets[0].people == P{1, 2, 3});
    CHECK(find_k_warm_paths(g, P{}, P{3}, 2, w, idx).empty());
    CHECK(find_k_warm_paths(g, 0, 3, 0, w, idx).empty());
    // Errors.
    o = {};
    o.asker = 0;
    REQUIRE_THROWS_AS(find_k_warm_paths(g, 0, 3, 2, w, idx, o), invalid_argument);
    ko = {};
    ko.max_overlap = 2;
    REQUIRE_THROWS_AS(find_k_warm_paths(g, 0, 3, 2, w, idx, {}, ko), invalid_argument);
    auto shifted = boost::make_function_property_map<std::size_t, std::size_t>([](std::size_t v) { return v + 10; });
    REQUIRE_THROWS_AS(find_k_warm_paths(g, 0, 3, 2, w, shifted), invalid_argument);
    G bad(2);
    boost::add_edge(0, 1, 1.5, bad);
    REQUIRE_THROWS_AS(
        find_k_warm_paths(bad, 0, 1, 2, boost::get(boost::edge_weight, bad), boost::get(boost::vertex_index, bad)),
        invalid_tie);
}

namespace {

/// The what() of the `E` thrown by f, or "" when nothing (or something else) is thrown.
template <class E, class F>
std::string message_of(F&& f) {
    try {
        f();
    } catch (const E& e) {
        return e.what();
    } catch (...) {
        return "";
    }
    return "";
}

bool names(const std::string& message, const std::string& fn) { return message.rfind(fn + ":", 0) == 0; }

} // namespace

TEST_CASE("k warm paths: generic-tier errors name the function called", "[paths]") {
    // Both generic functions share one validation (prepare_generic_query): every error names
    // the public function, and options are validated before an empty source or target set
    // returns.
    using G = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                    boost::property<boost::edge_weight_t, double>>;
    using P = std::vector<std::size_t>;
    G g(3);
    boost::add_edge(0, 1, 0.5, g);
    boost::add_edge(1, 2, 1.5, g);  // a bad warmth, met only by a search
    const auto w = boost::get(boost::edge_weight, g);
    const auto idx = boost::get(boost::vertex_index, g);
    const std::string k_tie = message_of<invalid_tie>([&] { find_k_warm_paths(g, 0, 2, 2, w, idx); });
    CHECK(names(k_tie, "find_k_warm_paths"));
    CHECK(names(message_of<invalid_tie>([&] { find_warm_path(g, 0, 2, w, idx); }), "find_warm_path"));
    basic_path_options<std::size_t> o;
    o.hop_factor = 0;
    CHECK(names(message_of<invalid_argument>([&] { find_k_warm_paths(g, 0, 2, 2, w, idx, o); }), "find_k_warm_paths"));
    o = {};
    o.avoid = {7};
    CHECK(names(message_of<invalid_argument>([&] { find_k_warm_paths(g, 0, 2, 2, w, idx, o); }), "find_k_warm_paths"));
    // Validated first: an empty target set with a bad avoided vertex throws (both functions).
    CHECK(names(message_of<invalid_argument>([&] { find_k_warm_paths(g, P{0}, P{}, 2, w, idx, o); }),
                "find_k_warm_paths"));
    CHECK(names(message_of<invalid_argument>([&] { find_warm_path(g, P{0}, P{}, w, idx, o); }), "find_warm_path"));
    o = {};
    o.introducer_factor = {{1, 1.5}};
    CHECK(names(message_of<invalid_argument>([&] { find_k_warm_paths(g, P{}, P{2}, 2, w, idx, o); }),
                "find_k_warm_paths"));
    o = {};
    auto shifted = boost::make_function_property_map<std::size_t, std::size_t>([](std::size_t v) { return v + 10; });
    CHECK(names(message_of<invalid_argument>([&] { find_k_warm_paths(g, 0, 2, 2, w, shifted); }), "find_k_warm_paths"));
    // Valid options and an empty set: no path, no error.
    boost::put(w, boost::edge(1, 2, g).first, 0.5);
    CHECK(find_k_warm_paths(g, P{}, P{2}, 2, w, idx).empty());
    CHECK(find_k_warm_paths(g, 0, 2, 2, w, idx).size() == 1);
}

TEST_CASE("k warm paths: generic tier equals the snapshot tier on random graphs", "[paths]") {
    // adjacency_list holding the ties the asker may see, with the snapshot's integer cost units
    // as weights (the snapshot's quantisation), vertex i = snapshot vertex i; and the snapshot
    // itself through its Boost.Graph interface with the visibility as arc filter.
    using G = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                    boost::property<boost::edge_weight_t, std::uint32_t>>;
    std::mt19937_64 rng(2611);
    path_workspace ws;
    int compared = 0, multi = 0;
    for (int round = 0; round < 200; ++round) {
        kith_test::random_case rc = kith_test::make_random_case(rng);
        const snapshot& s = *rc.snap;
        for (int q = 0; q < 3; ++q) {
            kith_test::random_query rq = kith_test::make_random_query(rng, rc);
            k_paths_options ko;
            const auto mode = rng() % 3;
            ko.diversity = mode == 0 ? path_diversity::none
                         : mode == 1 ? path_diversity::distinct_first_introducer
                                     : path_diversity::limited_overlap;
            ko.max_overlap = static_cast<double>(rng() % 3) / 2.0;
            ko.max_enumerated = 1 + rng() % 40;
            const auto fast = find_k_warm_paths(s, rq.from, rq.to, rq.k, rq.opt, ko, ws);

            std::optional<std::uint32_t> asker;
            if (rq.opt.asker) asker = s.vertex_of(*rq.opt.asker);
            G g(s.num_people());
            for (std::uint32_t u = 0; u < s.num_people(); ++u)
                for (auto a = s.arc_begin(u); a != s.arc_end(u); ++a)
                    if (u < s.arc_target(a) && s.arc_visible(a, asker))
                        boost::add_edge(u, s.arc_target(a), static_cast<std::uint32_t>(s.arc_cost(a)), g);
            basic_path_options<std::size_t> go;
            go.hop_factor = rq.opt.hop_factor;
            go.max_hops = rq.opt.max_hops;
            go.min_tie_warmth = rq.opt.min_tie_warmth;
            for (person_id p : rq.opt.avoid) go.avoid.push_back(s.vertex_of(p));
            for (const auto& [p, fct] : rq.opt.introducer_factor) go.introducer_factor.emplace_back(s.vertex_of(p), fct);
            std::vector<std::size_t> from, to;
            for (person_id p : rq.from) from.push_back(s.vertex_of(p));
            for (person_id p : rq.to) to.push_back(s.vertex_of(p));
            const auto gen = find_k_warm_paths(g, from, to, rq.k, boost::get(boost::edge_weight, g),
                                               boost::get(boost::vertex_index, g), go, ko);

            basic_path_options<std::uint32_t> so;
            so.hop_factor = go.hop_factor;
            so.max_hops = go.max_hops;
            so.min_tie_warmth = go.min_tie_warmth;
            so.avoid = vertices_of(s, rq.opt.avoid);
            for (const auto& [p, fct] : rq.opt.introducer_factor) so.introducer_factor.emplace_back(s.vertex_of(p), fct);
            auto visible = [&](const snapshot_arc& e) { return s.arc_visible(e.index, asker); };
            const auto on_snap = find_k_warm_paths(s, vertices_of(s, rq.from), vertices_of(s, rq.to), rq.k,
                                                   s.cost_units_map(), get(boost::vertex_index, s), so, ko, visible);
            INFO("round " << round << " query " << q << " mode " << mode);
            // max_enumerated counts single-path searches, and the snapshot tier's lazy Yen runs
            // fewer than the generic tier's eager one: when the limit binds, each tier returns a
            // prefix of the exact answer, the snapshot tier's possibly longer. Found by a soak
            // with other seeds (session 4). Then: both prefixes of the unlimited answer.
            if (gen.size() != fast.size() || on_snap.size() != fast.size()) {
                REQUIRE(ko.diversity == path_diversity::limited_overlap);
                REQUIRE(ko.max_overlap < 1.0);
                k_paths_options unlimited = ko;
                unlimited.max_enumerated = std::numeric_limits<std::size_t>::max();
                const auto exact = find_k_warm_paths(s, rq.from, rq.to, rq.k, rq.opt, unlimited, ws);
                REQUIRE(fast.size() <= exact.size());
                REQUIRE(gen.size() <= exact.size());
                REQUIRE(on_snap.size() == gen.size());  // the two generic runs enumerate alike
                for (std::size_t i = 0; i < fast.size(); ++i) CHECK(fast[i].people == exact[i].people);
                for (std::size_t i = 0; i < gen.size(); ++i)
                    CHECK(std::vector<std::uint32_t>(gen[i].people.begin(), gen[i].people.end()) ==
                          vertices_of(s, exact[i].people));
                continue;
            }
            for (std::size_t i = 0; i < fast.size(); ++i) {
                const auto want = vertices_of(s, fast[i].people);
                CHECK(std::vector<std::uint32_t>(gen[i].people.begin(), gen[i].people.end()) == want);
                CHECK(on_snap[i].people == want);
                CHECK(gen[i].cost_units == fast[i].cost_units);
                CHECK(on_snap[i].cost_units == fast[i].cost_units);
                CHECK(gen[i].tie_warmth == fast[i].tie_warmth);
                CHECK(gen[i].warmth == fast[i].warmth);
            }
            compared += !fast.empty();
            multi += fast.size() > 2;
        }
    }
    CHECK(compared > 250);
    CHECK(multi > 60);
}

TEST_CASE("k warm paths: diversity rules on denser random graphs against the oracle's greedy rule", "[paths]") {
    // Denser graphs (8-9 people) and larger k: many candidate paths are rejected, so the pruned
    // cells and blocked intermediates of limited_overlap and the direct searches of
    // distinct_first_introducer are exercised far from the first path.
    std::mt19937_64 rng(5150);
    path_workspace ws;
    int long_answers = 0;
    for (int round = 0; round < 150; ++round) {
        kith_test::random_case rc = kith_test::make_random_case(rng, 8 + rng() % 2);
        const snapshot& s = *rc.snap;
        for (int q = 0; q < 3; ++q) {
            kith_test::random_query rq = kith_test::make_random_query(rng, rc);
            rq.k = 2 + rng() % 8;
            const auto all = kith_test::oracle_all(s, rq);
            k_paths_options ko;
            ko.diversity = rng() % 3 == 0 ? path_diversity::distinct_first_introducer : path_diversity::limited_overlap;
            static const double overlaps[] = {0.0, 0.2, 0.34, 0.5, 0.67, 0.8};
            ko.max_overlap = overlaps[rng() % 6];
            ko.max_enumerated = 1000000;
            const auto got = find_k_warm_paths(s, rq.from, rq.to, rq.k, rq.opt, ko, ws);
            const auto want = greedy(all, ko, rq.k);
            INFO("round " << round << " query " << q << " k " << rq.k << " overlap " << ko.max_overlap);
            REQUIRE(got.size() == want.size());
            for (std::size_t i = 0; i < got.size(); ++i) {
                CHECK(vertices_of(s, got[i].people) == want[i].verts);
                CHECK(got[i].cost_units == want[i].cost);
            }
            long_answers += got.size() >= 4;
        }
    }
    CHECK(long_answers > 50);
}

TEST_CASE("k warm paths: on larger random graphs the lazy snapshot tier equals the eager generic tier", "[paths]") {
    // Hundreds of people with hubs: the snapshot tier's lazy Yen (spur cells searched only when
    // their backward-ball lower bound reaches the best candidate) against the generic tier's
    // one-way, eager Yen on the same ties (integer cost units), for every mode.
    std::mt19937_64 rng(8086);
    path_workspace ws;
    int compared = 0;
    for (int round = 0; round < 4; ++round) {
        const std::size_t n = 150 + rng() % 150;
        kith_test::hub_graph hg = kith_test::make_hub_graph(rng, n);  // a quarter of the ties touch a hub
        const network& net = hg.net;
        const snapshot s(net, make_timestamp(2026, 3, 1));
        for (int q = 0; q < 12; ++q) {
            path_options o;
            basic_path_options<std::uint32_t> go;
            if (q % 4 == 1) go.max_hops = o.max_hops = 2 + rng() % 4;
            k_paths_options ko;
            ko.diversity = static_cast<path_diversity>(q % 3);
            ko.max_overlap = q % 2 ? 0.5 : 0.34;
            ko.max_enumerated = 100000;
            const std::uint32_t a = static_cast<std::uint32_t>(rng() % n), b = static_cast<std::uint32_t>(rng() % n);
            const std::size_t k = 3 + rng() % 6;
            const auto fast = find_k_warm_paths(s, s.id_of(a), s.id_of(b), k, o, ko, ws);
            const auto slow = find_k_warm_paths(s, a, b, k, s.cost_units_map(), get(boost::vertex_index, s), go, ko);
            INFO("round " << round << " query " << q << " k " << k);
            REQUIRE(fast.size() == slow.size());
            for (std::size_t i = 0; i < fast.size(); ++i) {
                CHECK(vertices_of(s, fast[i].people) == slow[i].people);
                CHECK(fast[i].cost_units == slow[i].cost_units);
            }
            compared += fast.size() >= 3;
        }
    }
    CHECK(compared > 20);
}
