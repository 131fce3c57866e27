// 03_join_one_group: Maya finds networking fake. kith's advice: start with one group that fits
// you personally, go alone, and make real connections. Which group should she join?
#include <kith/io/csv.hpp>
#include <kith/snapshot.hpp>
#include <kith/suggest/groups.hpp>

#include "story_text.hpp"

#include <cstdio>
#include <string>
#include <vector>

namespace {
std::string join(const std::vector<std::string>& xs, std::size_t most) {
    std::string s;
    for (std::size_t i = 0; i < xs.size() && i < most; ++i) s += (i ? ", " : "") + xs[i];
    if (xs.size() > most) s += ", +" + std::to_string(xs.size() - most) + " more";
    return s.empty() ? "-" : s;
}
} // namespace

int main() {
    kith::network net;
    kith::io::load_csv_directory(net, KITH_SAMPLE_DATA_DIR);
    const kith::snapshot s(net, kith::make_timestamp(2026, 11, 1));
    const kith::person_id maya = net.id_of("p0001");
    const kith::person& me = net.at(maya);

    std::printf("%s (%s), interests: %s\n", me.name.c_str(), me.title.c_str(), join(me.interests, 9).c_str());
    std::printf("Member of: ");
    for (auto g : net.groups_of(maya)) std::printf("%s\n", net.at(g).name.c_str());

    kith::group_options opt;
    opt.max_results = 3;
    const auto groups = kith::suggest_groups(s, maya, opt);
    std::printf("\nGroups that fit her, best first (fit first, then what they open):\n");
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const auto& g = groups[i];
        std::printf("%zu. %s\n", i + 1, g.name.c_str());
        std::printf("   fit %.2f, shared: %s\n", g.fit, join(g.shared_interests, 4).c_str());
        std::printf("   %zu members, %zu she knows, %zu new people (gain %.1f)\n", g.members, g.known_members,
                    g.new_people, g.gain);
        std::printf("   opens %zu organisations: %s\n", g.new_organizations.size(), join(g.new_organizations, 3).c_str());
        std::printf("   and %s: %s\n", story::count(g.new_communities.size(), "community", "communities").c_str(),
                    join(g.new_communities, 3).c_str());
    }
    if (!groups.empty())
        std::printf("\nJoin %s. Go alone, go every week, ask people about themselves.\n", groups.front().name.c_str());
    return 0;
}
