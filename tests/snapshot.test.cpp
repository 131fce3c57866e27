// Tests of kith::snapshot: ties equal the network's, sorted CSR, visibility, BGL concepts,
// the packed arc layout against a plain reference, and its memory formula.
#include "kith_catch.hpp"

#include <kith/generate/generated_graph.hpp>
#include <kith/generate/rmat.hpp>
#include <kith/generate/social.hpp>
#include <kith/snapshot.hpp>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/graph_concepts.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace {

const kith::timestamp now = kith::make_timestamp(2026, 11, 1);

kith::person make(const std::string& key, const std::string& org = "") {
    kith::person p;
    p.key = key;
    p.name = "Name " + key;
    p.organization = org;
    return p;
}

double uniform(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

// A random network with manual and interaction-based ties, a few removed people and private ties.
kith::network random_network(std::uint64_t seed, int n, double density) {
    std::mt19937_64 rng(seed);
    kith::network net;
    for (int i = 0; i < n; ++i) net.add_person(make("p" + std::to_string(i), "org" + std::to_string(rng() % 3)));
    for (int i = 0; i < n; ++i)
        for (int j = i + 1; j < n; ++j) {
            if (uniform(rng) >= density) continue;
            const kith::person_id a(static_cast<std::uint32_t>(i)), b(static_cast<std::uint32_t>(j));
            if (rng() % 2) {
                net.set_warmth(a, b, 0.01 + 0.99 * uniform(rng));
            } else {
                const int k = 1 + static_cast<int>(rng() % 5);
                for (int x = 0; x < k; ++x)
                    net.record({a, b, now - kith::days(static_cast<int>(rng() % 400)), static_cast<kith::channel>(rng() % 6),
                                (rng() % 2) ? a : b, 2});
            }
            if (rng() % 7 == 0) net.set_visibility(a, b, kith::visibility{(rng() % 2) ? a : b});
        }
    if (n > 4) net.remove_person(kith::person_id(static_cast<std::uint32_t>(rng() % n)));
    return net;
}

} // namespace

TEST_CASE("snapshot: warmth quantisation", "[snapshot]") {
    CHECK(kith::snapshot::warmth_to_cost(1.0) == 0);
    CHECK(kith::snapshot::warmth_to_cost(1e-300) == kith::snapshot::max_cost);
    for (double w : {0.999, 0.8, 0.5, 0.123, 0.01, 1e-4, 1e-9}) {
        const double back = kith::snapshot::cost_to_warmth(kith::snapshot::warmth_to_cost(w));
        CHECK(std::abs(back - w) / w < 2.5e-4);
    }
}

TEST_CASE("snapshot: ties equal the network's, sorted by cost then neighbour", "[snapshot]") {
    for (std::uint64_t seed = 1; seed <= 30; ++seed) {
        const kith::network net = random_network(seed, 6 + static_cast<int>(seed % 20), 0.3);
        const kith::snapshot s(net, now);
        REQUIRE(s.num_people() == net.person_count());
        REQUIRE(s.num_ties() == net.tie_count());
        REQUIRE(s.num_arcs() == 2 * s.num_ties());
        // Every network tie is in the snapshot with its warmth (up to quantisation) and visibility.
        for (const kith::tie_record& r : net.ties()) {
            const auto u = s.vertex_of(r.a), v = s.vertex_of(r.b);
            const auto t = net.tie_between(r.a, r.b, now);
            REQUIRE(t);
            for (auto [x, y] : {std::pair{u, v}, std::pair{v, u}}) {
                const auto arc = s.find_arc(x, y);
                REQUIRE(arc);
                CHECK(s.arc_cost(*arc) == kith::snapshot::warmth_to_cost(t->warmth));
                CHECK(std::abs(s.arc_warmth(*arc) - t->warmth) / t->warmth < 2.5e-4);
                CHECK(s.arc_is_private(*arc) == !r.visibility.is_public());
                if (r.visibility.private_to) {
                    CHECK(s.arc_owner(*arc) == s.vertex_of(*r.visibility.private_to));
                    CHECK(s.arc_visible(*arc, s.vertex_of(*r.visibility.private_to)));
                    CHECK_FALSE(s.arc_visible(*arc, std::nullopt));
                } else {
                    CHECK(s.arc_visible(*arc, std::nullopt));
                }
            }
            const kith::tie_evidence* ev = s.evidence(u, v);
            REQUIRE(ev != nullptr);
            CHECK(ev->interactions() == t->evidence.interactions());
            CHECK(ev->manual == t->evidence.manual);
        }
        // Every arc belongs to a network tie; adjacency sorted by (cost, target); ids map both ways.
        for (std::uint32_t v = 0; v < s.num_people(); ++v) {
            CHECK(s.find_vertex(s.id_of(v)) == v);
            CHECK(s.find(s.person_at(v).key) == v);
            for (auto a = s.arc_begin(v); a != s.arc_end(v); ++a) {
                CHECK(net.has_tie(s.id_of(v), s.id_of(s.arc_target(a))));
                if (a + 1 != s.arc_end(v)) {
                    const bool ordered = s.arc_cost(a) < s.arc_cost(a + 1) ||
                                         (s.arc_cost(a) == s.arc_cost(a + 1) && s.arc_target(a) < s.arc_target(a + 1));
                    CHECK(ordered);
                }
            }
        }
    }
}

TEST_CASE("snapshot: people, organisations, groups and events are frozen", "[snapshot]") {
    kith::network net;
    const auto a = net.add_person(make("a", "Acme"));
    const auto b = net.add_person(make("b", "Bolt"));
    const auto c = net.add_person(make("c", "Acme"));
    const auto g = net.add_group(kith::group{"Rotary", {"service"}});
    net.join(g, c);
    net.join(g, a);
    const auto e = net.add_event(kith::event{"Conf", {}});
    net.attend(e, b, "T1");
    net.set_warmth(a, b, 0.6);
    net.remove_person(a);
    const auto s = kith::freeze(net, now);
    net.add_person(make("late"));  // the snapshot does not change
    REQUIRE(s->num_people() == 2);
    CHECK_FALSE(s->find_vertex(a).has_value());
    REQUIRE_THROWS_AS(s->vertex_of(a), kith::unknown_person);
    REQUIRE_THROWS_AS(s->vertex_of("a"), kith::unknown_person);
    REQUIRE_THROWS_AS(s->check_vertex("f", 2), kith::unknown_person);
    CHECK(s->num_ties() == 0);
    const auto vb = s->vertex_of(b), vc = s->vertex_of(c);
    CHECK(vb == 0);
    CHECK(vc == 1);
    CHECK(s->person_at(vc).key == "c");
    const auto acme = s->find_organization("Acme");
    REQUIRE(acme);
    CHECK(s->organization_of(vc) == acme);
    CHECK(s->organization_members(*acme) == std::vector<std::uint32_t>{vc});
    CHECK(s->organization_name(*acme) == "Acme");
    CHECK(s->find_group("Rotary") == 0u);
    CHECK(s->group_members(0) == std::vector<std::uint32_t>{vc});
    CHECK(s->groups_of(vc) == std::vector<std::uint32_t>{0});
    CHECK(s->group_at(0).themes == std::vector<std::string>{"service"});
    CHECK(s->find_event("Conf") == 0u);
    REQUIRE(s->event_attendees(0).size() == 1);
    CHECK(s->event_attendees(0)[0].who == vb);
    CHECK(s->event_attendees(0)[0].table == "T1");
    CHECK(s->taken_at() == now);
}

TEST_CASE("snapshot: ties not yet formed at `now` are left out; custom models apply", "[snapshot]") {
    kith::network net;
    const auto a = net.add_person(make("a"));
    const auto b = net.add_person(make("b"));
    const auto c = net.add_person(make("c"));
    net.record({a, b, now + kith::days(5)});  // in the future
    net.record({a, c, now - kith::days(5)});
    CHECK(kith::snapshot(net, now).num_ties() == 1);
    CHECK(kith::snapshot(net, now + kith::days(6)).num_ties() == 2);

    kith::freeze_options half;
    half.model = [](const std::vector<kith::tie_event>& h, kith::timestamp) { return h.empty() ? 0.0 : 0.5; };
    const kith::snapshot s(net, now + kith::days(6), half);
    CHECK(s.warmth(0, 1) == kith::snapshot::cost_to_warmth(kith::snapshot::warmth_to_cost(0.5)));

    kith::freeze_options bad;
    bad.model = [](const std::vector<kith::tie_event>&, kith::timestamp) { return std::nan(""); };
    REQUIRE_THROWS_AS(kith::snapshot(net, now, bad), kith::invalid_tie);

    kith::freeze_options lean;
    lean.keep_evidence = false;
    const kith::snapshot l(net, now, lean);
    CHECK(l.evidence(0, 2) == nullptr);
    CHECK(l.warmth(0, 2).has_value());
}

TEST_CASE("snapshot: models the Boost.Graph concepts", "[snapshot]") {
    BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<kith::snapshot>));
    BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<kith::snapshot>));
    BOOST_CONCEPT_ASSERT((boost::ReadablePropertyMapConcept<kith::snapshot::cost_property_map, kith::snapshot_arc>));
    BOOST_CONCEPT_ASSERT((boost::ReadablePropertyMapConcept<kith::snapshot::warmth_property_map, kith::snapshot_arc>));
    SUCCEED();
}

TEST_CASE("snapshot: BGL dijkstra on the snapshot equals dijkstra on the network", "[snapshot]") {
    using bgl = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                      boost::property<boost::edge_weight_t, double>>;
    for (std::uint64_t seed = 100; seed < 130; ++seed) {
        const kith::network net = random_network(seed, 12 + static_cast<int>(seed % 25), 0.2);
        const kith::snapshot s(net, now);
        // The same graph as a plain BGL adjacency_list built from the network's ties, cost -ln(warmth).
        bgl g(s.num_people());
        for (const kith::tie_record& r : net.ties()) {
            const double w = net.tie_between(r.a, r.b, now)->warmth;
            const double quantised = kith::snapshot::warmth_to_cost(w) / kith::snapshot::cost_scale;
            boost::add_edge(s.vertex_of(r.a), s.vertex_of(r.b), quantised, g);
        }
        for (std::uint32_t src = 0; src < s.num_people(); src += 3) {
            std::vector<double> d1(s.num_people()), d2(s.num_people());
            boost::dijkstra_shortest_paths(s, src, boost::weight_map(s.cost_map()).distance_map(d1.data()));
            boost::dijkstra_shortest_paths(g, src, boost::distance_map(d2.data()));
            REQUIRE(d1 == d2);  // exact: dyadic costs, same sums
        }
    }
}

// Bits of the largest vertex id (at least 1) + 16: the width of one packed arc.
std::uint64_t arc_width(std::size_t people) {
    std::uint64_t b = 0;
    for (std::uint64_t x = people > 0 ? people - 1 : 0; x != 0; x >>= 1) ++b;
    return std::max<std::uint64_t>(b, 1) + 16;
}

// The adjacency bytes the layout promises: packed arcs rounded up to 64-bit words, one word of
// padding (none without arcs), 4 bytes of offsets per person + 1.
std::size_t expected_adjacency(const kith::snapshot& s) {
    const std::uint64_t arcs = s.num_arcs();
    const std::uint64_t words = arcs == 0 ? 0 : (arcs * arc_width(s.num_people()) + 63) / 64 + 1;
    return static_cast<std::size_t>(8 * words + 4 * (s.num_people() + 1));
}

TEST_CASE("snapshot: memory is exactly the packed arcs, offsets and flag bits", "[snapshot]") {
    for (std::uint64_t seed = 7; seed < 17; ++seed) {
        const kith::network net = random_network(seed, 60 + static_cast<int>(seed * 13 % 200), 0.1);
        const kith::snapshot s(net, now);
        const auto m = s.memory_usage();
        REQUIRE(s.arc_bits() == arc_width(s.num_people()));
        CHECK(m.adjacency == expected_adjacency(s));
        // random_network mixes manual and interaction ties and has private ties: one manual bit
        // and one private bit per arc, plus 16 bytes per private arc for its owner.
        std::size_t private_arcs = 0;
        for (std::uint64_t a = 0; a < s.num_arcs(); ++a) private_arcs += s.arc_is_private(a) ? 1 : 0;
        REQUIRE(private_arcs > 0);
        const std::size_t bitset = 8 * ((s.num_arcs() + 63) / 64);
        CHECK(m.visibility == 2 * bitset + private_arcs * sizeof(std::pair<std::uint64_t, std::uint32_t>));
        CHECK(m.total() >= m.adjacency + m.visibility);
    }
    // Only manual warmths (an edge list) or only interactions: no manual bits at all.
    for (const bool manual : {true, false}) {
        kith::network net;
        for (int i = 0; i < 30; ++i) net.add_person(make("p" + std::to_string(i)));
        for (std::uint32_t i = 0; i + 1 < 30; ++i) {
            const kith::person_id a(i), b(i + 1);
            if (manual) net.set_warmth(a, b, 0.5);
            else net.record({a, b, now - kith::days(3)});
        }
        const kith::snapshot s(net, now);
        REQUIRE(s.num_ties() == 29);
        CHECK(s.memory_usage().adjacency == expected_adjacency(s));
        CHECK(s.memory_usage().visibility == 0);
        const kith::tie_evidence* ev = s.evidence(3, 4);
        REQUIRE(ev != nullptr);
        CHECK(ev->manual == manual);
        CHECK(ev->interactions() == (manual ? 0u : 1u));
        CHECK(s.evidence(3, 5) == nullptr);
    }
    const kith::snapshot empty;
    CHECK(empty.memory_usage().adjacency == 4);
    CHECK(empty.memory_usage().visibility == 0);
}

TEST_CASE("snapshot: tie memory is at most 12 bytes per tie on generated graphs", "[snapshot]") {
    // Adjacency (packed arcs + offsets) + visibility (private bits, owners, manual bits): every
    // tie of a generated graph is manual, none is private.
    std::vector<kith::generated_graph> graphs;
    graphs.push_back(kith::social_graph(3000, 20.0, 1));
    graphs.push_back(kith::social_graph(20000, 8.0, 2));
    graphs.push_back(kith::rmat_graph(12, 16, 3));
    graphs.push_back(kith::rmat_graph(15, 4, 4));
    for (const auto& g : graphs) {
        kith::network net;
        kith::add_to_network(net, g);
        const kith::snapshot s(net, now);
        REQUIRE(s.num_ties() == g.ties.size());
        const auto m = s.memory_usage();
        CHECK(m.adjacency == expected_adjacency(s));
        const double per_tie = static_cast<double>(m.adjacency + m.visibility) / static_cast<double>(s.num_ties());
        CHECK(per_tie <= 12.0);
        // The lists equal the generated ties sorted by (cost, neighbour) (bulk order: cost-only sort).
        std::vector<std::vector<std::pair<std::uint16_t, std::uint32_t>>> ref(g.num_vertices);
        for (const auto& t : g.ties) {
            const auto c = kith::snapshot::warmth_to_cost(t.warmth);
            ref[t.u].emplace_back(c, t.v);
            ref[t.v].emplace_back(c, t.u);
        }
        bool equal = true;
        for (std::uint32_t v = 0; v < g.num_vertices; ++v) {
            std::sort(ref[v].begin(), ref[v].end());
            equal = equal && s.degree(v) == ref[v].size();
            for (std::size_t i = 0; equal && i < ref[v].size(); ++i) {
                const auto e = s.arc_entry(s.arc_begin(v) + i);
                equal = e.cost == ref[v][i].first && e.target == ref[v][i].second;
            }
        }
        CHECK(equal);
        CHECK(per_tie >= static_cast<double>(arc_width(s.num_people())) / 4.0);  // two arcs of w bits
    }
}

TEST_CASE("snapshot: packed arcs equal a plain reference for many sizes", "[snapshot]") {
    // Sizes around powers of two exercise every vertex-id width, including the top bit; costs
    // span 0 (warmth 1) to max_cost (warmth below e^-32). Vertex 0 is a hub (long lists take
    // other sort paths than short ones), and every other network gets its ties in increasing
    // (a, b) order, as bulk loads do (the freeze then sorts lists by cost only).
    std::vector<std::uint32_t> sizes{1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 33, 100, 255, 256, 257, 511, 513, 1000, 1025,
                                     4095, 4097, 65535, 65536, 65537};
    std::mt19937_64 rng(2026);
    for (int i = 0; i < 20; ++i) sizes.push_back(1 + static_cast<std::uint32_t>(rng() % 3000));
    int sizes_done = 0;
    for (const std::uint32_t n : sizes) {
        kith::network net;
        net.reserve(n, 3 * std::size_t{n});
        for (std::uint32_t i = 0; i < n; ++i) {
            kith::person p;
            p.key = std::to_string(i);
            net.add_person(std::move(p));
        }
        // Reference: per vertex, (cost, target) of its ties, sorted.
        std::vector<std::vector<std::pair<std::uint16_t, std::uint32_t>>> ref(n);
        std::set<std::pair<std::uint32_t, std::uint32_t>> seen;
        std::vector<std::pair<std::pair<std::uint32_t, std::uint32_t>, double>> order;
        auto add = [&](std::uint32_t a, std::uint32_t b, double w) {
            if (a == b) return;
            if (a > b) std::swap(a, b);
            if (!seen.insert({a, b}).second) return;
            order.push_back({{a, b}, w});
            const auto c = kith::snapshot::warmth_to_cost(w);
            ref[a].emplace_back(c, b);
            ref[b].emplace_back(c, a);
        };
        const std::uint32_t m = n < 2 ? 0 : std::min<std::uint32_t>(2 * n, 4000);
        for (std::uint32_t k = 0; k < m; ++k) {
            const double pick = uniform(rng);
            const double w = pick < 0.05 ? 1.0 : pick < 0.1 ? 1e-20 : 1e-6 + (1 - 1e-6) * uniform(rng);
            add(static_cast<std::uint32_t>(rng() % n), static_cast<std::uint32_t>(rng() % n), w);
        }
        if (n >= 2) {
            add(n - 1, n - 2, 0.3);  // the largest ids
            add(0, n - 1, 1e-30);
        }
        for (std::uint32_t k = 0; k < std::min<std::uint32_t>(n, 400); ++k)  // the hub, some equal costs
            add(0, static_cast<std::uint32_t>(rng() % n), k % 3 == 0 ? 0.5 : 1e-6 + (1 - 1e-6) * uniform(rng));
        if (sizes_done++ % 2 == 0) std::sort(order.begin(), order.end());
        for (const auto& [ab, w] : order) net.set_warmth(kith::person_id(ab.first), kith::person_id(ab.second), w);
        for (auto& r : ref) std::sort(r.begin(), r.end());
        const kith::snapshot s(net, now);
        REQUIRE(s.num_people() == n);
        REQUIRE(s.arc_bits() == arc_width(n));
        REQUIRE(s.num_ties() == seen.size());
        bool all_equal = true;
        for (std::uint32_t v = 0; v < n; ++v) {
            REQUIRE(s.degree(v) == ref[v].size());
            for (std::size_t i = 0; i < ref[v].size(); ++i) {
                const auto a = s.arc_begin(v) + i;
                const kith::snapshot_arc_entry e = s.arc_entry(a);
                const bool ok = e.cost == ref[v][i].first && e.target == ref[v][i].second &&
                                s.arc_cost(a) == e.cost && s.arc_target(a) == e.target &&
                                s.arc_warmth(a) == kith::snapshot::cost_to_warmth(e.cost) &&
                                target(*std::next(out_edges(v, s).first, static_cast<std::ptrdiff_t>(i)), s) == e.target;
                all_equal = all_equal && ok;
            }
        }
        CHECK(all_equal);
        CHECK(s.memory_usage().adjacency == expected_adjacency(s));
    }
}

TEST_CASE("snapshot: 64-bit offsets survive 2^32 arcs", "[snapshot]") {
    // Offsets past 2^32 are stored as 32-bit words plus wrap points; check the split exactly.
    const std::uint64_t G = std::uint64_t{1} << 32;
    const std::vector<std::uint64_t> start{0, 5, G - 1, G, G + 7, 3 * G + 1, 3 * G + 1};
    std::vector<std::uint32_t> lo, wraps;
    kith::detail::split_offsets(start, lo, wraps);
    CHECK(wraps == std::vector<std::uint32_t>{3, 5, 5});
    for (std::uint32_t v = 0; v < start.size(); ++v) CHECK(kith::detail::offset_at(lo, wraps, v) == start[v]);
}

TEST_CASE("snapshot: an empty network freezes to an empty snapshot", "[snapshot]") {
    const kith::network net;
    const kith::snapshot s(net, now);
    CHECK(s.num_people() == 0);
    CHECK(s.num_ties() == 0);
    CHECK(num_vertices(s) == 0);
    const kith::snapshot d;
    CHECK(d.num_people() == 0);
    CHECK_FALSE(d.find_arc(0, 1).has_value());
}
