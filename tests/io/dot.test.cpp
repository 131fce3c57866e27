// tests/io/dot.test.cpp -- kith/io/dot.hpp: structure of the DOT text (nodes by key, path ties
// solid and labelled, context ties dashed, width from warmth, colour from tier), privacy
// (private ties of others and avoided people never drawn), determinism, and every throw.
#include "kith_catch.hpp"

#include <kith/io/dot.hpp>

#include <string>
#include <vector>

using namespace kith;

namespace {

struct story {
    network net;
    person_id me, dana, priya, sam, spy, eve;
    timestamp now = make_timestamp(2026, 3, 13);
    story() {
        me = net.add_person({"me", "Alex \"AK\" Kim", "Acme"});
        dana = net.add_person({"dana", "Dana Lee", "Acme"});
        priya = net.add_person({"priya", "Priya Raman", "Globex"});
        sam = net.add_person({"sam", "Sam Ortiz", ""});
        spy = net.add_person({"spy", "Secret Friend", ""});
        eve = net.add_person({"eve", "", ""});
        net.set_warmth(me, dana, 0.9);
        net.set_warmth(dana, priya, 0.5);
        net.set_warmth(dana, sam, 0.2);
        net.set_warmth(priya, eve, 0.3);
        net.set_warmth(dana, spy, 0.95);
        net.set_visibility(dana, spy, visibility{dana});
    }
};

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
    return n;
}

} // namespace

TEST_CASE("dot: a path and its neighbourhood", "[io][dot]") {
    story st;
    const snapshot s(st.net, st.now);
    auto p = find_warm_path(s, st.me, st.priya, path_options{});
    REQUIRE(p);
    const std::string d = io::to_dot(s, {*p});
    CHECK(d.rfind("graph \"kith\" {\n", 0) == 0);
    CHECK(d.substr(d.size() - 2) == "}\n");
    // Nodes: keys as ids, names and organisations as labels, quotes escaped.
    CHECK(d.find("\"me\" [label=\"Alex \\\"AK\\\" Kim\\nAcme\", fillcolor=\"#c6dbef\"") != std::string::npos);
    CHECK(d.find("\"priya\" [label=\"Priya Raman\\nGlobex\", fillcolor=\"#c7e9c0\"") != std::string::npos);
    CHECK(d.find("\"dana\" [label=\"Dana Lee\\nAcme\", fillcolor=\"#fff3b0\"") != std::string::npos);
    CHECK(d.find("\"eve\" [label=\"eve\", fillcolor=\"#ffffff\"") != std::string::npos);  // context, no name
    // Path ties: solid, labelled; width 0.5 + 5.5 w; strong green, occasional orange.
    CHECK(d.find("\"me\" -- \"dana\" [penwidth=5.45, color=\"#1a9641\", label=\"0.90\"") != std::string::npos);
    CHECK(d.find("\"dana\" -- \"priya\" [penwidth=3.25, color=\"#f17c1b\", label=\"0.50\"") != std::string::npos);
    // Context ties: dashed, weak grey.
    CHECK(d.find("\"dana\" -- \"sam\" [penwidth=1.60, color=\"#8c8c8c\", style=dashed") != std::string::npos);
    CHECK(d.find("\"priya\" -- \"eve\"") != std::string::npos);
    // Dana's private tie to spy is invisible to an anonymous view.
    CHECK(d.find("spy") == std::string::npos);
    CHECK(count(d, " -- ") == 4);
    // Deterministic.
    CHECK(io::to_dot(s, {*p}) == d);
}

TEST_CASE("dot: asker, avoided people, neighbour limit, empty input", "[io][dot]") {
    story st;
    const snapshot s(st.net, st.now);
    auto p = find_warm_path(s, st.me, st.priya, path_options{});
    REQUIRE(p);
    io::dot_options o;
    o.asker = st.dana;  // the owner sees the private tie
    CHECK(io::to_dot(s, {*p}, o).find("\"dana\" -- \"spy\"") != std::string::npos);
    o.avoid = {st.spy, st.sam};
    const std::string d = io::to_dot(s, {*p}, o);
    CHECK(d.find("spy") == std::string::npos);
    CHECK(d.find("sam") == std::string::npos);
    io::dot_options none;
    none.neighbours = 0;
    const std::string bare = io::to_dot(s, {*p}, none);
    CHECK(count(bare, " -- ") == 2);
    CHECK(bare.find("eve") == std::string::npos);
    CHECK(count(io::to_dot(s, {}), " -- ") == 0);
    none.graph_name = "my \"graph\"";
    CHECK(io::to_dot(s, {}, none).rfind("graph \"my \\\"graph\\\"\" {", 0) == 0);
}

TEST_CASE("dot: bad input throws", "[io][dot]") {
    story st;
    const snapshot s(st.net, st.now);
    auto p = find_warm_path(s, st.me, st.priya, path_options{});
    REQUIRE(p);
    io::dot_options bad;
    bad.min_penwidth = 0;
    REQUIRE_THROWS_AS(io::to_dot(s, {*p}, bad), invalid_argument);
    bad.min_penwidth = 3;
    bad.max_penwidth = 2;
    REQUIRE_THROWS_AS(io::to_dot(s, {*p}, bad), invalid_argument);
    REQUIRE_THROWS_AS(io::to_dot(s, {warm_path{}}), invalid_argument);
    warm_path ghost;
    ghost.people = {person_id(42)};
    REQUIRE_THROWS_AS(io::to_dot(s, {ghost}), unknown_person);
    io::dot_options who;
    who.asker = person_id(42);
    REQUIRE_THROWS_AS(io::to_dot(s, {*p}, who), unknown_person);
    io::dot_options avoid;
    avoid.avoid = {person_id(43)};
    REQUIRE_THROWS_AS(io::to_dot(s, {*p}, avoid), unknown_person);
    warm_path secret;  // through a tie private to dana, drawn for someone else
    secret.people = {st.spy, st.dana};
    secret.tie_warmth = {0.95};
    REQUIRE_THROWS_AS(io::to_dot(s, {secret}), invalid_argument);
    warm_path gap;
    gap.people = {st.me, st.priya};
    gap.tie_warmth = {0.5};
    REQUIRE_THROWS_AS(io::to_dot(s, {gap}), invalid_argument);
}
