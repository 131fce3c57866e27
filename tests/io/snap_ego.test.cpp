// tests/io/snap_ego.test.cpp -- SNAP ego-network circles as groups: names, members, people
// created, prefixes, malformed input (network unchanged), and ego-Facebook's 10 files.
#include "kith_catch.hpp"

#include <kith/io/snap_ego.hpp>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

namespace io = kith::io;
using kith::network;
using kith::person_id;

const std::string data_dir = std::string(KITH_TEST_DATA_DIR) + "/io/snap_ego/";

std::vector<std::string> member_keys(const network& net, const std::string& group) {
    std::vector<std::string> out;
    for (const kith::membership& m : net.members(*net.find_group(group))) out.push_back(net.at(m.who).key);
    return out;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("snap circles: each line is a group of people, named after the file's stem", "[io][snap_ego]") {
    network net;
    net.add_person(kith::person{"3", "Three", "", "", {}});
    const auto r = io::read_snap_circles(net, data_dir + "7.circles");
    CHECK(r.lines == 6);
    CHECK(r.circles == 5);
    CHECK(r.groups == 5);
    CHECK(r.memberships == 8);  // circle2 lists 4 twice
    CHECK(r.people == 4);       // 1, 2, 4, 9 (3 existed)
    CHECK(net.group_count() == 5);
    CHECK(member_keys(net, "7/circle0") == std::vector<std::string>{"3", "1", "2"});  // sorted by id
    CHECK(member_keys(net, "7/circle1") == std::vector<std::string>{"3"});          // CRLF
    CHECK(member_keys(net, "7/circle2") == std::vector<std::string>{"2", "4"});
    CHECK(member_keys(net, "7/circle3").empty());                                   // no member
    CHECK(member_keys(net, "7/circle4") == std::vector<std::string>{"1", "9"});     // spaces, no final newline
    CHECK(net.at(net.id_of("3")).name == "Three");
    CHECK(net.groups_of(net.id_of("2")).size() == 2);
}

TEST_CASE("snap circles: prefix option, existing groups are reused, streams", "[io][snap_ego]") {
    network net;
    io::snap_circles_options opt;
    opt.group_prefix = "ego 0: ";
    std::istringstream in("a\tx\ty\nb\ty\n");
    auto r = io::read_snap_circles(net, in, "whatever.circles", opt);
    CHECK(r.groups == 2);
    CHECK(member_keys(net, "ego 0: a") == std::vector<std::string>{"x", "y"});
    std::istringstream again("a\tz\n");
    r = io::read_snap_circles(net, again, "whatever.circles", opt);
    CHECK(r.groups == 0);
    CHECK(r.memberships == 1);
    CHECK(member_keys(net, "ego 0: a") == std::vector<std::string>{"x", "y", "z"});
    std::istringstream stem("c\tx\n");
    io::read_snap_circles(net, stem, "dir/12.circles");
    CHECK(net.find_group("12/c").has_value());
}

TEST_CASE("snap circles malformed: repeated circle, bad UTF-8, unknown member, missing file", "[io][snap_ego][malformed]") {
    network net;
    net.add_person(kith::person{"1", "", "", "", {}});
    net.add_group(kith::group{"7/old", {}});
    const network before = net;
    auto rejects = [&](const std::string& text, std::size_t line, std::size_t column, const std::string& message,
                       const io::snap_circles_options& opt = {}) {
        std::istringstream in(text);
        bool threw = false;
        try {
            io::read_snap_circles(net, in, "7.circles", opt);
        } catch (const kith::parse_error& e) {
            threw = true;
            INFO(e.what());
            CHECK(e.file() == "7.circles");
            CHECK(e.line() == line);
            CHECK(e.column() == column);
            CHECK(contains(e.what(), "read_snap_circles: " + message));
        }
        CHECK(threw);
        CHECK(net == before);
    };
    rejects("c0\t1\t2\nc1\t2\nc0\t5\n", 3, 1, "circle 'c0' appears twice");
    rejects("c0\t1\t2\nc1\t2\tcaf\xC3\n", 2, 9, "the member key is not valid UTF-8");
    rejects("c\xFF\t1\n", 1, 2, "the circle name is not valid UTF-8");
    io::snap_circles_options strict;
    strict.create_people = false;
    rejects("c0\t1\nc1\t1\t 22\n", 2, 7, "unknown member '22'", strict);
    std::istringstream ok("c0\t1\t1\n");
    CHECK(io::read_snap_circles(net, ok, "7.circles", strict).memberships == 1);
    network other = before;
    CHECK_THROWS_AS(io::read_snap_circles(other, data_dir + "no-such.circles"), kith::parse_error);
    CHECK_THROWS_AS(io::read_snap_circles(other, data_dir), kith::parse_error);
    CHECK(other == before);
    // A throwing progress callback cancels the load.
    io::snap_circles_options cancel;
    cancel.progress = [](const io::load_progress& p) {
        if (p.phase == io::load_phase::building) throw std::runtime_error("cancel");
    };
    std::istringstream in("c9\t5\t6\n");
    CHECK_THROWS_AS(io::read_snap_circles(other, in, "7.circles", cancel), std::runtime_error);
    CHECK(other == before);
}

TEST_CASE("snap circles: ego-Facebook's 10 circle files give the published 193 circles", "[io][snap_ego][shared]") {
    const std::string dir = std::string(KITH_SHARED_DATA_DIR) + "/snap-ego-facebook/egonets/";
    if (!std::ifstream(dir + "0.circles")) {
        WARN("snap-ego-facebook/egonets is absent: not checked");
        return;
    }
    network net;
    std::size_t circles = 0, groups = 0;
    for (const char* ego : {"0", "107", "348", "414", "686", "698", "1684", "1912", "3437", "3980"}) {
        const auto r = io::read_snap_circles(net, dir + ego + ".circles");
        circles += r.circles;
        groups += r.groups;
        CHECK(r.lines == r.circles);  // no blank lines
    }
    CHECK(circles == 193);
    CHECK(groups == 193);
    CHECK(net.group_count() == 193);
    CHECK(net.person_count() <= 4039);  // members are nodes of facebook_combined.txt
    CHECK(net.find_group("0/circle0").has_value());
}
