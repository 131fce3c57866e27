// tests/io/table.test.cpp -- kith/io/table.hpp: alignment, UTF-8 widths, no trailing spaces,
// the result tables, and every throw.
#include "kith_catch.hpp"

#include <kith/io/table.hpp>

#include <string>
#include <vector>

using namespace kith;

TEST_CASE("table: alignment, UTF-8 width, no trailing spaces", "[io][table]") {
    io::text_table t({{"name"}, {"n", io::align::right}, {"note"}});
    t.add_row({"Zoë", "7", ""});
    t.add_row({"Bob", "1234", "x"});
    CHECK(t.rows() == 2);
    CHECK(t.columns() == 3);
    CHECK(t.str() ==
          "name     n  note\n"
          "----  ----  ----\n"
          "Zoë      7\n"
          "Bob   1234  x\n");
    CHECK(t.str("  ").rfind("  name", 0) == 0);
    CHECK(io::text_table::display_width("Zoë") == 3);
    REQUIRE_THROWS_AS(t.add_row({"too", "few"}), invalid_argument);
    REQUIRE_THROWS_AS(io::text_table({}), invalid_argument);
}

TEST_CASE("table: numbers and labels", "[io][table]") {
    CHECK(io::format_fixed(0.4249, 2) == "0.42");
    CHECK(io::format_fixed(-0.0001, 2) == "0.00");
    CHECK(io::format_fixed(std::nan(""), 2) == "-");
    CHECK(io::join_or_dash({}) == "-");
    CHECK(io::join_or_dash({"a", "b"}) == "a, b");
}

TEST_CASE("table: paths, ties and explanations", "[io][table]") {
    network net;
    const person_id me = net.add_person({"me", "Alex Kim", "Acme"});
    const person_id dana = net.add_person({"dana", "Dana Lee", "Acme"});
    const person_id x = net.add_person({"x", "", ""});
    net.set_warmth(me, dana, 0.9);
    net.set_warmth(dana, x, 0.5);
    const snapshot s(net, make_timestamp(2026, 1, 1));
    auto p = find_warm_path(s, me, x, path_options{});
    REQUIRE(p);
    CHECK(io::person_label(s, me) == "Alex Kim (me)");
    CHECK(io::person_label(s, x) == "x");
    REQUIRE_THROWS_AS(io::person_label(s, person_id(9)), unknown_person);
    const std::string ties = io::path_ties_table(s, *p).str();
    CHECK(ties ==
          "from             to               warmth  tier\n"
          "---------------  ---------------  ------  ----------\n"
          "Alex Kim (me)    Dana Lee (dana)    0.90  strong\n"
          "Dana Lee (dana)  x                  0.50  occasional\n");
    CHECK(ties.find("Dana Lee (dana)  x") != std::string::npos);
    const std::string overview = io::paths_table(s, {*p}).str();
    CHECK(overview.find("Alex Kim (me) -> Dana Lee (dana) -> x") != std::string::npos);
    CHECK(overview.find("1   0.288     2  Alex") != std::string::npos);
    const std::string e = io::explanation_table(s, explain_path(s, *p)).str();
    CHECK(e.find("manual warmth") != std::string::npos);
    CHECK(e.find("Acme") != std::string::npos);
}
