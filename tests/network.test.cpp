// Tests of kith::network: people, organisations, groups, events, ties, errors, strong guarantee.
#include "kith_catch.hpp"

#include <kith/network.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <random>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace {

kith::person make(std::string key, std::string name = "", std::string org = "") {
    kith::person p;
    p.key = std::move(key);
    p.name = std::move(name);
    p.organization = std::move(org);
    return p;
}

template <class F>
std::string message_of(F&& f) {
    try {
        f();
    } catch (const kith::error& e) {
        return e.what();
    }
    return "<no throw>";
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

const kith::timestamp t0 = kith::make_timestamp(2026, 1, 1);

} // namespace

TEST_CASE("network: people get stable ids that are never reused", "[network]") {
    kith::network net;
    const auto ann = net.add_person(make("ann", "Ann Lee", "Acme"));
    const auto bob = net.add_person(make("bob", "Bob Ray", "Acme"));
    const auto cy = net.add_person(make("cy", "Cy Po"));
    CHECK(ann.value() == 0);
    CHECK(bob.value() == 1);
    CHECK(net.person_count() == 3);
    CHECK(net.find("bob") == bob);
    CHECK(net.id_of("cy") == cy);
    CHECK_FALSE(net.find("dan").has_value());
    CHECK(net.at(ann).name == "Ann Lee");

    net.remove_person(bob);
    CHECK_FALSE(net.contains(bob));
    CHECK(net.contains(ann));
    CHECK(net.person_count() == 2);
    CHECK(net.id_bound() == 3);
    CHECK_FALSE(net.find("bob").has_value());

    // The key is free again, but the id is new.
    const auto bob2 = net.add_person(make("bob", "Bob Ray"));
    CHECK(bob2.value() == 3);
    std::vector<kith::person_id> live;
    for (kith::person_id p : net.people()) live.push_back(p);
    CHECK(live == std::vector<kith::person_id>{ann, cy, bob2});

    CHECK(contains(message_of([&] { (void)net.at(bob); }), "network::at: unknown person id 1 (removed)"));
    CHECK(contains(message_of([&] { (void)net.at(kith::person_id(99)); }), "unknown person id 99"));
    REQUIRE_THROWS_AS(net.remove_person(bob), kith::unknown_person);
    REQUIRE_THROWS_AS(net.id_of("nobody"), kith::unknown_person);
    CHECK(contains(message_of([&] { (void)net.id_of("nobody"); }), "'nobody'"));
}

TEST_CASE("network: keys must be non-empty and unique", "[network]") {
    kith::network net;
    net.add_person(make("k1"));
    CHECK(contains(message_of([&] { net.add_person(make("k1", "Other")); }), "network::add_person: key 'k1' is already used"));
    REQUIRE_THROWS_AS(net.add_person(make("")), kith::invalid_argument);
    REQUIRE_THROWS_AS(net.add_person(make("k1")), kith::invalid_argument);
    const auto k2 = net.add_person(make("k2"));
    REQUIRE_THROWS_AS(net.update_person(k2, make("k1")), kith::invalid_argument);
    REQUIRE_THROWS_AS(net.update_person(k2, make("")), kith::invalid_argument);
    REQUIRE_THROWS_AS(net.update_person(kith::person_id(9), make("k9")), kith::unknown_person);
    CHECK(net.person_count() == 2);
}

TEST_CASE("network: organisations follow people's employers", "[network]") {
    kith::network net;
    const auto a = net.add_person(make("a", "A", "Acme"));
    const auto b = net.add_person(make("b", "B", "Bolt"));
    const auto c = net.add_person(make("c", "C", "Acme"));
    const auto d = net.add_person(make("d", "D"));
    REQUIRE(net.organization_count() == 2);
    const auto acme = *net.find_organization("Acme");
    const auto bolt = *net.find_organization("Bolt");
    CHECK(net.at(acme).name == "Acme");
    CHECK(net.members(acme) == std::vector<kith::person_id>{a, c});
    CHECK(net.organization_of(b) == bolt);
    CHECK_FALSE(net.organization_of(d).has_value());

    net.update_person(a, make("a", "A", "Bolt"));  // moves
    CHECK(net.members(acme) == std::vector<kith::person_id>{c});
    CHECK(net.members(bolt) == std::vector<kith::person_id>{a, b});
    net.update_person(a, make("a2", "A"));  // leaves, renames key
    CHECK(net.members(bolt) == std::vector<kith::person_id>{b});
    CHECK(net.find("a2") == a);
    CHECK_FALSE(net.find("a").has_value());
    net.remove_person(c);
    CHECK(net.members(acme).empty());
    REQUIRE_THROWS_AS(net.members(kith::organization_id(7)), kith::invalid_argument);
    REQUIRE_THROWS_AS(net.at(kith::organization_id(7)), kith::invalid_argument);
}

TEST_CASE("network: groups and memberships", "[network]") {
    kith::network net;
    const auto a = net.add_person(make("a"));
    const auto b = net.add_person(make("b"));
    const auto rotary = net.add_group(kith::group{"Rotary", {"service", "community"}});
    const auto yoga = net.add_group(kith::group{"Sunset Yoga", {"yoga"}});
    CHECK(net.find_group("Rotary") == rotary);
    CHECK(net.at(yoga).themes == std::vector<std::string>{"yoga"});
    net.join(rotary, b, kith::make_timestamp(2023, 5, 1));
    net.join(rotary, a);
    net.join(yoga, a);
    net.join(rotary, a);  // again: no duplicate
    REQUIRE(net.members(rotary).size() == 2);
    CHECK(net.members(rotary)[0].who == a);
    CHECK(net.members(rotary)[1].since == kith::make_timestamp(2023, 5, 1));
    CHECK(net.groups_of(a) == std::vector<kith::group_id>{rotary, yoga});
    net.leave(yoga, a);
    CHECK(net.groups_of(a) == std::vector<kith::group_id>{rotary});
    net.set_themes(yoga, {"yoga", "wellness"});
    CHECK(net.at(yoga).themes.size() == 2);
    net.remove_person(a);
    CHECK(net.members(rotary).size() == 1);
    CHECK(contains(message_of([&] { net.add_group(kith::group{"Rotary", {}}); }), "group 'Rotary' already exists"));
    REQUIRE_THROWS_AS(net.add_group(kith::group{}), kith::invalid_argument);
    REQUIRE_THROWS_AS(net.join(kith::group_id(5), b), kith::invalid_argument);
    REQUIRE_THROWS_AS(net.join(rotary, a), kith::unknown_person);
    REQUIRE_THROWS_AS(net.leave(kith::group_id(5), b), kith::invalid_argument);
    REQUIRE_THROWS_AS(net.set_themes(kith::group_id(5), {}), kith::invalid_argument);
    REQUIRE_THROWS_AS(net.at(kith::group_id(5)), kith::invalid_argument);
}

TEST_CASE("network: events, attendance and tables", "[network]") {
    kith::network net;
    const auto a = net.add_person(make("a"));
    const auto b = net.add_person(make("b"));
    const auto conf = net.add_event(kith::event{"SaaS Connect", kith::make_timestamp(2026, 11, 10)});
    net.attend(conf, b, "T02");
    net.attend(conf, a, "T01");
    net.attend(conf, a, "T03");  // moves table
    REQUIRE(net.attendees(conf).size() == 2);
    CHECK(net.attendees(conf)[0] == kith::attendance{a, "T03"});
    CHECK(net.events_of(b) == std::vector<kith::event_id>{conf});
    CHECK(net.find_event("SaaS Connect") == conf);
    CHECK(net.at(conf).when == kith::make_timestamp(2026, 11, 10));
    net.remove_person(b);
    CHECK(net.attendees(conf).size() == 1);
    REQUIRE_THROWS_AS(net.add_event(kith::event{"SaaS Connect", {}}), kith::invalid_argument);
    REQUIRE_THROWS_AS(net.add_event(kith::event{}), kith::invalid_argument);
    REQUIRE_THROWS_AS(net.attend(kith::event_id(3), a), kith::invalid_argument);
    REQUIRE_THROWS_AS(net.at(kith::event_id(3)), kith::invalid_argument);
    REQUIRE_THROWS_AS(net.attendees(kith::event_id(3)), kith::invalid_argument);
}

TEST_CASE("network: interactions build ties with evidence", "[network]") {
    kith::network net;
    const auto a = net.add_person(make("a"));
    const auto b = net.add_person(make("b"));
    const auto c = net.add_person(make("c"));
    net.record({b, a, t0 + kith::days(10), kith::channel::call, b, 2});
    net.record({a, b, t0, kith::channel::meeting, a, 2});  // out of order: kept sorted
    net.record({a, c, t0, kith::channel::email, std::nullopt, 30});
    CHECK(net.tie_count() == 2);
    CHECK(net.interaction_count() == 3);
    CHECK(net.has_tie(b, a));
    CHECK_FALSE(net.has_tie(b, c));
    const auto& h = net.history(a, b);
    REQUIRE(h.size() == 2);
    CHECK(h[0].when == t0);
    CHECK(h[0].initiator == kith::initiated_by::low);
    CHECK(h[1].initiator == kith::initiated_by::high);
    CHECK(net.history(b, c).empty());
    CHECK(net.contacts(a) == std::vector<kith::person_id>{b, c});

    const auto tie = net.tie_between(a, b, t0 + kith::days(20));
    REQUIRE(tie);
    CHECK(tie->a == a);
    CHECK(tie->b == b);
    CHECK(tie->warmth > 0.0);
    CHECK(tie->warmth <= 1.0);
    CHECK(tie->evidence.interactions() == 2);
    CHECK(tie->evidence.reciprocal());
    CHECK(tie->evidence.last_channel == kith::channel::call);
    CHECK_FALSE(net.tie_between(a, b, t0 - kith::days(1)).has_value());  // before the first contact
    CHECK_FALSE(net.tie_between(b, c, t0).has_value());
    // The group email counts far less than the 1:1 contact.
    CHECK(net.tie_between(a, c, t0 + kith::days(20))->warmth < tie->warmth / 5);
}

TEST_CASE("network: manual warmth overrides the model", "[network]") {
    kith::network net;
    const auto a = net.add_person(make("a"));
    const auto b = net.add_person(make("b"));
    net.record({a, b, t0, kith::channel::email, a, 2});
    net.set_warmth(b, a, 0.9);
    auto tie = net.tie_between(a, b, t0 + kith::days(300));
    REQUIRE(tie);
    CHECK(tie->warmth == 0.9);
    CHECK(tie->manual_warmth == 0.9);
    CHECK(tie->evidence.manual);
    net.clear_warmth(a, b);
    CHECK(net.tie_between(a, b, t0 + kith::days(300))->warmth < 0.1);
    // A tie with only a manual warmth disappears when it is cleared.
    const auto c = net.add_person(make("c"));
    net.set_warmth(a, c, 0.5);
    CHECK(net.has_tie(a, c));
    net.clear_warmth(c, a);
    CHECK_FALSE(net.has_tie(a, c));
    CHECK(net.tie_count() == 1);
    net.clear_warmth(b, c);  // no tie: no effect
}

TEST_CASE("network: invalid ties and interactions throw and change nothing", "[network]") {
    kith::network net;
    const auto a = net.add_person(make("a"));
    const auto b = net.add_person(make("b"));
    net.set_warmth(a, b, 0.5);
    const kith::network before = net;

    for (double w : {0.0, -0.1, 1.0000001, 2.0, std::nan(""), std::numeric_limits<double>::infinity()}) {
        REQUIRE_THROWS_AS(net.set_warmth(a, b, w), kith::invalid_tie);
    }
    CHECK(contains(message_of([&] { net.set_warmth(a, b, 1.5); }), "network::set_warmth: warmth 1.5"));
    CHECK(contains(message_of([&] { net.set_warmth(a, a, 0.5); }), "self-tie of person 0"));
    REQUIRE_THROWS_AS(net.set_warmth(a, kith::person_id(9), 0.5), kith::unknown_person);
    REQUIRE_THROWS_AS(net.record({a, a, t0}), kith::invalid_tie);
    REQUIRE_THROWS_AS(net.record({a, kith::person_id(9), t0}), kith::unknown_person);
    CHECK(contains(message_of([&] { net.record({a, b, t0, kith::channel::call, std::nullopt, 1}); }), "participants 1"));
    REQUIRE_THROWS_AS(net.record({a, b, t0, static_cast<kith::channel>(17)}), kith::invalid_argument);
    const auto c = net.add_person(make("c"));
    CHECK(contains(message_of([&] { net.record({a, b, t0, kith::channel::call, c, 2}); }), "initiator 2 is neither 0 nor 1"));
    net.remove_person(c);
    REQUIRE_THROWS_AS(net.set_visibility(a, c, {}), kith::unknown_person);
    CHECK(net.person_count() == before.person_count());
    CHECK(net.tie_count() == before.tie_count());
    CHECK(net.tie_between(a, b, t0)->warmth == 0.5);
}

TEST_CASE("network: visibility of ties", "[network]") {
    kith::network net;
    const auto a = net.add_person(make("a"));
    const auto b = net.add_person(make("b"));
    const auto c = net.add_person(make("c"));
    net.set_warmth(a, b, 0.8);
    net.set_visibility(b, a, kith::visibility{a});
    CHECK(net.tie_between(a, b, t0)->visibility.private_to == a);
    REQUIRE_THROWS_AS(net.set_visibility(a, c, kith::visibility{a}), kith::invalid_tie);
    REQUIRE_THROWS_AS(net.set_visibility(a, b, kith::visibility{kith::person_id(42)}), kith::unknown_person);
    net.set_visibility(a, b, {});
    CHECK(net.tie_between(a, b, t0)->visibility.is_public());
}

TEST_CASE("network: removing a person removes their ties", "[network]") {
    kith::network net;
    std::vector<kith::person_id> p;
    for (int i = 0; i < 5; ++i) p.push_back(net.add_person(make("p" + std::to_string(i))));
    for (int i = 0; i < 5; ++i)
        for (int j = i + 1; j < 5; ++j) net.set_warmth(p[i], p[j], 0.1 * (i + j + 1) / 1.0 > 1 ? 1.0 : 0.1 * (i + j + 1));
    net.record({p[2], p[3], t0, kith::channel::call});
    CHECK(net.tie_count() == 10);
    net.remove_person(p[2]);
    CHECK(net.tie_count() == 6);
    CHECK(net.interaction_count() == 0);
    CHECK_FALSE(net.has_tie(p[2], p[3]));
    CHECK(net.contacts(p[0]) == std::vector<kith::person_id>{p[1], p[3], p[4]});
    std::size_t seen = 0;
    for (const kith::tie_record& r : net.ties()) {
        CHECK(r.a != p[2]);
        CHECK(r.b != p[2]);
        CHECK(r.a < r.b);
        ++seen;
    }
    CHECK(seen == 6);
    REQUIRE_THROWS_AS(net.contacts(p[2]), kith::unknown_person);
    REQUIRE_THROWS_AS(net.tie_between(p[2], p[3], t0), kith::unknown_person);
}

TEST_CASE("network: a strength model returning nonsense is rejected", "[network]") {
    kith::network net;
    const auto a = net.add_person(make("a"));
    const auto b = net.add_person(make("b"));
    net.record({a, b, t0});
    const kith::strength_function bad = [](const std::vector<kith::tie_event>&, kith::timestamp) { return 1.5; };
    CHECK(contains(message_of([&] { (void)net.tie_between(a, b, t0, bad); }), "returned 1.5"));
    const kith::strength_function custom = [](const std::vector<kith::tie_event>& h, kith::timestamp) {
        return h.empty() ? 0.0 : 0.25;
    };
    CHECK(net.tie_between(a, b, t0, custom)->warmth == 0.25);
}

TEST_CASE("network: swap and equality", "[network]") {
    kith::network x, y;
    x.add_person(make("a"));
    const kith::network x0 = x;
    CHECK(x == x0);
    CHECK(x != y);
    swap(x, y);
    CHECK(y == x0);
    CHECK(x.person_count() == 0);
    y.add_person(make("b"));
    CHECK(y != x0);
}

// ------------------------------------------------------------------ the tie index and add_bulk

namespace {

/// Every observable of the tie index and the people index, checked against `oracle`
/// (pair -> warmth of the live ties): has_tie, find_tie_record, contacts, tie_count, find(key).
void check_index(const kith::network& net, const std::map<std::pair<std::uint32_t, std::uint32_t>, double>& oracle) {
    CHECK(net.tie_count() == oracle.size());
    const auto bound = static_cast<std::uint32_t>(net.id_bound());
    std::vector<std::vector<kith::person_id>> contacts(bound);
    for (const auto& [pr, w] : oracle) {
        contacts[pr.first].push_back(kith::person_id(pr.second));
        contacts[pr.second].push_back(kith::person_id(pr.first));
    }
    for (std::uint32_t a = 0; a < bound; ++a) {
        const kith::person_id pa(a);
        if (!net.contains(pa)) continue;
        CHECK(net.find(net.at(pa).key) == pa);
        auto& c = contacts[a];
        std::sort(c.begin(), c.end());
        CHECK(net.contacts(pa) == c);
        for (std::uint32_t b = 0; b <= bound; ++b) {  // b == bound: never a person
            const auto it = oracle.find({std::min(a, b), std::max(a, b)});
            const kith::tie_record* r = net.find_tie_record(pa, kith::person_id(b));
            CHECK(net.has_tie(pa, kith::person_id(b)) == (it != oracle.end()));
            CHECK((r != nullptr) == (it != oracle.end()));
            if (r && it != oracle.end()) {
                CHECK(r->a.value() == std::min(a, b));
                CHECK(r->b.value() == std::max(a, b));
                CHECK(r->manual_warmth == it->second);
            }
        }
    }
}

} // namespace

TEST_CASE("network: the tie index agrees with an oracle under random set / clear / remove", "[network][bulk]") {
    // Many erasures in a small table exercise the backward-shift deletion of the open-addressing index.
    std::mt19937_64 rng(7);
    for (int round = 0; round < 30; ++round) {
        kith::network net;
        std::map<std::pair<std::uint32_t, std::uint32_t>, double> oracle;
        const std::uint32_t n = 5 + static_cast<std::uint32_t>(rng() % 40);
        for (std::uint32_t i = 0; i < n; ++i) net.add_person(make("p" + std::to_string(i)));
        const int ops = 50 + static_cast<int>(rng() % 400);
        for (int k = 0; k < ops; ++k) {
            const kith::person_id a(static_cast<std::uint32_t>(rng() % n)), b(static_cast<std::uint32_t>(rng() % n));
            if (a == b || !net.contains(a) || !net.contains(b)) continue;
            const auto key = std::make_pair(std::min(a.value(), b.value()), std::max(a.value(), b.value()));
            const unsigned what = static_cast<unsigned>(rng() % 20);
            if (what < 12) {
                const double w = static_cast<double>(1 + rng() % 100) / 100.0;
                net.set_warmth(a, b, w);
                oracle[key] = w;
            } else if (what < 19) {
                net.clear_warmth(a, b);
                oracle.erase(key);
            } else {
                net.remove_person(a);
                for (auto it = oracle.begin(); it != oracle.end();)
                    it = it->first.first == a.value() || it->first.second == a.value() ? oracle.erase(it) : std::next(it);
            }
        }
        check_index(net, oracle);
        const kith::network copy = net;  // the copy's index works too
        check_index(copy, oracle);
    }
}

TEST_CASE("network: add_bulk equals add_person + set_warmth one by one", "[network][bulk]") {
    std::mt19937_64 rng(2024);
    for (int round = 0; round < 60; ++round) {
        // A starting network with tombstones, organisations, interactions and visibility.
        kith::network start;
        const std::uint32_t n0 = static_cast<std::uint32_t>(rng() % 12);
        const char* orgs[] = {"", "", "Acme", "Beta"};
        for (std::uint32_t i = 0; i < n0; ++i) start.add_person(make("old" + std::to_string(i), "", orgs[rng() % 4]));
        for (std::uint32_t k = 0; n0 > 1 && k < 2 * n0; ++k) {
            const kith::person_id a(static_cast<std::uint32_t>(rng() % n0)), b(static_cast<std::uint32_t>(rng() % n0));
            if (a == b) continue;
            if (rng() & 1) start.record({a, b, t0 + kith::days(static_cast<int>(k)), kith::channel::call, a, 2});
            else start.set_warmth(a, b, 0.25);
            if (rng() % 4 == 0) start.set_visibility(a, b, kith::visibility{a});
        }
        if (n0 > 2 && (rng() & 1)) start.remove_person(kith::person_id(static_cast<std::uint32_t>(rng() % n0)));

        // New people (some with organisations, old and new) and sorted distinct pairs over everyone.
        std::vector<kith::person> people;
        const std::uint32_t np = static_cast<std::uint32_t>(rng() % 10);
        const char* new_orgs[] = {"", "Acme", "Gamma", "Gamma"};
        for (std::uint32_t i = 0; i < np; ++i) people.push_back(make("new" + std::to_string(i), "N", new_orgs[rng() % 4]));
        const std::uint32_t bound = n0 + np;
        std::map<std::pair<std::uint32_t, std::uint32_t>, double> pairs;
        const int want = bound > 1 ? static_cast<int>(rng() % (3 * bound)) : 0;
        for (int k = 0; k < want; ++k) {
            const std::uint32_t a = static_cast<std::uint32_t>(rng() % bound), b = static_cast<std::uint32_t>(rng() % bound);
            if (a == b) continue;
            if (!start.contains(kith::person_id(a)) && a < n0) continue;
            if (!start.contains(kith::person_id(b)) && b < n0) continue;
            pairs[{std::min(a, b), std::max(a, b)}] = static_cast<double>(1 + rng() % 100) / 100.0;
        }
        std::vector<kith::bulk_tie> ties;
        for (const auto& [pr, w] : pairs) {
            if (rng() & 1) ties.push_back({kith::person_id(pr.first), kith::person_id(pr.second), w});
            else ties.push_back({kith::person_id(pr.second), kith::person_id(pr.first), w});  // either order
        }

        kith::network one = start, bulk = start;
        for (const kith::person& p : people) one.add_person(p);
        for (const kith::bulk_tie& t : ties) one.set_warmth(t.a, t.b, t.warmth);
        const kith::person_id first = bulk.add_bulk(people, ties);
        CHECK(first.value() == start.id_bound());
        CHECK(bulk == one);
        CHECK(bulk.tie_count() == one.tie_count());
        CHECK(bulk.interaction_count() == one.interaction_count());
        CHECK(bulk.organization_count() == one.organization_count());
        for (std::uint32_t o = 0; o < one.organization_count(); ++o) {
            CHECK(bulk.at(kith::organization_id(o)).name == one.at(kith::organization_id(o)).name);
            CHECK(bulk.members(kith::organization_id(o)) == one.members(kith::organization_id(o)));
            CHECK(bulk.find_organization(one.at(kith::organization_id(o)).name) == kith::organization_id(o));
        }
        // Old ids keep their people; the index answers like the one-by-one network's.
        for (std::uint32_t i = 0; i < n0; ++i)
            if (start.contains(kith::person_id(i))) CHECK(bulk.at(kith::person_id(i)) == start.at(kith::person_id(i)));
        for (const kith::tie_record& r : one.ties()) {
            const kith::tie_record* q = bulk.find_tie_record(r.b, r.a);
            REQUIRE(q != nullptr);
            CHECK(q->manual_warmth == r.manual_warmth);
            CHECK(q->events == r.events);
            CHECK(q->visibility == r.visibility);
        }
        for (std::uint32_t a = 0; a <= bound; ++a)
            for (std::uint32_t b = 0; b <= bound; ++b)
                CHECK(bulk.has_tie(kith::person_id(a), kith::person_id(b)) == one.has_tie(kith::person_id(a), kith::person_id(b)));
        for (const kith::person_id p : bulk.people()) CHECK(bulk.contacts(p) == one.contacts(p));
        // Later one-by-one changes work on the bulk-built network too.
        if (bulk.tie_count() > 0) {
            const kith::tie_record r = *bulk.ties().begin();
            bulk.clear_warmth(r.a, r.b);
            one.clear_warmth(r.a, r.b);
            CHECK(bulk == one);
            CHECK(bulk.has_tie(r.a, r.b) == one.has_tie(r.a, r.b));
        }
    }
}

TEST_CASE("network: add_bulk gives ids in order, equal to one-by-one on an empty network", "[network][bulk]") {
    kith::network net;
    std::vector<kith::person> people;
    for (int i = 0; i < 5; ++i) people.push_back(make("k" + std::to_string(i)));
    const kith::person_id p0(0), p1(1), p2(2), p3(3), p4(4);
    const std::vector<kith::bulk_tie> ties{{p0, p1, 0.5}, {p3, p0, 0.25}, {p1, p2, 1.0}, {p4, p1, 0.125}, {p2, p4, 0.75}};
    CHECK(net.add_bulk(people, ties) == p0);
    CHECK(net.person_count() == 5);
    CHECK(net.id_of("k3") == p3);
    CHECK(net.tie_count() == 5);
    CHECK(net.tie_between(p0, p3, t0)->warmth == 0.25);
    CHECK(net.contacts(p1) == std::vector<kith::person_id>{p0, p2, p4});
    // A second call: new ids follow, existing ties get the new warmth in place.
    net.remove_person(p4);
    const kith::person_id p6(6);
    CHECK(net.add_bulk({make("k5"), make("k6")}, {{p0, p1, 0.9}, {p6, p0, 0.3}}) == kith::person_id(5));
    CHECK(net.id_of("k6") == p6);
    CHECK(net.tie_between(p0, p1, t0)->warmth == 0.9);
    CHECK(net.tie_count() == 4);
    CHECK(net.add_bulk({}, {}) == kith::person_id(7));  // nothing to do
    CHECK(net.person_count() == 6);
}

TEST_CASE("network: add_bulk errors throw like the one-by-one calls and change nothing", "[network][bulk]") {
    kith::network net;
    const auto a = net.add_person(make("a", "", "Acme"));
    const auto b = net.add_person(make("b"));
    const auto gone = net.add_person(make("gone"));
    net.set_warmth(a, b, 0.5);
    net.record({a, b, t0, kith::channel::call, a, 2});
    net.remove_person(gone);
    const kith::network before = net;
    const kith::person_id n0(3), n1(4);  // the ids the new people would get
    auto unchanged = [&] {
        CHECK(net == before);
        CHECK(net.person_count() == 2);
        CHECK(net.tie_count() == 1);
        CHECK_FALSE(net.find("new").has_value());
        CHECK_FALSE(net.find("new2").has_value());
        CHECK_FALSE(net.find_organization("NewCo").has_value());
        CHECK(net.members(*net.find_organization("Acme")) == std::vector<kith::person_id>{a});
        CHECK(net.contacts(a) == std::vector<kith::person_id>{b});
        CHECK_FALSE(net.has_tie(a, n0));
        CHECK(net.tie_between(a, b, t0)->warmth == 0.5);
        // The network still works: a later add_person gets the next id.
        kith::network after = net;
        CHECK(after.add_person(make("probe")) == n0);
    };
    const std::vector<kith::person> two{make("new", "", "NewCo"), make("new2", "", "Acme")};
    auto fails = [&](std::vector<kith::person> people, std::vector<kith::bulk_tie> ties, const std::string& part) {
        const std::string m = message_of([&] { net.add_bulk(people, ties); });
        INFO(m);
        CHECK(contains(m, "network::add_bulk"));
        CHECK(contains(m, part));
        unchanged();
    };
    // People: the add_person errors, also for a key repeated inside the batch.
    REQUIRE_THROWS_AS(net.add_bulk({make("new"), make("")}, {}), kith::invalid_argument);
    fails({make("new", "", "NewCo"), make("", "Nobody")}, {}, "the key of person #1 'Nobody' is empty");
    fails({make("new", "", "NewCo"), make("b")}, {}, "key 'b' of person #1 is already used by person 1");
    fails({make("new", "", "NewCo"), make("new2", "", "Acme"), make("new")}, {{a, n0, 0.5}}, "key 'new' of person #2 is already used by person 3");
    // Ties: each set_warmth error, naming the tie.
    REQUIRE_THROWS_AS(net.add_bulk(two, {{a, kith::person_id(9), 0.5}}), kith::unknown_person);
    fails(two, {{a, n0, 0.5}, {n0, kith::person_id(9), 0.5}}, "unknown person id 9 (tie #1");
    REQUIRE_THROWS_AS(net.add_bulk(two, {{a, gone, 0.5}}), kith::unknown_person);
    fails(two, {{a, gone, 0.5}}, "unknown person id 2 (removed)");
    REQUIRE_THROWS_AS(net.add_bulk(two, {{n1, n1, 0.5}}), kith::invalid_tie);
    fails(two, {{a, n0, 0.5}, {n1, n1, 0.5}}, "self-tie of person 4");
    for (double w : {0.0, -0.1, 1.0000001, std::nan(""), std::numeric_limits<double>::infinity()}) {
        REQUIRE_THROWS_AS(net.add_bulk(two, {{a, n0, w}}), kith::invalid_tie);
        unchanged();
    }
    fails(two, {{a, n0, 0.5}, {b, n1, 1.5}}, "warmth 1.5");
    // Order: not sorted, or a pair twice (also written the other way round).
    REQUIRE_THROWS_AS(net.add_bulk(two, {{b, n0, 0.5}, {a, n0, 0.5}}), kith::invalid_argument);
    fails(two, {{b, n0, 0.5}, {a, n0, 0.5}}, "not sorted");
    fails(two, {{a, n0, 0.5}, {n0, a, 0.6}}, "a pair repeats");
    fails({}, {{a, b, 0.7}, {b, a, 0.7}}, "(tie #1, 1-0)");
    // The first failing item wins, people before ties (as one-by-one calls would fail).
    fails({make("new"), make("")}, {{a, kith::person_id(9), 0.5}}, "is empty");
}

TEST_CASE("network: add_bulk reports progress; a throwing callback cancels and changes nothing", "[network][bulk]") {
    kith::network net;
    const auto x = net.add_person(make("x"));
    const auto y = net.add_person(make("y"));
    net.set_warmth(x, y, 0.5);
    const kith::network before = net;
    // 1500 new people (ids 2..1501) and all 1,053,426 pairs among ids 0..1451; the pair x-y
    // exists and gets the new warmth.
    std::vector<kith::person> people;
    for (int i = 0; i < 1500; ++i) people.push_back(make("n" + std::to_string(i), "", i % 7 == 0 ? "Org" : ""));
    std::vector<kith::bulk_tie> ties;
    for (std::uint32_t i = 0; i < 1452; ++i)
        for (std::uint32_t j = i + 1; j < 1452; ++j) ties.push_back({kith::person_id(i), kith::person_id(j), 0.75});
    REQUIRE(ties.size() + people.size() > (std::size_t{1} << 20));
    std::vector<std::pair<std::size_t, std::size_t>> calls;
    {
        kith::network copy = net;
        copy.add_bulk(people, ties, [&](std::size_t d, std::size_t t) { calls.emplace_back(d, t); });
        const std::size_t total = people.size() + ties.size();
        REQUIRE(calls.size() == total / (std::size_t{1} << 20));
        CHECK(calls.front() == std::make_pair(std::size_t{1} << 20, total));
        CHECK(copy.tie_count() == ties.size());
        CHECK(copy.tie_between(x, y, t0)->warmth == 0.75);
        CHECK(copy.contacts(kith::person_id(1451)).size() == 1451);
    }
    int seen = 0;
    CHECK_THROWS_AS(net.add_bulk(people, ties, [&](std::size_t, std::size_t) {
        ++seen;
        throw std::runtime_error("cancel");
    }), std::runtime_error);
    CHECK(seen == 1);
    CHECK(net == before);
    CHECK(net.tie_count() == 1);
    CHECK_FALSE(net.has_tie(kith::person_id(2), kith::person_id(3)));
    CHECK_FALSE(net.find("n0").has_value());
    CHECK_FALSE(net.find_organization("Org").has_value());
    CHECK(net.contacts(x) == std::vector<kith::person_id>{y});
    CHECK(net.add_person(make("n0")) == kith::person_id(2));
}

TEST_CASE("network: add_bulk into an empty network (which adopts the people vector) also rolls back", "[network][bulk]") {
    const kith::network empty;
    std::vector<kith::person> people{make("a", "", "Acme"), make("b"), make("c", "", "Beta")};
    for (int failure = 0; failure < 3; ++failure) {
        kith::network net;
        std::vector<kith::person> ps = people;
        std::vector<kith::bulk_tie> ties{{kith::person_id(0), kith::person_id(1), 0.5}, {kith::person_id(1), kith::person_id(2), 0.5}};
        if (failure == 0) ps.push_back(make("a"));                      // a key twice
        if (failure == 1) ties.push_back({kith::person_id(2), kith::person_id(7), 0.5});  // unknown person
        if (failure == 2) ties.push_back({kith::person_id(0), kith::person_id(2), 0.5});  // not sorted
        CHECK_THROWS_AS(net.add_bulk(ps, ties), kith::error);
        CHECK(net == empty);
        CHECK(net.person_count() == 0);
        CHECK(net.organization_count() == 0);
        CHECK_FALSE(net.find("a").has_value());
        CHECK_FALSE(net.has_tie(kith::person_id(0), kith::person_id(1)));
        CHECK(net.add_person(make("z")) == kith::person_id(0));
    }
    kith::network net;
    CHECK(net.add_bulk(people, {{kith::person_id(0), kith::person_id(1), 0.5}}) == kith::person_id(0));
    CHECK(net.id_of("c") == kith::person_id(2));
    CHECK(net.at(kith::person_id(2)) == people[2]);
    CHECK(net.members(*net.find_organization("Beta")) == std::vector<kith::person_id>{kith::person_id(2)});
}
