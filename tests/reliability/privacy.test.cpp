// tests/reliability/privacy.test.cpp -- private ties and excluded people are never used or
// revealed: every answer on the full network equals the answer on the asker's visible
// sub-network.
//
// The oracle: for an asker A and a set X of excluded people, the visible sub-network is the same
// network built without the ties A may not see (ties private to someone else) and with the
// people of X removed (remove_person: ids are never reused, so every person, group and event
// keeps its id and vertices keep their relative order). A query on the full network with
// asker = A and X avoided / excluded must give exactly the answer of the same query on the
// visible sub-network without exclusions: same paths, same k-best lists, same explanations
// (mutual-contact counts included), same event plans and table choices (talking points and
// mutual contacts included), same group suggestions, same people to meet (mutuals included),
// same brokerage figures. Anything a private tie or an excluded person changed would show up
// as a difference. >= 10,000 queries over 150 random networks; fixed seeds.
#include "kith_catch.hpp"

#include <kith/metrics/brokerage.hpp>
#include <kith/metrics/health.hpp>
#include <kith/network.hpp>
#include <kith/paths/explain.hpp>
#include <kith/paths/k_warm_paths.hpp>
#include <kith/paths/warm_path.hpp>
#include <kith/snapshot.hpp>
#include <kith/suggest/event_plan.hpp>
#include <kith/suggest/groups.hpp>
#include <kith/suggest/people_to_meet.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace {

// Raw bits of mt19937_64 only (std distributions differ across standard libraries).
struct rng {
    std::mt19937_64 g;
    explicit rng(std::uint64_t seed) : g(seed) {}
    std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(g() % n); }
    bool chance(unsigned percent) { return below(100) < percent; }
    double unit() { return static_cast<double>(g() >> 11) * 0x1.0p-53; }
};

struct tie_spec {
    std::uint32_t a = 0, b = 0;
    double warmth = 0.5;                  // manual warmth (when no interactions)
    std::vector<kith::interaction> talks{};  // recorded instead when non-empty
    std::optional<std::uint32_t> owner{};    // private to this person
};

struct network_spec {
    std::vector<kith::person> people{};
    std::vector<tie_spec> ties{};
    std::vector<kith::group> groups{};
    std::vector<std::vector<std::uint32_t>> members{};
    std::vector<std::pair<std::uint32_t, std::string>> seats{};  // one event
};

network_spec random_spec(rng& r) {
    static const char* const orgs[] = {"", "Acme", "Bolt", "Cora", "Dyad"};
    static const char* const tags[] = {"ai", "chess", "sailing", "yoga", "service", "music"};
    network_spec sp;
    const std::uint32_t n = 8 + r.below(18);
    for (std::uint32_t i = 0; i < n; ++i) {
        kith::person p;
        p.key = "p" + std::to_string(i);
        p.name = "Person " + std::to_string(i);
        p.organization = orgs[r.below(5)];
        for (const char* t : tags)
            if (r.chance(30)) p.interests.push_back(t);
        sp.people.push_back(std::move(p));
    }
    const std::uint32_t m = n + r.below(3 * n);
    const kith::timestamp t0 = kith::make_timestamp(2024, 6, 1);
    std::vector<std::uint64_t> used;
    for (std::uint32_t i = 0; i < m; ++i) {
        tie_spec t;
        t.a = r.below(n);
        t.b = r.below(n);
        if (t.a == t.b) continue;
        const std::uint64_t key = (std::uint64_t{std::min(t.a, t.b)} << 32) | std::max(t.a, t.b);
        if (std::find(used.begin(), used.end(), key) != used.end()) continue;
        used.push_back(key);
        t.warmth = 0.05 + 0.95 * r.unit();
        if (r.chance(35)) {
            const unsigned k = 1 + r.below(4);
            for (unsigned j = 0; j < k; ++j) {
                kith::interaction x;
                x.a = kith::person_id(t.a);
                x.b = kith::person_id(t.b);
                x.when = t0 + std::chrono::hours(24 * static_cast<int>(r.below(360)));
                x.via = static_cast<kith::channel>(r.below(6));
                if (r.chance(50)) x.initiator = r.chance(50) ? x.a : x.b;
                t.talks.push_back(x);
            }
        }
        if (r.chance(30)) t.owner = r.chance(80) ? (r.chance(50) ? t.a : t.b) : r.below(n);
        sp.ties.push_back(std::move(t));
    }
    const std::uint32_t groups = r.below(5);
    for (std::uint32_t g = 0; g < groups; ++g) {
        kith::group gr;
        gr.name = "Group " + std::to_string(g);
        for (const char* t : tags)
            if (r.chance(35)) gr.themes.push_back(t);
        sp.groups.push_back(gr);
        std::vector<std::uint32_t> mem;
        for (std::uint32_t p = 0; p < n; ++p)
            if (r.chance(30)) mem.push_back(p);
        sp.members.push_back(mem);
    }
    for (std::uint32_t p = 0; p < n; ++p)
        if (r.chance(60)) sp.seats.emplace_back(p, r.chance(20) ? std::string() : "T" + std::to_string(r.below(4)));
    return sp;
}

// The full network (visible_to unset), or the visible sub-network of `asker` without `excluded`.
kith::network build(const network_spec& sp, bool full, std::optional<std::uint32_t> asker,
                    const std::vector<kith::person_id>& excluded) {
    kith::network net;
    for (const auto& p : sp.people) net.add_person(p);
    for (const auto& t : sp.ties) {
        const bool visible = !t.owner || (asker && *asker == *t.owner);
        if (!full && !visible) continue;
        const kith::person_id a(t.a), b(t.b);
        if (t.talks.empty()) net.set_warmth(a, b, t.warmth);
        for (const auto& x : t.talks) net.record(x);
        if (t.owner) {
            kith::visibility v;
            v.private_to = kith::person_id(*t.owner);
            net.set_visibility(a, b, v);
        }
    }
    for (std::size_t g = 0; g < sp.groups.size(); ++g) {
        const kith::group_id id = net.add_group(sp.groups[g]);
        for (std::uint32_t p : sp.members[g]) net.join(id, kith::person_id(p));
    }
    kith::event ev;
    ev.name = "Summit";
    const kith::event_id e = net.add_event(ev);
    for (const auto& [p, table] : sp.seats) net.attend(e, kith::person_id(p), table);
    if (!full)
        for (kith::person_id x : excluded) net.remove_person(x);
    return net;
}

const kith::timestamp now = kith::make_timestamp(2025, 6, 1);

bool in(const std::vector<kith::person_id>& v, kith::person_id p) { return std::find(v.begin(), v.end(), p) != v.end(); }

// Readable form of a people-to-meet answer, for failure messages.
std::string describe(const std::vector<kith::person_suggestion>& v) {
    std::string out;
    for (const auto& x : v) {
        out += "{who " + std::to_string(x.who.value()) + " score " + std::to_string(x.score) + " mutuals " +
               std::to_string(x.mutual_count) + " [";
        for (const auto& m : x.mutuals) out += std::to_string(m.who.value()) + " ";
        out += "] org '" + x.shared_organization + "' groups " + std::to_string(x.shared_groups.size()) + "} ";
    }
    return out;
}

struct counter {
    std::size_t paths = 0, k_paths = 0, explanations = 0, plans = 0, tables = 0, groups = 0, people = 0, brokerage = 0, health = 0;
    std::size_t people_structural = 0;  // people-to-meet answers also checked for hidden content
    std::size_t total() const { return paths + k_paths + explanations + plans + tables + groups + people + brokerage + health; }
};

void run_network(std::uint64_t seed, counter& c) {
    rng r(seed);
    const network_spec sp = random_spec(r);
    const auto n = static_cast<std::uint32_t>(sp.people.size());
    const kith::network full_net = build(sp, true, std::nullopt, {});
    const kith::snapshot full(full_net, now);

    for (int round = 0; round < 3; ++round) {
        // The asker (sometimes an anonymous query for paths), and excluded people (never the asker).
        const std::uint32_t asker = r.below(n);
        const kith::person_id me(asker);
        std::vector<kith::person_id> excluded;
        for (std::uint32_t p = 0; p < n; ++p)
            if (p != asker && r.chance(12)) excluded.push_back(kith::person_id(p));
        const kith::network vis_net = build(sp, false, asker, excluded);
        const kith::snapshot vis(vis_net, now);
        std::vector<kith::person_id> allowed;
        for (std::uint32_t p = 0; p < n; ++p)
            if (!in(excluded, kith::person_id(p))) allowed.push_back(kith::person_id(p));
        auto pick = [&] { return allowed[r.below(static_cast<std::uint32_t>(allowed.size()))]; };

        // Paths, k best and explanations, asked by me (from me, or from anyone for me).
        for (int q = 0; q < 5; ++q) {
            const kith::person_id from = r.chance(70) ? me : pick(), to = pick();
            kith::path_options fo;
            fo.asker = me;
            fo.avoid = excluded;
            if (r.chance(30)) fo.max_hops = r.below(5);
            if (r.chance(20)) fo.min_tie_warmth = 0.3 * r.unit();
            if (r.chance(20)) fo.introducer_factor.emplace_back(pick(), 0.5);
            kith::path_options vo = fo;
            vo.avoid.clear();
            const auto fp = kith::find_warm_path(full, from, to, fo);
            const auto vp = kith::find_warm_path(vis, from, to, vo);
            CHECK(fp == vp);
            ++c.paths;
            if (fp && vp) {
                CHECK(kith::explain_path(full, *fp, fo) == kith::explain_path(vis, *vp, vo));
                ++c.explanations;
            }
            kith::k_paths_options ko;
            ko.diversity = static_cast<kith::path_diversity>(r.below(3));
            const std::size_t k = 1 + r.below(4);
            const auto fk = kith::find_k_warm_paths(full, from, to, k, fo, ko);
            const auto vk = kith::find_k_warm_paths(vis, from, to, k, vo, ko);
            CHECK(fk == vk);
            ++c.k_paths;
            for (std::size_t i = 0; i < fk.size() && i < vk.size(); ++i) {
                CHECK(kith::explain_path(full, fk[i], fo) == kith::explain_path(vis, vk[i], vo));
                ++c.explanations;
            }
        }

        // Event plan and lunch table, for me.
        {
            kith::event_plan_options fo;
            fo.cards = 1 + r.below(6);
            fo.exclude = excluded;
            if (r.chance(50)) fo.goals = {pick()};
            kith::event_plan_options vo = fo;
            vo.exclude.clear();
            CHECK(kith::plan_event(full, me, kith::event_id(0), fo) == kith::plan_event(vis, me, kith::event_id(0), vo));
            ++c.plans;
            CHECK(kith::choose_table(full, me, kith::event_id(0), fo) == kith::choose_table(vis, me, kith::event_id(0), vo));
            ++c.tables;
        }

        // Groups to join.
        {
            kith::group_options fo;
            fo.exclude = excluded;
            if (r.chance(50)) fo.goals = {pick()};
            fo.require_shared_interest = r.chance(50);
            kith::group_options vo = fo;
            vo.exclude.clear();
            CHECK(kith::suggest_groups(full, me, fo) == kith::suggest_groups(vis, me, vo));
            ++c.groups;
        }

        // People to meet, every score: exactly the visible answer (mutual contacts, talking points
        // and scores included); the structural checks below say what "nothing hidden" means.
        const auto vme = vis.vertex_of(me);
        auto visible_tie = [&](kith::snapshot::vertex_type u, kith::snapshot::vertex_type v) -> std::optional<double> {
            for (auto a = vis.arc_begin(u); a != vis.arc_end(u); ++a)
                if (vis.arc_target(a) == v && vis.arc_visible(a, vme)) return vis.arc_warmth(a);
            return std::nullopt;
        };
        for (unsigned score = 0; score < 7; ++score) {
            kith::people_to_meet_options fo;
            fo.k = 1 + r.below(6);
            fo.score = static_cast<kith::link_score>(score);
            fo.weighting = r.chance(50) ? kith::link_weighting::warmth : kith::link_weighting::unweighted;
            fo.excluded = excluded;
            kith::people_to_meet_options vo = fo;
            vo.excluded.clear();
            const auto fs = kith::suggest_people_to_meet(full, me, fo);
            const auto vs = kith::suggest_people_to_meet(vis, me, vo);
            INFO("seed " << seed << " me " << asker << " score " << score << " excluded " << excluded.size()
                          << "\n full:    " << describe(fs) << "\n visible: " << describe(vs));
            CHECK(fs == vs);
            ++c.people;
            // Nothing hidden is revealed: no excluded person, no visible contact, and the mutual
            // contacts (count and list, with warmths) are exactly the visible ones.
            for (const auto& x : fs) {
                CHECK(!in(excluded, x.who));
                CHECK(x.who != me);
                const auto vx = vis.vertex_of(x.who);
                CHECK_FALSE(visible_tie(vme, vx));
                std::size_t mutual = 0;
                for (auto a = vis.arc_begin(vme); a != vis.arc_end(vme); ++a)
                    if (vis.arc_visible(a, vme) && visible_tie(vis.arc_target(a), vx)) ++mutual;
                CHECK(x.mutual_count == mutual);
                for (const auto& m : x.mutuals) {
                    CHECK(!in(excluded, m.who));
                    const auto vm = vis.vertex_of(m.who);
                    CHECK(visible_tie(vme, vm) == std::optional<double>(m.my_warmth));
                    CHECK(visible_tie(vm, vx) == std::optional<double>(m.their_warmth));
                }
            }
            ++c.people_structural;
        }

        // Brokerage (health figures) of me and of a few others, in my view.
        for (int q = 0; q < 3; ++q) {
            const kith::person_id p = q == 0 ? me : pick();
            kith::brokerage_options fo;
            fo.asker = me;
            fo.excluded = excluded;
            fo.weight = r.chance(50) ? kith::brokerage_weight::warmth : kith::brokerage_weight::unweighted;
            kith::brokerage_options vo = fo;
            vo.excluded.clear();
            CHECK(kith::brokerage_of(full, p, fo) == kith::brokerage_of(vis, p, vo));
            ++c.brokerage;
        }

        // Network health of the asker: tiers, reach, diversity, constraint, cooling ties.
        {
            kith::health_options fo;
            fo.excluded = excluded;
            fo.reach_warmth = r.chance(50) ? 0.25 : 0.05;
            kith::health_options vo = fo;
            vo.excluded.clear();
            CHECK(kith::health_of(full, me, fo) == kith::health_of(vis, me, vo));
            ++c.health;
        }
    }
}

} // namespace

TEST_CASE("private ties and excluded people never change an answer (>= 10,000 queries)", "[reliability][privacy]") {
    counter c;
    for (std::uint64_t seed = 1; seed <= 150; ++seed) run_network(0x9E3779B97F4A7C15ull * seed, c);
    INFO("paths " << c.paths << ", k paths " << c.k_paths << ", explanations " << c.explanations << ", plans "
                  << c.plans << ", tables " << c.tables << ", groups " << c.groups << ", people " << c.people
                  << " exact (" << c.people_structural << " also structurally), brokerage " << c.brokerage);
    CHECK(c.total() >= 10000);
}
