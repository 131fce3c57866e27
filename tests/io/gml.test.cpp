// tests/io/gml.test.cpp -- the small GML reader: nodes, labels, weights, duplicates, self-loops,
// malformed input (network unchanged), and Newman's karate.gml / lesmis.gml when present.
#include "kith_catch.hpp"

#include <kith/io/gml.hpp>

#include <fstream>
#include <sstream>
#include <string>

namespace {

using kith::network;
using kith::parse_error;
namespace io = kith::io;

bool contains(const std::string& s, const std::string& sub) { return s.find(sub) != std::string::npos; }

io::gml_report load(network& net, const std::string& text, const io::gml_options& opt = {}) {
    std::istringstream in(text);
    return io::read_gml(net, in, "g.gml", opt);
}

void check_rejects(const std::string& text, std::size_t line, std::size_t column, const std::string& found,
                   const std::string& message, const io::gml_options& opt = {}) {
    network net;
    net.add_person(kith::person{"keep", "Keep", "", "", {}});
    const network before = net;
    bool threw = false;
    try {
        load(net, text, opt);
    } catch (const parse_error& e) {
        threw = true;
        INFO(e.what());
        CHECK(e.line() == line);
        CHECK(e.column() == column);
        CHECK(contains(e.text(), found));
        CHECK(contains(e.what(), "read_gml: " + message));
    }
    CHECK(threw);
    CHECK(net == before);
}

}  // namespace

TEST_CASE("gml: nodes, labels, weights, duplicates and self-loops", "[io][gml]") {
    const std::string text =
        "Creator \"test\"\r\n# a comment\r\ngraph\r\n[\r\n  directed 1\r\n"
        "  node [ id 0 label \"Myriel\" graphics [ x 1 y 2 ] ]\r\n"
        "  node [ id 1 label \"Napoleon\" ]\r\n  node [ id 2 ]\r\n"
        "  edge [ source 1 target 0 value 0.5 ]\r\n  edge [ source 0 target 1 value 0.75 ]\r\n"
        "  edge [ source 2 target 2 ]\r\n  edge [ source 2 target 0 ]\r\n]\r\n";
    network net;
    const auto r = load(net, text);
    CHECK(r.nodes == 3);
    CHECK(r.people == 3);
    CHECK(r.edges == 4);
    CHECK(r.ties == 2);
    CHECK(r.duplicates == 1);
    CHECK(r.self_loops == 1);
    CHECK(r.weighted == 2);
    CHECK(r.directed);
    CHECK(net.at(net.id_of("0")).name == "Myriel");
    CHECK(net.find_tie_record(net.id_of("0"), net.id_of("1"))->manual_warmth == 0.75);
    CHECK(net.find_tie_record(net.id_of("0"), net.id_of("2"))->manual_warmth == 0.5);
}

TEST_CASE("gml: weights need weight_scale outside (0,1]; option checks", "[io][gml]") {
    const std::string text = "graph [ node [ id 1 ] node [ id 2 ] edge [ source 1 target 2 value 4 ] ]";
    check_rejects(text, 1, 68, "4", "weight is outside (0,1]: use weight_scale");
    io::gml_options opt;
    opt.weight_scale = 8;
    network net;
    load(net, text, opt);
    CHECK(net.find_tie_record(net.id_of("1"), net.id_of("2"))->manual_warmth == 0.5);
    opt.weight_scale = 2;
    check_rejects(text, 1, 68, "4", "weight maps to warmth 2", opt);
    opt.weight_scale = -1;
    CHECK_THROWS_AS(load(net, text, opt), kith::invalid_argument);
    opt.weight_scale.reset();
    opt.default_warmth = 0;
    CHECK_THROWS_AS(load(net, text, opt), kith::invalid_argument);
    opt.default_warmth = 0.5;
    opt.weight_offset = HUGE_VAL;
    CHECK_THROWS_AS(load(net, text, opt), kith::invalid_argument);
}

TEST_CASE("gml malformed input", "[io][gml][malformed]") {
    check_rejects("graph [ node [ id 1 ] edge [ source 1 target 9 ] ]", 1, 46, "9", "edge to unknown node '9'");
    check_rejects("graph [\n node [ id 1 ]\n node [ id 1 ] ]", 3, 12, "1", "duplicate node id '1'");
    check_rejects("graph [ node [ label \"x\" ] ]", 1, 14, "node", "node without an id");
    check_rejects("graph [ node [ id 1 label \"open ] ]", 1, 27, "\"open", "unterminated string");
    check_rejects("graph [ node [ id 1 ]", 1, 7, "[", "unbalanced '[' of graph");
    check_rejects("graph [ edge [ source 1 ] ]", 1, 14, "edge", "edge without source or target");
    check_rejects("graph [ node [ id 1 ] node [ id 2 ] edge [ source 1 target 2 value heavy ] ]", 1, 68, "heavy", "bad value for key 'value'");
    check_rejects("graph [ node [ id ] ]", 1, 19, "]", "key 'id' has no value");
    check_rejects("Creator \"nobody\"", 1, 1, "", "no graph in the file");
    check_rejects("graph [ node [ id 1 label \"caf\xC3\" ] ]", 1, 31, "\\xc3", "the file is not valid UTF-8");
    check_rejects("graph 5", 1, 7, "5", "graph is not a list");
    check_rejects("[ ]", 1, 1, "[", "unexpected token");
    check_rejects("graph [ node [ id [ x 1 ] ] ]", 1, 19, "[", "bad node id");
    check_rejects("graph [ node [ id 1 ] 5 ]", 1, 23, "5", "unexpected token in graph");
    check_rejects("graph [ node [ id 1 5 ] ]", 1, 21, "5", "unexpected token in node");
    check_rejects("graph [ edge [ 5 ] ]", 1, 16, "5", "unexpected token in edge");
    check_rejects("graph [ node [ id 1 ", 1, 14, "[", "unbalanced '[' of node");
    check_rejects("graph [ edge [ source 1 ", 1, 14, "[", "unbalanced '[' of edge");
    check_rejects("graph [ x [ y [ 1 ]", 1, 12, "[ y [ 1 ]", "unbalanced '['");
    check_rejects("graph [ directed", 1, 17, "", "key 'directed' has no value");
    network net;
    CHECK_THROWS_AS(io::read_gml(net, std::string(KITH_TEST_DATA_DIR) + "/io/absent.gml"), parse_error);
}

TEST_CASE("gml: Newman's karate.gml and lesmis.gml load with the README's counts", "[io][gml][shared]") {
    const std::string root = KITH_SHARED_DATA_DIR;
    const std::string karate = root + "/newman-karate/karate.gml", lesmis = root + "/newman-lesmis/lesmis.gml";
    if (std::ifstream(karate)) {
        network net;
        const auto r = io::read_gml(net, karate);
        CHECK(r.people == 34);  // ids 1..34
        CHECK(r.ties == 78);
        CHECK(r.duplicates == 0);
        CHECK(r.self_loops == 0);
        CHECK(net.find("34").has_value());
    } else {
        WARN("karate.gml is absent");
    }
    if (std::ifstream(lesmis)) {
        network net;
        CHECK_THROWS_AS(io::read_gml(net, lesmis), parse_error);  // co-appearance counts 1..31
        io::gml_options opt;
        opt.weight_scale = 31;  // the largest count
        const auto r = io::read_gml(net, lesmis, opt);
        CHECK(r.people == 77);
        CHECK(r.ties == 254);
        CHECK(r.weighted == 254);
        CHECK(net.at(net.id_of("0")).name == "Myriel");
        double total = 0;
        for (const auto& t : net.ties()) total += *t.manual_warmth * 31;
        CHECK_THAT(total, WithinRel(820.0, 1e-9));  // README: total weight 820
    } else {
        WARN("lesmis.gml is absent");
    }
}
