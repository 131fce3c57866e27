// tests/io/json.test.cpp -- kith/io/json.hpp: field names, person keys (never ids), exact
// round trips of every result type, rounding, null for NaN, and the readers' errors.
#include "kith_catch.hpp"

#include <kith/io/json.hpp>
#include <kith/paths/k_warm_paths.hpp>

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
