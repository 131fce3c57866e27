// 05_grow_next: whom should Maya grow next?
//
// Maya Chen sells for Lumen Software. Her quarter depends on Northwind Robotics, where she knows
// one VP through Omar but none of the other decision makers. kith looks at her network as it is today and answers four questions, each with
// the reasons she needs to act without a sales pitch: which tie to grow toward Northwind, whom
// to meet (and what to talk about), which cooling ties to revive, and which circles she does
// not reach yet. Then a health check, and how her network changed since the spring.
#include <kith/io/csv.hpp>
#include <kith/metrics/health.hpp>
#include <kith/snapshot.hpp>
#include <kith/suggest/bridges.hpp>
#include <kith/suggest/people_to_meet.hpp>
#include <kith/suggest/reconnect.hpp>
#include <kith/suggest/ties_to_grow.hpp>

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#ifndef KITH_SAMPLE_DATA_DIR
#define KITH_SAMPLE_DATA_DIR "examples/data"
#endif

namespace {
const kith::snapshot* snap = nullptr;
std::string name(kith::person_id p) { return snap->person_at(snap->vertex_of(p)).name; }
std::string people(std::size_t n) { return n == 1 ? "1 person" : std::to_string(n) + " people"; }
std::string ago(kith::timestamp t) {
    const double months = kith::days_between(t, snap->taken_at()) / 30.44;
    return months < 1 ? "this month" : std::to_string(static_cast<int>(std::lround(months))) + " months ago";
}
}  // namespace

int main(int argc, char** argv) {
    kith::network net;
    kith::io::load_csv_directory(net, argc > 1 ? argv[1] : KITH_SAMPLE_DATA_DIR);
    const kith::snapshot s(net, kith::make_timestamp(2026, 11, 1));
    snap = &s;
    const kith::person_id maya = net.id_of("p0001");

    // 1. Which of her ties, grown strong (0.8), would bring Northwind's decision makers closest?
    std::vector<kith::growth_goal> leaders;
    for (kith::person_id p : kith::goal_organization(s, "Northwind Robotics").people) {
        const std::string& title = s.person_at(s.vertex_of(p)).title;
        for (const char* role : {"CEO", "CTO", "VP", "Director"})
            if (title.find(role) != std::string::npos) {
                leaders.push_back(kith::goal_person(s, p));
                break;
            }
    }
    kith::ties_to_grow_options grow;
    grow.k = 3;
    grow.max_hops = 3;  // an introduction through more than two people is not one
    std::printf("Ties to grow toward Northwind Robotics' %zu decision makers:\n", leaders.size());
    for (const kith::tie_growth& g : kith::suggest_ties_to_grow(s, maya, leaders, grow)) {
        std::printf("  Growing your tie with %s (%s", name(g.contact).c_str(), std::string(kith::to_string(g.tier)).c_str());
        if (g.last_interaction)
            std::printf(", last %s %s", std::string(kith::to_string(*g.last_channel)).c_str(), ago(*g.last_interaction).c_str());
        std::printf(") opens the warmest path to %zu of them", g.goals_opened);
        std::printf(" (path warmth +%.2f in total) and brings %s within reach.\n", g.score, people(g.new_in_reach).c_str());
        for (const kith::goal_gain& x : g.gains)
            std::printf("      %s: %s -> %.3f\n", leaders[x.goal].name.c_str(),
                        x.warmth_before > 0 ? std::to_string(x.warmth_before).substr(0, 5).c_str() : "no path",
                        x.warmth_after);
    }

    // 2. Whom to meet: friends of friends, with the mutual contacts to ask and things to talk about.
    kith::people_to_meet_options meet;
    meet.k = 5;
    meet.max_mutuals = 2;
    std::printf("\nPeople to meet:\n");
    for (const kith::person_suggestion& p : kith::suggest_people_to_meet(s, maya, meet)) {
        const kith::person& who = s.person_at(s.vertex_of(p.who));
        std::printf("  %s (%s), score %.3f, %zu mutual", who.name.c_str(), who.organization.c_str(), p.score,
                    p.mutual_count);
        if (!p.mutuals.empty()) std::printf(" (ask %s)", name(p.mutuals[0].who).c_str());
        std::string talk;
        for (const std::string& i : p.shared_interests) talk += (talk.empty() ? "" : ", ") + i;
        for (const std::string& g : p.shared_groups) talk += (talk.empty() ? "" : ", ") + g;
        std::printf("%s%s\n", talk.empty() ? "" : "; talk about ", talk.c_str());
    }

    // 3. Cooling ties worth a coffee.
    kith::reconnect_options rec;
    rec.k = 3;
    std::printf("\nReconnect (silent for over 8x the usual gap):\n");
    for (const kith::reconnect_suggestion& r : kith::suggest_reconnect(s, maya, rec))
        std::printf("  %s (%s), last %s %s (usually every %.0f days); %s within reach %s on it\n",
                    name(r.contact).c_str(), std::string(kith::to_string(r.tier)).c_str(),
                    std::string(kith::to_string(*r.last_channel)).c_str(), ago(r.last_interaction).c_str(),
                    r.usual_gap_days, people(r.people_depending).c_str(), r.people_depending == 1 ? "depends" : "depend");

    // 4. Bridges to circles Maya does not reach.
    kith::bridges_options br;
    br.k = 3;
    std::printf("\nBridges to new circles:\n");
    for (const kith::bridge_suggestion& b : kith::suggest_bridges(s, maya, br)) {
        std::printf("  %s opens %s", name(b.who).c_str(), b.opens[0].name.c_str());
        std::printf(" (via %s): constraint %.3f -> %.3f, effective size %.1f -> %.1f\n", name(b.introducer).c_str(),
                    b.constraint_before, b.constraint_after, b.effective_size_before, b.effective_size_after);
    }

    // 5. Health now, and since the spring.
    const kith::snapshot spring(net, kith::make_timestamp(2026, 4, 1));
    const kith::network_growth g = kith::compare_health(spring, s, maya);
    auto show = [](const char* when, const kith::network_health& h) {
        std::printf("  %-7s %3zu contacts (%zu strong, %zu occasional, %zu weak), reach %zu in 2 hops / %zu in 3, "
                    "diversity %.2f bits, constraint %.3f, %zu cooling\n",
                    when, h.contacts(), h.strong, h.occasional, h.weak, h.reach_2, h.reach_3, h.organization_diversity,
                    h.constraint.value_or(0.0), h.cooling);
    };
    std::printf("\nNetwork health:\n");
    show("April", g.before);
    show("Nov", g.after);
    std::printf("  since April: %zu new contacts, %zu lost, %zu ties warmer, %zu cooler\n", g.new_contacts.size(),
                g.lost_contacts.size(), g.warmer.size(), g.cooler.size());
    return 0;
}
