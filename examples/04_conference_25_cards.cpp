// 04_conference_25_cards: Maya goes to SaaS Connect 2026 with 25 cards. She meets 25 people she
// doesn't know, sits with strangers at lunch, asks about them and listens: she is not there to sell.
#include <kith/io/csv.hpp>
#include <kith/metrics/health.hpp>
#include <kith/snapshot.hpp>
#include <kith/suggest/event_plan.hpp>

#include "story_text.hpp"

#include <cstdio>
#include <string>
#include <vector>

namespace {
// One line of network health (kith/metrics/health.hpp), as Maya sees her network.
void show_health(const char* when, const kith::network_health& h) {
    std::printf("%-7s %3zu contacts (%zu strong, %zu occasional, %2zu weak), reach %3zu in 2 hops / %3zu in 3, "
                "diversity %.2f bits\n",
                when, h.contacts(), h.strong, h.occasional, h.weak, h.reach_2, h.reach_3, h.organization_diversity);
}
} // namespace

int main() {
    kith::network net;
    kith::io::load_csv_directory(net, KITH_SAMPLE_DATA_DIR);
    const auto day = kith::make_timestamp(2026, 11, 3, 9);
    const kith::snapshot before(net, day);
    const kith::person_id maya = net.id_of("p0001");
    const kith::event_id conf = *net.find_event("SaaS Connect 2026");

    const auto plan = kith::plan_event(before, maya, conf);  // 25 cards, strangers only
    std::printf("SaaS Connect 2026: %zu other attendees, Maya knows %zu, %zu strangers.\n", plan.attendees,
                plan.known, plan.strangers);
    std::printf("Her 25 cards, in the order that opens the most new reach:\n");
    for (std::size_t i = 0; i < plan.picks.size(); ++i) {
        const auto& p = plan.picks[i];
        const auto& who = net.at(p.who);
        std::printf("%2zu. %s %s +%zu people, +%zu orgs, +%zu groups\n", i + 1, story::fit(p.name, 20).c_str(),
                    story::fit(who.title + ", " + who.organization, 36).c_str(), p.new_people, p.new_organizations,
                    p.new_communities);
    }
    std::printf("Talking points for the first three (ask about them, listen):\n");
    for (std::size_t i = 0; i < 3 && i < plan.picks.size(); ++i) {
        const auto& t = plan.picks[i].talk;
        std::string shared;
        for (const auto& x : t.shared_interests) shared += (shared.empty() ? "" : ", ") + x;
        for (const auto& x : t.shared_groups) shared += (shared.empty() ? "" : ", ") + x;
        std::printf("  %s: shared %s; %s; ask \"%s\"\n", plan.picks[i].name.c_str(), shared.empty() ? "-" : shared.c_str(),
                    story::count(t.mutual_contacts.size(), "mutual contact", "mutual contacts").c_str(),
                    t.question.c_str());
    }

    if (const auto table = kith::choose_table(before, maya, conf))
        std::printf("Lunch: sit at %s (%zu strangers, %zu people she knows).\n", table->table.c_str(),
                    table->strangers, table->known);

    std::vector<kith::person_id> met;
    for (const auto& p : plan.picks) met.push_back(p.who);
    kith::record_meetings(net, maya, met, day);  // channel event: each new tie starts at ~0.19 (weak)
    const kith::snapshot after(net, day);
    const auto first = after.warmth(after.vertex_of(maya), after.vertex_of(met.front()));
    std::printf("Recorded %zu meetings; a new tie starts at warmth %.2f (weak: follow up).\n", met.size(),
                first ? *first : 0.0);
    const kith::network_growth growth = kith::compare_health(before, after, maya);
    show_health("Before:", growth.before);
    show_health("After:", growth.after);
    std::printf("%zu new contacts. Now follow up: a card is a start, not a relationship.\n",
                growth.new_contacts.size());
    return 0;
}
