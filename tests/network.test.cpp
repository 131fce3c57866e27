// Tests of kith::network: people, organisations, groups, events, ties, errors, strong guarantee.
#include "kith_catch.hpp"

#include <kith/network.hpp>

#include <cmath>
#include <limits>
#include <string>
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
