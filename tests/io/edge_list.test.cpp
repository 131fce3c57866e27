// tests/io/edge_list.test.cpp -- SNAP/Konect edge lists: line endings, comments, duplicates,
// self-loops, weights and their mapping, separators, header detection, timestamps,
// affiliation files, malformed input (network unchanged), block boundaries, and every
// dataset of ../shared/data with the counts of its README.
#include "kith_catch.hpp"

#include <kith/io/edge_list.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace {

using kith::network;
using kith::parse_error;
namespace io = kith::io;

const std::string data_dir = std::string(KITH_TEST_DATA_DIR) + "/io/";

bool contains(const std::string& s, const std::string& sub) { return s.find(sub) != std::string::npos; }

io::edge_list_report load(network& net, const std::string& text, const io::edge_list_options& opt = {}) {
    std::istringstream in(text);
    return io::read_edge_list(net, in, "edges.txt", opt);
}

// As `load`, through the steps of the istream overload but in blocks of `block` bytes, so that
// lines straddle block boundaries.
io::edge_list_report load_in_blocks(network& net, const std::string& text, const io::edge_list_options& opt,
                                    std::size_t block) {
    io::detail::edge_list_parser p("edges.txt", opt, 0);
    std::istringstream in(text);
    io::detail::feed_blocks(
        p,
        [&](char* buf, std::size_t n) {
            in.read(buf, static_cast<std::streamsize>(n));
            return static_cast<std::size_t>(in.gcount());
        },
        block);
    return io::detail::finish_edge_list(net, p);
}

double warmth(const network& net, const char* a, const char* b) {
    const auto* r = net.find_tie_record(net.id_of(a), net.id_of(b));
    REQUIRE(r != nullptr);
    REQUIRE(r->manual_warmth.has_value());
    return *r->manual_warmth;
}

/// A network with people x, y and a tie, to load into.
network base_network() {
    network net;
    const auto x = net.add_person(kith::person{"x", "X", "", "", {}});
    const auto y = net.add_person(kith::person{"y", "Y", "", "", {}});
    net.set_warmth(x, y, 0.3);
    return net;
}

void check_rejects(const std::string& text, std::size_t line, std::size_t column, const std::string& found,
                   const std::string& message, const io::edge_list_options& opt = {}) {
    network net = base_network();
    const network before = net;
    bool threw = false;
    try {
        load(net, text, opt);
    } catch (const parse_error& e) {
        threw = true;
        INFO(e.what());
        CHECK(e.file() == "edges.txt");
        CHECK(e.line() == line);
        CHECK(e.column() == column);
        CHECK(contains(e.text(), found));
        CHECK(contains(e.what(), message));
        CHECK(contains(e.what(), "read_edge_list: "));
    }
    CHECK(threw);
    CHECK(net == before);
}

}  // namespace

TEST_CASE("edge list: LF, CRLF, comments, blank lines, tabs, no final newline", "[io][edge_list]") {
    network lf, crlf;
    const auto a = io::read_edge_list(lf, data_dir + "edges_lf.txt");
    const auto b = io::read_edge_list(crlf, data_dir + "edges_crlf.txt");
    CHECK(lf == crlf);
    CHECK(a.lines == 5);
    CHECK(b.lines == 9);
    CHECK(b.comments == 3);
    CHECK(b.blank_lines == 1);
    for (const auto* r : {&a, &b}) {
        CHECK(r->edges == 5);
        CHECK(r->people == 4);
        CHECK(r->ties == 3);
        CHECK(r->duplicates == 1);
        CHECK(r->self_loops == 1);
        CHECK(r->separator == ' ');
    }
    CHECK(lf.person_count() == 4);  // 3 only appears in a self-loop, and is still a person
    CHECK(lf.tie_count() == 3);
    CHECK(warmth(lf, "1", "2") == 0.5);
    CHECK_FALSE(lf.has_tie(lf.id_of("3"), lf.id_of("3")));
    // People in order of appearance; keys are the token text.
    CHECK(lf.at(kith::person_id(0)).key == "1");
    CHECK(lf.at(kith::person_id(3)).key == "4");
}

TEST_CASE("edge list: tokens are keys: 007 and 7 differ, names work, BOM is skipped", "[io][edge_list]") {
    network net;
    const auto r = load(net, "\xEF\xBB\xBF" "7 007\nalice 7\nZoë alice\n");
    CHECK(r.people == 4);
    CHECK(r.ties == 3);
    CHECK(net.find("007").has_value());
    CHECK(net.find("Zoë").has_value());
    CHECK(net.at(kith::person_id(0)).key == "7");
}

TEST_CASE("edge list: duplicates keep the warmest; directed lists read as undirected", "[io][edge_list]") {
    network net;
    const auto r = load(net, "a b 0.2\nb a 0.9\na b 0.4\nb c\nc b 0.1\n");
    CHECK(r.ties == 2);
    CHECK(r.duplicates == 3);
    CHECK(r.weighted == 4);
    CHECK(warmth(net, "a", "b") == 0.9);
    CHECK(warmth(net, "b", "c") == 0.1);  // a weight beats the default
}

TEST_CASE("edge list: default warmth, and option validation", "[io][edge_list]") {
    network net;
    io::edge_list_options opt;
    opt.default_warmth = 0.8;
    load(net, "1 2\n", opt);
    CHECK(warmth(net, "1", "2") == 0.8);
    const network before = net;
    for (double bad : {0.0, -0.1, 1.5, std::nan("")}) {
        opt.default_warmth = bad;
        CHECK_THROWS_AS(load(net, "3 4\n", opt), kith::invalid_argument);
    }
    opt.default_warmth = 0.5;
    for (double bad : {0.0, -2.0, std::nan(""), HUGE_VAL}) {
        opt.weight_scale = bad;
        CHECK_THROWS_AS(load(net, "3 4\n", opt), kith::invalid_argument);
    }
    opt.weight_scale = 10;
    opt.weight_offset = HUGE_VAL;
    CHECK_THROWS_AS(load(net, "3 4\n", opt), kith::invalid_argument);
    CHECK(net == before);
}

TEST_CASE("edge list malformed: weight not numeric, NaN, inf, outside (0,1] unmapped or mapped", "[io][edge_list][malformed]") {
    check_rejects("1 2 0.5\n1 3 4\n", 2, 5, "4", "weight is outside (0,1]: use weight_scale");
    check_rejects("1 2 0.5\n1 3 -1\n", 2, 5, "-1", "weight is outside (0,1]");
    check_rejects("1 2 0.5\n1 3 0\n", 2, 5, "0", "weight is outside (0,1]");
    check_rejects("1 2 0.5\n1 3 heavy\n", 2, 5, "heavy", "weight is not a number");
    check_rejects("1 2 0.5\n1 3 nan\n", 2, 5, "nan", "weight is NaN");
    check_rejects("1 2 0.5\n1 3 -inf\n", 2, 5, "-inf", "weight is infinite");
    io::edge_list_options opt;
    opt.weight_scale = 10;
    check_rejects("1 2 5\n1 3 11\n", 2, 5, "11", "maps to warmth 1.1", opt);
    check_rejects("1 2 5\n1 3 -1\n", 2, 5, "-1", "outside (0,1] (weight_scale 10", opt);
}

TEST_CASE("edge list: comma-separated signed ratings (Bitcoin) with weight_scale and weight_offset", "[io][edge_list]") {
    const std::string text = "6,2,4,1289241911.72836\r\n6,5,2,1289241941.53378\r\n1,15,-10,1289243140.39049\r\n2,6,10,1289245000\r\n";
    network net;
    check_rejects(text, 1, 5, "4", "weight_scale");
    io::edge_list_options opt;
    opt.weight_scale = 21;
    opt.weight_offset = 11;
    const auto r = load(net, text, opt);
    CHECK(r.separator == ',');
    CHECK(r.ties == 3);
    CHECK(r.duplicates == 1);
    CHECK_THAT(warmth(net, "1", "15"), WithinRel(1.0 / 21, 1e-12));
    CHECK(warmth(net, "2", "6") == 1.0);  // max(15/21, 21/21)
    // Forcing whitespace separators makes "6,2,4,..." one token: too few fields.
    opt.separator = io::edge_separator::whitespace;
    check_rejects(text, 1, 23, "", "expected two node fields", opt);
}

TEST_CASE("edge list: comma fields are trimmed; empty extra fields are absent", "[io][edge_list]") {
    network net;
    const auto r = load(net, "a , b , , 1700000000\nb,c,0.7,\n");
    CHECK(r.ties == 2);
    CHECK(warmth(net, "a", "b") == 0.5);
    CHECK(warmth(net, "b", "c") == 0.7);
    check_rejects("a,b\n,c\n", 2, 1, "", "empty node field");
}

TEST_CASE("edge list: header lines", "[io][edge_list]") {
    network net;
    auto r = load(net, "source\ttarget\t\n1\t2\t\n2\t3\t\n");
    CHECK(r.header_skipped);
    CHECK(r.people == 3);
    CHECK_FALSE(net.find("source").has_value());
    network names;
    r = load(names, "alice bob\ncarol dave\n");  // textual nodes: not a header
    CHECK_FALSE(r.header_skipped);
    CHECK(r.ties == 2);
    CHECK(names.at(kith::person_id(0)).key == "alice");
    network lone;
    r = load(lone, "# only one line\nalice bob\n");
    CHECK_FALSE(r.header_skipped);
    CHECK(r.ties == 1);
    io::edge_list_options opt;
    opt.header = io::header_line::present;
    network forced;
    r = load(forced, "1 2\n2 3\n", opt);
    CHECK(r.header_skipped);
    CHECK(r.ties == 1);
    opt.header = io::header_line::absent;
    network kept;
    r = load(kept, "source target\n1 2\n", opt);
    CHECK_FALSE(r.header_skipped);
    CHECK(kept.find("source").has_value());
}

TEST_CASE("edge list: timestamps, interactions and not_after", "[io][edge_list]") {
    const std::string text = "1 2 1700000000\n2 1 1700086400\n2 3 2025-03-14T09:30:00Z\n";
    check_rejects(text, 1, 5, "1700000000", "weight is outside (0,1]");
    io::edge_list_options opt;
    opt.columns = {io::edge_column::timestamp};
    network plain;
    auto r = load(plain, text, opt);
    CHECK(r.ties == 2);
    CHECK(r.interactions == 0);
    CHECK(warmth(plain, "1", "2") == 0.5);
    opt.record_interactions = true;
    network net;
    r = load(net, text, opt);
    CHECK(r.interactions == 3);
    const auto one = net.id_of("1"), two = net.id_of("2");
    const auto& h = net.history(one, two);
    REQUIRE(h.size() == 2);
    CHECK(h[0].when == kith::from_unix(1700000000));
    CHECK(h[0].via == kith::channel::message);
    CHECK(h[0].initiator == kith::initiated_by::low);
    CHECK(h[1].initiator == kith::initiated_by::high);
    CHECK_FALSE(net.find_tie_record(one, two)->manual_warmth.has_value());  // the model decides
    opt.not_after = kith::make_timestamp(2025, 1, 1);
    check_rejects(text, 3, 5, "2025-03-14T09:30:00Z", "future timestamp", opt);
    opt.not_after.reset();
    check_rejects("1 2 1700000000\n1 3 tomorrow\n", 2, 5, "tomorrow", "bad timestamp", opt);
    // Weight and timestamp together: the weight is the manual warmth, the time is evidence.
    io::edge_list_options both;
    both.record_interactions = true;
    network wt;
    load(wt, "1 2 0.7 1700000000\n", both);
    CHECK(warmth(wt, "1", "2") == 0.7);
    CHECK(wt.history(wt.id_of("1"), wt.id_of("2")).size() == 1);
    // Ignored columns.
    io::edge_list_options ign;
    ign.columns = {io::edge_column::ignore, io::edge_column::weight};
    network ig;
    load(ig, "1 2 whatever 0.25 extra columns\n", ign);
    CHECK(warmth(ig, "1", "2") == 0.25);
}

TEST_CASE("edge list: affiliation files load as memberships or attendances", "[io][edge_list]") {
    const std::string text = "% bip unweighted\n% 5 3 2\n1 1 \n2 1 \n3 1 \n3 2 \n1 2 \n1 2 \n";
    network people;
    auto r = load(people, text);
    REQUIRE(r.warnings.size() == 1);
    CHECK(contains(r.warnings[0], "bipartite"));
    io::edge_list_options opt;
    opt.affiliation = io::affiliation_mode::groups;
    opt.affiliation_prefix = "club ";
    network g;
    r = load(g, text, opt);
    CHECK(r.warnings.empty());
    CHECK(r.people == 3);
    CHECK(r.groups == 2);
    CHECK(r.memberships == 5);
    CHECK(r.duplicates == 1);
    CHECK(g.tie_count() == 0);
    CHECK(g.members(*g.find_group("club 1")).size() == 3);
    opt.affiliation = io::affiliation_mode::events;
    opt.affiliation_prefix = "";
    network e;
    r = load(e, text, opt);
    CHECK(r.events == 2);
    CHECK(r.attendances == 5);
    CHECK(e.attendees(*e.find_event("2")).size() == 2);
}

TEST_CASE("edge list: loading into a network reuses existing keys", "[io][edge_list]") {
    network net = base_network();
    const auto r = load(net, "x z 0.9\ny x 0.4\n");
    CHECK(r.people == 1);
    CHECK(net.person_count() == 3);
    CHECK(warmth(net, "x", "z") == 0.9);
    CHECK(warmth(net, "x", "y") == 0.4);  // a loaded warmth replaces the old one
}

TEST_CASE("edge list malformed: one field, bad UTF-8, missing file", "[io][edge_list][malformed]") {
    check_rejects("1 2\n3\n", 2, 2, "", "expected two node fields");
    check_rejects("1 2\n3 caf\xC3\n", 2, 6, "\\xc3", "not valid UTF-8");
    network net = base_network();
    const network before = net;
    try {
        io::read_edge_list(net, data_dir + "no-such-file.txt");
        FAIL("no exception");
    } catch (const parse_error& e) {
        CHECK(e.line() == 0);
        CHECK(contains(e.what(), "cannot open"));
    }
    try {
        io::read_edge_list(net, data_dir);
        FAIL("no exception");
    } catch (const parse_error& e) {
        CHECK(e.line() == 0);
        CHECK(contains(e.what(), "is a directory"));
    }
    CHECK(net == before);
}

TEST_CASE("edge list: an empty file loads nothing", "[io][edge_list]") {
    network net = base_network();
    const network before = net;
    const auto r = load(net, "");
    CHECK(r.lines == 0);
    CHECK(r.ties == 0);
    CHECK(net == before);
    CHECK(load(net, "# nothing here\r\n\r\n").comments == 1);
}

TEST_CASE("edge list: a throwing progress callback cancels the load", "[io][edge_list]") {
    network net = base_network();
    const network before = net;
    io::edge_list_options opt;
    int calls = 0;
    opt.progress = [&](const io::load_progress&) {
        ++calls;
        throw std::runtime_error("cancel");
    };
    CHECK_THROWS_AS(load(net, "1 2\n2 3\n", opt), std::runtime_error);
    CHECK(calls == 1);
    CHECK(net == before);
}

TEST_CASE("edge list: block boundaries do not matter", "[io][edge_list]") {
    // Random edge lists with CRLF, comments and a missing final newline, read whole and in
    // tiny blocks (1..17 bytes, lines longer than the block): same report, same network.
    std::mt19937_64 rng(42);
    for (int round = 0; round < 40; ++round) {
        std::string text;
        const int lines = static_cast<int>(rng() % 60);
        for (int i = 0; i < lines; ++i) {
            switch (rng() % 8) {
            case 0: text += "# comment " + std::to_string(i); break;
            case 1: break;
            default:
                text += std::to_string(rng() % 20) + ((rng() & 1) ? "\t" : "  ") + std::to_string(rng() % 20) + " 0." +
                        std::to_string(1 + rng() % 9);
            }
            if (i + 1 < lines || (rng() & 1)) text += (rng() & 1) ? "\r\n" : "\n";
        }
        network whole, pieces;
        const auto a = load(whole, text);
        const auto b = load_in_blocks(pieces, text, {}, 1 + rng() % 17);
        CHECK(a == b);
        CHECK(whole == pieces);
    }
}

TEST_CASE("edge list: progress reports bytes and insertion", "[io][edge_list]") {
    std::string text;
    for (int i = 0; i < 1100000 / 8; ++i) text += std::to_string(i) + " " + std::to_string(i + 1) + "\n";
    network net;
    io::edge_list_options opt;
    std::vector<io::load_progress> seen;
    opt.progress = [&](const io::load_progress& p) { seen.push_back(p); };
    const auto r = load(net, text, opt);
    CHECK(r.ties == 1100000 / 8);
    REQUIRE_FALSE(seen.empty());
    CHECK(seen.front().phase == io::load_phase::reading);
    CHECK(seen.front().bytes_done == text.size());
}

// ------------------------------------------------------------------ the shared datasets

namespace {

struct dataset {
    const char* file;
    io::edge_list_options opt;
    std::size_t people, ties, duplicates, self_loops;
    std::size_t groups_or_events, affiliations;
};

io::edge_list_options with(void (*f)(io::edge_list_options&)) {
    io::edge_list_options o;
    f(o);
    return o;
}

}  // namespace

TEST_CASE("edge list: every dataset of ../shared/data loads with the README's counts", "[io][edge_list][shared]") {
    const std::string root = KITH_SHARED_DATA_DIR;
    if (!std::ifstream(root + "/README.md")) {
        WARN("KITH_SHARED_DATA_DIR is absent: shared datasets not checked");
        return;
    }
    const auto bitcoin = with([](io::edge_list_options& o) { o.weight_scale = 21; o.weight_offset = 11; o.record_interactions = true; });
    const std::vector<dataset> sets = {
        // README: 4,039 nodes, 88,234 edges, no self-loops or duplicates.
        {"snap-ego-facebook/facebook_combined.txt", {}, 4039, 88234, 0, 0, 0, 0},
        // 36,692 nodes, 367,662 directed lines = 183,831 undirected edges (each listed twice).
        {"snap-email-enron/Email-Enron.txt", {}, 36692, 183831, 183831, 0, 0, 0},
        // 5,242 nodes, 28,980 lines, 12 self-loop lines: (28,980 - 12) / 2 = 14,484 ties.
        {"snap-ca-grqc/CA-GrQc.txt", {}, 5242, 14484, 14484, 12, 0, 0},
        // 9,877 nodes, 51,971 lines, 25 self-loop lines: (51,971 - 25) / 2 = 25,973 ties.
        {"snap-ca-hepth/CA-HepTh.txt", {}, 9877, 25973, 25973, 25, 0, 0},
        // 7,115 nodes, 103,689 directed edges; 2,927 pairs voted both ways.
        {"snap-wiki-vote/Wiki-Vote.txt", {}, 7115, 100762, 2927, 0, 0, 0},
        // 1,005 nodes, 25,571 lines, 642 self-loops, 16,706 distinct pairs incl. the 642 loops.
        {"snap-email-eu-core/email-Eu-core.txt", {}, 1005, 16064, 8865, 642, 0, 0},
        {"snap-email-eu-core/email-Eu-core-department-labels.txt",
         with([](io::edge_list_options& o) { o.affiliation = io::affiliation_mode::groups; o.affiliation_prefix = "department "; }),
         1005, 0, 0, 0, 42, 1005},
        // 1,899 nodes, 59,835 messages, 20,296 directed pairs = 13,838 undirected ties.
        {"snap-collegemsg/CollegeMsg.txt",
         with([](io::edge_list_options& o) { o.columns = {io::edge_column::timestamp}; o.record_interactions = true; }),
         1899, 13838, 45997, 0, 0, 0},
        // 5,881 nodes, 35,592 ratings (no duplicate directed pairs; 14,100 reciprocated).
        {"snap-bitcoin-otc/soc-sign-bitcoinotc.csv", bitcoin, 5881, 21492, 14100, 0, 0, 0},
        {"snap-bitcoin-alpha/soc-sign-bitcoinalpha.csv", bitcoin, 3783, 14124, 10062, 0, 0, 0},
        // 16 families, 20 marriages; Pucci is isolated so the edge list names 15.
        {"florentine-families/florentine.net", {}, 15, 20, 0, 0, 0, 0},
        // 18 women, 14 events, 89 attendances.
        {"konect-southern-women/out.opsahl-southernwomen",
         with([](io::edge_list_options& o) { o.affiliation = io::affiliation_mode::events; o.affiliation_prefix = "E"; }),
         18, 0, 0, 0, 14, 89},
        // 25 persons, 15 organisations, 95 memberships; the header line is skipped.
        {"konect-club-membership/out.brunson_club-membership_club-membership",
         with([](io::edge_list_options& o) { o.affiliation = io::affiliation_mode::groups; o.affiliation_prefix = "club "; }),
         25, 0, 0, 0, 15, 95},
        // Ego 0: 333 alters with edges (347 in .feat), 2,519 undirected edges listed twice.
        {"snap-ego-facebook/egonets/0.edges", {}, 333, 2519, 2519, 0, 0, 0},
        {"snap-ego-facebook/egonets/1912.edges", {}, 747, 30025, 30025, 0, 0, 0},
    };
    for (const dataset& d : sets) {
        const std::string path = root + "/" + d.file;
        if (!std::ifstream(path)) {
            WARN(std::string(d.file) + " is absent");
            continue;
        }
        INFO(d.file);
        network net;
        const auto r = io::read_edge_list(net, path, d.opt);
        CHECK(r.people == d.people);
        CHECK(net.person_count() == d.people);
        CHECK(r.ties == d.ties);
        CHECK(net.tie_count() == d.ties);
        CHECK(r.duplicates == d.duplicates);
        CHECK(r.self_loops == d.self_loops);
        CHECK(r.groups + r.events == d.groups_or_events);
        CHECK(r.memberships + r.attendances == d.affiliations);
    }
}

TEST_CASE("edge list: mutated inputs either load or throw parse_error, and a failure changes nothing", "[io][edge_list][robustness]") {
    const std::string base = "# c\n1 2 0.5 1700000000\r\n2\t3 1 2025-01-01\n3,4\n% k\n4 4\n";
    const char pieces[] = {',', ' ', '\t', '\n', '\r', '#', '.', '-', 'x', '\xC3', '9'};
    std::mt19937_64 rng(11);
    std::size_t loaded = 0, rejected = 0;
    for (int round = 0; round < 400; ++round) {
        std::string s = base;
        const int edits = 1 + static_cast<int>(rng() % 3);
        for (int k = 0; k < edits && !s.empty(); ++k) {
            const std::size_t at = rng() % s.size();
            if (rng() & 1) s.erase(at, 1 + rng() % 2);
            else s.insert(at, 1, pieces[rng() % sizeof pieces]);
        }
        io::edge_list_options opt;
        if (rng() & 1) opt.record_interactions = true;
        if (rng() & 1) opt.weight_scale = 2;
        network net = base_network();
        const network before = net;
        try {
            load(net, s, opt);
            ++loaded;
        } catch (const parse_error& e) {
            ++rejected;
            CHECK(net == before);
            CHECK(std::string(e.what()).rfind("edges.txt:", 0) == 0);
        }
    }
    CHECK(loaded > 0);
    CHECK(rejected > 0);
}

// ------------------------------------------------------------------ bulk insertion (network::add_bulk)

TEST_CASE("edge list: loads equal add_person + set_warmth one by one, also into a network with some of the keys", "[io][edge_list][bulk]") {
    // Oracle: new people in order of first sight, then for each distinct pair the warmest
    // weight (the default when no line has one), set one by one in increasing (lo, hi) person id.
    std::mt19937_64 rng(99);
    for (int round = 0; round < 80; ++round) {
        network start;
        const bool empty_start = round % 3 == 0;
        if (!empty_start) {
            // Existing keys that the file reuses ("3", "7", "x") and one it does not.
            for (const char* k : {"7", "x", "unused", "3"}) start.add_person(kith::person{k, "", "", "", {}});
            start.set_warmth(start.id_of("7"), start.id_of("3"), 0.3);
            start.record({start.id_of("x"), start.id_of("unused"), kith::make_timestamp(2024, 1, 1)});
            if (rng() & 1) start.remove_person(start.id_of("unused"));
        }
        std::string text;
        std::vector<std::pair<std::string, std::string>> lines;
        std::vector<double> weights;
        const int n = static_cast<int>(rng() % 40);
        const char* extra[] = {"x", "y", "3", "7"};
        auto token = [&]() -> std::string {
            if (rng() % 5 == 0) return extra[rng() % 4];
            return std::to_string(rng() % 12);
        };
        for (int i = 0; i < n; ++i) {
            const std::string u = token(), v = token();
            const double w = (rng() % 3 == 0) ? -1.0 : static_cast<double>(1 + rng() % 100) / 100.0;
            text += u + " " + v;
            if (w > 0) text += " " + std::to_string(w);
            text += "\n";
            lines.emplace_back(u, v);
            weights.push_back(w);
        }
        // The oracle network.
        network expected = start;
        std::map<std::string, kith::person_id> id;
        for (const auto& [u, v] : lines)
            for (const std::string& k : {u, v}) {
                if (id.count(k)) continue;
                auto f = expected.find(k);
                id[k] = f ? *f : expected.add_person(kith::person{k, "", "", "", {}});
            }
        std::map<std::pair<std::uint32_t, std::uint32_t>, double> best;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const auto a = id[lines[i].first].value(), b = id[lines[i].second].value();
            if (a == b) continue;
            const auto key = std::make_pair(std::min(a, b), std::max(a, b));
            auto it = best.find(key);
            // The no-weight value -1 is the default (0.5) only when no line of the pair has a weight.
            if (it == best.end()) best[key] = weights[i];
            else it->second = std::max(it->second, weights[i]);
        }
        for (const auto& [pr, w] : best)
            expected.set_warmth(kith::person_id(pr.first), kith::person_id(pr.second), w > 0 ? w : 0.5);

        network net = start;
        io::edge_list_options opt;
        opt.header = io::header_line::absent;  // "x y" first would look like a header
        const auto r = load(net, text, opt);
        CHECK(r.ties == best.size());
        CHECK(net == expected);
        for (const auto& [pr, w] : best) CHECK(net.has_tie(kith::person_id(pr.first), kith::person_id(pr.second)));
        CHECK(net.tie_count() == expected.tie_count());
        // The same text read in tiny blocks gives the same network.
        network pieces = start;
        const auto b = load_in_blocks(pieces, text, opt, 1 + rng() % 9);
        CHECK(b == r);
        CHECK(pieces == expected);
    }
}

TEST_CASE("edge list: record_interactions without timestamps keeps an existing tie's warmth for a weightless line", "[io][edge_list][bulk]") {
    io::edge_list_options opt;
    opt.record_interactions = true;
    network net = base_network();
    load(net, "y x\nx z\n", opt);
    CHECK(warmth(net, "x", "y") == 0.3);  // kept
    CHECK(warmth(net, "x", "z") == 0.5);  // new: the default
    network plain = base_network();
    load(plain, "y x\n");
    CHECK(warmth(plain, "x", "y") == 0.5);  // without record_interactions the default replaces it
}

TEST_CASE("edge list: a progress callback throwing while building cancels the load and changes nothing", "[io][edge_list][bulk]") {
    // All 1,051,975 pairs among nodes 0..1450, plus x-y again: more than 2^20 items to build,
    // so add_bulk reports once and the callback cancels there, after ~1M ties went in.
    std::string text;
    for (int i = 0; i < 1451; ++i)
        for (int j = i + 1; j < 1451; ++j) text += std::to_string(i) + ' ' + std::to_string(j) + '\n';
    text += "y x 0.9\n";
    network net = base_network();
    const network before = net;
    io::edge_list_options opt;
    int building = 0;
    opt.progress = [&](const io::load_progress& p) {
        if (p.phase != io::load_phase::building) return;
        ++building;
        CHECK(p.items_done == (std::uint64_t{1} << 20));
        CHECK(p.items_total == 1451 + 1451 * 1450 / 2 + 1);
        throw std::runtime_error("cancel");
    };
    CHECK_THROWS_AS(load(net, text, opt), std::runtime_error);
    CHECK(building == 1);
    CHECK(net == before);
    CHECK(net.person_count() == 2);
    CHECK(net.tie_count() == 1);
    CHECK(warmth(net, "x", "y") == 0.3);
    CHECK_FALSE(net.find("0").has_value());
    CHECK_FALSE(net.has_tie(kith::person_id(2), kith::person_id(3)));
    // Without cancelling, the same load goes through.
    opt.progress = {};
    const auto r = load(net, text, opt);
    CHECK(r.ties == 1451 * 1450 / 2 + 1);
    CHECK(net.tie_count() == r.ties);
    CHECK(warmth(net, "x", "y") == 0.9);
    CHECK(net.contacts(net.id_of("0")).size() == 1450);
}

TEST_CASE("edge list: queued integer lines and other lines keep the order of first appearance", "[io][edge_list][bulk]") {
    // Lines between small integer ids are interned through a short queue; a line with another
    // token drains it first. 20 integer lines fill the queue past its size.
    std::string text;
    for (int i = 0; i < 20; ++i) text += std::to_string(100 + i) + " " + std::to_string(200 + i) + "\n";
    text += "x 119\n00 7\n7 300\n99999999 1\n123456789 2\n";
    network net;
    const auto r = load(net, text);
    std::vector<std::string> keys;
    for (kith::person_id p : net.people()) keys.push_back(net.at(p).key);
    std::vector<std::string> expected;
    for (int i = 0; i < 20; ++i) {
        expected.push_back(std::to_string(100 + i));
        expected.push_back(std::to_string(200 + i));
    }
    for (const char* k : {"x", "00", "7", "300", "99999999", "1", "123456789", "2"}) expected.push_back(k);
    CHECK(keys == expected);
    CHECK(r.ties == 25);
    CHECK(net.has_tie(net.id_of("x"), net.id_of("119")));
    CHECK(net.has_tie(net.id_of("00"), net.id_of("7")));
    // A bad weight after queued lines still fails the whole load.
    network other = base_network();
    const network before = other;
    CHECK_THROWS_AS(load(other, text + "5 6 2.5\n"), parse_error);
    CHECK(other == before);
}

TEST_CASE("edge list: large small-integer ids before and after the direct table grows map to one person each", "[io][edge_list][bulk]") {
    // The direct table for integer ids only grows in proportion to the tokens seen, so an early
    // id such as 30000000 is kept in the hash map and must still be found once the table has
    // grown past it. Reference: the same file with every token prefixed by "n" (string keys).
    std::mt19937_64 rng(20261126);
    for (int round = 0; round < 20; ++round) {
        std::vector<std::uint64_t> big;
        // Beyond the first table (2^16 slots) but inside the one a few thousand tokens allow,
        // plus one anywhere below the direct table's hard limit (2^25).
        for (int i = 0; i < 8; ++i) big.push_back(65536 + rng() % 300000);
        big.push_back(rng() % (std::uint64_t{1} << 25));
        std::string text, named;
        const int lines = 2000 + static_cast<int>(rng() % 4000);
        for (int i = 0; i < lines; ++i) {
            auto pick = [&]() -> std::uint64_t {
                const auto r = rng() % 10;
                if (r < 2) return big[rng() % big.size()];
                return rng() % static_cast<std::uint64_t>(50 + i * 100);  // the table grows as tokens come
            };
            const auto u = pick(), v = pick();
            const std::string w = std::to_string(0.01 * static_cast<double>(1 + rng() % 100));
            text += std::to_string(u) + " " + std::to_string(v) + " " + w + "\n";
            named += "n" + std::to_string(u) + " n" + std::to_string(v) + " " + w + "\n";
        }
        network a, b;
        const auto ra = load(a, text);
        const auto rb = load(b, named);
        REQUIRE(a.person_count() == b.person_count());
        CHECK(ra.ties == rb.ties);
        CHECK(ra.duplicates == rb.duplicates);
        CHECK(ra.self_loops == rb.self_loops);
        std::vector<std::string> ka, kb;
        for (kith::person_id p : a.people()) ka.push_back(a.at(p).key);
        for (kith::person_id p : b.people()) kb.push_back(b.at(p).key.substr(1));
        CHECK(ka == kb);
        CHECK(a.tie_count() == b.tie_count());
    }
}
