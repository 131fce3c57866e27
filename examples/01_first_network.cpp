// 01_first_network: load a CRM export, freeze it, and look at one person and her ties.
//
// Maya Chen sells software and dislikes "networking". Before asking anyone for anything she
// wants to see what her CRM already knows: whom she is close to, whom she only emailed once,
// and which good relationships she has let go quiet.
#include <kith/io/csv.hpp>
#include <kith/snapshot.hpp>

#include "story_text.hpp"

#include <cstdio>
#include <string>
#include <vector>

#ifndef KITH_SAMPLE_DATA_DIR
#define KITH_SAMPLE_DATA_DIR "examples/data"
#endif

namespace {
std::string date_of(kith::timestamp t) {
    const kith::civil_date c = kith::civil_from_days(kith::day_number(t));
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(c.year), c.month, c.day);
    return buf;
}
}  // namespace

int main(int argc, char** argv) {
    const std::string dir = argc > 1 ? argv[1] : KITH_SAMPLE_DATA_DIR;

    // 1. Load the export (all-or-nothing: a bad file leaves `net` untouched) and freeze it.
    kith::network net;
    const kith::io::load_report loaded = kith::io::load_csv_directory(net, dir);
    const kith::timestamp now = kith::make_timestamp(2026, 11, 1);
    const kith::snapshot s(net, now);
    std::printf("Loaded %zu people, %zu interactions and %zu explicit warmths.\n", loaded.people,
                loaded.interactions, loaded.ties);
    std::printf("As of %s the network has %zu ties among %zu people (%.1f bytes per tie).\n\n",
                date_of(now).c_str(), s.num_ties(), s.num_people(),
                static_cast<double>(s.memory_usage().adjacency) / static_cast<double>(s.num_ties()));

    // 2. Maya, as the CRM knows her.
    const auto maya = s.vertex_of("p0001");
    const kith::person& me = s.person_at(maya);
    std::printf("%s, %s at %s\n", me.name.c_str(), me.title.c_str(), me.organization.c_str());
    std::string interests;
    for (const auto& tag : me.interests) interests += (interests.empty() ? "" : ", ") + tag;
    std::printf("  interests: %s\n", interests.c_str());
    for (std::uint32_t g : s.groups_of(maya)) std::printf("  member of: %s\n", s.group_at(g).name.c_str());

    // 3. Her ties, warmest first (each adjacency list is sorted by cost = -ln warmth).
    //    Ties private to someone else would be invisible to her; her own private ones show.
    int by_tier[3] = {0, 0, 0};
    std::vector<kith::snapshot::arc_index> visible;
    for (auto a = s.arc_begin(maya); a != s.arc_end(maya); ++a)
        if (s.arc_visible(a, maya)) {
            visible.push_back(a);
            ++by_tier[static_cast<int>(kith::tier_of(s.arc_warmth(a)))];
        }
    std::printf("\nShe has %zu ties: %d strong, %d occasional, %d weak.\n", visible.size(), by_tier[2], by_tier[1],
                by_tier[0]);
    std::printf("Her five warmest:\n");
    for (std::size_t i = 0; i < visible.size() && i < 5; ++i) {
        const auto v = s.arc_target(visible[i]);
        const kith::person& p = s.person_at(v);
        std::printf("  %.2f %-10s %s %s, %s\n", s.arc_warmth(visible[i]),
                    std::string(kith::to_string(kith::tier_of(s.arc_warmth(visible[i])))).c_str(),
                    story::pad(p.name, 18).c_str(),
                    p.title.c_str(), p.organization.c_str());
        if (const kith::tie_evidence* ev = s.evidence(maya, v); ev && ev->last)
            std::printf("       %u interactions, %s, last %s on %s\n", ev->interactions(),
                        ev->reciprocal() ? "both ways" : "one way",
                        std::string(kith::to_string(*ev->last_channel)).c_str(), date_of(*ev->last).c_str());
        else
            std::printf("       warmth set by hand in the CRM\n");
    }

    // 4. Good ties going quiet: silent for more than 8x their usual rhythm.
    std::printf("\nGoing quiet (silent for more than 8x their usual gap):\n");
    for (auto a : visible) {
        const auto v = s.arc_target(a);
        const kith::tie_evidence* ev = s.evidence(maya, v);
        if (!ev || !ev->cooling || ev->interactions() < 5) continue;
        std::printf("  %s usually every %3.0f days, silent since %s (%s), now %.2f\n",
                    story::pad(s.person_at(v).name, 18).c_str(), *ev->usual_gap_days, date_of(*ev->last).c_str(),
                    std::string(kith::to_string(*ev->last_channel)).c_str(), s.arc_warmth(a));
    }
    return 0;
}
