// tests/io/json.test.cpp -- kith/io/json.hpp: field names, person keys (never ids), exact
// round trips of every result type (paths, explanations, groups, event plans, people to meet,
// ties to grow, bridges, reconnect, network health and growth), rounding, null for NaN, and the
// readers' errors.
#include "kith_catch.hpp"

#include <kith/io/json.hpp>
#include <kith/paths/k_warm_paths.hpp>

#include <algorithm>
#include <cmath>

#include <string>
#include <vector>

using namespace kith;
using nlohmann::json;

namespace {

struct story {
    network net;
    person_id me, dana, priya, sam;
    timestamp now = make_timestamp(2026, 3, 13);
    story() {
        // Keys differ from ids on purpose: JSON must show keys.
        me = net.add_person({"k-me", "Alex Kim", "Acme", "", {"sailing", "ai"}});
        dana = net.add_person({"k-dana", "Dana Lee", "Acme", "", {"sailing"}});
        priya = net.add_person({"k-priya", "Priya Raman", "Globex", "", {"ai"}});
        sam = net.add_person({"k-sam", "Sam Ortiz", "Initech", "", {}});
        const group_id crew = net.add_group({"Harbor Sailing Crew", {"sailing"}});
        net.join(crew, dana);
        net.join(crew, priya);
        net.record({me, dana, make_timestamp(2026, 3, 1), channel::meeting, dana});
        net.set_warmth(me, dana, 0.9);
        net.set_warmth(dana, priya, 0.8);
        net.set_warmth(priya, sam, 0.7);
        net.set_warmth(dana, sam, 0.3);
        const event_id conf = net.add_event({"Expo", make_timestamp(2026, 4, 2)});
        net.attend(conf, me, "T1");
        net.attend(conf, priya, "T2");
        net.attend(conf, sam, "T2");
    }
};

} // namespace

TEST_CASE("json: a warm path with keys, ties and tiers", "[io][json]") {
    story st;
    const snapshot s(st.net, st.now);
    auto p = find_warm_path(s, st.me, st.priya, path_options{});
    REQUIRE(p);
    const json j = io::to_json(s, *p);
    CHECK(j.at("people") == json({"k-me", "k-dana", "k-priya"}));
    CHECK(j.at("names") == json({"Alex Kim", "Dana Lee", "Priya Raman"}));
    CHECK(j.at("hops") == 2);
    CHECK(j.at("warmth").get<double>() == p->warmth);
    CHECK(j.at("cost_units").get<std::uint64_t>() == p->cost_units);
    REQUIRE(j.at("ties").size() == 2);
    CHECK(j.at("ties")[0].at("from") == "k-me");
    CHECK(j.at("ties")[0].at("to") == "k-dana");
    CHECK(j.at("ties")[0].at("tier") == "strong");
    CHECK(j.at("ties")[1].at("tier") == "strong");
    // Exact round trip, also through text.
    CHECK(io::from_json<warm_path>(s, j) == *p);
    CHECK(io::from_json<warm_path>(s, json::parse(j.dump())) == *p);
    // Without names.
    io::json_options o;
    o.names = false;
    CHECK_FALSE(io::to_json(s, *p, o).contains("names"));
}

TEST_CASE("json: k paths and explanations round-trip", "[io][json]") {
    story st;
    const snapshot s(st.net, st.now);
    const auto paths = find_k_warm_paths(s, st.me, st.sam, 3, path_options{});
    REQUIRE(paths.size() == 2);
    const json j = io::to_json(s, paths);
    REQUIRE(j.is_array());
    CHECK(io::from_json<std::vector<warm_path>>(s, json::parse(j.dump())) == paths);

    const path_explanation e = explain_path(s, paths[0], path_options{});
    const json je = io::to_json(s, e);
    CHECK(je.at("suggested_ask") == e.suggested_ask);
    REQUIRE(je.at("hops").size() == e.hops.size());
    const json& h0 = je.at("hops")[0];
    CHECK(h0.at("from") == "k-me");
    CHECK(h0.at("last_interaction") == "2026-03-01T00:00:00Z");
    CHECK(h0.at("last_channel") == "meeting");
    CHECK(h0.at("days_since_last") == 12);
    CHECK(h0.at("shared_organization") == "Acme");
    CHECK(je.at("hops")[1].at("last_interaction").is_null());
    CHECK(io::from_json<path_explanation>(s, json::parse(je.dump())) == e);
}

TEST_CASE("json: group suggestions, event plans and tables round-trip", "[io][json]") {
    story st;
    const snapshot s(st.net, st.now);
    const auto groups = suggest_groups(s, st.me);
    REQUIRE_FALSE(groups.empty());
    const json jg = io::to_json(s, groups);
    CHECK(jg[0].at("group") == "Harbor Sailing Crew");
    CHECK(io::from_json<std::vector<group_suggestion>>(s, json::parse(jg.dump())) == groups);

    event_plan_options eo;
    eo.goals = {st.sam};
    const event_plan plan = plan_event(s, st.me, event_id(0), eo);
    REQUIRE_FALSE(plan.picks.empty());
    const json jp = io::to_json(s, plan);
    CHECK(jp.at("picks")[0].at("person").get<std::string>().rfind("k-", 0) == 0);
    CHECK(jp.at("picks")[0].contains("talking_points"));
    CHECK(io::from_json<event_plan>(s, json::parse(jp.dump())) == plan);

    const auto table = choose_table(s, st.me, event_id(0), eo);
    REQUIRE(table);
    const json jt = io::to_json(s, *table);
    CHECK(jt.at("table") == "T2");
    CHECK(jt.at("seated_strangers") == json({"k-priya", "k-sam"}));
    CHECK(io::from_json<table_choice>(s, jt) == *table);
}

TEST_CASE("json: brokerage, NaN as null, rounding", "[io][json]") {
    story st;
    const snapshot s(st.net, st.now);
    auto b = brokerage_of(s, st.dana);
    REQUIRE(b);
    const json jb = io::to_json(*b);
    CHECK(io::from_json<brokerage>(s, jb) == *b);
    brokerage isolated;
    isolated.constraint = std::nan("");
    const json jn = io::to_json(isolated);
    CHECK(jn.at("constraint").is_null());
    CHECK(std::isnan(io::from_json<brokerage>(s, jn).constraint));

    io::json_options o;
    o.significant_digits = 3;
    auto p = find_warm_path(s, st.me, st.sam, path_options{});
    REQUIRE(p);
    const json j = io::to_json(s, *p, o);
    const std::string w = j.at("warmth").dump();
    CHECK(w.size() <= 5);  // "0.xyz"
    CHECK_THAT(j.at("warmth").get<double>(), WithinRel(p->warmth, 1e-2));
}

TEST_CASE("json: the snapshot dump and the load reports", "[io][json]") {
    story st;
    st.net.set_visibility(st.dana, st.sam, visibility{st.dana});
    const snapshot s(st.net, st.now);
    const json j = io::to_json(s);
    CHECK(j.at("taken_at") == "2026-03-13T00:00:00Z");
    CHECK(j.at("people").size() == 4);
    CHECK(j.at("people")[0].at("key") == "k-me");
    CHECK(j.at("ties").size() == 4);
    bool found_private = false;
    for (const auto& t : j.at("ties"))
        if (!t.at("private_to").is_null()) {
            found_private = true;
            CHECK(t.at("a") == "k-dana");
            CHECK(t.at("b") == "k-sam");
            CHECK(t.at("private_to") == "k-dana");
        }
    CHECK(found_private);
    CHECK(j.at("groups")[0].at("members") == json({"k-dana", "k-priya"}));
    CHECK(j.at("events")[0].at("when") == "2026-04-02T00:00:00Z");
    CHECK(j.at("events")[0].at("attendees")[1] == json({{"person", "k-priya"}, {"table", "T2"}}));

    io::load_report r;
    r.people = 3;
    r.files = {"people.csv"};
    r.warnings = {"people.csv: column 'phone' ignored"};
    const json jr = r;
    CHECK(jr.at("people") == 3);
    CHECK(jr.get<io::load_report>() == r);
    io::edge_list_report er;
    er.lines = 10;
    er.separator = ',';
    er.self_loops = 2;
    const json je = er;
    CHECK(je.at("separator") == ",");
    CHECK(je.get<io::edge_list_report>() == er);
}

TEST_CASE("json: readers reject missing fields, wrong types and unknown keys", "[io][json]") {
    story st;
    const snapshot s(st.net, st.now);
    auto p = find_warm_path(s, st.me, st.priya, path_options{});
    REQUIRE(p);
    const json good = io::to_json(s, *p);

    json missing = good;
    missing.erase("cost_units");
    REQUIRE_THROWS_AS(io::from_json<warm_path>(s, missing), invalid_argument);
    json wrong = good;
    wrong["warmth"] = "warm";
    REQUIRE_THROWS_AS(io::from_json<warm_path>(s, wrong), invalid_argument);
    json unknown = good;
    unknown["people"][1] = "nobody";
    REQUIRE_THROWS_AS(io::from_json<warm_path>(s, unknown), unknown_person);
    json short_ties = good;
    short_ties["ties"].erase(1);
    REQUIRE_THROWS_AS(io::from_json<warm_path>(s, short_ties), invalid_argument);
    json empty = good;
    empty["people"] = json::array();
    empty["ties"] = json::array();
    REQUIRE_THROWS_AS(io::from_json<warm_path>(s, empty), invalid_argument);
    REQUIRE_THROWS_AS(io::from_json<warm_path>(s, json(3)), invalid_argument);
    REQUIRE_THROWS_AS(io::from_json<std::vector<warm_path>>(s, good), invalid_argument);
    json negative = good;
    negative["cost_units"] = -1;
    REQUIRE_THROWS_AS(io::from_json<warm_path>(s, negative), invalid_argument);

    const path_explanation e = explain_path(s, *p, path_options{});
    json bad_tier = io::to_json(s, e);
    bad_tier["hops"][0]["tier"] = "lukewarm";
    REQUIRE_THROWS_AS(io::from_json<path_explanation>(s, bad_tier), invalid_argument);
    json bad_channel = io::to_json(s, e);
    bad_channel["hops"][0]["last_channel"] = "pigeon";
    REQUIRE_THROWS_AS(io::from_json<path_explanation>(s, bad_channel), invalid_argument);
    json bad_time = io::to_json(s, e);
    bad_time["hops"][0]["last_interaction"] = "yesterday";
    REQUIRE_THROWS_AS(io::from_json<path_explanation>(s, bad_time), invalid_argument);
    json bad_days = io::to_json(s, e);
    bad_days["hops"][0]["days_since_last"] = 1.5;
    REQUIRE_THROWS_AS(io::from_json<path_explanation>(s, bad_days), invalid_argument);
    json bad_bool = io::to_json(s, e);
    bad_bool["hops"][0]["manual"] = 1;
    REQUIRE_THROWS_AS(io::from_json<path_explanation>(s, bad_bool), invalid_argument);
    json bad_texts = io::to_json(s, e);
    bad_texts["hops"][0]["shared_groups"] = json({1, 2});
    REQUIRE_THROWS_AS(io::from_json<path_explanation>(s, bad_texts), invalid_argument);
    json bad_texts2 = io::to_json(s, e);
    bad_texts2["hops"][0]["shared_groups"] = "x";
    REQUIRE_THROWS_AS(io::from_json<path_explanation>(s, bad_texts2), invalid_argument);
    json bad_hops = io::to_json(s, e);
    bad_hops["hops"] = 2;
    REQUIRE_THROWS_AS(io::from_json<path_explanation>(s, bad_hops), invalid_argument);
    json bad_ask = io::to_json(s, e);
    bad_ask["suggested_ask"] = 2;
    REQUIRE_THROWS_AS(io::from_json<path_explanation>(s, bad_ask), invalid_argument);

    const auto groups = suggest_groups(s, st.me);
    REQUIRE_FALSE(groups.empty());
    json bad_group = io::to_json(s, groups[0]);
    bad_group["group"] = "No Such Club";
    REQUIRE_THROWS_AS(io::from_json<group_suggestion>(s, bad_group), invalid_argument);

    // A person id that is not in the snapshot cannot be written.
    warm_path ghost;
    ghost.people = {person_id(99)};
    REQUIRE_THROWS_AS(io::to_json(s, ghost), unknown_person);
}

namespace {

/// A history for cooling ties and growth: Alex met Ana on three days in January (then silence),
/// Ben in May, Ana and Ben know each other, Cleo is Ben's colleague at Umbrella.
struct history {
    network net;
    person_id me, ana, ben, cleo, zed;
    history() {
        me = net.add_person({"h-me", "Alex Kim", "Acme", "", {"chess"}});
        ana = net.add_person({"h-ana", "Ana Silva", "Acme", "", {"chess"}});
        ben = net.add_person({"h-ben", "Ben Okafor", "Umbrella", "", {}});
        cleo = net.add_person({"h-cleo", "Cleo Park", "Umbrella", "", {}});
        zed = net.add_person({"h-zed", "Zed Alone", "", "", {}});
        for (int d : {1, 2, 3}) net.record({me, ana, make_timestamp(2026, 1, d), channel::meeting, me});
        for (int d : {1, 8, 15}) net.record({me, ben, make_timestamp(2026, 5, d), channel::call, ben});
        net.set_warmth(ana, ben, 0.8);
        net.set_warmth(ben, cleo, 0.9);
    }
};

} // namespace

TEST_CASE("json: people to meet round-trip, with keys and null organisation", "[io][json]") {
    story st;
    const snapshot s(st.net, st.now);
    const auto ps = suggest_people_to_meet(s, st.me);
    REQUIRE_FALSE(ps.empty());
    const json j = io::to_json(s, ps);
    REQUIRE(j.is_array());
    CHECK(j[0].at("person").get<std::string>().rfind("k-", 0) == 0);
    CHECK(j[0].contains("name"));
    CHECK(j[0].at("mutuals").is_array());
    bool via_dana = false;
    for (const auto& x : j)
        for (const auto& m : x.at("mutuals")) via_dana = via_dana || m.at("person") == "k-dana";
    CHECK(via_dana);
    CHECK(io::from_json<std::vector<person_suggestion>>(s, json::parse(j.dump())) == ps);

    person_suggestion hand;
    hand.who = st.dana;
    hand.score = 0.1 + 0.2;
    hand.mutual_count = 3;
    hand.mutuals = {mutual_contact{st.priya, 0.25, 1.0 / 3.0}};
    hand.shared_interests = {"sailing"};
    hand.shared_groups = {"Harbor Sailing Crew"};
    hand.shared_organization = "Acme";
    const json jh = io::to_json(s, hand);
    CHECK(jh.at("shared_organization") == "Acme");
    CHECK(jh.at("mutuals")[0].at("person") == "k-priya");
    CHECK(jh.at("mutuals")[0].at("name") == "Priya Raman");
    CHECK(io::from_json<person_suggestion>(s, json::parse(jh.dump())) == hand);
    hand.shared_organization.clear();
    CHECK(io::to_json(s, hand).at("shared_organization").is_null());
    CHECK(io::from_json<person_suggestion>(s, io::to_json(s, hand)) == hand);
    io::json_options o;
    o.names = false;
    CHECK_FALSE(io::to_json(s, hand, o).contains("name"));
    CHECK_FALSE(io::to_json(s, hand, o).at("mutuals")[0].contains("name"));
}

TEST_CASE("json: ties to grow and their goals round-trip", "[io][json]") {
    story st;
    const snapshot s(st.net, st.now);
    const std::vector<growth_goal> goals = {goal_person(s, st.sam), goal_organization(s, "Initech")};
    const json jg = io::to_json(s, goals);
    CHECK(jg[0].at("name") == "Sam Ortiz");
    CHECK(jg[1].at("people") == json({"k-sam"}));
    CHECK(io::from_json<std::vector<growth_goal>>(s, jg) == goals);

    ties_to_grow_options o;
    o.target_warmth = 1.0;
    const auto ts = suggest_ties_to_grow(s, st.me, goals, o);
    REQUIRE_FALSE(ts.empty());
    const json j = io::to_json(s, ts);
    CHECK(j[0].at("contact") == "k-dana");
    CHECK(j[0].at("name") == "Dana Lee");
    CHECK(j[0].at("goals_opened") == ts[0].goals_opened);
    REQUIRE(j[0].at("gains").size() == ts[0].gains.size());
    CHECK(j[0].at("gains")[0].at("goal") == ts[0].gains[0].goal);
    CHECK(io::from_json<std::vector<tie_growth>>(s, json::parse(j.dump())) == ts);

    tie_growth hand;
    hand.contact = st.priya;
    hand.warmth = 0.31;
    hand.tier = tier::weak;
    hand.last_interaction = make_timestamp(2025, 12, 24, 18, 30, 5);
    hand.last_channel = channel::introduction;
    hand.score = 0.7;
    hand.goals_opened = 1;
    hand.gains = {goal_gain{1, 0.0, 0.7}};
    hand.new_in_reach = 4;
    const json jh = io::to_json(s, hand);
    CHECK(jh.at("last_interaction") == "2025-12-24T18:30:05Z");
    CHECK(jh.at("last_channel") == "introduction");
    CHECK(jh.at("tier") == "weak");
    CHECK(io::from_json<tie_growth>(s, json::parse(jh.dump())) == hand);
    hand.last_interaction.reset();
    hand.last_channel.reset();
    const json jn = io::to_json(s, hand);
    CHECK(jn.at("last_interaction").is_null());
    CHECK(jn.at("last_channel").is_null());
    CHECK(io::from_json<tie_growth>(s, jn) == hand);
}

TEST_CASE("json: bridges and circles round-trip", "[io][json]") {
    story st;
    const snapshot s(st.net, st.now);
    const auto bs = suggest_bridges(s, st.me);
    REQUIRE_FALSE(bs.empty());
    const json j = io::to_json(s, bs);
    CHECK(j[0].at("person").get<std::string>().rfind("k-", 0) == 0);
    CHECK(j[0].at("introducer") == "k-dana");
    CHECK(j[0].at("introducer_name") == "Dana Lee");
    CHECK(j[0].at("opens")[0].at("type") == "organization");
    CHECK(io::from_json<std::vector<bridge_suggestion>>(s, json::parse(j.dump())) == bs);

    const circle g{circle::kind::group, "Harbor Sailing Crew"};
    CHECK(io::to_json(g) == json({{"type", "group"}, {"name", "Harbor Sailing Crew"}}));
    CHECK(io::from_json<circle>(s, io::to_json(g)) == g);
    json bad = io::to_json(g);
    bad["type"] = "club";
    REQUIRE_THROWS_AS(io::from_json<circle>(s, bad), invalid_argument);
}

TEST_CASE("json: reconnect suggestions round-trip", "[io][json]") {
    history h;
    const snapshot s(h.net, make_timestamp(2026, 6, 1));
    const auto rs = suggest_reconnect(s, h.me);
    REQUIRE(rs.size() == 1);
    const json j = io::to_json(s, rs);
    CHECK(j[0].at("contact") == "h-ana");
    CHECK(j[0].at("name") == "Ana Silva");
    CHECK(j[0].at("last_interaction") == "2026-01-03T00:00:00Z");
    CHECK(j[0].at("last_channel") == "meeting");
    CHECK(j[0].at("usual_gap_days").get<double>() == 1.0);
    CHECK(io::from_json<std::vector<reconnect_suggestion>>(s, json::parse(j.dump())) == rs);
    reconnect_suggestion no_channel = rs[0];
    no_channel.last_channel.reset();
    CHECK(io::to_json(s, no_channel).at("last_channel").is_null());
    CHECK(io::from_json<reconnect_suggestion>(s, io::to_json(s, no_channel)) == no_channel);
    json bad_time = j[0];
    bad_time["last_interaction"] = nullptr;
    REQUIRE_THROWS_AS(io::from_json<reconnect_suggestion>(s, bad_time), invalid_argument);
}

TEST_CASE("json: network health and growth round-trip", "[io][json]") {
    history h;
    const snapshot before(h.net, make_timestamp(2026, 2, 1));
    const snapshot after(h.net, make_timestamp(2026, 6, 1));
    const network_health now = health_of(after, h.me);
    const json jh = io::to_json(now);
    CHECK(jh.at("contacts") == now.contacts());
    CHECK(jh.at("reach_2") == now.reach_2);
    REQUIRE(now.constraint);
    CHECK(jh.at("constraint").get<double>() == *now.constraint);
    CHECK(io::from_json<network_health>(after, json::parse(jh.dump())) == now);

    const network_health alone = health_of(after, h.zed);
    REQUIRE_FALSE(alone.constraint);
    const json ja = io::to_json(alone);
    CHECK(ja.at("constraint").is_null());
    CHECK(ja.at("effective_size").is_null());
    CHECK(io::from_json<network_health>(after, ja) == alone);

    const network_growth g = compare_health(before, after, h.me);
    REQUIRE(g.new_contacts == std::vector<person_id>{h.ben});
    const json jg = io::to_json(after, g);
    CHECK(jg.at("new_contacts") == json({"h-ben"}));
    CHECK(jg.at("lost_contacts") == json::array());
    CHECK(jg.at("change").at("contacts") == 1);
    CHECK(jg.at("change").at("reach_2").get<std::int64_t>() ==
          static_cast<std::int64_t>(g.after.reach_2) - static_cast<std::int64_t>(g.before.reach_2));
    CHECK(jg.at("change").at("constraint").is_number());
    CHECK(io::from_json<network_growth>(after, json::parse(jg.dump())) == g);

    network_growth hand = g;
    hand.warmer = {tier_change{h.ana, tier::weak, tier::strong}};
    hand.cooler = {tier_change{h.cleo, tier::occasional, tier::weak}};
    hand.lost_contacts = {h.zed};
    const json jt = io::to_json(after, hand);
    CHECK(jt.at("warmer")[0] == json({{"contact", "h-ana"}, {"name", "Ana Silva"}, {"before", "weak"}, {"after", "strong"}}));
    CHECK(jt.at("lost_contacts") == json({"h-zed"}));
    CHECK(io::from_json<network_growth>(after, jt) == hand);
    json bad_tier = jt;
    bad_tier["cooler"][0]["after"] = "lukewarm";
    REQUIRE_THROWS_AS(io::from_json<network_growth>(after, bad_tier), invalid_argument);
    json missing = jt;
    missing["before"].erase("constraint");
    REQUIRE_THROWS_AS(io::from_json<network_growth>(after, missing), invalid_argument);

    io::json_options o;
    o.significant_digits = 2;
    const json jr = io::to_json(now, o);
    CHECK(jr.at("organization_diversity").dump().size() <= 4);
}
