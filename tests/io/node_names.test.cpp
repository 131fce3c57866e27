// tests/io/node_names.test.cpp -- names for edge-list people ("id name" files), malformed input
// (network unchanged), and the Florentine families (16 with Pucci) when ../shared/data is present.
#include "kith_catch.hpp"

#include <kith/io/edge_list.hpp>
#include <kith/io/node_names.hpp>

#include <fstream>
#include <sstream>
#include <string>

namespace {

using kith::network;
using kith::parse_error;
namespace io = kith::io;

bool contains(const std::string& s, const std::string& sub) { return s.find(sub) != std::string::npos; }

network two_people() {
    network net;
    std::istringstream in("1 2\n");
    io::read_edge_list(net, in, "e.txt");
    return net;
}

void check_rejects(const std::string& text, std::size_t line, std::size_t column, const std::string& found,
                   const std::string& message, const io::node_names_options& opt = {}) {
    network net = two_people();
    const network before = net;
    std::istringstream in(text);
    bool threw = false;
    try {
        io::read_node_names(net, in, "names.txt", opt);
    } catch (const parse_error& e) {
        threw = true;
        INFO(e.what());
        CHECK(e.line() == line);
        CHECK(e.column() == column);
        CHECK(contains(e.text(), found));
        CHECK(contains(e.what(), "names.txt:" + std::to_string(line) + ":" + std::to_string(column) + ": read_node_names: " + message));
    }
    CHECK(threw);
    CHECK(net == before);
}

}  // namespace

TEST_CASE("node names: names with spaces, comments, CRLF, missing people created", "[io][node_names]") {
    network net = two_people();
    std::istringstream in("\xEF\xBB\xBF# id name\r\n1 Anna  Maria \r\n\r\n2\tBob\r\n3 Pucci");
    const auto r = io::read_node_names(net, in, "names.txt");
    CHECK(r.named == 3);
    CHECK(r.created == 1);
    CHECK(net.at(net.id_of("1")).name == "Anna  Maria");
    CHECK(net.at(net.id_of("2")).name == "Bob");
    CHECK(net.at(net.id_of("3")).name == "Pucci");
    CHECK(net.tie_count() == 1);
}

TEST_CASE("node names malformed input", "[io][node_names][malformed]") {
    check_rejects("1 Ann\n2\n", 2, 2, "", "missing name for '2'");
    check_rejects("1 Ann\n1 Again\n", 2, 1, "1", "duplicate id '1' (first at line 1)");
    io::node_names_options opt;
    opt.create_missing = false;
    check_rejects("1 Ann\n9 Nobody\n", 2, 1, "9", "unknown person '9'", opt);
    check_rejects("1 Ann\n2 B\xC3\n", 2, 4, "\\xc3", "the file is not valid UTF-8");
    network net;
    CHECK_THROWS_AS(io::read_node_names(net, std::string(KITH_TEST_DATA_DIR) + "/io/absent.txt"), parse_error);
}

TEST_CASE("node names: the 16 Florentine families", "[io][node_names][shared]") {
    const std::string dir = std::string(KITH_SHARED_DATA_DIR) + "/florentine-families/";
    if (!std::ifstream(dir + "florentine.net") || !std::ifstream(dir + "florentine_node_map.txt")) {
        WARN("florentine-families is absent");
        return;
    }
    network net;
    CHECK(io::read_edge_list(net, dir + "florentine.net").people == 15);
    const auto r = io::read_node_names(net, dir + "florentine_node_map.txt");
    CHECK(r.named == 16);
    CHECK(r.created == 1);  // Pucci, isolated
    CHECK(net.person_count() == 16);
    CHECK(net.tie_count() == 20);
    CHECK(net.at(net.id_of("0")).name == "Acciaiuoli");
    const auto pucci = net.id_of("11");
    CHECK(net.at(pucci).name == "Pucci");
    CHECK(net.contacts(pucci).empty());
}
