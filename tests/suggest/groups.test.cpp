// tests/suggest/groups.test.cpp -- suggest_groups: hand fixture, tiers agree, privacy,
// exclusions, errors, and the bipartite handling on real person-group data.
#include "kith_catch.hpp"

#include <kith/network.hpp>
#include <kith/snapshot.hpp>
#include <kith/suggest/groups.hpp>

#include <boost/graph/adjacency_list.hpp>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

using kith::person_id;

// Maya likes yoga, sailing and volunteering. Her friends sail; a yoga class is full of strangers.
struct groups_fixture {
    kith::network net;
    person_id me, f1, f2, f3, s1, s2, s3, s4, s5, s6, goal, hidden_goal;
    kith::group_id book, sailing, yoga, rotary, chess, founders;
    kith::timestamp now = kith::make_timestamp(2026, 3, 1);

    person_id add(const std::string& key, const std::string& org, std::vector<std::string> interests = {}) {
        return net.add_person(kith::person{key, "Name " + key, org, "", std::move(interests)});
    }

    groups_fixture() {
        me = add("me", "Acme", {"Yoga", "sailing", " volunteering "});
        f1 = add("f1", "Acme");
        f2 = add("f2", "Beta");
        f3 = add("f3", "");
        s1 = add("s1", "Gamma", {"yoga"});
        s2 = add("s2", "Delta", {"yoga", "sailing"});
        s3 = add("s3", "Gamma");
        s4 = add("s4", "Acme");
        s5 = add("s5", "");
        s6 = add("s6", "Epsilon", {"volunteering"});
        goal = add("goal", "Zeta");
        hidden_goal = add("hidden", "Eta");
        book = net.add_group({"Book club", {"books"}});
        sailing = net.add_group({"Harbor Sailing", {"sailing", "boating", "outdoors"}});
        yoga = net.add_group({"Sunrise Yoga", {"Yoga", "wellness"}});
        rotary = net.add_group({"Rotary", {"service", "volunteering"}});
        chess = net.add_group({"Chess", {"chess"}});
        founders = net.add_group({"Founders Breakfast", {"startups"}});
        for (auto p : {me, f1}) net.join(book, p);
        for (auto p : {f1, f2, f3, s5}) net.join(sailing, p);
        for (auto p : {s1, s2, s3, s4}) net.join(yoga, p);
        for (auto p : {s6, f2}) net.join(rotary, p);
        for (auto p : {s3, s5}) net.join(chess, p);
        for (auto p : {s1, s3, s6}) net.join(founders, p);
        for (auto p : {f1, f2, f3}) net.set_warmth(me, p, 0.5);
        net.set_warmth(s2, goal, 0.6);
        net.set_warmth(s3, hidden_goal, 0.9);
        net.set_visibility(s3, hidden_goal, kith::visibility{s3});  // s3's private tie
    }
};

} // namespace

TEST_CASE("suggest_groups ranks fit first, then gain, on a hand fixture", "[suggest][groups]") {
    groups_fixture fx;
    const kith::snapshot s(fx.net, fx.now);
    kith::group_options opt;
    opt.goals = {fx.goal, fx.hidden_goal};
    const auto r = kith::suggest_groups(s, fx.me, opt);
    REQUIRE(r.size() == 4);  // chess shares nothing; the book club is mine
    CHECK(r[0].name == "Sunrise Yoga");
    CHECK(r[1].name == "Rotary");
    CHECK(r[2].name == "Harbor Sailing");
    CHECK(r[3].name == "Founders Breakfast");

    const auto& y = r[0];
    CHECK(y.group == fx.yoga);
    CHECK_THAT(y.fit, WithinAbs(0.6 / 2 + 0.4 * (1.0 / 3 + 2.0 / 3) / 4, 1e-12));
    CHECK(y.shared_interests == std::vector<std::string>{"sailing", "yoga"});
    CHECK(y.members == 4);
    CHECK(y.known_members == 0);
    CHECK(y.new_people == 4);
    CHECK(y.new_organizations == std::vector<std::string>{"Delta", "Gamma"});
    CHECK(y.new_communities == std::vector<std::string>{"Chess", "Founders Breakfast"});
    CHECK(y.goals_opened == std::vector<person_id>{fx.goal});  // hidden_goal only via a private tie
    CHECK_THAT(y.gain, WithinAbs(4 + 2 + 2 + 3.0, 1e-12));

    const auto& sail = r[2];
    CHECK(sail.known_members == 3);
    CHECK(sail.new_people == 1);
    CHECK(sail.new_communities == std::vector<std::string>{"Chess"});
    CHECK_THAT(sail.gain, WithinAbs((1 + 1) * 0.25, 1e-12));
    CHECK_THAT(r[1].gain, WithinAbs((1 + 1 + 1) * 0.5, 1e-12));  // s6, Epsilon, Founders
    // Founders has the second largest gain but the lowest fit: fit comes first.
    CHECK(r[3].gain > r[1].gain);
    CHECK(r[3].fit < 0.1);

    SECTION("one fit step for all: gain decides") {
        opt.fit_step = 1.0;
        const auto g = kith::suggest_groups(s, fx.me, opt);
        REQUIRE(g.size() == 4);
        CHECK(g[0].name == "Sunrise Yoga");
        CHECK(g[1].name == "Founders Breakfast");
    }
    SECTION("the owner of the private tie sees the hidden goal") {
        opt.asker = fx.s3;
        const auto g = kith::suggest_groups(s, fx.me, opt);
        CHECK(g[0].goals_opened == std::vector<person_id>{fx.goal, fx.hidden_goal});
    }
    SECTION("excluded people are never counted or shown") {
        opt.exclude = {fx.s2, person_id(999)};
        const auto g = kith::suggest_groups(s, fx.me, opt);
        const auto it = std::find_if(g.begin(), g.end(), [](const auto& x) { return x.name == "Sunrise Yoga"; });
        REQUIRE(it != g.end());
        CHECK(it->members == 3);
        CHECK(it->new_organizations == std::vector<std::string>{"Gamma"});
        CHECK(it->goals_opened.empty());
        CHECK(it->shared_interests == std::vector<std::string>{"yoga"});
    }
    SECTION("shared interests held by too few members are not shown") {
        opt.shared_interest_share = 0.3;  // sailing: 1 of 4 yoga members
        CHECK(kith::suggest_groups(s, fx.me, opt)[0].shared_interests == std::vector<std::string>{"yoga"});
    }
    SECTION("filters and limits") {
        opt.max_results = 2;
        CHECK(kith::suggest_groups(s, fx.me, opt).size() == 2);
        opt.max_results = 0;
        opt.min_fit = 0.25;
        CHECK(kith::suggest_groups(s, fx.me, opt).size() == 2);  // yoga 0.4, rotary 0.367, sailing 0.2
        opt.min_fit = 0;
        opt.require_shared_interest = false;
        CHECK(kith::suggest_groups(s, fx.me, opt).size() == 5);  // chess comes back
    }
}

TEST_CASE("suggest_groups: the generic tier on a Boost.Graph adjacency_list agrees", "[suggest][groups]") {
    groups_fixture fx;
    const kith::snapshot s(fx.net, fx.now);
    using graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    graph g(s.num_people());
    for (std::uint32_t v = 0; v < s.num_people(); ++v)
        for (auto a = s.arc_begin(v); a != s.arc_end(v); ++a)
            if (v < s.arc_target(a) && !s.arc_is_private(a)) boost::add_edge(v, s.arc_target(a), g);
    kith::bipartite_groups bg;
    for (std::uint32_t h = 0; h < s.group_count(); ++h) {
        bg.members.push_back(s.group_members(h));
        bg.themes.push_back(s.group_at(h).themes);
    }
    std::vector<std::vector<std::string>> interests;
    std::vector<std::optional<std::uint32_t>> orgs;
    for (std::uint32_t v = 0; v < s.num_people(); ++v) {
        interests.push_back(s.person_at(v).interests);
        orgs.push_back(s.organization_of(v));
    }
    auto im = boost::make_iterator_property_map(interests.begin(), boost::get(boost::vertex_index, g));
    auto om = boost::make_iterator_property_map(orgs.begin(), boost::get(boost::vertex_index, g));
    kith::basic_group_options<std::size_t> o;
    o.goals = {s.vertex_of(fx.goal)};
    const auto generic = kith::suggest_groups(g, s.vertex_of(fx.me), bg, im, om, o);
    kith::group_options so;
    so.goals = {fx.goal};
    const auto snap = kith::suggest_groups(s, fx.me, so);
    REQUIRE(generic.size() == snap.size());
    for (std::size_t i = 0; i < snap.size(); ++i) {
        CHECK(generic[i].group == snap[i].group.value());
        CHECK(generic[i].fit == snap[i].fit);
        CHECK(generic[i].gain == snap[i].gain);
        CHECK(generic[i].new_people == snap[i].new_people);
    }
}

TEST_CASE("suggest_groups: edge cases and errors", "[suggest][groups]") {
    groups_fixture fx;
    const kith::snapshot s(fx.net, fx.now);
    SECTION("nobody's interests: nothing fits") {
        CHECK(kith::suggest_groups(s, fx.f1).empty());
    }
    SECTION("an empty snapshot has no groups") {
        kith::network net;
        const auto p = net.add_person({"k", "K", "", "", {"yoga"}});
        CHECK(kith::suggest_groups(kith::snapshot(net, fx.now), p).empty());
    }
    kith::group_options opt;
    REQUIRE_THROWS_AS(kith::suggest_groups(s, person_id(999), opt), kith::unknown_person);
    opt.asker = person_id(998);
    REQUIRE_THROWS_AS(kith::suggest_groups(s, fx.me, opt), kith::unknown_person);
    opt.asker.reset();
    opt.goals = {person_id(997)};
    REQUIRE_THROWS_AS(kith::suggest_groups(s, fx.me, opt), kith::unknown_person);
    opt.goals.clear();
    for (double kith::group_options::*w : {&kith::group_options::theme_weight, &kith::group_options::member_weight,
                                           &kith::group_options::organization_weight,
                                           &kith::group_options::community_weight, &kith::group_options::goal_weight}) {
        kith::group_options bad;
        bad.*w = -1;
        REQUIRE_THROWS_AS(kith::suggest_groups(s, fx.me, bad), kith::invalid_argument);
        bad.*w = std::nan("");
        REQUIRE_THROWS_AS(kith::suggest_groups(s, fx.me, bad), kith::invalid_argument);
    }
    opt.shared_interest_share = 1.5;
    REQUIRE_THROWS_AS(kith::suggest_groups(s, fx.me, opt), kith::invalid_argument);
    opt.shared_interest_share = 0.1;
    opt.fit_step = 0;
    REQUIRE_THROWS_AS(kith::suggest_groups(s, fx.me, opt), kith::invalid_argument);
    try {
        kith::suggest_groups(s, fx.me, opt);
    } catch (const kith::error& e) {
        CHECK(std::string(e.what()).rfind("suggest_groups: fit_step", 0) == 0);
    }

    // Generic tier: member index out of range, me and goal out of range.
    using graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    graph g(3);
    std::vector<std::vector<std::string>> interests(3, std::vector<std::string>{"x"});
    std::vector<std::optional<std::uint32_t>> orgs(3);
    auto im = boost::make_iterator_property_map(interests.begin(), boost::get(boost::vertex_index, g));
    auto om = boost::make_iterator_property_map(orgs.begin(), boost::get(boost::vertex_index, g));
    kith::bipartite_groups bg;
    bg.members = {{0, 5}};
    REQUIRE_THROWS_AS(kith::suggest_groups(g, 0, bg, im, om), kith::invalid_argument);
    bg.members = {{1, 2}};
    REQUIRE_THROWS_AS(kith::suggest_groups(g, 7, bg, im, om), kith::unknown_person);
    kith::basic_group_options<std::size_t> o;
    o.goals = {9};
    REQUIRE_THROWS_AS(kith::suggest_groups(g, 0, bg, im, om, o), kith::unknown_person);
    o.goals.clear();
    const auto r = kith::suggest_groups(g, 0, bg, im, om, o);  // no themes: member interests fit
    REQUIRE(r.size() == 1);
    CHECK_THAT(r[0].fit, WithinAbs(0.4, 1e-12));
    CHECK(r[0].shared_interests == std::vector<std::string>{"x"});
}

// ------------------------------------------------------------------------ real person-group data

namespace {

struct affiliation_file {
    std::size_t people = 0, groups = 0, memberships = 0;
    std::vector<std::pair<int, int>> pairs;  // (person, group), 1-based
};

// A tiny reader for the two Konect bipartite files: skips `%` comments and a `source target`
// header, reads `person group` pairs separated by tabs or spaces (trailing separators allowed).
affiliation_file read_affiliation(const std::string& path) {
    affiliation_file f;
    std::ifstream in(path);
    std::string line;
    std::set<int> ps, gs;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '%' || line.rfind("source", 0) == 0) continue;
        std::istringstream ls(line);
        int p = 0, g = 0;
        if (!(ls >> p >> g)) continue;
        f.pairs.emplace_back(p, g);
        ps.insert(p);
        gs.insert(g);
    }
    f.people = ps.size();
    f.groups = gs.size();
    f.memberships = f.pairs.size();
    return f;
}

// Loads people "p<i>" and groups "g<j>", everyone with interest "community" and every group
// with theme "community" (so fit is equal and gain decides).
kith::network to_network(const affiliation_file& f) {
    kith::network net;
    int max_p = 0, max_g = 0;
    for (auto [p, g] : f.pairs) { max_p = std::max(max_p, p); max_g = std::max(max_g, g); }
    for (int p = 1; p <= max_p; ++p) net.add_person({"p" + std::to_string(p), "P" + std::to_string(p), "", "", {"community"}});
    for (int g = 1; g <= max_g; ++g) net.add_group({"g" + std::to_string(g), {"community"}});
    for (auto [p, g] : f.pairs) net.join(kith::group_id(static_cast<std::uint32_t>(g - 1)), person_id(static_cast<std::uint32_t>(p - 1)));
    return net;
}

// Checks the rules on one person: I befriend every co-member of my first group; then every
// other group where I know all members has gain 0 and ranks after every group with strangers,
// and new_people + known_members = members.
void check_person(kith::network net, person_id me) {
    const auto now = kith::make_timestamp(2026, 1, 1);
    const auto first = net.groups_of(me).front();
    for (const auto& m : net.members(first))
        if (m.who != me) net.set_warmth(me, m.who, 0.5);
    const kith::snapshot s(net, now);
    const auto r = kith::suggest_groups(s, me);
    REQUIRE(r.size() == net.group_count() - net.groups_of(me).size());
    bool seen_all_known = false;
    for (const auto& g : r) {
        CHECK(g.new_people + g.known_members == g.members);
        CHECK(g.fit == r.front().fit);
        if (g.known_members == g.members) {
            CHECK(g.gain == 0.0);
            seen_all_known = true;
        } else {
            CHECK(!seen_all_known);  // all-known groups come last
            CHECK(g.gain > 0.0);
        }
    }
}

} // namespace

TEST_CASE("suggest_groups on the Konect club-membership data", "[suggest][groups][data]") {
    const std::string path = std::string(KITH_SHARED_DATA_DIR) + "/konect-club-membership/out.brunson_club-membership_club-membership";
    if (!std::ifstream(path)) {
        WARN("skipped: " << path << " is absent");
        return;
    }
    const auto f = read_affiliation(path);
    CHECK(f.people == 25);
    CHECK(f.groups == 15);
    CHECK(f.memberships == 95);
    const auto net = to_network(f);
    std::size_t total = 0;
    for (std::uint32_t g = 0; g < net.group_count(); ++g) total += net.members(kith::group_id(g)).size();
    CHECK(total == 95);
    for (std::uint32_t p = 0; p < 25; ++p)
        if (!net.groups_of(person_id(p)).empty()) check_person(net, person_id(p));

    // Hand-chosen: person 1 is in clubs 1, 2 and 3; befriend everyone in club 1. A club
    // all of whose members are club-1 members then offers nothing new.
    auto net2 = net;
    const person_id me(0);
    for (const auto& m : net2.members(kith::group_id(0)))
        if (m.who != me) net2.set_warmth(me, m.who, 0.5);
    const kith::snapshot s(net2, kith::make_timestamp(2026, 1, 1));
    const auto r = kith::suggest_groups(s, me);
    REQUIRE(!r.empty());
    CHECK(r.front().new_people > 0);
    CHECK(r.front().gain >= r.back().gain);
}

TEST_CASE("suggest_groups on the Southern Women data", "[suggest][groups][data]") {
    const std::string path = std::string(KITH_SHARED_DATA_DIR) + "/konect-southern-women/out.opsahl-southernwomen";
    if (!std::ifstream(path)) {
        WARN("skipped: " << path << " is absent");
        return;
    }
    const auto f = read_affiliation(path);
    CHECK(f.people == 18);
    CHECK(f.groups == 14);
    CHECK(f.memberships == 89);
    const auto net = to_network(f);
    for (std::uint32_t p = 0; p < 18; ++p) check_person(net, person_id(p));

    // Hand-chosen: Flora Price (18) attends only Konect events 8 (E9) and 14 (E11). If she knows
    // everyone at E9, every other event's stranger count is its size minus her E9 friends there.
    kith::network n2 = net;
    const person_id flora(17);
    REQUIRE(n2.groups_of(flora).size() == 2);
    const auto e9 = n2.groups_of(flora).front();
    std::set<person_id> friends;
    for (const auto& m : n2.members(e9))
        if (m.who != flora) { n2.set_warmth(flora, m.who, 0.5); friends.insert(m.who); }
    const kith::snapshot s(n2, kith::make_timestamp(2026, 1, 1));
    const auto r = kith::suggest_groups(s, flora);
    REQUIRE(r.size() == 12);
    for (const auto& g : r) {
        std::size_t known = 0;
        for (const auto& m : n2.members(g.group)) known += friends.count(m.who);
        CHECK(g.known_members == known);
        CHECK(g.members == n2.members(g.group).size());
    }
    // Gain order: the event with the most strangers (and what they open) leads.
    for (std::size_t i = 1; i < r.size(); ++i) CHECK(r[i - 1].gain >= r[i].gain);
}
