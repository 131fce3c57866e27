// 07_team_intro: which colleague should ask? (private ties respected)
//
// Maya's sales team wants a conversation with Marcus Whitfield, CEO of Northwind Robotics.
// Anyone on the team may make the ask, so the sources are a set. Some relationships in the CRM
// are private: Leo, the team's sales engineer, marked his friendship with Marcus as visible to
// him alone. kith must never route through, or reveal, a tie the asker may not see.
#include <kith/io/csv.hpp>
#include <kith/paths/explain.hpp>
#include <kith/paths/warm_path.hpp>
#include <kith/snapshot.hpp>

#include <cstdio>
#include <string>
#include <vector>

#ifndef KITH_SAMPLE_DATA_DIR
#define KITH_SAMPLE_DATA_DIR "examples/data"
#endif

namespace {
const kith::snapshot* snap = nullptr;
std::string name(kith::person_id p) { return snap->person_at(snap->vertex_of(p)).name; }

void answer(const char* who_asks, const std::vector<kith::person_id>& team, kith::person_id target,
            const kith::path_options& opt) {
    std::printf("%s\n", who_asks);
    const auto path = kith::find_warm_path(*snap, team, {target}, opt);
    if (!path) {
        std::printf("  nobody on the team can reach %s\n\n", name(target).c_str());
        return;
    }
    std::string chain;
    for (kith::person_id id : path->people) chain += (chain.empty() ? "" : " -> ") + name(id);
    std::printf("  %s should ask: %s (path warmth %.3f)\n", name(path->source()).c_str(), chain.c_str(),
                path->warmth);
    std::printf("  %s\n\n", kith::explain_path(*snap, *path, opt).suggested_ask.c_str());
}
}  // namespace

int main(int argc, char** argv) {
    kith::network net;
    kith::io::load_csv_directory(net, argc > 1 ? argv[1] : KITH_SAMPLE_DATA_DIR);
    const kith::snapshot s(net, kith::make_timestamp(2026, 11, 1));
    snap = &s;

    std::vector<kith::person_id> team;
    for (const char* key : {"p0001", "p0412", "p0134", "p0385", "p0654", "p1537", "p1812"}) team.push_back(net.id_of(key));
    const kith::person_id maya = team[0], leo = team[6];
    const kith::person_id omar = net.id_of("p0018");
    const kith::person_id marcus = net.id_of("p1423");
    std::printf("The team: ");
    for (std::size_t i = 0; i < team.size(); ++i) std::printf("%s%s", i ? ", " : "", name(team[i]).c_str());
    std::printf("\nThe goal: %s, %s at %s\n\n", name(marcus).c_str(), s.person_at(s.vertex_of(marcus)).title.c_str(),
                s.person_at(s.vertex_of(marcus)).organization.c_str());

    kith::path_options opt;
    opt.max_hops = 4;
    opt.asker = maya;
    answer("Maya asks kith (Leo's private tie is invisible to her):", team, marcus, opt);

    // Omar has already made three introductions for the team this month: a path through him
    // keeps only a quarter of its warmth, so kith looks for someone else.
    opt.introducer_factor = {{omar, 0.25}};
    answer("Same question, with Omar already asked three times this month:", team, marcus, opt);

    opt.introducer_factor.clear();
    opt.asker = leo;
    answer("Leo asks the same question (he sees his own private tie):", team, marcus, opt);
    return 0;
}
