// Tests of kith/suggest/bridges.hpp: a hand fixture with named circles, and the constraint after
// the new tie checked against kith/metrics/brokerage.hpp on the network with the tie added.
#include "kith_catch.hpp"

#include "common/generic_fixture.hpp"

#include <kith/suggest/bridges.hpp>

#include <random>
#include <string>
#include <vector>

namespace {

using namespace kith_test_generic;  // bgraph, to_bgl, random_vertex, ...

const kith::timestamp now = kith::make_timestamp(2026, 11, 1);
kith::person_id pid(std::uint32_t v) { return kith::person_id(v); }

// Maya(0, Acme) knows Ana(1, Acme) and Ben(2, Acme), who know each other. Ana knows Cleo(3,
// Northwind) and Ben knows Dev(4, Acme, in the Sailing Club). Eve(5, Acme) is Ana's friend.
kith::network hand_network() {
    kith::network net;
    net.add_person({"maya", "Maya", "Acme", "", {}});
    net.add_person({"ana", "Ana", "Acme", "", {}});
    net.add_person({"ben", "Ben", "Acme", "", {}});
    net.add_person({"cleo", "Cleo", "Northwind", "", {}});
    net.add_person({"dev", "Dev", "Acme", "", {}});
    net.add_person({"eve", "Eve", "Acme", "", {}});
    const auto club = net.add_group({"Sailing Club", {"sailing"}});
    net.join(club, pid(4));
    net.set_warmth(pid(0), pid(1), 0.9);
    net.set_warmth(pid(0), pid(2), 0.6);
    net.set_warmth(pid(1), pid(2), 0.8);
    net.set_warmth(pid(1), pid(3), 0.7);
    net.set_warmth(pid(2), pid(4), 0.5);
    net.set_warmth(pid(1), pid(5), 0.5);
    return net;
}

} // namespace

TEST_CASE("bridges: friends of friends in circles I do not reach, with the circle named", "[suggest]") {
    const kith::network net = hand_network();
    const kith::snapshot s(net, now);
    const auto r = kith::suggest_bridges(s, pid(0));
    REQUIRE(r.size() == 2);  // Eve is at Acme, which I reach: not a bridge
    for (const auto& b : r) {
        CHECK(b.constraint_after < b.constraint_before);  // a new non-redundant contact lowers constraint
        CHECK(b.effective_size_after > b.effective_size_before);
    }
    const auto& cleo = r[0].who == pid(3) ? r[0] : r[1];
    const auto& dev = r[0].who == pid(4) ? r[0] : r[1];
    CHECK(cleo.opens == std::vector<kith::circle>{{kith::circle::kind::organization, "Northwind"}});
    CHECK(cleo.introducer == pid(1));
    CHECK(dev.opens == std::vector<kith::circle>{{kith::circle::kind::group, "Sailing Club"}});
    CHECK(dev.introducer == pid(2));
    // Ranked by the drop in constraint.
    CHECK(r[0].constraint_before - r[0].constraint_after >= r[1].constraint_before - r[1].constraint_after);
    // Excluding Ana: Cleo cannot be reached (Ana was the only way), Eve neither.
    kith::bridges_options opt;
    opt.excluded = {pid(1)};
    const auto r2 = kith::suggest_bridges(s, pid(0), opt);
    REQUIRE(r2.size() == 1);
    CHECK(r2[0].who == pid(4));
    opt.k = 0;
    CHECK(kith::suggest_bridges(s, pid(0), opt).empty());
}

TEST_CASE("bridges: constraint after equals brokerage on the network with the tie added", "[suggest]") {
    for (std::uint64_t seed = 1; seed <= 60; ++seed) {
        std::mt19937_64 rng(seed);
        const int n = 4 + static_cast<int>(rng() % 10);
        kith::network net;
        for (int i = 0; i < n; ++i)
            net.add_person({"p" + std::to_string(i), "", "org" + std::to_string(rng() % 4), "", {}});
        for (int i = 0; i < n; ++i)
            for (int j = i + 1; j < n; ++j)
                if (rng() % 3 == 0) {
                    const auto a = pid(static_cast<std::uint32_t>(i)), b = pid(static_cast<std::uint32_t>(j));
                    net.set_warmth(a, b, 0.1 + 0.9 * static_cast<double>(rng() % 100) / 100.0);
                    if (rng() % 6 == 0) net.set_visibility(a, b, kith::visibility{pid(random_vertex(rng, n))});
                }
        const auto me = pid(random_vertex(rng, n));
        kith::bridges_options opt;
        opt.k = 100;
        opt.new_tie_warmth = 0.3 + 0.6 * static_cast<double>(rng() % 100) / 100.0;
        const kith::snapshot s(net, now);
        const auto got = kith::suggest_bridges(s, me, opt);
        INFO("seed " << seed);
        kith::brokerage_options bo;
        bo.asker = me;
        for (const auto& b : got) {
            CHECK_FALSE(net.has_tie(me, b.who));
            CHECK_FALSE(b.opens.empty());
            kith::network grown = net;
            grown.set_warmth(me, b.who, opt.new_tie_warmth);
            const kith::snapshot g(grown, now);
            const auto after = kith::brokerage_of(g, me, bo);
            REQUIRE(after);
            CHECK_THAT(b.constraint_after, WithinAbs(after->constraint, 1e-12));
            CHECK_THAT(b.effective_size_after, WithinAbs(after->effective_size, 1e-12));
            const auto before = kith::brokerage_of(s, me, bo);
            REQUIRE(before);
            CHECK_THAT(b.constraint_before, WithinAbs(before->constraint, 1e-12));
        }
    }
}

TEST_CASE("bridges: generic tier on a Boost.Graph adjacency_list equals the snapshot tier", "[suggest]") {
    std::size_t suggested = 0;
    for (std::uint64_t seed = 1; seed <= 80; ++seed) {
        std::mt19937_64 rng(seed * 13);
        const int n = 4 + static_cast<int>(rng() % 16);
        kith::network net;
        add_people_in_circles(net, rng, n, 5, 6, 4);
        const double density = 0.15 + 0.35 * static_cast<double>(rng() % 100) / 100.0;
        for (int i = 0; i < n; ++i)
            for (int j = i + 1; j < n; ++j)
                if (static_cast<double>(rng() % 1000) / 1000.0 < density) {
                    const auto a = pid(static_cast<std::uint32_t>(i)), b = pid(static_cast<std::uint32_t>(j));
                    net.set_warmth(a, b, 0.1 + 0.9 * static_cast<double>(rng() % 100) / 100.0);
                    if (rng() % 6 == 0) net.set_visibility(a, b, kith::visibility{pid(random_vertex(rng, n))});
                }
        const auto me = random_vertex(rng, n);
        kith::bridges_options opt;
        opt.k = 1 + rng() % 8;
        opt.new_tie_warmth = 0.3 + 0.6 * static_cast<double>(rng() % 100) / 100.0;
        kith::basic_bridges_options<std::size_t> gopt;
        gopt.k = opt.k;
        gopt.new_tie_warmth = opt.new_tie_warmth;
        if (rng() % 3 == 0) exclude_in_both(opt, gopt, random_vertex(rng, n));
        const kith::snapshot s(net, now);
        const auto want = kith::suggest_bridges(s, pid(me), opt);
        const bgraph g = to_bgl(s, me);
        const auto got = kith::suggest_bridges(g, std::size_t{me}, get(&arc_props::units, g), get(&person_props::circles, g),
                                               get(boost::vertex_index, g), gopt, visible_arcs(g));
        INFO("seed " << seed);
        suggested += want.size();
        REQUIRE(got.size() == want.size());
        for (std::size_t i = 0; i < got.size(); ++i) {
            CHECK(got[i].who == s.vertex_of(want[i].who));
            CHECK(got[i].introducer == s.vertex_of(want[i].introducer));
            CHECK(got[i].opens == want[i].opens);
            CHECK(got[i].constraint_before == want[i].constraint_before);
            CHECK(got[i].constraint_after == want[i].constraint_after);
            CHECK(got[i].effective_size_before == want[i].effective_size_before);
            CHECK(got[i].effective_size_after == want[i].effective_size_after);
        }
    }
    CHECK(suggested >= 40);  // the comparison is not vacuous
}

TEST_CASE("bridges: errors", "[suggest]") {
    const kith::network net = hand_network();
    const kith::snapshot s(net, now);
    REQUIRE_THROWS_AS(kith::suggest_bridges(s, pid(50)), kith::unknown_person);
    kith::bridges_options bad;
    bad.new_tie_warmth = 0;
    REQUIRE_THROWS_AS(kith::suggest_bridges(s, pid(0), bad), kith::invalid_argument);
}
