// benchmarks/bench_event_plan.cpp -- plan_event on a 10,000-attendee conference.
//
// The network: kith's community-structured social generator (50,000 people, mean degree 16,
// seed KITH_BENCH_SEED or 1), every person at one of 2,000 organisations and in 0-3 of 500
// groups; the event: 10,000 random attendees including me (vertex 0), 30 tables; 5 goals.
// Reported:
//   BM_plan_event          the whole snapshot-tier call (model + CELF + talking points), 25 cards
//   BM_choose_table        the whole snapshot-tier call
//   BM_coverage_model      building the coverage model only (two-hop reach, element sets)
//   BM_celf / BM_plain_greedy  the selection alone on that model, lazy vs plain greedy
//   BM_bgl_bfs_baseline    Boost.Graph breadth_first_search from me over the whole snapshot,
//                          for scale (one full traversal of the graph)
#include <kith/generate/generated_graph.hpp>
#include <kith/generate/social.hpp>
#include <kith/network.hpp>
#include <kith/snapshot.hpp>
#include <kith/suggest/event_plan.hpp>

#include <benchmark/benchmark.h>
#include <boost/graph/breadth_first_search.hpp>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace {

constexpr std::uint32_t people = 50000;
constexpr std::uint32_t attendees = 10000;

std::uint64_t seed() {
    const char* s = std::getenv("KITH_BENCH_SEED");
    return s ? std::strtoull(s, nullptr, 10) : 1;
}

struct world {
    kith::network net;
    std::shared_ptr<const kith::snapshot> snap;
    kith::event_id conf;
    kith::event_plan_options opt;

    world() {
        const auto g = kith::social_graph(people, 16.0, seed());
        kith::add_to_network(net, g);
        std::mt19937_64 rng(seed() + 17);
        for (std::uint32_t v = 0; v < people; ++v) {
            kith::person p = net.at(kith::person_id(v));
            p.organization = "org" + std::to_string(rng() % 2000);
            net.update_person(kith::person_id(v), std::move(p));
        }
        for (int h = 0; h < 500; ++h) net.add_group({"group" + std::to_string(h), {}});
        for (std::uint32_t v = 0; v < people; ++v)
            for (std::uint64_t k = rng() % 4; k > 0; --k)
                net.join(kith::group_id(static_cast<std::uint32_t>(rng() % 500)), kith::person_id(v));
        conf = net.add_event({"Big Conference", std::nullopt});
        net.attend(conf, kith::person_id(0), "T01");
        while (net.attendees(conf).size() < attendees) {
            const auto v = static_cast<std::uint32_t>(rng() % people);
            net.attend(conf, kith::person_id(v), "T" + std::to_string(1 + rng() % 30));
        }
        for (int i = 0; i < 5; ++i) opt.goals.push_back(kith::person_id(static_cast<std::uint32_t>(rng() % people)));
        snap = kith::freeze(net, kith::make_timestamp(2026, 1, 1));
    }
};

const world& the_world() {
    static const world w;
    return w;
}

void BM_plan_event(benchmark::State& state) {
    const world& w = the_world();
    std::size_t picks = 0;
    for (auto _ : state) {
        auto plan = kith::plan_event(*w.snap, kith::person_id(0), w.conf, w.opt);
        picks = plan.picks.size();
        benchmark::DoNotOptimize(plan);
    }
    state.counters["picks"] = static_cast<double>(picks);
    state.counters["attendees"] = attendees;
}
BENCHMARK(BM_plan_event)->Unit(benchmark::kMillisecond);

void BM_choose_table(benchmark::State& state) {
    const world& w = the_world();
    for (auto _ : state) benchmark::DoNotOptimize(kith::choose_table(*w.snap, kith::person_id(0), w.conf, w.opt));
}
BENCHMARK(BM_choose_table)->Unit(benchmark::kMillisecond);

auto build_model(const world& w) {
    const kith::detail::snapshot_event_setup set("bench", *w.snap, kith::person_id(0), w.conf, w.opt);
    std::vector<kith::snapshot::vertex_type> att;
    for (const auto& a : w.snap->event_attendees(set.event)) att.push_back(a.who);
    const kith::detail::vertex_table<kith::snapshot> table(*w.snap);
    return kith::detail::build_event_model("bench", *w.snap, set.me, att, kith::detail::snapshot_groups_map(*w.snap),
                                           kith::detail::snapshot_org_map(*w.snap), set.opt, set.view, table);
}

void BM_coverage_model(benchmark::State& state) {
    const world& w = the_world();
    for (auto _ : state) benchmark::DoNotOptimize(build_model(w));
}
BENCHMARK(BM_coverage_model)->Unit(benchmark::kMillisecond);

void BM_celf(benchmark::State& state) {
    const auto model = build_model(the_world());
    std::size_t evals = 0;
    for (auto _ : state) {
        auto r = kith::lazy_greedy_max_coverage(model.sets, model.weights, 25);
        evals = r.evaluations;
        benchmark::DoNotOptimize(r);
    }
    state.counters["evaluations"] = static_cast<double>(evals);
    state.counters["candidates"] = static_cast<double>(model.sets.size());
}
BENCHMARK(BM_celf)->Unit(benchmark::kMillisecond);

void BM_plain_greedy(benchmark::State& state) {
    const auto model = build_model(the_world());
    for (auto _ : state) {
        std::vector<std::uint8_t> covered(model.weights.size(), 0), used(model.sets.size(), 0);
        double value = 0;
        for (int round = 0; round < 25; ++round) {
            double best = -1;
            std::size_t arg = 0;
            for (std::size_t s = 0; s < model.sets.size(); ++s) {
                if (used[s]) continue;
                double g = 0;
                for (auto x : model.sets[s])
                    if (!covered[x]) g += model.weights[x];
                if (g > best) { best = g; arg = s; }
            }
            used[arg] = 1;
            for (auto x : model.sets[arg]) covered[x] = 1;
            value += best;
        }
        benchmark::DoNotOptimize(value);
    }
    state.counters["evaluations"] = 25.0 * static_cast<double>(model.sets.size());
}
BENCHMARK(BM_plain_greedy)->Unit(benchmark::kMillisecond);

void BM_bgl_bfs_baseline(benchmark::State& state) {
    const world& w = the_world();
    const auto& g = *w.snap;
    std::vector<boost::default_color_type> color(g.num_people());
    for (auto _ : state) {
        auto cmap = boost::make_iterator_property_map(color.begin(), get(boost::vertex_index, g));
        boost::breadth_first_search(g, std::uint32_t{0}, boost::visitor(boost::default_bfs_visitor()).color_map(cmap));
        benchmark::DoNotOptimize(color.data());
    }
}
BENCHMARK(BM_bgl_bfs_baseline)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
