// Tests of kith/metrics/brokerage.hpp: Burt's constraint, effective size, efficiency.
// Reference numbers come from NetworkX 3.6.1 (nx.constraint, nx.effective_size), and the small
// fixture is also derived by hand below.
#include "kith_catch.hpp"

#include <kith/metrics/brokerage.hpp>

#include <boost/graph/adjacency_list.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace {

struct wedge {
    int u, v;
    double w;
};
using ugraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                     boost::property<boost::edge_weight_t, double>>;

ugraph make_graph(int n, const std::vector<wedge>& es) {
    ugraph g(static_cast<std::size_t>(n));
    for (const auto& e : es) boost::add_edge(static_cast<std::size_t>(e.u), static_cast<std::size_t>(e.v), e.w, g);
    return g;
}

const kith::timestamp now = kith::make_timestamp(2026, 11, 1);

kith::network make_network(int n, const std::vector<wedge>& es) {
    kith::network net;
    for (int i = 0; i < n; ++i) net.add_person(kith::person{"p" + std::to_string(i), "P" + std::to_string(i), "", "", {}});
    for (const auto& e : es)
        net.set_warmth(kith::person_id(static_cast<std::uint32_t>(e.u)), kith::person_id(static_cast<std::uint32_t>(e.v)), e.w);
    return net;
}

// Zachary's karate club with NetworkX 3.6.1's edge weights (u, v, weight).
const std::vector<wedge> karate_edges{
    {0,1,4}, {0,2,5}, {0,3,3}, {0,4,3}, {0,5,3}, {0,6,3}, {0,7,2}, {0,8,2}, {0,10,2}, {0,11,3}, {0,12,1},
    {0,13,3}, {0,17,2}, {0,19,2}, {0,21,2}, {0,31,2}, {1,2,6}, {1,3,3}, {1,7,4}, {1,13,5}, {1,17,1},
    {1,19,2}, {1,21,2}, {1,30,2}, {2,3,3}, {2,7,4}, {2,8,5}, {2,9,1}, {2,13,3}, {2,27,2}, {2,28,2}, {2,32,2},
    {3,7,3}, {3,12,3}, {3,13,3}, {4,6,2}, {4,10,3}, {5,6,5}, {5,10,3}, {5,16,3}, {6,16,3}, {8,30,3},
    {8,32,3}, {8,33,4}, {9,33,2}, {13,33,3}, {14,32,3}, {14,33,2}, {15,32,3}, {15,33,4}, {18,32,1},
    {18,33,2}, {19,33,1}, {20,32,3}, {20,33,1}, {22,32,2}, {22,33,3}, {23,25,5}, {23,27,4}, {23,29,3},
    {23,32,5}, {23,33,4}, {24,25,2}, {24,27,3}, {24,31,2}, {25,31,7}, {26,29,4}, {26,33,2}, {27,33,4},
    {28,31,2}, {28,33,2}, {29,32,4}, {29,33,2}, {30,32,3}, {30,33,3}, {31,32,4}, {31,33,4}, {32,33,5}};
// NetworkX 3.6.1: constraint, effective_size unweighted; constraint, effective_size weight='weight'.
const std::vector<std::array<double, 4>> karate_ref{
    {0.15542329764660495, 13.75, 0.19062348905638032, 13.775000000000002},
    {0.27953510802469134, 6.333333333333334, 0.3409019831285561, 6.4672413793103445},
    {0.18517663966049389, 7.8, 0.25565383909645606, 7.946969696969697},
    {0.39665964720507535, 2.6666666666666665, 0.4122226156115593, 3.6333333333333333},
    {0.5294174382716048, 1.6666666666666667, 0.508088569654933, 2.225},
    {0.4774848090277778, 2.5, 0.49112922777491624, 2.942857142857143},
    {0.4774848090277778, 2.5, 0.5314047216519745, 2.7846153846153845},
    {0.4427115885416667, 1.0, 0.527081950416345, 1.4615384615384617},
    {0.3036007136678201, 3.0, 0.3344147563587521, 3.396078431372549},
    {0.5, 2.0, 0.5555555555555556, 2.0},
    {0.5294174382716048, 1.6666666666666667, 0.5304976482780612, 2.15},
    {1.0, 1.0, 1.0, 1.0},
    {0.6225043402777779, 1.0, 0.7302295918367347, 1.3},
    {0.32333541666666676, 2.6, 0.3827486243156608, 2.923529411764706},
    {0.5736795943867743, 1.0, 0.6411266928285626, 1.0},
    {0.5736795943867743, 1.0, 0.6323943473973153, 1.0},
    {0.78125, 1.0, 0.9397491245018718, 1.0},
    {0.590868537808642, 1.0, 0.6653314075883578, 1.288888888888889},
    {0.5736795943867743, 1.0, 0.6670775837009678, 1.0},
    {0.37371935013717417, 2.3333333333333335, 0.4391093639199636, 2.413333333333333},
    {0.5736795943867743, 1.0, 0.7238213470731378, 1.0},
    {0.590868537808642, 1.0, 0.6236083811249431, 1.2666666666666666},
    {0.5736795943867743, 1.0, 0.6398342278393352, 1.0},
    {0.30582372164552096, 3.4, 0.3127739611655626, 3.723809523809524},
    {0.4598765432098765, 2.3333333333333335, 0.5124716553287981, 2.428571428571429},
    {0.4598765432098765, 2.3333333333333335, 0.4563144985885511, 2.6258503401360542},
    {0.6709018166089966, 1.0, 0.65316243881949, 1.5666666666666669},
    {0.2850692041522491, 3.5, 0.3222101463859707, 3.5076923076923077},
    {0.3869131530607885, 2.3333333333333335, 0.39898274124464594, 2.5428571428571427},
    {0.4494090013456363, 2.0, 0.4389251973538791, 2.4923076923076923},
    {0.3460064638600538, 2.5, 0.3944911707240065, 2.690909090909091},
    {0.24457540369088812, 5.0, 0.2754988351267919, 5.141043083900226},
    {0.2492233622751933, 9.833333333333334, 0.2582561404837537, 10.089285714285714},
    {0.1564186851211073, 15.235294117647058, 0.18628728563229374, 15.22891865079365}};

// The hand fixture: a bow tie. 0 is tied to 1, 2, 3, 4; 1-2 and 3-4 close two triangles.
// Unweighted, person 0: p_0j = 1/4; for j = 1 the only indirect path is via 2:
// p_02 p_21 = 1/4 * 1/2 = 1/8, so the local constraint is (1/4 + 1/8)^2 = 9/64, and by symmetry
// constraint(0) = 4 * 9/64 = 0.5625. Effective size = n - 2t/n = 4 - 2*2/4 = 3, efficiency 0.75.
// Person 1: p_10 = p_12 = 1/2; j = 0: (1/2 + p_12 p_20)^2 = (1/2 + 1/4)^2 = 9/16;
// j = 2: (1/2 + p_10 p_02)^2 = (1/2 + 1/8)^2 = 25/64; constraint(1) = 61/64 = 0.953125;
// effective size = 2 - 2*1/2 = 1.
const std::vector<wedge> bow_tie{{0, 1, 1.0}, {0, 2, 2.0}, {0, 3, 0.5}, {0, 4, 1.5}, {1, 2, 3.0}, {3, 4, 1.0}};
// NetworkX, weight='weight' on the weights above: (constraint, effective size) per person.
const std::vector<std::array<double, 2>> bow_tie_weighted{
    {0.6789444444444444, 3.033333333333333}, {1.025, 1.0833333333333335}, {0.7648999999999999, 1.5666666666666667},
    {1.1255555555555554, 1.1666666666666667}, {0.7493777777777777, 1.6}};

// Padgett's Florentine families as in shared/data (16 families, Pucci = 11 isolated).
const std::vector<wedge> florentine{{0, 8, 1}, {1, 5, 1}, {1, 6, 1}, {1, 8, 1}, {2, 4, 1}, {2, 8, 1}, {3, 6, 1},
                                    {3, 10, 1}, {3, 14, 1}, {4, 10, 1}, {4, 14, 1}, {6, 7, 1}, {6, 15, 1}, {8, 12, 1},
                                    {8, 13, 1}, {8, 15, 1}, {9, 13, 1}, {10, 14, 1}, {12, 14, 1}, {12, 15, 1}};
const std::vector<std::array<double, 2>> florentine_ref{
    {1.0, 1.0}, {0.3333333333333333, 3.0}, {0.5, 2.0}, {0.48225308641975306, 2.3333333333333335},
    {0.48225308641975306, 2.3333333333333335}, {1.0, 1.0}, {0.25, 4.0}, {1.0, 1.0},
    {0.20987654320987653, 5.666666666666667}, {1.0, 1.0}, {0.6558641975308641, 1.6666666666666667},
    {std::nan(""), std::nan("")}, {0.4598765432098765, 2.3333333333333335}, {0.5, 2.0},
    {0.4583333333333333, 3.0}, {0.4598765432098765, 2.3333333333333335}};

double uniform(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

void check_same(const kith::brokerage& a, const kith::brokerage& b) {
    CHECK(a.degree == b.degree);
    CHECK_THAT(a.constraint, WithinAbs(b.constraint, 1e-12));
    CHECK_THAT(a.effective_size, WithinAbs(b.effective_size, 1e-12));
    CHECK_THAT(a.efficiency, WithinAbs(b.efficiency, 1e-12));
}

} // namespace

TEST_CASE("brokerage: the bow tie by hand and NetworkX", "[metrics]") {
    const ugraph g = make_graph(5, bow_tie);
    auto b0 = kith::brokerage_of(g, 0);
    REQUIRE(b0);
    CHECK_THAT(b0->constraint, WithinAbs(0.5625, 1e-12));
    CHECK_THAT(b0->effective_size, WithinAbs(3.0, 1e-12));
    CHECK_THAT(b0->efficiency, WithinAbs(0.75, 1e-12));
    auto b1 = kith::brokerage_of(g, 1);
    REQUIRE(b1);
    CHECK_THAT(b1->constraint, WithinAbs(0.953125, 1e-12));
    CHECK_THAT(b1->effective_size, WithinAbs(1.0, 1e-12));
    const auto all = kith::brokerage_all(g, get(boost::edge_weight, g));
    for (std::size_t v = 0; v < 5; ++v) {
        CHECK_THAT(all[v].constraint, WithinAbs(bow_tie_weighted[v][0], 1e-9));
        CHECK_THAT(all[v].effective_size, WithinAbs(bow_tie_weighted[v][1], 1e-9));
        auto one = kith::brokerage_of(g, v, get(boost::edge_weight, g));
        REQUIRE(one);
        check_same(*one, all[v]);
    }
}

TEST_CASE("brokerage: Florentine families match NetworkX, isolated Pucci has none", "[metrics]") {
    const ugraph g = make_graph(16, florentine);
    const auto all = kith::brokerage_all(g);
    for (std::size_t v = 0; v < 16; ++v) {
        if (v == 11) {
            CHECK(std::isnan(all[v].constraint));
            CHECK(all[v].degree == 0);
            CHECK_FALSE(kith::brokerage_of(g, v));
            continue;
        }
        CHECK_THAT(all[v].constraint, WithinAbs(florentine_ref[v][0], 1e-9));
        CHECK_THAT(all[v].effective_size, WithinAbs(florentine_ref[v][1], 1e-9));
    }
    // The snapshot (tier 2), unweighted, gives the same numbers.
    const kith::network net = make_network(16, florentine);
    const kith::snapshot s(net, now);
    kith::brokerage_options opt;
    opt.weight = kith::brokerage_weight::unweighted;
    const auto snap = kith::brokerage_all(s, opt);
    for (std::size_t v = 0; v < 16; ++v) {
        if (v == 11) { CHECK(std::isnan(snap[v].constraint)); continue; }
        CHECK_THAT(snap[v].constraint, WithinAbs(florentine_ref[v][0], 1e-9));
        CHECK_THAT(snap[v].effective_size, WithinAbs(florentine_ref[v][1], 1e-9));
    }
}

TEST_CASE("brokerage: karate club, weighted and unweighted, match NetworkX", "[metrics]") {
    const ugraph g = make_graph(34, karate_edges);
    const auto unweighted = kith::brokerage_all(g);
    const auto weighted = kith::brokerage_all(g, get(boost::edge_weight, g));
    for (std::size_t v = 0; v < 34; ++v) {
        CHECK_THAT(unweighted[v].constraint, WithinAbs(karate_ref[v][0], 1e-9));
        CHECK_THAT(unweighted[v].effective_size, WithinAbs(karate_ref[v][1], 1e-9));
        CHECK_THAT(weighted[v].constraint, WithinAbs(karate_ref[v][2], 1e-9));
        CHECK_THAT(weighted[v].effective_size, WithinAbs(karate_ref[v][3], 1e-9));
        CHECK_THAT(weighted[v].efficiency, WithinAbs(karate_ref[v][3] / static_cast<double>(weighted[v].degree), 1e-9));
    }
    // Tier 2 with exact warmths (w / 8 is not exactly representable after quantisation, so
    // compare the snapshot with tier 1 on the stored warmths instead).
    std::vector<wedge> scaled = karate_edges;
    for (auto& e : scaled) e.w /= 8.0;
    const kith::network net = make_network(34, scaled);
    const kith::snapshot s(net, now);
    const auto snap = kith::brokerage_all(s);
    std::vector<wedge> stored;
    for (const auto& e : scaled)
        stored.push_back({e.u, e.v, *s.warmth(static_cast<std::uint32_t>(e.u), static_cast<std::uint32_t>(e.v))});
    const ugraph gs = make_graph(34, stored);
    const auto ref = kith::brokerage_all(gs, get(boost::edge_weight, gs));
    for (std::size_t v = 0; v < 34; ++v) {
        check_same(snap[v], ref[v]);
        CHECK_THAT(snap[v].constraint, WithinAbs(karate_ref[v][2], 1e-3));  // quantisation only
    }
    kith::brokerage_options u;
    u.weight = kith::brokerage_weight::unweighted;
    auto b33 = kith::brokerage_of(s, kith::person_id(33), u);
    REQUIRE(b33);
    CHECK_THAT(b33->constraint, WithinAbs(karate_ref[33][0], 1e-9));
}

TEST_CASE("brokerage: snapshot all == one == tier 1 on random graphs with private ties and exclusions", "[metrics]") {
    for (std::uint64_t seed = 1; seed <= 120; ++seed) {
        std::mt19937_64 rng(seed);
        const int n = 2 + static_cast<int>(rng() % 14);
        const double density = 0.15 + 0.7 * uniform(rng);
        kith::network net;
        for (int i = 0; i < n; ++i) net.add_person(kith::person{"p" + std::to_string(i), "", "", "", {}});
        std::vector<std::pair<int, int>> priv;
        for (int i = 0; i < n; ++i)
            for (int j = i + 1; j < n; ++j) {
                if (uniform(rng) >= density) continue;
                const kith::person_id a(static_cast<std::uint32_t>(i)), b(static_cast<std::uint32_t>(j));
                net.set_warmth(a, b, 0.02 + 0.98 * uniform(rng));
                if (rng() % 6 == 0) net.set_visibility(a, b, kith::visibility{(rng() % 2) ? a : b});
            }
        const kith::snapshot s(net, now);
        kith::brokerage_options opt;
        if (rng() % 2) opt.asker = kith::person_id(static_cast<std::uint32_t>(rng() % static_cast<std::uint64_t>(n)));
        if (rng() % 2) opt.excluded.push_back(kith::person_id(static_cast<std::uint32_t>(rng() % static_cast<std::uint64_t>(n))));
        if (rng() % 3 == 0) opt.weight = kith::brokerage_weight::unweighted;
        // Tier 1 on the ties this asker may use.
        std::vector<wedge> usable;
        std::optional<std::uint32_t> asker;
        if (opt.asker) asker = s.vertex_of(*opt.asker);
        auto excluded = [&](std::uint32_t v) {
            return !opt.excluded.empty() && s.vertex_of(opt.excluded[0]) == v;
        };
        for (std::uint32_t v = 0; v < s.num_people(); ++v)
            for (auto a = s.arc_begin(v); a != s.arc_end(v); ++a) {
                const auto t = s.arc_target(a);
                if (t < v || !s.arc_visible(a, asker) || excluded(v) || excluded(t)) continue;
                usable.push_back({static_cast<int>(v), static_cast<int>(t),
                                  opt.weight == kith::brokerage_weight::warmth ? s.arc_warmth(a) : 1.0});
            }
        const ugraph g = make_graph(n, usable);
        const auto ref = kith::brokerage_all(g, get(boost::edge_weight, g));
        const auto all = kith::brokerage_all(s, opt);
        REQUIRE(all.size() == static_cast<std::size_t>(n));
        for (std::uint32_t v = 0; v < static_cast<std::uint32_t>(n); ++v) {
            const auto one = kith::brokerage_of(s, s.id_of(v), opt);
            if (ref[v].degree == 0) {
                CHECK_FALSE(one);
                CHECK(std::isnan(all[v].constraint));
                continue;
            }
            REQUIRE(one);
            check_same(*one, ref[v]);
            check_same(all[v], ref[v]);
        }
    }
}

namespace {

// |a - b| <= 1e-12 * max(1, |b|): the all-people and one-person sums run in different orders.
void check_close(const kith::brokerage& a, const kith::brokerage& b) {
    CHECK(a.degree == b.degree);
    const auto tol = [](double x) { return 1e-12 * std::max(1.0, std::abs(x)); };
    CHECK_THAT(a.constraint, WithinAbs(b.constraint, tol(b.constraint)));
    CHECK_THAT(a.effective_size, WithinAbs(b.effective_size, tol(b.effective_size)));
    CHECK_THAT(a.efficiency, WithinAbs(b.efficiency, tol(b.efficiency)));
}

} // namespace

// The triangle listing (both tiers' brokerage_all) against the per-person computation, on graphs
// built to stress it: hubs tied to most people, a dense core with leaves hanging off it (long
// forward lists next to short ones, so both the marked scan and the binary-search intersection
// run), cliques, private ties seen or not by the asker, and excluded people.
TEST_CASE("brokerage: everyone == one person on random graphs with hubs, cores and private ties", "[metrics]") {
    for (std::uint64_t seed = 1; seed <= 150; ++seed) {
        std::mt19937_64 rng(seed * 7919);
        const int n = 8 + static_cast<int>(rng() % 113);
        std::vector<std::vector<char>> adj(static_cast<std::size_t>(n), std::vector<char>(static_cast<std::size_t>(n), 0));
        auto tie = [&](int a, int b) {
            if (a != b) adj[static_cast<std::size_t>(a)][static_cast<std::size_t>(b)] = adj[static_cast<std::size_t>(b)][static_cast<std::size_t>(a)] = 1;
        };
        const auto pick = [&] { return static_cast<int>(rng() % static_cast<std::uint64_t>(n)); };
        switch (seed % 3) {
        case 0: {  // hubs over a sparse background
            const int hubs = 1 + static_cast<int>(rng() % 5);
            const double p_hub = 0.3 + 0.65 * uniform(rng), p_bg = 0.01 + 0.1 * uniform(rng);
            for (int h = 0; h < hubs; ++h)
                for (int v = 0; v < n; ++v)
                    if (uniform(rng) < p_hub) tie(h, v);
            for (int u = 0; u < n; ++u)
                for (int v = u + 1; v < n; ++v)
                    if (uniform(rng) < p_bg) tie(u, v);
            break;
        }
        case 1: {  // a dense core, leaves tied to 1-4 core people
            const int core = std::min(n, 18 + static_cast<int>(rng() % 30));
            const double p_core = 0.7 + 0.3 * uniform(rng);
            for (int u = 0; u < core; ++u)
                for (int v = u + 1; v < core; ++v)
                    if (uniform(rng) < p_core) tie(u, v);
            for (int v = core; v < n; ++v) {
                const int k = 1 + static_cast<int>(rng() % 4);
                for (int i = 0; i < k; ++i) tie(v, static_cast<int>(rng() % static_cast<std::uint64_t>(core)));
            }
            break;
        }
        default: {  // overlapping cliques plus random ties
            const int cliques = 1 + static_cast<int>(rng() % 8);
            for (int c = 0; c < cliques; ++c) {
                const int size = 3 + static_cast<int>(rng() % 12);
                std::vector<int> members;
                for (int i = 0; i < size; ++i) members.push_back(pick());
                for (int a : members)
                    for (int b : members) tie(a, b);
            }
            for (int i = 0; i < n; ++i) tie(pick(), pick());
            break;
        }
        }
        kith::network net;
        for (int i = 0; i < n; ++i) net.add_person(kith::person{"p" + std::to_string(i), "", "", "", {}});
        for (int i = 0; i < n; ++i)
            for (int j = i + 1; j < n; ++j) {
                if (!adj[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)]) continue;
                const kith::person_id a(static_cast<std::uint32_t>(i)), b(static_cast<std::uint32_t>(j));
                net.set_warmth(a, b, 0.02 + 0.98 * uniform(rng));
                if (rng() % 5 == 0) net.set_visibility(a, b, kith::visibility{(rng() % 2) ? a : b});
            }
        const kith::snapshot s(net, now);
        kith::brokerage_options opt;
        if (rng() % 3 != 0) opt.asker = kith::person_id(static_cast<std::uint32_t>(pick()));
        for (std::uint64_t x = rng() % 4; x > 0; --x) opt.excluded.push_back(kith::person_id(static_cast<std::uint32_t>(pick())));
        if (rng() % 3 == 0) opt.weight = kith::brokerage_weight::unweighted;

        // Tier 2: everyone at once == one at a time.
        const auto all = kith::brokerage_all(s, opt);
        REQUIRE(all.size() == static_cast<std::size_t>(n));
        std::size_t with_ties = 0;
        for (std::uint32_t v = 0; v < static_cast<std::uint32_t>(n); ++v) {
            const auto one = kith::brokerage_of(s, s.id_of(v), opt);
            if (!one) {
                CHECK(all[v].degree == 0);
                CHECK(std::isnan(all[v].constraint));
                continue;
            }
            ++with_ties;
            check_close(all[v], *one);
        }
        CHECK(with_ties > 0);

        // Tier 1 on the usable ties, as an adjacency_list: everyone == one at a time == tier 2.
        const auto asker = opt.asker ? std::optional<std::uint32_t>(s.vertex_of(*opt.asker)) : std::nullopt;
        std::vector<char> excluded(static_cast<std::size_t>(n), 0);
        for (auto p : opt.excluded) excluded[s.vertex_of(p)] = 1;
        std::vector<wedge> usable;
        for (std::uint32_t v = 0; v < s.num_people(); ++v)
            for (auto a = s.arc_begin(v); a != s.arc_end(v); ++a) {
                const auto t = s.arc_target(a);
                if (t < v || !s.arc_visible(a, asker) || excluded[v] || excluded[t]) continue;
                usable.push_back({static_cast<int>(v), static_cast<int>(t),
                                  opt.weight == kith::brokerage_weight::warmth ? s.arc_warmth(a) : 1.0});
            }
        const ugraph g = make_graph(n, usable);
        const auto ref = kith::brokerage_all(g, get(boost::edge_weight, g));
        for (std::size_t v = 0; v < static_cast<std::size_t>(n); ++v) {
            const auto one = kith::brokerage_of(g, v, get(boost::edge_weight, g));
            if (!one) {
                CHECK(ref[v].degree == 0);
                CHECK(all[v].degree == 0);
                continue;
            }
            check_close(ref[v], *one);
            check_close(all[v], *one);
        }
    }
}

TEST_CASE("brokerage: unknown person throws", "[metrics]") {
    const kith::network net = make_network(3, {{0, 1, 0.5}});
    const kith::snapshot s(net, now);
    REQUIRE_THROWS_AS(kith::brokerage_of(s, kith::person_id(7)), kith::unknown_person);
    CHECK_FALSE(kith::brokerage_of(s, kith::person_id(2)));
}
