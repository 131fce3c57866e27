// Tests of kith/metrics/health.hpp: a hand fixture a reader can check, reach against kith/paths
// with hop caps, visibility, and the comparison of two snapshots.
#include "kith_catch.hpp"

#include "common/generic_fixture.hpp"

#include <kith/metrics/health.hpp>
#include <kith/paths/warm_path.hpp>

#include <cmath>
#include <random>
#include <string>
#include <vector>

namespace {

using namespace kith_test_generic;  // bgraph, to_bgl, random_vertex, ...

const kith::timestamp now = kith::make_timestamp(2026, 11, 1);
kith::person_id pid(std::uint32_t v) { return kith::person_id(v); }

// Maya(0): Ana(1, Acme, strong 0.9), Ben(2, Acme, occasional 0.5), Cleo(3, Globex, weak 0.2).
// Ana - Dev(4) 0.9; Dev - Eve(5) 0.9. Ana and Cleo are in the Rotary.
kith::network hand_network() {
    kith::network net;
    net.add_person({"maya", "Maya", "", "", {}});
    net.add_person({"ana", "Ana", "Acme", "", {}});
    net.add_person({"ben", "Ben", "Acme", "", {}});
    net.add_person({"cleo", "Cleo", "Globex", "", {}});
    net.add_person({"dev", "Dev", "", "", {}});
    net.add_person({"eve", "Eve", "", "", {}});
    const auto rotary = net.add_group({"Rotary", {}});
    net.join(rotary, pid(1));
    net.join(rotary, pid(3));
    net.set_warmth(pid(0), pid(1), 0.9);
    net.set_warmth(pid(0), pid(2), 0.5);
    net.set_warmth(pid(0), pid(3), 0.2);
    net.set_warmth(pid(1), pid(4), 0.9);
    net.set_warmth(pid(4), pid(5), 0.9);
    return net;
}

} // namespace

TEST_CASE("health: hand fixture", "[metrics]") {
    const kith::network net = hand_network();
    const kith::snapshot s(net, now);
    kith::health_options opt;
    opt.hop_factor = 1.0;
    opt.reach_warmth = 0.4;
    const auto h = kith::health_of(s, pid(0), opt);
    CHECK(h.strong == 1);
    CHECK(h.occasional == 1);
    CHECK(h.weak == 1);
    CHECK(h.contacts() == 3);
    // Within 0.4: Ana .9, Ben .5, Dev .81 (2 hops), Eve .729 (3 hops); Cleo .2 is not.
    CHECK(h.reach_2 == 3);
    CHECK(h.reach_3 == 4);
    // Organisations of contacts: Acme 2, Globex 1 -> H = -(2/3 log2 2/3 + 1/3 log2 1/3) = 0.9183.
    CHECK_THAT(h.organization_diversity, WithinAbs(0.9182958340544896, 1e-12));
    CHECK_THAT(h.community_diversity, WithinAbs(0.0, 1e-12));  // one group only
    REQUIRE(h.constraint);
    REQUIRE(h.effective_size);
    CHECK_THAT(*h.effective_size, WithinAbs(3.0, 1e-12));  // no ties among my contacts
    CHECK(h.cooling == 0);
    // Ana's tie private to Dev: Maya no longer sees Dev and Eve through Ana... she sees her own
    // tie to Ana; make Ana-Dev private to Dev instead.
    kith::network p = net;
    p.set_visibility(pid(1), pid(4), kith::visibility{pid(4)});
    const kith::snapshot sp(p, now);
    const auto hp = kith::health_of(sp, pid(0), opt);
    CHECK(hp.reach_3 == 2);
    opt.excluded = {pid(1)};
    const auto hx = kith::health_of(s, pid(0), opt);
    CHECK(hx.contacts() == 2);
    CHECK(hx.reach_3 == 1);
}

TEST_CASE("health: reach equals kith/paths with hop caps on random graphs", "[metrics]") {
    for (std::uint64_t seed = 1; seed <= 60; ++seed) {
        std::mt19937_64 rng(seed);
        const int n = 3 + static_cast<int>(rng() % 12);
        kith::network net;
        for (int i = 0; i < n; ++i) net.add_person({"p" + std::to_string(i), "", "", "", {}});
        for (int i = 0; i < n; ++i)
            for (int j = i + 1; j < n; ++j)
                if (rng() % 3 == 0) {
                    const auto a = pid(static_cast<std::uint32_t>(i)), b = pid(static_cast<std::uint32_t>(j));
                    net.set_warmth(a, b, 0.3 + 0.7 * static_cast<double>(rng() % 100) / 100.0);
                    if (rng() % 5 == 0) net.set_visibility(a, b, kith::visibility{pid(random_vertex(rng, n))});
                }
        const auto me = pid(random_vertex(rng, n));
        kith::health_options opt;
        opt.reach_warmth = 0.05 + 0.5 * static_cast<double>(rng() % 100) / 100.0;
        const kith::snapshot s(net, now);
        const auto h = kith::health_of(s, me, opt);
        const auto radius = kith::snapshot::warmth_to_cost(opt.reach_warmth);
        kith::path_options po;
        po.asker = me;
        po.hop_factor = opt.hop_factor;
        std::size_t r2 = 0, r3 = 0;
        for (std::uint32_t v = 0; v < s.num_people(); ++v) {
            if (s.id_of(v) == me) continue;
            po.max_hops = 2;
            auto p2 = kith::find_warm_path(s, me, s.id_of(v), po);
            po.max_hops = 3;
            auto p3 = kith::find_warm_path(s, me, s.id_of(v), po);
            r2 += p2 && p2->cost_units <= radius;
            r3 += p3 && p3->cost_units <= radius;
        }
        INFO("seed " << seed);
        CHECK(h.reach_2 == r2);
        CHECK(h.reach_3 == r3);
    }
}

TEST_CASE("health: comparing two snapshots shows how my network grew", "[metrics]") {
    kith::network net;
    for (const char* k : {"maya", "ana", "ben", "cleo"}) net.add_person({k, k, "", "", {}});
    const auto jan = kith::make_timestamp(2026, 1, 1);
    const auto jul = kith::make_timestamp(2026, 7, 1);
    for (int i = 0; i < 12; ++i) net.record({pid(0), pid(1), jan - kith::days(7 * i), kith::channel::meeting, {}, 2});
    for (int i = 0; i < 2; ++i) net.record({pid(0), pid(2), jan - kith::days(30 * i), kith::channel::email, {}, 2});
    for (int i = 0; i < 20; ++i) net.record({pid(0), pid(2), jul - kith::days(5 * i), kith::channel::meeting, {}, 2});
    net.record({pid(0), pid(3), jul - kith::days(3), kith::channel::meeting, {}, 2});
    const kith::snapshot before(net, jan), after(net, jul);
    const auto g = kith::compare_health(before, after, pid(0));
    CHECK(g.new_contacts == std::vector<kith::person_id>{pid(3)});
    CHECK(g.lost_contacts.empty());
    REQUIRE(g.warmer.size() == 1);
    CHECK(g.warmer[0].contact == pid(2));
    REQUIRE(g.cooler.size() == 1);
    CHECK(g.cooler[0].contact == pid(1));
    CHECK(g.after.contacts() == 3);
    CHECK(g.before.contacts() == 2);
    REQUIRE_THROWS_AS(kith::health_of(before, pid(9)), kith::unknown_person);
    kith::health_options bad;
    bad.reach_warmth = 2;
    REQUIRE_THROWS_AS(kith::health_of(before, pid(0), bad), kith::invalid_argument);
    bad = {};
    bad.hop_factor = -1;
    REQUIRE_THROWS_AS(kith::health_of(before, pid(0), bad), kith::invalid_argument);
}

TEST_CASE("health: generic tier on a Boost.Graph adjacency_list equals the snapshot tier", "[metrics]") {
    std::size_t with_contacts = 0;
    for (std::uint64_t seed = 1; seed <= 80; ++seed) {
        std::mt19937_64 rng(seed * 17);
        const int n = 3 + static_cast<int>(rng() % 16);
        kith::network net;
        add_people_in_circles(net, rng, n, 4, 5, 3);
        for (int i = 0; i < n; ++i)
            for (int j = i + 1; j < n; ++j)
                if (rng() % 3 == 0) {
                    const auto a = pid(static_cast<std::uint32_t>(i)), b = pid(static_cast<std::uint32_t>(j));
                    if (rng() % 2) {
                        const int gap = 3 + static_cast<int>(rng() % 20), silent = static_cast<int>(rng() % 250);
                        for (int t = 0, k = 1 + static_cast<int>(rng() % 5); t < k; ++t)
                            net.record({a, b, now - kith::days(silent + gap * t), kith::channel::meeting, {}, 2});
                    } else {
                        net.set_warmth(a, b, 0.05 + 0.95 * static_cast<double>(rng() % 100) / 100.0);
                    }
                    if (rng() % 5 == 0) net.set_visibility(a, b, kith::visibility{pid(random_vertex(rng, n))});
                }
        const auto me = random_vertex(rng, n);
        kith::health_options opt;
        opt.reach_warmth = 0.05 + 0.5 * static_cast<double>(rng() % 100) / 100.0;
        opt.hop_factor = 0.5 + 0.5 * static_cast<double>(rng() % 100) / 100.0;
        kith::basic_health_options<std::size_t> gopt;
        gopt.reach_warmth = opt.reach_warmth;
        gopt.hop_factor = opt.hop_factor;
        if (rng() % 3 == 0) exclude_in_both(opt, gopt, random_vertex(rng, n));
        const kith::snapshot s(net, now);
        const auto want = kith::health_of(s, pid(me), opt);
        const bgraph g = to_bgl(s, me);
        const auto got = kith::health_of(g, std::size_t{me}, get(&arc_props::units, g), get(&arc_props::ev, g),
                                         get(&person_props::circles, g), get(boost::vertex_index, g), s.taken_at(), gopt,
                                         visible_arcs(g));
        INFO("seed " << seed);
        with_contacts += want.contacts() > 0 && want.cooling > 0;
        CHECK(got.strong == want.strong);
        CHECK(got.occasional == want.occasional);
        CHECK(got.weak == want.weak);
        CHECK(got.reach_2 == want.reach_2);
        CHECK(got.reach_3 == want.reach_3);
        CHECK(got.organization_diversity == want.organization_diversity);
        CHECK(got.community_diversity == want.community_diversity);
        CHECK(got.constraint == want.constraint);
        CHECK(got.effective_size == want.effective_size);
        CHECK(got.cooling == want.cooling);
        CHECK(got == want);
    }
    CHECK(with_contacts >= 10);  // cooling ties and contacts do occur
}
