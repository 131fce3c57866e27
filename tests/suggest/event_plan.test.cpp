// tests/suggest/event_plan.test.cpp -- lazy greedy max coverage, plan_event, choose_table and
// record_meetings: hand fixtures, brute-force oracles on random small events, rules, errors.
#include "kith_catch.hpp"

#include <kith/network.hpp>
#include <kith/snapshot.hpp>
#include <kith/suggest/event_plan.hpp>

#include <boost/graph/adjacency_list.hpp>

#include <cmath>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace {

using kith::person_id;

std::uint64_t below(std::mt19937_64& rng, std::uint64_t n) { return rng() % n; }

// Plain greedy: argmax of the marginal gain, ties to the lower index.
kith::coverage_result plain_greedy(const std::vector<std::vector<std::uint32_t>>& sets, const std::vector<double>& w,
                                   std::size_t k) {
    kith::coverage_result r;
    std::vector<std::uint8_t> covered(w.size(), 0), used(sets.size(), 0);
    for (std::size_t round = 0; round < std::min(k, sets.size()); ++round) {
        double best = -1;
        std::uint32_t arg = 0;
        for (std::uint32_t s = 0; s < sets.size(); ++s) {
            if (used[s]) continue;
            double g = 0;
            for (auto x : sets[s])
                if (!covered[x]) g += w[x];
            if (g > best) { best = g; arg = s; }
        }
        used[arg] = 1;
        for (auto x : sets[arg]) covered[x] = 1;
        r.picks.push_back(arg);
        r.gains.push_back(best);
        r.value += best;
    }
    return r;
}

double covered_weight(const std::vector<std::vector<std::uint32_t>>& sets, const std::vector<double>& w,
                      const std::vector<std::uint32_t>& chosen) {
    std::set<std::uint32_t> u;
    for (auto s : chosen) u.insert(sets[s].begin(), sets[s].end());
    double v = 0;
    for (auto x : u) v += w[x];
    return v;
}

// The best value over all k-subsets of {0..n-1}.
template <class F>
double best_subset(std::size_t n, std::size_t k, F value) {
    double best = 0;
    std::vector<std::uint32_t> pick;
    auto rec = [&](auto&& self, std::uint32_t from) -> void {
        if (pick.size() == k) { best = std::max(best, value(pick)); return; }
        for (std::uint32_t i = from; i < n; ++i) {
            pick.push_back(i);
            self(self, i + 1);
            pick.pop_back();
        }
    };
    rec(rec, 0);
    return best;
}

const double bound = 1.0 - 1.0 / std::exp(1.0);

} // namespace

TEST_CASE("lazy_greedy_max_coverage equals plain greedy and meets the (1-1/e) bound", "[suggest][event_plan]") {
    std::mt19937_64 rng(20260301);
    std::size_t lazy_evals = 0, plain_evals = 0;
    for (int trial = 0; trial < 400; ++trial) {
        const std::size_t n_sets = 1 + below(rng, 10), n_elems = 1 + below(rng, 14), k = below(rng, 6);
        std::vector<double> w(n_elems);
        for (auto& x : w) x = static_cast<double>(below(rng, 4));  // integer weights, ties common
        if (trial % 2) for (auto& x : w) x += static_cast<double>(below(rng, 1000)) / 997.0;
        std::vector<std::vector<std::uint32_t>> sets(n_sets);
        for (auto& s : sets)
            for (std::uint32_t e = 0; e < n_elems; ++e)
                if (below(rng, 3) == 0) s.push_back(e);
        const auto lazy = kith::lazy_greedy_max_coverage(sets, w, k);
        const auto plain = plain_greedy(sets, w, k);
        REQUIRE(lazy == plain);
        REQUIRE(lazy.picks.size() == std::min(k, n_sets));
        CHECK_THAT(lazy.value, WithinAbs(covered_weight(sets, w, lazy.picks), 1e-9));
        const double opt = best_subset(n_sets, std::min(k, n_sets),
                                       [&](const std::vector<std::uint32_t>& c) { return covered_weight(sets, w, c); });
        REQUIRE(lazy.value >= bound * opt - 1e-9);
        REQUIRE(lazy.value <= opt + 1e-9);
        lazy_evals += lazy.evaluations;
        plain_evals += n_sets * std::min(k, n_sets);
    }
    CHECK(lazy_evals > 0);
    CHECK(plain_evals > 0);
}

TEST_CASE("lazy_greedy_max_coverage: edge cases and errors", "[suggest][event_plan]") {
    CHECK(kith::lazy_greedy_max_coverage({}, {}, 5).picks.empty());
    CHECK(kith::lazy_greedy_max_coverage({{0}}, {1.0}, 0).picks.empty());
    const auto r = kith::lazy_greedy_max_coverage({{0}, {0}, {}}, {2.0}, 3);
    CHECK(r.picks == std::vector<std::uint32_t>{0, 1, 2});  // zero-gain picks by index
    CHECK(r.gains == std::vector<double>{2.0, 0.0, 0.0});
    REQUIRE_THROWS_AS(kith::lazy_greedy_max_coverage({{1}}, {1.0}, 1), kith::invalid_argument);
    REQUIRE_THROWS_AS(kith::lazy_greedy_max_coverage({{0}}, {-1.0}, 1), kith::invalid_argument);
    REQUIRE_THROWS_AS(kith::lazy_greedy_max_coverage({{0}}, {std::nan("")}, 1), kith::invalid_argument);
}

namespace {

// Maya's conference. f is her friend; a knows f and three people she cannot reach; b works at
// Acme like her; c has a private tie to f (hidden from Maya) and knows the goal g.
struct event_fixture {
    kith::network net;
    person_id me, f, a, b, c, x1, x2, x3, g, y;
    kith::event_id conf;
    kith::timestamp now = kith::make_timestamp(2026, 3, 1);

    event_fixture() {
        me = net.add_person({"me", "Maya", "Acme", "Account Executive", {"yoga", "sailing"}});
        f = net.add_person({"f", "Fay", "Acme", "", {}});
        a = net.add_person({"a", "Ann", "Orbit", "", {"Sailing", "chess"}});
        b = net.add_person({"b", "Bob", "Acme", "", {}});
        c = net.add_person({"c", "Cy", "Nova", "CTO", {}});
        x1 = net.add_person({"x1", "X1", "Orbit", "", {}});
        x2 = net.add_person({"x2", "X2", "Pine", "", {}});
        x3 = net.add_person({"x3", "X3", "", "", {}});
        g = net.add_person({"g", "Gus", "Zeta", "", {}});
        y = net.add_person({"y", "Yan", "", "", {}});
        const auto chess = net.add_group({"Chess club", {"chess"}});
        const auto sail = net.add_group({"Sailing", {"sailing"}});
        net.join(chess, a);
        net.join(chess, x1);
        net.join(sail, me);
        net.join(sail, c);
        net.set_warmth(me, f, 0.8);
        net.set_warmth(f, a, 0.5);
        for (auto x : {x1, x2, x3}) net.set_warmth(a, x, 0.3);
        net.set_warmth(c, f, 0.9);
        net.set_visibility(c, f, kith::visibility{c});
        net.set_warmth(c, g, 0.6);
        net.set_warmth(f, y, 0.4);
        conf = net.add_event({"SaaS Connect", std::nullopt});
        net.attend(conf, me, "T3");
        net.attend(conf, a, "T1");
        net.attend(conf, b, "T1");
        net.attend(conf, f, "T2");
        net.attend(conf, c, "T2");
    }
};

} // namespace

TEST_CASE("plan_event on a hand fixture: strangers only, reach, talking points", "[suggest][event_plan]") {
    event_fixture fx;
    const kith::snapshot s(fx.net, fx.now);
    kith::event_plan_options opt;
    const auto plan = kith::plan_event(s, fx.me, fx.conf, opt);
    CHECK(plan.attendees == 4);
    CHECK(plan.known == 1);
    CHECK(plan.strangers == 3);
    REQUIRE(plan.picks.size() == 3);
    // c opens c, g (2 people) and Nova, Zeta (2 x 2); a opens x1..x3 and Pine; b opens b.
    CHECK(plan.picks[0].who == fx.c);
    CHECK(plan.picks[0].gain == 6.0);
    CHECK(plan.picks[0].new_people == 2);
    CHECK(plan.picks[0].new_organizations == 2);
    CHECK(plan.picks[0].new_communities == 0);
    CHECK(plan.picks[0].talk.mutual_contacts.empty());  // c-f is c's private tie
    CHECK(plan.picks[0].talk.shared_groups == std::vector<std::string>{"Sailing"});
    CHECK(plan.picks[0].talk.question == "What does your work as CTO at Nova look like these days?");
    CHECK(plan.picks[1].who == fx.a);
    CHECK(plan.picks[1].gain == 5.0);
    CHECK(plan.picks[1].talk.mutual_contacts == std::vector<person_id>{fx.f});
    CHECK(plan.picks[1].talk.shared_interests == std::vector<std::string>{"sailing"});
    CHECK(plan.picks[1].talk.question == "What got you into sailing?");
    CHECK(plan.picks[1].name == "Ann");
    CHECK(plan.picks[2].who == fx.b);
    CHECK(plan.picks[2].gain == 1.0);
    CHECK(plan.picks[2].talk.question == "What are you working on at Acme these days?");
    CHECK(plan.value == 12.0);

    SECTION("a goal: meeting the goal's contact earns two hop credits") {
        opt.goals = {fx.g};
        const auto p = kith::plan_event(s, fx.me, fx.conf, opt);
        CHECK(p.picks[0].who == fx.c);
        CHECK(p.picks[0].goal_credits == 2);
        CHECK(p.picks[0].gain == 16.0);
    }
    SECTION("cards") {
        opt.cards = 1;
        CHECK(kith::plan_event(s, fx.me, fx.conf, opt).picks.size() == 1);
        opt.cards = 0;
        CHECK(kith::plan_event(s, fx.me, fx.conf, opt).picks.empty());
    }
    SECTION("the owner of the private tie sees the mutual contact; then c is known to nobody new") {
        opt.asker = fx.c;
        const auto p = kith::plan_event(s, fx.me, fx.conf, opt);
        REQUIRE(!p.picks.empty());
        for (const auto& pick : p.picks)
            if (pick.who == fx.c) CHECK(pick.talk.mutual_contacts == std::vector<person_id>{fx.f});
    }
    SECTION("excluded people are never picked, counted or shown") {
        opt.exclude = {fx.f, person_id(12345)};
        const auto p = kith::plan_event(s, fx.me, fx.conf, opt);
        CHECK(p.attendees == 3);
        CHECK(p.known == 0);
        for (const auto& pick : p.picks) {
            CHECK(pick.who != fx.f);
            CHECK(pick.talk.mutual_contacts.empty());
        }
    }
    SECTION("after record_meetings, the people met are known and never picked again") {
        kith::network net = fx.net;
        std::vector<person_id> met;
        for (const auto& pick : plan.picks) met.push_back(pick.who);
        CHECK(kith::record_meetings(net, fx.me, met, fx.now) == 3);
        const kith::snapshot after(net, fx.now);
        for (person_id p : met) {
            REQUIRE(after.warmth(after.vertex_of(fx.me), after.vertex_of(p)).has_value());
            CHECK_THAT(*after.warmth(after.vertex_of(fx.me), after.vertex_of(p)), WithinAbs(0.1893, 5e-4));
            CHECK(net.history(fx.me, p).size() == 1);
            CHECK(net.history(fx.me, p)[0].via == kith::channel::event);
        }
        const auto again = kith::plan_event(after, fx.me, fx.conf);
        CHECK(again.picks.empty());
        CHECK(again.known == 4);
    }
}

TEST_CASE("choose_table: most value in strangers, never the table of most contacts", "[suggest][event_plan]") {
    event_fixture fx;
    const kith::snapshot s(fx.net, fx.now);
    kith::event_plan_options opt;
    opt.goals = {fx.g};  // T2 (c) is now worth 16 alone, T1 (a, b) 6, but T2 holds my friend f
    auto t = kith::choose_table(s, fx.me, fx.conf, opt);
    REQUIRE(t);
    CHECK(t->table == "T1");
    CHECK(t->value == 6.0);
    CHECK(t->strangers == 2);
    CHECK(t->known == 0);
    CHECK(t->seated_strangers == std::vector<person_id>{fx.a, fx.b});

    SECTION("every table holds the most contacts: the rule yields") {
        kith::network net = fx.net;
        net.attend(fx.conf, fx.a, "T2");
        net.attend(fx.conf, fx.b, "T2");
        const auto only = kith::choose_table(kith::snapshot(net, fx.now), fx.me, fx.conf, opt);
        REQUIRE(only);
        CHECK(only->table == "T2");
        CHECK(only->known == 1);
        CHECK(only->strangers == 3);
    }
    SECTION("no contacts seated: the best value wins") {
        opt.exclude = {fx.f};
        const auto best = kith::choose_table(s, fx.me, fx.conf, opt);
        REQUIRE(best);
        CHECK(best->table == "T2");
        CHECK(best->value == 16.0);
    }
    SECTION("nobody has a table") {
        kith::network net;
        const auto me = net.add_person({"me", "Me", "", "", {}});
        const auto o = net.add_person({"o", "O", "", "", {}});
        const auto e = net.add_event({"E", std::nullopt});
        net.attend(e, me);
        net.attend(e, o);
        CHECK(!kith::choose_table(kith::snapshot(net, fx.now), me, e));
    }
}

namespace {

// Independent oracle of the coverage objective on a small network: hop distances by BFS on the
// ties visible to me without excluded people, then the definition in the header comment.
struct oracle {
    std::size_t n;
    std::vector<std::vector<int>> d;  // all-pairs hops, 99 = unreachable
    std::vector<int> org;             // -1 none
    std::vector<std::vector<int>> groups;
    std::size_t me;
    std::vector<std::size_t> goals;
    double wp = 1, wo = 2, wc = 2, wg = 5;

    double value(const std::vector<std::size_t>& met) const {
        auto reach_of = [&](std::size_t src, int r) {
            std::vector<std::size_t> out;
            for (std::size_t v = 0; v < n; ++v)
                if (d[src][v] <= r) out.push_back(v);
            return out;
        };
        std::set<std::size_t> before;
        for (auto v : reach_of(me, 2)) before.insert(v);
        std::set<int> orgs_before, groups_before;
        for (auto v : before) {
            if (org[v] >= 0) orgs_before.insert(org[v]);
            for (int h : groups[v]) groups_before.insert(h);
        }
        std::set<std::size_t> opened;
        for (auto c : met)
            for (auto v : reach_of(c, 1)) opened.insert(v);
        double val = 0;
        std::set<int> new_orgs, new_groups;
        for (auto v : opened) {
            if (!before.count(v)) val += wp;
            if (org[v] >= 0 && !orgs_before.count(org[v])) new_orgs.insert(org[v]);
            for (int h : groups[v])
                if (!groups_before.count(h)) new_groups.insert(h);
        }
        val += wo * static_cast<double>(new_orgs.size()) + wc * static_cast<double>(new_groups.size());
        for (auto t : goals) {
            const int d0 = std::min(d[me][t], 4);
            int best = d0;
            for (auto c : met) best = std::min(best, 1 + d[c][t]);
            for (int h = 1; h <= 3; ++h)
                if (h < d0 && h >= best) val += wg;
        }
        return val;
    }
};

} // namespace

TEST_CASE("plan_event on random small events: strangers only, (1-1/e) of brute force, equals plain greedy",
          "[suggest][event_plan]") {
    std::mt19937_64 rng(7);
    int checked = 0;
    for (int trial = 0; trial < 300; ++trial) {
        kith::network net;
        const std::size_t n = 5 + below(rng, 8);
        std::vector<person_id> ids;
        for (std::size_t i = 0; i < n; ++i) {
            const auto o = below(rng, 4);
            ids.push_back(net.add_person({"p" + std::to_string(i), "P" + std::to_string(i),
                                          o == 0 ? std::string() : "org" + std::to_string(o), "", {}}));
        }
        const std::size_t ng = below(rng, 4);
        for (std::size_t h = 0; h < ng; ++h) {
            const auto gid = net.add_group({"g" + std::to_string(h), {}});
            for (auto p : ids)
                if (below(rng, 4) == 0) net.join(gid, p);
        }
        const std::size_t me = 0;
        for (std::size_t u = 0; u < n; ++u)
            for (std::size_t v = u + 1; v < n; ++v)
                if (below(rng, 100) < 25) {
                    net.set_warmth(ids[u], ids[v], 0.1 + 0.1 * static_cast<double>(below(rng, 9)));
                    const auto r = below(rng, 6);
                    if (r == 0) net.set_visibility(ids[u], ids[v], kith::visibility{ids[u]});
                    if (r == 1) net.set_visibility(ids[u], ids[v], kith::visibility{ids[v]});
                }
        const auto conf = net.add_event({"E", std::nullopt});
        for (std::size_t i = 0; i < n; ++i)
            if (i == me || below(rng, 3) != 0) net.attend(conf, ids[i], "T" + std::to_string(below(rng, 3)));
        kith::event_plan_options opt;
        opt.cards = 1 + below(rng, 4);
        for (std::size_t i = 0; i < n; ++i) {
            if (below(rng, 6) == 0) opt.goals.push_back(ids[i]);
            if (i != me && below(rng, 10) == 0) opt.exclude.push_back(ids[i]);
        }
        const kith::snapshot s(net, kith::make_timestamp(2026, 1, 1));

        // The oracle's view: ties visible to me, without excluded people.
        std::set<std::size_t> excl;
        for (auto p : opt.exclude) excl.insert(p.value());
        oracle o{n, std::vector<std::vector<int>>(n, std::vector<int>(n, 99)), {}, {}, me, {}};
        for (std::size_t v = 0; v < n; ++v) {
            o.d[v][v] = 0;
            const auto org = s.organization_of(static_cast<std::uint32_t>(v));
            o.org.push_back(org ? static_cast<int>(*org) : -1);
            o.groups.emplace_back(s.groups_of(static_cast<std::uint32_t>(v)).begin(), s.groups_of(static_cast<std::uint32_t>(v)).end());
        }
        for (std::uint32_t v = 0; v < n; ++v)
            for (auto a = s.arc_begin(v); a != s.arc_end(v); ++a)
                if (s.arc_visible(a, static_cast<std::uint32_t>(me)) && !excl.count(v) && !excl.count(s.arc_target(a)))
                    o.d[v][s.arc_target(a)] = 1;
        for (std::size_t k = 0; k < n; ++k)
            for (std::size_t i = 0; i < n; ++i)
                for (std::size_t j = 0; j < n; ++j) o.d[i][j] = std::min(o.d[i][j], o.d[i][k] + o.d[k][j]);
        for (auto t : opt.goals)
            if (t.value() != me && !excl.count(t.value())) o.goals.push_back(t.value());
        std::sort(o.goals.begin(), o.goals.end());
        o.goals.erase(std::unique(o.goals.begin(), o.goals.end()), o.goals.end());

        std::vector<std::size_t> strangers;
        for (const auto& att : s.event_attendees(conf.value()))
            if (att.who != me && !excl.count(att.who) && o.d[me][att.who] != 1) strangers.push_back(att.who);

        const auto plan = kith::plan_event(s, ids[me], conf, opt);
        REQUIRE(plan.strangers == strangers.size());
        REQUIRE(plan.picks.size() == std::min(opt.cards, strangers.size()));
        std::vector<std::size_t> picked;
        for (const auto& p : plan.picks) {
            // Never someone I know, never me, never an excluded person.
            REQUIRE(std::find(strangers.begin(), strangers.end(), p.who.value()) != strangers.end());
            for (auto m : p.talk.mutual_contacts) {
                REQUIRE(o.d[me][m.value()] == 1);
                REQUIRE(o.d[p.who.value()][m.value()] == 1);
            }
            picked.push_back(p.who.value());
        }
        REQUIRE(plan.value == o.value(picked));
        // Plain greedy with the oracle (integer weights: exact), ties to the lower id.
        std::vector<std::size_t> greedy;
        for (std::size_t r = 0; r < plan.picks.size(); ++r) {
            double best = -1;
            std::size_t arg = 0;
            for (auto c : strangers) {
                if (std::find(greedy.begin(), greedy.end(), c) != greedy.end()) continue;
                auto with = greedy;
                with.push_back(c);
                const double gain = o.value(with) - o.value(greedy);
                if (gain > best) { best = gain; arg = c; }
            }
            greedy.push_back(arg);
        }
        REQUIRE(greedy == picked);
        const double opt_value = best_subset(strangers.size(), plan.picks.size(), [&](const std::vector<std::uint32_t>& c) {
            std::vector<std::size_t> who;
            for (auto i : c) who.push_back(strangers[i]);
            return o.value(who);
        });
        REQUIRE(plan.value >= bound * opt_value - 1e-9);

        // Table rule: never a table holding the most contacts unless all do; best value otherwise.
        const auto t = kith::choose_table(s, ids[me], conf, opt);
        std::map<std::string, std::pair<std::size_t, std::vector<std::size_t>>> tables;  // known, strangers
        for (const auto& att : s.event_attendees(conf.value())) {
            if (att.who == me || excl.count(att.who)) continue;
            auto& e = tables[att.table];
            if (o.d[me][att.who] == 1) ++e.first;
            else e.second.push_back(att.who);
        }
        if (tables.empty()) {
            CHECK(!t);
            continue;
        }
        REQUIRE(t);
        std::size_t most = 0;
        bool all = true;
        for (const auto& [name, e] : tables) most = std::max(most, e.first);
        for (const auto& [name, e] : tables) all = all && e.first == most;
        REQUIRE(tables.count(t->table));
        if (!all) REQUIRE(tables[t->table].first != most);
        REQUIRE(t->value == o.value(tables[t->table].second));
        for (const auto& [name, e] : tables)
            if (all || e.first != most) REQUIRE(o.value(e.second) <= t->value);
        ++checked;
    }
    CHECK(checked > 100);
}

TEST_CASE("plan_event: the generic tier on a Boost.Graph adjacency_list agrees", "[suggest][event_plan]") {
    event_fixture fx;
    const kith::snapshot s(fx.net, fx.now);
    using graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    graph g(s.num_people());
    for (std::uint32_t v = 0; v < s.num_people(); ++v)
        for (auto a = s.arc_begin(v); a != s.arc_end(v); ++a)
            if (v < s.arc_target(a) && !s.arc_is_private(a)) boost::add_edge(v, s.arc_target(a), g);
    std::vector<std::vector<std::uint32_t>> groups;
    std::vector<std::optional<std::uint32_t>> orgs;
    for (std::uint32_t v = 0; v < s.num_people(); ++v) {
        groups.push_back(s.groups_of(v));
        orgs.push_back(s.organization_of(v));
    }
    auto gm = boost::make_iterator_property_map(groups.begin(), boost::get(boost::vertex_index, g));
    auto om = boost::make_iterator_property_map(orgs.begin(), boost::get(boost::vertex_index, g));
    std::vector<std::size_t> attendees;
    std::vector<kith::basic_seat<std::size_t>> seats;
    for (const auto& a : s.event_attendees(fx.conf.value())) {
        attendees.push_back(a.who);
        seats.push_back({a.who, a.table});
    }
    kith::basic_event_plan_options<std::size_t> o;
    o.goals = {s.vertex_of(fx.g)};
    const auto generic = kith::plan_event(g, s.vertex_of(fx.me), attendees, gm, om, o);
    kith::event_plan_options so;
    so.goals = {fx.g};
    const auto snap = kith::plan_event(s, fx.me, fx.conf, so);
    REQUIRE(generic.picks.size() == snap.picks.size());
    CHECK(generic.value == snap.value);
    for (std::size_t i = 0; i < snap.picks.size(); ++i) {
        CHECK(generic.picks[i].who == snap.picks[i].who.value());
        CHECK(generic.picks[i].gain == snap.picks[i].gain);
    }
    const auto gt = kith::choose_table(g, s.vertex_of(fx.me), seats, gm, om, o);
    REQUIRE(gt);
    CHECK(gt->table == "T1");
    attendees.push_back(99);
    REQUIRE_THROWS_AS(kith::plan_event(g, s.vertex_of(fx.me), attendees, gm, om, o), kith::invalid_argument);
    attendees.pop_back();
    REQUIRE_THROWS_AS(kith::plan_event(g, 99, attendees, gm, om, o), kith::unknown_person);
    o.goals = {77};
    REQUIRE_THROWS_AS(kith::plan_event(g, s.vertex_of(fx.me), attendees, gm, om, o), kith::unknown_person);
}

TEST_CASE("plan_event, choose_table, record_meetings: errors", "[suggest][event_plan]") {
    event_fixture fx;
    const kith::snapshot s(fx.net, fx.now);
    kith::event_plan_options opt;
    REQUIRE_THROWS_AS(kith::plan_event(s, person_id(999), fx.conf), kith::unknown_person);
    REQUIRE_THROWS_AS(kith::choose_table(s, person_id(999), fx.conf), kith::unknown_person);
    REQUIRE_THROWS_AS(kith::plan_event(s, fx.me, kith::event_id(5)), kith::invalid_argument);
    REQUIRE_THROWS_AS(kith::choose_table(s, fx.me, kith::event_id(5)), kith::invalid_argument);
    try {
        kith::plan_event(s, fx.me, kith::event_id(5));
    } catch (const kith::error& e) {
        CHECK(std::string(e.what()) == "plan_event: unknown event id 5");
    }
    opt.asker = person_id(999);
    REQUIRE_THROWS_AS(kith::plan_event(s, fx.me, fx.conf, opt), kith::unknown_person);
    opt.asker.reset();
    opt.goals = {person_id(999)};
    REQUIRE_THROWS_AS(kith::plan_event(s, fx.me, fx.conf, opt), kith::unknown_person);
    for (double kith::event_plan_options::*w :
         {&kith::event_plan_options::person_weight, &kith::event_plan_options::organization_weight,
          &kith::event_plan_options::community_weight, &kith::event_plan_options::goal_weight}) {
        kith::event_plan_options bad;
        bad.*w = -0.5;
        REQUIRE_THROWS_AS(kith::plan_event(s, fx.me, fx.conf, bad), kith::invalid_argument);
        REQUIRE_THROWS_AS(kith::choose_table(s, fx.me, fx.conf, bad), kith::invalid_argument);
    }

    // record_meetings validates everything first: a failed call changes nothing.
    kith::network net = fx.net;
    const kith::network before = net;
    REQUIRE_THROWS_AS(kith::record_meetings(net, person_id(999), {fx.a}, fx.now), kith::unknown_person);
    REQUIRE_THROWS_AS(kith::record_meetings(net, fx.me, {fx.a, person_id(999)}, fx.now), kith::unknown_person);
    REQUIRE_THROWS_AS(kith::record_meetings(net, fx.me, {fx.a, fx.me}, fx.now), kith::invalid_tie);
    REQUIRE_THROWS_AS(kith::record_meetings(net, fx.me, {fx.a, fx.b, fx.a}, fx.now), kith::invalid_argument);
    kith::meeting_options mo;
    mo.warmth = 1.5;
    REQUIRE_THROWS_AS(kith::record_meetings(net, fx.me, {fx.a}, fx.now, mo), kith::invalid_tie);
    mo.warmth.reset();
    mo.via = static_cast<kith::channel>(17);
    REQUIRE_THROWS_AS(kith::record_meetings(net, fx.me, {fx.a}, fx.now, mo), kith::invalid_argument);
    CHECK(net == before);

    mo.via = kith::channel::meeting;
    mo.warmth = 0.3;
    CHECK(kith::record_meetings(net, fx.me, {fx.a, fx.b}, fx.now, mo) == 2);
    const kith::snapshot after(net, fx.now);
    CHECK_THAT(*after.warmth(after.vertex_of(fx.me), after.vertex_of(fx.a)), WithinAbs(0.3, 1e-3));
    CHECK(net.history(fx.me, fx.b).at(0).via == kith::channel::meeting);
    CHECK(kith::record_meetings(net, fx.me, {}, fx.now) == 0);
}
