// tests/paths/explain.test.cpp -- kith/paths/explain.hpp: evidence per hop, the suggested ask,
// and privacy (private ties and avoided people are never used, counted or revealed).
#include "kith_catch.hpp"

#include <kith/paths/explain.hpp>

using namespace kith;

namespace {

struct story {
    network net;
    person_id me, dana, priya, sam, spy;
    timestamp now = make_timestamp(2026, 3, 13);
    story() {
        me = net.add_person({"me", "Alex Kim", "Acme"});
        dana = net.add_person({"dana", "Dana Lee", "Acme"});
        priya = net.add_person({"priya", "Priya Raman", "Globex"});
        sam = net.add_person({"sam", "Sam Ortiz", "Initech"});
        spy = net.add_person({"spy", "Secret Friend", ""});
        const group_id team = net.add_group({"Intramural Volleyball", {"sports"}});
        net.join(team, me);
        net.join(team, dana);
        // me and dana: met 12 days before `now`, both started contact.
        net.record({me, dana, make_timestamp(2026, 2, 1), channel::call, me});
        net.record({me, dana, make_timestamp(2026, 3, 1), channel::meeting, dana});
        net.record({dana, priya, make_timestamp(2026, 2, 20), channel::email, dana});
        net.set_warmth(dana, priya, 0.8);
        net.set_warmth(me, dana, 0.9);
        net.set_warmth(priya, sam, 0.7);
        // Mutual contacts of dana and priya: sam (public), spy (private to me).
        net.set_warmth(dana, sam, 0.6);
        net.set_warmth(dana, spy, 0.6);
        net.set_warmth(priya, spy, 0.6);
        net.set_visibility(dana, spy, visibility{me});
    }
};

} // namespace

TEST_CASE("explain: evidence per hop and the suggested ask", "[paths]") {
    story st;
    const snapshot s(st.net, st.now);
    path_options o;
    o.asker = st.me;
    auto path = find_warm_path(s, st.me, st.priya, o);
    REQUIRE(path);
    REQUIRE(path->people == std::vector<person_id>{st.me, st.dana, st.priya});
    const path_explanation e = explain_path(s, *path, o);
    REQUIRE(e.hops.size() == 2);
    const hop_explanation& h0 = e.hops[0];
    CHECK(h0.from == st.me);
    CHECK(h0.to == st.dana);
    CHECK_THAT(h0.warmth, WithinRel(0.9, 1e-3));
    CHECK(h0.tier == tier::strong);
    CHECK(h0.last_interaction == make_timestamp(2026, 3, 1));
    CHECK(h0.last_channel == channel::meeting);
    CHECK(h0.days_since_last == 12);
    CHECK(h0.interactions == 2);
    CHECK(h0.reciprocal);
    CHECK(h0.manual);
    CHECK(h0.shared_groups == std::vector<std::string>{"Intramural Volleyball"});
    CHECK(h0.shared_organization == std::string("Acme"));
    CHECK(h0.mutual_contacts == 0);
    const hop_explanation& h1 = e.hops[1];
    CHECK(h1.last_channel == channel::email);
    CHECK_FALSE(h1.reciprocal);
    CHECK(h1.shared_groups.empty());
    CHECK_FALSE(h1.shared_organization);
    // The asker owns the dana-spy tie: sam and spy are both mutual contacts of dana and priya.
    CHECK(h1.mutual_contacts == 2);
    CHECK(e.suggested_ask ==
          "Ask Dana Lee (you are both in Intramural Volleyball, last met 12 days ago) to introduce you to Priya Raman");
    CHECK(e.warmth == path->warmth);
    CHECK(e.log_warmth == path->log_warmth);
    CHECK(e == explain_path(s, *path, o));

    // Longer path and a direct one.
    auto longer = find_warm_path(s, st.me, st.sam, o);
    REQUIRE(longer);
    CHECK(explain_path(s, warm_path{{st.me, st.dana, st.priya, st.sam}, {}, 0, 0, 1}, o).suggested_ask ==
          "Ask Dana Lee (you are both in Intramural Volleyball, last met 12 days ago) to introduce you to Priya "
          "Raman, on the way to Sam Ortiz");
    CHECK(explain_path(s, warm_path{{st.dana, st.priya}, {}, 0, 0, 1}).suggested_ask ==
          "Reach out to Priya Raman directly (a strong tie, last emailed 21 days ago)");
    CHECK(explain_path(s, warm_path{{st.me}, {}, 0, 0, 1}).suggested_ask == "You are Alex Kim");
    CHECK(explain_path(s, warm_path{{st.me}, {}, 0, 0, 1}).hops.empty());
}

TEST_CASE("explain: private ties and avoided people are never used or revealed", "[paths]") {
    story st;
    const snapshot s(st.net, st.now);
    const warm_path p{{st.me, st.dana, st.priya}, {}, 0, 0, 1};
    // Anonymous and other askers do not see the private dana-spy tie: one mutual contact (sam).
    CHECK(explain_path(s, p).hops[1].mutual_contacts == 1);
    path_options other;
    other.asker = st.sam;
    CHECK(explain_path(s, p, other).hops[1].mutual_contacts == 1);
    // Avoided people are not counted either.
    path_options avoid;
    avoid.asker = st.me;
    avoid.avoid = {st.sam};
    CHECK(explain_path(s, p, avoid).hops[1].mutual_contacts == 1);
    // A path over a tie the asker may not see is refused.
    const warm_path secret{{st.me, st.dana, st.spy}, {}, 0, 0, 1};
    REQUIRE_THROWS_AS(explain_path(s, secret, other), invalid_argument);
    path_options mine;
    mine.asker = st.me;
    CHECK(explain_path(s, secret, mine).hops.size() == 2);
    // The search agrees: only the owner routes through the private tie.
    CHECK_FALSE(find_warm_path(s, st.me, st.spy, other) ==
                std::optional<warm_path>(warm_path{{st.me, st.dana, st.spy}, {}, 0, 0, 1}));
}

TEST_CASE("explain: errors", "[paths]") {
    story st;
    const snapshot s(st.net, st.now);
    REQUIRE_THROWS_AS(explain_path(s, warm_path{}), invalid_argument);
    REQUIRE_THROWS_AS(explain_path(s, warm_path{{st.me, person_id(40)}, {}, 0, 0, 1}), unknown_person);
    REQUIRE_THROWS_AS(explain_path(s, warm_path{{st.me, st.sam}, {}, 0, 0, 1}), invalid_argument);  // no tie
    path_options o;
    o.asker = person_id(41);
    REQUIRE_THROWS_AS(explain_path(s, warm_path{{st.me}, {}, 0, 0, 1}, o), unknown_person);
    o = {};
    o.avoid = {person_id(42)};
    REQUIRE_THROWS_AS(explain_path(s, warm_path{{st.me}, {}, 0, 0, 1}, o), unknown_person);
}
