// 06_bring_your_own_bgl_graph: kith's algorithms on a graph your app already has.
//
// A CRM team already keeps its relationship graph in a plain Boost.Graph adjacency_list with a
// warmth on each edge. They do not want to convert anything: kith's generic tier runs on any
// Boost.Graph graph through property maps. And the other way round: Boost.Graph's own
// algorithms run on a kith snapshot.
#include <kith/network.hpp>
#include <kith/paths/warm_path.hpp>
#include <kith/snapshot.hpp>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>

#include <cstdio>
#include <string>
#include <vector>

struct contact { std::string name; };
struct relationship { double warmth; };
using crm_graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, contact, relationship>;

int main() {
    // The app's own graph: seven people, warmth on every edge.
    crm_graph g;
    const char* names[] = {"Ana", "Ben", "Chloe", "Dev", "Emma", "Farid", "Grace"};
    for (const char* n : names) boost::add_vertex(contact{n}, g);
    const struct { int a, b; double w; } edges[] = {
        {0, 1, 0.9}, {1, 2, 0.8}, {2, 6, 0.7}, {0, 3, 0.4}, {3, 6, 0.95}, {0, 4, 0.6}, {4, 5, 0.9}, {5, 6, 0.9}};
    for (auto e : edges) boost::add_edge(e.a, e.b, relationship{e.w}, g);

    // Tier 1: the warmest introduction path from Ana to Grace, straight on the adjacency_list.
    const auto warmth = boost::get(&relationship::warmth, g);
    const auto index = boost::get(boost::vertex_index, g);
    kith::basic_path_options<crm_graph::vertex_descriptor> opt;  // hop_factor 0.8 by default
    const auto best = kith::find_warm_path(g, 0, 6, warmth, index, opt);
    std::printf("Warmest path from Ana to Grace on the app's own graph:\n  ");
    for (std::size_t i = 0; i < best->people.size(); ++i)
        std::printf("%s%s", i ? " -> " : "", g[best->people[i]].name.c_str());
    std::printf("  (warmth %.4f = ", best->warmth);
    for (std::size_t i = 0; i < best->tie_warmth.size(); ++i) std::printf("%s%.2f", i ? " x " : "", best->tie_warmth[i]);
    std::printf(" x 0.8^%zu)\n", best->hops());

    // A hop cap changes the answer exactly: the best path with at most 2 hops.
    opt.max_hops = 2;
    const auto short_one = kith::find_warm_path(g, 0, 6, warmth, index, opt);
    std::printf("With at most 2 hops:\n  ");
    for (std::size_t i = 0; i < short_one->people.size(); ++i)
        std::printf("%s%s", i ? " -> " : "", g[short_one->people[i]].name.c_str());
    std::printf("  (warmth %.4f)\n", short_one->warmth);

    // The other way round: put the same people in a kith network, freeze it, and run
    // Boost.Graph's own algorithms on the snapshot (it models IncidenceGraph + VertexListGraph).
    kith::network net;
    for (const char* n : names) net.add_person(kith::person{n, n});
    for (auto e : edges) net.set_warmth(kith::person_id(e.a), kith::person_id(e.b), e.w);
    const kith::snapshot s(net, kith::make_timestamp(2026, 11, 1));
    std::vector<double> cost(s.num_people());
    boost::dijkstra_shortest_paths(s, 0u, boost::weight_map(s.cost_map()).distance_map(cost.data()));
    std::vector<std::uint32_t> hops(s.num_people(), 0);
    boost::breadth_first_search(
        s, 0u, boost::visitor(boost::make_bfs_visitor(boost::record_distances(hops.data(), boost::on_tree_edge()))));
    std::printf("\nBoost.Graph on the kith snapshot, from Ana:\n");
    for (std::uint32_t v = 0; v < s.num_people(); ++v)
        std::printf("  %-6s %u hop%s away, warmest chain of ties %.3f\n", s.person_at(v).name.c_str(), hops[v],
                    hops[v] == 1 ? "" : "s",
                    kith::snapshot::cost_to_warmth(cost[v] * kith::snapshot::cost_scale));
    return 0;
}
