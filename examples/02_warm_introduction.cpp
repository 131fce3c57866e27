// 02_warm_introduction: who can introduce me, and how should I ask?
//
// Maya wants to talk to Priya Raman, CTO of Northwind Robotics, a prospect she has never met.
// Cold email is not her style. kith finds the warmest chain of real relationships from Maya to
// Priya, two genuine alternatives with different first introducers, and for each the sentence
// Maya can actually say. Then she widens the target: anyone at Northwind will do.
#include <kith/io/csv.hpp>
#include <kith/paths/explain.hpp>
#include <kith/paths/k_warm_paths.hpp>
#include <kith/paths/warm_path.hpp>
#include <kith/snapshot.hpp>

#include "story_text.hpp"

#include <cstdio>
#include <string>
#include <vector>

#ifndef KITH_SAMPLE_DATA_DIR
#define KITH_SAMPLE_DATA_DIR "examples/data"
#endif

namespace {
std::string ago(long long days) {
    return days == 0 ? "today" : days == 1 ? "yesterday" : std::to_string(days) + " days ago";
}

void show(const kith::snapshot& s, const kith::warm_path& p, const kith::path_options& opt) {
    std::string chain;
    for (kith::person_id id : p.people) chain += (chain.empty() ? "" : " -> ") + s.person_at(s.vertex_of(id)).name;
    std::printf("  %s\n", chain.c_str());
    const kith::path_explanation why = kith::explain_path(s, p, opt);
    std::printf("  path warmth %.3f over %zu hops:\n", why.warmth, p.hops());
    for (const kith::hop_explanation& h : why.hops) {
        std::printf("    %s - %s %.2f %-10s", story::pad(s.person_at(s.vertex_of(h.from)).name, 16).c_str(),
                    story::pad(s.person_at(s.vertex_of(h.to)).name, 16).c_str(), h.warmth,
                    std::string(kith::to_string(h.tier)).c_str());
        if (h.last_interaction)
            std::printf(" %3u interactions, last %s %s%s", h.interactions,
                        std::string(kith::to_string(*h.last_channel)).c_str(),
                        ago(*h.days_since_last).c_str(), h.reciprocal ? ", both ways" : "");
        else if (h.manual)
            std::printf(" warmth set by hand");
        std::printf(", %s\n", story::count(h.mutual_contacts, "mutual contact", "mutual contacts").c_str());
    }
    std::printf("  -> %s\n\n", why.suggested_ask.c_str());
}
}  // namespace

int main(int argc, char** argv) {
    kith::network net;
    kith::io::load_csv_directory(net, argc > 1 ? argv[1] : KITH_SAMPLE_DATA_DIR);
    const kith::snapshot s(net, kith::make_timestamp(2026, 11, 1));

    const kith::person_id maya = net.id_of("p0001");
    const kith::person_id priya = net.id_of("p0677");
    kith::path_options opt;
    opt.asker = maya;       // only ties Maya may see
    opt.max_hops = 4;       // a chain of more than four favours is not an introduction
    // opt.hop_factor = 0.8 (default): every extra hop is a favour that can fail.

    std::printf("Maya wants to meet %s, %s at %s.\n\n", s.person_at(s.vertex_of(priya)).name.c_str(),
                s.person_at(s.vertex_of(priya)).title.c_str(), s.person_at(s.vertex_of(priya)).organization.c_str());

    // The best path and two alternatives that start with a different introducer.
    kith::k_paths_options diverse;
    diverse.diversity = kith::path_diversity::distinct_first_introducer;
    const std::vector<kith::warm_path> paths = kith::find_k_warm_paths(s, maya, priya, 3, opt, diverse);
    const char* label[] = {"Best", "Alternative 1", "Alternative 2"};
    for (std::size_t i = 0; i < paths.size(); ++i) {
        std::printf("%s:\n", label[i]);
        show(s, paths[i], opt);
    }

    // Anyone at Northwind Robotics: targets as a set.
    const auto northwind = s.find_organization("Northwind Robotics");
    std::vector<kith::person_id> everyone;
    for (auto v : s.organization_members(*northwind)) everyone.push_back(s.id_of(v));
    if (const auto any = kith::find_warm_path(s, {maya}, everyone, opt)) {
        std::printf("Warmest way into anyone at Northwind Robotics (%zu people):\n", everyone.size());
        show(s, *any, opt);
    } else {
        std::printf("No way into Northwind Robotics within %zu hops.\n", *opt.max_hops);
    }
    return 0;
}
