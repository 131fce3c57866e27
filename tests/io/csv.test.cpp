// tests/io/csv.test.cpp -- the CSV loaders: RFC 4180, header matching, timestamps, every
// malformed-input class (message with file:line:column and the value, network unchanged),
// the directory loader, the bundled sample.
#include "kith_catch.hpp"

#include <kith/io/csv.hpp>

#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

namespace {

using kith::network;
using kith::parse_error;
namespace io = kith::io;

const std::string data_dir = std::string(KITH_TEST_DATA_DIR) + "/io/";

bool contains(const std::string& s, const std::string& sub) { return s.find(sub) != std::string::npos; }

/// A network with people a, b, c (and a tie, a group, an event) to load into.
network base_network() {
    network net;
    std::istringstream in("key,name\na,Ann\nb,Bob\nc,Cy\n");
    io::read_people(net, in, "base.csv");
    net.set_warmth(net.id_of("a"), net.id_of("b"), 0.6);
    net.join(net.add_group(kith::group{"G", {}}), net.id_of("a"));
    net.attend(net.add_event(kith::event{"E", std::nullopt}), net.id_of("b"), "1");
    return net;
}

using reader_fn = io::load_report (*)(network&, std::istream&, std::string_view, const io::csv_options&);

struct expected_error {
    std::size_t line;
    std::size_t column;
    std::string text;     // substring of parse_error::text()
    std::string message;  // substring of what()
};

/// Runs `fn` on `input` against a copy of the base network: it must throw parse_error with the
/// expected position, text and message, and leave the network == to what it was.
void check_rejects(reader_fn fn, const std::string& name, const std::string& input, const expected_error& want,
                   const io::csv_options& opt = {}) {
    network net = base_network();
    const network before = net;
    std::istringstream in(input);
    bool threw = false;
    try {
        fn(net, in, name, opt);
    } catch (const parse_error& e) {
        threw = true;
        INFO(e.what());
        CHECK(e.file() == name);
        CHECK(e.line() == want.line);
        CHECK(e.column() == want.column);
        CHECK(contains(e.text(), want.text));
        CHECK(contains(e.what(), want.message));
        const std::string prefix = name + ":" + std::to_string(want.line) + ":" + std::to_string(want.column) + ": ";
        CHECK(std::string(e.what()).rfind(prefix, 0) == 0);
    }
    CHECK(threw);
    CHECK(net == before);
}

}  // namespace

// ------------------------------------------------------------------ RFC 4180 and headers

TEST_CASE("csv: RFC 4180 quoting, BOM, CRLF, blank lines, final line without newline", "[io][csv]") {
    network net;
    std::istringstream in(
        "\xEF\xBB\xBF" "key,name,organization,title,interests\r\n"
        "p1,\"Lin, Maya\",\"Acme \"\"Labs\"\"\",CTO,sailing;ai\r\n"
        "\r\n"
        "p2,\"Two\r\nLines\",,,\r\n"
        "  p3 , spaced , Org ,  , ; x ;\n"
        "p4,\"\",,,");
    const auto rep = io::read_people(net, in, "people.csv");
    CHECK(rep.people == 4);
    CHECK(rep.warnings.empty());
    const auto& p1 = net.at(net.id_of("p1"));
    CHECK(p1.name == "Lin, Maya");
    CHECK(p1.organization == "Acme \"Labs\"");
    CHECK(p1.title == "CTO");
    CHECK(p1.interests == std::vector<std::string>{"sailing", "ai"});
    CHECK(net.at(net.id_of("p2")).name == "Two\r\nLines");
    const auto& p3 = net.at(net.id_of("p3"));
    CHECK(p3.name == "spaced");
    CHECK(p3.organization == "Org");
    CHECK(p3.interests == std::vector<std::string>{"x"});
    CHECK(net.at(net.id_of("p4")).name.empty());
    CHECK(net.find_organization("Acme \"Labs\"").has_value());
}

TEST_CASE("csv: LF and CRLF files give the same network", "[io][csv]") {
    network lf, crlf;
    std::istringstream a("key,name\nx,\"A\"\ny,B\n"), b("key,name\r\nx,\"A\"\r\ny,B\r\n");
    io::read_people(lf, a, "lf.csv");
    io::read_people(crlf, b, "crlf.csv");
    CHECK(lf == crlf);
}

TEST_CASE("csv: headers are matched by name in any order, case-insensitively; unknown columns are warnings", "[io][csv]") {
    network net;
    std::istringstream in("Interests, PHONE ,Key,NAME\nski,555,k1,Kim\n");
    const auto rep = io::read_people(net, in, "people.csv");
    CHECK(net.at(net.id_of("k1")).name == "Kim");
    CHECK(net.at(net.id_of("k1")).interests == std::vector<std::string>{"ski"});
    REQUIRE(rep.warnings.size() == 1);
    CHECK(rep.warnings[0] == "people.csv: column 'PHONE' ignored");
}

TEST_CASE("csv: only key is required in people.csv", "[io][csv]") {
    network net;
    std::istringstream in("key\nz1\nz2");
    CHECK(io::read_people(net, in, "people.csv").people == 2);
    CHECK(net.person_count() == 2);
}

// ------------------------------------------------------------------ timestamps

TEST_CASE("csv: Unix and ISO 8601 timestamps", "[io][csv][time]") {
    using kith::io::detail::parse_timestamp;
    const auto t0930 = kith::make_timestamp(2025, 3, 14, 9, 30);
    CHECK(parse_timestamp("2025-03-14T09:30:00Z") == t0930);
    CHECK(parse_timestamp("2025-03-14T09:30:00") == t0930);
    CHECK(parse_timestamp("2025-03-14 09:30:00") == t0930);
    CHECK(parse_timestamp("2025-03-14T09:30Z") == t0930);
    CHECK(parse_timestamp("2025-03-14T11:30:00+02:00") == t0930);
    CHECK(parse_timestamp("2025-03-14T11:30:00+0200") == t0930);
    CHECK(parse_timestamp("2025-03-14T04:30:00-05:00") == t0930);
    CHECK(parse_timestamp("2025-03-14T09:30:00.750Z") == t0930);
    CHECK(parse_timestamp(std::to_string(kith::to_unix(t0930))) == t0930);
    CHECK(parse_timestamp(" 1741944600 ") == kith::from_unix(1741944600));
    CHECK(parse_timestamp("1741944600.9") == kith::from_unix(1741944600));
    CHECK(parse_timestamp("-1.5") == kith::from_unix(-2));
    CHECK(parse_timestamp("2025-03-14") == kith::make_timestamp(2025, 3, 14));
    CHECK(parse_timestamp("2024-02-29") == kith::make_timestamp(2024, 2, 29));
    for (const char* bad : {"", "yesterday", "2025-02-30", "2025-13-01", "2025-3-4", "2025-03-14T25:00:00",
                            "2025-03-14T09:30:00+02:00x", "2025-03-14X09:30", "2025-03-14T9:30", "12e3",
                            "1.", "2023-02-29", "99999999999999", "2025-03-14T11:30:00-+02:00",
                            "2025-03-14T11:30:00+2:00", "2025-03-14T11:30:00+02:0", "2025-03-14T11:30:00--0200"})
        CHECK_FALSE(parse_timestamp(bad).has_value());
}

TEST_CASE("csv: interactions with Unix and ISO timestamps load the same", "[io][csv]") {
    network iso = base_network(), unix_ = base_network();
    std::istringstream a("a,b,timestamp,channel\na,c,2025-03-14T09:30:00Z,call\n");
    std::istringstream b("channel,timestamp,b,a\ncall,1741944600,c,a\n");
    io::read_interactions(iso, a, "i.csv");
    io::read_interactions(unix_, b, "i.csv");
    CHECK(iso == unix_);
    CHECK(iso.history(iso.id_of("a"), iso.id_of("c")).at(0).when == kith::make_timestamp(2025, 3, 14, 9, 30));
}

// ------------------------------------------------------------------ each file kind

TEST_CASE("csv: interactions.csv fields", "[io][csv]") {
    network net = base_network();
    std::istringstream in(
        "a,b,timestamp,channel,initiator,participants\n"
        "a,c,2025-01-02,Meeting,c,\n"
        "c,a,2025-01-01,email,,40\n"
        "b,c,1700000000,introduction,b,3\n");
    const auto rep = io::read_interactions(net, in, "interactions.csv");
    CHECK(rep.interactions == 3);
    const auto& h = net.history(net.id_of("a"), net.id_of("c"));
    REQUIRE(h.size() == 2);
    CHECK(h[0].via == kith::channel::email);
    CHECK(h[0].participants == 40);
    CHECK(h[0].initiator == kith::initiated_by::unknown);
    CHECK(h[1].via == kith::channel::meeting);
    CHECK(h[1].initiator == kith::initiated_by::high);  // c has the higher id
    CHECK(net.history(net.id_of("b"), net.id_of("c")).at(0).via == kith::channel::introduction);
}

TEST_CASE("csv: ties.csv sets explicit warmth and visibility", "[io][csv]") {
    network net = base_network();
    std::istringstream in("a,b,warmth,private_to\nb,a,0.25,\na,c,1,a\n");
    const auto rep = io::read_ties(net, in, "ties.csv");
    CHECK(rep.ties == 2);
    CHECK(rep.private_ties == 1);
    const auto a = net.id_of("a"), b = net.id_of("b"), c = net.id_of("c");
    CHECK(net.find_tie_record(a, b)->manual_warmth == 0.25);
    CHECK(net.find_tie_record(a, b)->visibility.is_public());
    CHECK(net.find_tie_record(a, c)->manual_warmth == 1.0);
    CHECK(net.find_tie_record(a, c)->visibility.private_to == a);
}

TEST_CASE("csv: groups, group themes and events", "[io][csv]") {
    network net = base_network();
    std::istringstream g("group,person,since\nRotary,a,2024-01-01\nRotary,b,\nG,c,\n");
    auto rep = io::read_groups(net, g, "groups.csv");
    CHECK(rep.groups == 1);  // G already existed
    CHECK(rep.memberships == 3);
    const auto rotary = *net.find_group("Rotary");
    REQUIRE(net.members(rotary).size() == 2);
    CHECK(net.members(rotary)[0].since == kith::make_timestamp(2024, 1, 1));
    CHECK_FALSE(net.members(rotary)[1].since.has_value());
    std::istringstream t("group,themes\nRotary,service; networking\nChess,chess\n");
    rep = io::read_group_themes(net, t, "group_themes.csv");
    CHECK(rep.groups == 1);
    CHECK(rep.group_themes == 2);
    CHECK(net.at(rotary).themes == std::vector<std::string>{"service", "networking"});
    CHECK(net.members(*net.find_group("Chess")).empty());
    std::istringstream e("event,person,table\nSummit,a,3\nSummit,c,\nE,c,2\n");
    rep = io::read_events(net, e, "events.csv");
    CHECK(rep.events == 1);
    CHECK(rep.attendances == 3);
    const auto& att = net.attendees(*net.find_event("Summit"));
    REQUIRE(att.size() == 2);
    CHECK(att[0].table == "3");
    CHECK(att[1].table.empty());
}

// ------------------------------------------------------------------ malformed input
// Each class: parse_error with file, line, column, the value and the expectation; network unchanged.

TEST_CASE("csv malformed: bad UTF-8", "[io][csv][malformed]") {
    check_rejects(io::read_people, "people.csv", "key,name\nx,Ok\ny,Bad \xC3\x28 here\n", {3, 7, "\\xc3", "not valid UTF-8"});
    check_rejects(io::read_people, "people.csv", "key,name\nx,\xED\xA0\x80\n", {2, 3, "\\xed", "not valid UTF-8"});  // surrogate
    check_rejects(io::read_people, "people.csv", "key,name\nx,caf\xC3", {2, 6, "\\xc3", "not valid UTF-8"});  // truncated
}

TEST_CASE("csv malformed: unbalanced quotes", "[io][csv][malformed]") {
    check_rejects(io::read_people, "people.csv", "key,name\nx,ok\ny,\"never closed\nz,w\n",
                  {3, 3, "\"never closed", "unbalanced quote"});
    check_rejects(io::read_people, "people.csv", "key,name\nx,a\"b\n", {2, 4, "a\"", "quote inside an unquoted field"});
    check_rejects(io::read_people, "people.csv", "key,name\nx,\"a\"b\n", {2, 6, "b", "after a closing quote"});
}

TEST_CASE("csv malformed: missing columns", "[io][csv][malformed]") {
    check_rejects(io::read_people, "people.csv", "name,title\nAnn,CEO\n", {1, 1, "name,title", "missing required column 'key'"});
    check_rejects(io::read_ties, "ties.csv", "a,b\na,b\n", {1, 1, "a,b", "missing required column 'warmth'"});
    check_rejects(io::read_interactions, "i.csv", "a,b,timestamp,channel\na,b,2025-01-01,call\na,b,2025-01-01\n",
                  {3, 15, "", "missing column 'channel'"});
    check_rejects(io::read_people, "people.csv", "key,name\nx,Ann,extra\n", {2, 7, "extra", "too many fields"});
    check_rejects(io::read_people, "people.csv", "key,name\nx,Ann\n,Nobody\n", {3, 1, "", "empty 'key'"});
    check_rejects(io::read_people, "people.csv", "key,name,KEY\nx,Ann,y\n", {1, 10, "KEY", "duplicate column"});
}

TEST_CASE("csv malformed: warmth not numeric, NaN, inf, negative, zero, over one", "[io][csv][malformed]") {
    const std::string head = "a,b,warmth\na,c,0.5\n";
    check_rejects(io::read_ties, "ties.csv", head + "b,c,warm\n", {3, 5, "warm", "warmth is not a number"});
    check_rejects(io::read_ties, "ties.csv", head + "b,c,nan\n", {3, 5, "nan", "warmth is NaN"});
    check_rejects(io::read_ties, "ties.csv", head + "b,c,inf\n", {3, 5, "inf", "warmth is infinite"});
    check_rejects(io::read_ties, "ties.csv", head + "b,c,-0.2\n", {3, 5, "-0.2", "warmth is negative"});
    check_rejects(io::read_ties, "ties.csv", head + "b,c,0\n", {3, 5, "0", "warmth is zero"});
    check_rejects(io::read_ties, "ties.csv", head + "b,c,1.01\n", {3, 5, "1.01", "warmth is over one"});
    check_rejects(io::read_ties, "ties.csv", head + "b,c,\n", {3, 5, "", "empty 'warmth'"});
    check_rejects(io::read_ties, "ties.csv", head + "b,b,0.5\n", {3, 3, "b", "self-tie"});
}

TEST_CASE("csv malformed: unknown channel, bad initiator and participants", "[io][csv][malformed]") {
    const std::string head = "a,b,timestamp,channel,initiator,participants\na,c,2025-01-01,call,,\n";
    check_rejects(io::read_interactions, "i.csv", head + "a,c,2025-01-01,pigeon,,\n", {3, 16, "pigeon", "unknown channel 'pigeon'"});
    check_rejects(io::read_interactions, "i.csv", head + "a,c,2025-01-01,call,b,\n", {3, 21, "b", "initiator is neither a nor b"});
    check_rejects(io::read_interactions, "i.csv", head + "a,c,2025-01-01,call,,1\n", {3, 22, "1", "bad participant count"});
    check_rejects(io::read_interactions, "i.csv", head + "a,c,2025-01-01,call,,many\n", {3, 22, "many", "bad participant count"});
    check_rejects(io::read_interactions, "i.csv", head + "a,a,2025-01-01,call,,\n", {3, 3, "a", "self-interaction"});
}

TEST_CASE("csv malformed: bad and future timestamps", "[io][csv][malformed]") {
    const std::string head = "a,b,timestamp,channel\na,c,2025-01-01,call\n";
    check_rejects(io::read_interactions, "i.csv", head + "a,c,2025-02-30,call\n", {3, 5, "2025-02-30", "bad timestamp"});
    check_rejects(io::read_interactions, "i.csv", head + "a,c,last week,call\n", {3, 5, "last week", "bad timestamp"});
    io::csv_options opt;
    opt.not_after = kith::make_timestamp(2025, 6, 1);
    check_rejects(io::read_interactions, "i.csv", head + "a,c,2025-06-01T00:00:01Z,call\n",
                  {3, 5, "2025-06-01T00:00:01Z", "future timestamp"}, opt);
    check_rejects(io::read_groups, "groups.csv", "group,person,since\nG2,a,2025-01-01\nG2,b,2030-01-01\n",
                  {3, 6, "2030-01-01", "future timestamp"}, opt);
    check_rejects(io::read_groups, "groups.csv", "group,person,since\nG2,a,soon\n", {2, 6, "soon", "bad timestamp"});
    // At the limit is fine.
    network net = base_network();
    std::istringstream ok(head + "a,c,2025-06-01,call\n");
    CHECK(io::read_interactions(net, ok, "i.csv", opt).interactions == 2);
}

TEST_CASE("csv malformed: unknown person in a later file", "[io][csv][malformed]") {
    check_rejects(io::read_interactions, "i.csv", "a,b,timestamp,channel\na,c,2025-01-01,call\na,zed,2025-01-01,call\n",
                  {3, 3, "zed", "unknown person 'zed'"});
    check_rejects(io::read_ties, "ties.csv", "a,b,warmth\nzed,a,0.5\n", {2, 1, "zed", "unknown person"});
    check_rejects(io::read_ties, "ties.csv", "a,b,warmth,private_to\na,c,0.5,zed\n", {2, 9, "zed", "unknown person"});
    check_rejects(io::read_groups, "groups.csv", "group,person\nG,c\nG,zed\n", {3, 3, "zed", "unknown person"});
    check_rejects(io::read_events, "events.csv", "event,person\nE2,c\nE2,zed\n", {3, 4, "zed", "unknown person"});
}

TEST_CASE("csv malformed: duplicate keys", "[io][csv][malformed]") {
    check_rejects(io::read_people, "people.csv", "key,name\nx,X\ny,Y\nx,Again\n", {4, 1, "x", "duplicate key 'x' (first at line 2)"});
    check_rejects(io::read_people, "people.csv", "key,name\nx,X\nb,Bob again\n", {3, 1, "b", "already in the network"});
    check_rejects(io::read_ties, "ties.csv", "a,b,warmth\na,c,0.5\nc,a,0.7\n", {3, 1, "c,a", "duplicate tie (first at line 2)"});
    check_rejects(io::read_groups, "groups.csv", "group,person\nH,a\nH,a\n", {3, 1, "H,a", "duplicate membership"});
    check_rejects(io::read_group_themes, "t.csv", "group,themes\nH,x\nH,y\n", {3, 1, "H", "duplicate group 'H'"});
    check_rejects(io::read_events, "events.csv", "event,person,table\nF,a,1\nF,a,2\n", {3, 1, "F,a", "duplicate attendance"});
}

TEST_CASE("csv malformed: 10 MB field", "[io][csv][malformed]") {
    const std::string big(10u << 20, 'x');
    check_rejects(io::read_people, "people.csv", "key,name\nx," + big + "\n", {2, 3, "xxxxxxxx", "field too long"});
    check_rejects(io::read_people, "people.csv", "key,name\nx,\"" + big + "\"\n", {2, 3, "xxxxxxxx", "field too long"});
    // The limit is an option.
    io::csv_options opt;
    opt.max_field_bytes = 4;
    check_rejects(io::read_people, "people.csv", "key,name\nx,abcde\n", {2, 3, "abcde", "field too long"}, opt);
    network net;
    std::istringstream in("key,name\nx,abcd\n");
    CHECK(io::read_people(net, in, "people.csv", opt).people == 1);
}

TEST_CASE("csv malformed: empty files", "[io][csv][malformed]") {
    check_rejects(io::read_people, "people.csv", "", {1, 1, "", "the file is empty"});
    check_rejects(io::read_people, "people.csv", "\xEF\xBB\xBF", {1, 1, "", "the file is empty"});
    check_rejects(io::read_ties, "ties.csv", "\r\n  \n\n", {1, 1, "", "the file is empty"});
    // A header alone is an empty table, not an error.
    network net = base_network();
    std::istringstream in("a,b,warmth\r\n");
    CHECK(io::read_ties(net, in, "ties.csv").ties == 0);
}

TEST_CASE("csv: a progress callback that throws cancels the load and leaves the network unchanged", "[io][csv]") {
    network net = base_network();
    const network before = net;
    io::csv_options opt;
    std::size_t calls = 0;
    opt.progress = [&](const io::load_progress& p) {
        ++calls;
        CHECK(p.file == "people.csv");
        throw std::runtime_error("cancelled");
    };
    std::istringstream in("key\nn1\nn2\n");
    CHECK_THROWS_AS(io::read_people(net, in, "people.csv", opt), std::runtime_error);
    CHECK(calls == 1);
    CHECK(net == before);
}

TEST_CASE("csv: progress reaches the file size", "[io][csv]") {
    std::string text = "key,name\n";
    for (int i = 0; i < 100000; ++i) text += "person" + std::to_string(i) + ",Someone with a much longer display name quoted " + std::to_string(i) + "\n";
    network net;
    io::csv_options opt;
    std::vector<io::load_progress> seen;
    opt.progress = [&](const io::load_progress& p) { seen.push_back(p); };
    std::istringstream in(text);
    CHECK(io::read_people(net, in, "people.csv", opt).people == 100000);
    REQUIRE(seen.size() >= 2);  // ~8 MB: one report after 4 MiB, one at the end
    CHECK(seen.back().bytes_done == text.size());
    CHECK(seen.back().bytes_total == text.size());
    CHECK(seen.front().bytes_done < seen.back().bytes_done);
}

// ------------------------------------------------------------------ directories

TEST_CASE("csv: load_csv_directory reads every file of a CRM export", "[io][csv]") {
    network net;
    const auto rep = io::load_csv_directory(net, data_dir + "crm_ok");
    CHECK(rep.people == 4);
    CHECK(rep.interactions == 4);
    CHECK(rep.ties == 2);
    CHECK(rep.private_ties == 1);
    CHECK(rep.groups == 3);  // Rotary Club, "Yoga, Tuesdays", Chess Club
    CHECK(rep.memberships == 3);
    CHECK(rep.group_themes == 2);
    CHECK(rep.events == 2);
    CHECK(rep.attendances == 3);
    CHECK(rep.files.size() == 6);
    CHECK(rep.warnings == std::vector<std::string>{"people.csv: column 'phone' ignored",
                                                   "interactions.csv: column 'notes' ignored"});
    const auto maya = net.id_of("p0001");
    CHECK(net.at(maya).name == "Maya Lin");
    CHECK(net.at(maya).organization == "Acme, Inc.");
    CHECK(net.at(maya).interests == std::vector<std::string>{"sailing", "ai"});
    CHECK(net.at(net.id_of("p0002")).name == "Jo \"JJ\" Smith");
    CHECK(net.at(net.id_of("p0003")).name == "Multi\r\nLine");
    CHECK(net.find_group("Yoga, Tuesdays").has_value());
    const auto p4 = net.id_of("p0004");
    CHECK(net.history(maya, p4).at(0).when == kith::make_timestamp(2025, 3, 14, 9, 30));
    CHECK(net.find_tie_record(maya, p4)->manual_warmth == 0.9);
    CHECK(net.find_tie_record(maya, p4)->visibility.private_to == maya);
    CHECK(net.history(net.id_of("p0002"), net.id_of("p0003")).at(0).participants == 12);
}

TEST_CASE("csv: a failing directory load leaves the network unchanged", "[io][csv][malformed]") {
    network net = base_network();
    const network before = net;
    try {
        io::load_csv_directory(net, data_dir + "crm_bad_ties");
        FAIL("no exception");
    } catch (const parse_error& e) {
        CHECK(e.file() == data_dir + "crm_bad_ties/ties.csv");
        CHECK(e.line() == 3);
        CHECK(e.column() == 7);
        CHECK(e.text() == "-0.2");
        CHECK(contains(e.what(), "load_csv_directory: warmth is negative"));
    }
    CHECK(net == before);
    // people.csv is required.
    try {
        io::load_csv_directory(net, data_dir + "crm_no_people");
        FAIL("no exception");
    } catch (const parse_error& e) {
        CHECK(e.line() == 0);
        CHECK(contains(e.what(), "people.csv"));
        CHECK(contains(e.what(), "cannot open"));
    }
    CHECK(net == before);
}

TEST_CASE("csv: unreadable files", "[io][csv][malformed]") {
    // A directory opens but cannot be read.
    try {
        kith::io::detail::read_file(data_dir + "crm_ok", "load_csv_directory");
        FAIL("no exception");
    } catch (const parse_error& e) {
        CHECK(e.line() == 0);
        CHECK(contains(e.what(), "load_csv_directory: read error"));
    }
}

TEST_CASE("csv: the bundled sample in examples/data loads", "[io][csv][sample]") {
    const std::string dir = KITH_SAMPLE_DATA_DIR;
    if (!std::ifstream(dir + "/people.csv")) {
        WARN("examples/data/people.csv is absent: sample not checked");
        return;
    }
    network net;
    const auto rep = io::load_csv_directory(net, dir);
    CHECK(rep.people > 0);
    CHECK(net.person_count() == rep.people);
    REQUIRE(net.find("p0001").has_value());
    CHECK(net.at(net.id_of("p0001")).name.rfind("Maya", 0) == 0);
    CHECK(net.tie_count() > 0);
    for (const char* f : {"interactions.csv", "ties.csv", "groups.csv", "events.csv"})
        if (std::ifstream(dir + "/" + f)) CHECK(std::find(rep.files.begin(), rep.files.end(), dir + "/" + f) != rep.files.end());
    if (std::ifstream(dir + "/interactions.csv")) CHECK(rep.interactions > 0);
    if (std::ifstream(dir + "/groups.csv")) CHECK(rep.memberships > 0);
    if (std::ifstream(dir + "/events.csv")) CHECK(rep.attendances > 0);
    // A second load of the same people into the loaded network is refused, and changes nothing.
    const network before = net;
    CHECK_THROWS_AS(io::load_csv_directory(net, dir), parse_error);
    CHECK(net == before);
}

TEST_CASE("csv: mutated inputs either load or throw parse_error, and a failure changes nothing", "[io][csv][robustness]") {
    // Byte-level mutations (deletions, insertions of structural characters, duplicated
    // slices) of a valid export, fed to every reader: the only exception allowed is
    // parse_error, and after it the network is unchanged.
    const std::string people = "key,name,organization,title,interests\np1,\"Lin, Maya\",Acme,CTO,ai;sailing\np2,Bo,,,\np3,\"Q \"\"x\"\"\",B,,\n";
    const std::vector<std::pair<reader_fn, std::string>> inputs = {
        {io::read_interactions, "a,b,timestamp,channel,initiator,participants\na,b,2025-01-01T10:00:00Z,call,a,2\nb,c,1700000000,email,,3\n"},
        {io::read_ties, "a,b,warmth,private_to\na,c,0.5,a\nb,c,1,\n"},
        {io::read_groups, "group,person,since\n\"G, x\",a,2024-01-01\nG,c,\n"},
        {io::read_group_themes, "group,themes\nG,a;b\nH,\"c\"\n"},
        {io::read_events, "event,person,table\nE,a,1\nF,\"b\",\n"},
        {io::read_people, people},
    };
    const char pieces[] = {',', '"', '\n', '\r', ';', 'a', '\xC3', '\xEF', ' ', '-', '0'};
    std::mt19937_64 rng(7);
    std::size_t loaded = 0, rejected = 0;
    for (int round = 0; round < 600; ++round) {
        const auto& [fn, base] = inputs[rng() % inputs.size()];
        std::string s = base;
        const int edits = 1 + static_cast<int>(rng() % 3);
        for (int k = 0; k < edits && !s.empty(); ++k) {
            const std::size_t at = rng() % s.size();
            switch (rng() % 3) {
            case 0: s.erase(at, 1 + rng() % 3); break;
            case 1: s.insert(at, 1, pieces[rng() % sizeof pieces]); break;
            default: s.insert(at, s.substr(rng() % s.size(), rng() % 8)); break;
            }
        }
        network net = base_network();
        const network before = net;
        std::istringstream in(s);
        try {
            fn(net, in, "m.csv", {});
            ++loaded;
        } catch (const parse_error& e) {
            ++rejected;
            CHECK(net == before);
            CHECK(std::string(e.what()).rfind("m.csv:", 0) == 0);
        }
    }
    CHECK(loaded > 0);
    CHECK(rejected > 0);
}
