// benchmarks/bench_paths.cpp -- point-to-point warm-path latency: kith against plain Boost.Graph
// Dijkstra on the same graphs, in the same binary, with every answer checked.
//
// Graphs: the social and R-MAT generators at the sizes of KITH_BENCH_TIES (default 1e5,1e6) and
// the SNAP graphs under KITH_SHARED_DATA_DIR when present (warmths from a seeded Beta(1.5, 4)).
// Queries: KITH_BENCH_PAIRS (default 1000) random pairs in the largest connected component;
// KITH_BENCH_BGL_PAIRS limits bgl_csr to the first N of them (its percentiles are then over N).
// Methods (each query timed on its own with steady_clock; p50/p90/p99 reported):
//   kith              find_warm_path(snapshot, a, b) with default options (hop factor 0.8) and a
//                     reused path_workspace
//   kith_hops4        the same with max_hops = 4 (exact hop-capped search)
//   kith_k5           find_k_warm_paths, k = 5, diversity limited_overlap (max_overlap 0.5), on
//                     the first KITH_BENCH_K_PAIRS queries (default 200: Yen with a diversity
//                     filter runs up to 256 x hops single-path searches per query)
//   bgl_csr           boost::dijkstra_shortest_paths on a compressed_sparse_row_graph holding the
//                     same ties with double cost -ln(warmth) - ln(0.8), stopped at the target by a
//                     visitor that throws (the usual BGL idiom; BGL initialises all V per query)
//   bgl_snapshot      boost::dijkstra_shortest_paths run on the kith::snapshot itself with integer
//                     costs cost_units + hop units, stopped the same way
// Checks (the program aborts loudly on a mismatch):
//   bgl_snapshot      integer path cost == kith's cost_units, exactly, for every query
//   bgl_csr           |cost - kith cost| <= (hops of both paths) / 2048 nat (quantisation)
//   kith_hops4        at most 4 hops; equal to the uncapped cost when that path has <= 4 hops
//   kith_k5           first path == the single best path's cost, costs non-decreasing
// Output: Google Benchmark lines (one iteration = all queries; counters p50_us, p90_us, p99_us)
// and a summary table with the ratio BGL / kith at the end.
#include "common.hpp"

#include <benchmark/benchmark.h>

#include <kith/paths/k_warm_paths.hpp>
#include <kith/paths/warm_path.hpp>

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/property_map/property_map.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace {

using namespace kith_bench;
using clock_type = std::chrono::steady_clock;

constexpr double hop_factor = 0.8;
constexpr std::size_t capped_hops = 4;
constexpr std::size_t k_paths = 5;

/// Integer arc cost on a snapshot: stored units + hop units (a readable property map).
struct units_plus_hop_map {
    using key_type = kith::snapshot_arc;
    using value_type = std::uint64_t;
    using reference = std::uint64_t;
    using category = boost::readable_property_map_tag;
    const kith::snapshot* s = nullptr;
    std::uint64_t hop = 0;
    friend std::uint64_t get(const units_plus_hop_map& m, const kith::snapshot_arc& e) noexcept {
        return m.s->arc_cost(e.index) + m.hop;
    }
};

struct reached_target {};

/// Stops Dijkstra when the target is taken from the queue (its distance is then final).
template <class Vertex>
struct stop_at_target : boost::default_dijkstra_visitor {
    Vertex t;
    explicit stop_at_target(Vertex target) : t(target) {}
    template <class Graph>
    void examine_vertex(Vertex u, const Graph&) const {
        if (u == t) throw reached_target{};
    }
};

struct reference_answer {
    std::uint64_t cost_units = 0;
    std::size_t hops = 0;
};

struct path_case {
    bench_graph g;
    std::unique_ptr<frozen_graph> frozen;
    std::unique_ptr<bgl_csr> csr;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    std::vector<reference_answer> reference;  // kith's default-options answers
    std::map<std::string, latency> results;       // thread CPU time
    std::map<std::string, latency> wall_results;  // wall clock
    std::map<std::string, double> found_fraction;
    double mean_hops = 0;
};

std::vector<std::unique_ptr<path_case>> cases;

double micros_since(clock_type::time_point t0) {
    return std::chrono::duration<double, std::micro>(clock_type::now() - t0).count();
}

std::string describe(const path_case& c, std::size_t q) {
    return c.g.name + " query " + std::to_string(q) + " (" + std::to_string(c.pairs[q].first) + " -> " +
           std::to_string(c.pairs[q].second) + ")";
}

/// Per-query timer: wall clock (steady_clock) and the thread's CPU time.
struct query_timer {
    clock_type::time_point wall0;
    double cpu0 = 0;
    void start() {
        cpu0 = thread_cpu_micros();
        wall0 = clock_type::now();
    }
    void stop(std::vector<double>& wall, std::vector<double>& cpu, std::size_t q) const {
        wall[q] = micros_since(wall0);
        cpu[q] = thread_cpu_micros() - cpu0;
    }
};

void report(benchmark::State& state, path_case& c, const std::string& method, const std::vector<double>& micros,
            const std::vector<double>& cpu_micros, std::size_t found) {
    const latency l = summarize(cpu_micros);
    c.results[method] = l;
    c.wall_results[method] = summarize(micros);
    c.found_fraction[method] = micros.empty() ? 0.0 : static_cast<double>(found) / static_cast<double>(micros.size());
    state.counters["cpu_p50_us"] = l.p50;
    state.counters["cpu_p90_us"] = l.p90;
    state.counters["cpu_p99_us"] = l.p99;
    state.counters["cpu_mean_us"] = l.mean;
    state.counters["wall_p50_us"] = c.wall_results[method].p50;
    state.counters["wall_p99_us"] = c.wall_results[method].p99;
    state.counters["queries"] = static_cast<double>(micros.size());
    state.counters["found"] = c.found_fraction[method];
    state.counters["ties"] = static_cast<double>(c.g.graph.ties.size());
    double total = 0;
    for (double x : micros) total += x;
    state.SetIterationTime(total / 1e6);
}

void bm_kith(benchmark::State& state, path_case* c, std::optional<std::size_t> max_hops) {
    const kith::snapshot& s = *c->frozen->snap;
    kith::path_options opt;
    opt.hop_factor = hop_factor;
    opt.max_hops = max_hops;
    kith::path_workspace ws;
    std::vector<double> micros(c->pairs.size()), cpu(c->pairs.size());
    query_timer timer;
    std::size_t found = 0;
    for (auto _ : state) {
        found = 0;
        for (std::size_t q = 0; q < c->pairs.size(); ++q) {
            const kith::person_id a = s.id_of(c->pairs[q].first), b = s.id_of(c->pairs[q].second);
            timer.start();
            const auto p = kith::find_warm_path(s, a, b, opt, ws);
            timer.stop(micros, cpu, q);
            benchmark::DoNotOptimize(p);
            const reference_answer& ref = c->reference[q];
            if (!max_hops) {
                if (!p) die(describe(*c, q) + ": kith found no path inside a connected component");
                if (p->cost_units != ref.cost_units) die(describe(*c, q) + ": kith answer changed between runs");
                ++found;
            } else if (p) {
                ++found;
                if (p->hops() > *max_hops) die(describe(*c, q) + ": hop-capped path has " + std::to_string(p->hops()) + " hops");
                if (p->cost_units < ref.cost_units) die(describe(*c, q) + ": hop-capped path cheaper than the best path");
                if (ref.hops <= *max_hops && p->cost_units != ref.cost_units)
                    die(describe(*c, q) + ": hop-capped cost " + std::to_string(p->cost_units) + " != best " +
                        std::to_string(ref.cost_units) + " although the best has " + std::to_string(ref.hops) + " hops");
            } else if (ref.hops <= *max_hops) {
                die(describe(*c, q) + ": hop-capped search found nothing although the best path has " +
                    std::to_string(ref.hops) + " hops");
            }
        }
    }
    report(state, *c, max_hops ? "kith_hops4" : "kith", micros, cpu, found);
}

void bm_kith_k(benchmark::State& state, path_case* c) {
    const kith::snapshot& s = *c->frozen->snap;
    kith::path_options opt;
    opt.hop_factor = hop_factor;
    kith::k_paths_options kopt;
    kopt.diversity = kith::path_diversity::limited_overlap;
    kopt.max_overlap = 0.5;
    kith::path_workspace ws;
    const std::size_t queries = std::min(c->pairs.size(), static_cast<std::size_t>(std::atoll(
                                                              env_or("KITH_BENCH_K_PAIRS", "200").c_str())));
    std::vector<double> micros(queries), cpu(queries);
    query_timer timer;
    std::size_t found = 0;
    double kept = 0;
    for (auto _ : state) {
        found = 0;
        for (std::size_t q = 0; q < queries; ++q) {
            const kith::person_id a = s.id_of(c->pairs[q].first), b = s.id_of(c->pairs[q].second);
            timer.start();
            const auto ps = kith::find_k_warm_paths(s, a, b, k_paths, opt, kopt, ws);
            timer.stop(micros, cpu, q);
            benchmark::DoNotOptimize(ps);
            if (ps.empty()) die(describe(*c, q) + ": no k paths inside a connected component");
            if (ps.size() > k_paths) die(describe(*c, q) + ": more than k paths");
            if (ps.front().cost_units != c->reference[q].cost_units)
                die(describe(*c, q) + ": first of the k paths costs " + std::to_string(ps.front().cost_units) +
                    ", the best path " + std::to_string(c->reference[q].cost_units));
            for (std::size_t i = 1; i < ps.size(); ++i)
                if (ps[i].cost_units < ps[i - 1].cost_units) die(describe(*c, q) + ": k paths not sorted by cost");
            ++found;
            kept += static_cast<double>(ps.size());
        }
    }
    state.counters["paths_per_query"] = queries ? kept / static_cast<double>(queries) : 0.0;
    report(state, *c, "kith_k5", micros, cpu, found);
}

void bm_bgl_csr(benchmark::State& state, path_case* c) {
    using V = boost::graph_traits<bgl_csr>::vertex_descriptor;
    const bgl_csr& g = *c->csr;
    const std::size_t n = num_vertices(g);
    std::vector<double> dist(n);
    std::vector<V> pred(n);
    auto index = get(boost::vertex_index, g);
    auto dist_map = boost::make_iterator_property_map(dist.begin(), index);
    auto pred_map = boost::make_iterator_property_map(pred.begin(), index);
    auto weight = get(&bgl_arc::cost, g);
    // KITH_BENCH_BGL_PAIRS: only the first N queries (BGL costs seconds per query at 64M ties).
    const std::size_t nq = std::min<std::size_t>(
        c->pairs.size(), static_cast<std::size_t>(std::atoll(env_or("KITH_BENCH_BGL_PAIRS", "1000000000").c_str())));
    std::vector<double> micros(nq), cpu(nq);
    query_timer timer;
    std::size_t found = 0;
    for (auto _ : state) {
        found = 0;
        for (std::size_t q = 0; q < nq; ++q) {
            const V a = c->pairs[q].first, b = c->pairs[q].second;
            timer.start();
            try {
                boost::dijkstra_shortest_paths(
                    g, a, boost::predecessor_map(pred_map).distance_map(dist_map).weight_map(weight).visitor(stop_at_target<V>(b)));
            } catch (const reached_target&) {
            }
            timer.stop(micros, cpu, q);
            // Check (untimed): same cost as kith up to quantisation.
            if (pred[b] == b) die(describe(*c, q) + ": BGL found no path");
            ++found;
            std::size_t hops = 0;
            for (V v = b; v != a; v = pred[v]) ++hops;
            const reference_answer& ref = c->reference[q];
            const double kith_cost = static_cast<double>(ref.cost_units) / kith::snapshot::cost_scale;
            const double tolerance = static_cast<double>(hops + ref.hops) / kith::snapshot::cost_scale + 1e-9;
            if (std::abs(dist[b] - kith_cost) > tolerance)
                die(describe(*c, q) + ": BGL cost " + std::to_string(dist[b]) + " (" + std::to_string(hops) +
                    " hops) vs kith " + std::to_string(kith_cost) + " (" + std::to_string(ref.hops) +
                    " hops) differ by more than quantisation");
        }
    }
    report(state, *c, "bgl_csr", micros, cpu, found);
}

void bm_bgl_snapshot(benchmark::State& state, path_case* c) {
    const kith::snapshot& s = *c->frozen->snap;
    const std::size_t n = s.num_people();
    std::vector<std::uint64_t> dist(n);
    std::vector<std::uint32_t> pred(n);
    const auto index = get(boost::vertex_index, s);
    auto dist_map = boost::make_iterator_property_map(dist.begin(), index);
    auto pred_map = boost::make_iterator_property_map(pred.begin(), index);
    const units_plus_hop_map weight{&s, kith::hop_cost_units(hop_factor)};
    std::vector<double> micros(c->pairs.size()), cpu(c->pairs.size());
    query_timer timer;
    std::size_t found = 0;
    for (auto _ : state) {
        found = 0;
        for (std::size_t q = 0; q < c->pairs.size(); ++q) {
            const std::uint32_t a = c->pairs[q].first, b = c->pairs[q].second;
            timer.start();
            try {
                boost::dijkstra_shortest_paths(s, a,
                                               boost::predecessor_map(pred_map).distance_map(dist_map).weight_map(weight).visitor(
                                                   stop_at_target<std::uint32_t>(b)));
            } catch (const reached_target&) {
            }
            timer.stop(micros, cpu, q);
            if (pred[b] == b) die(describe(*c, q) + ": BGL on the snapshot found no path");
            ++found;
            if (dist[b] != c->reference[q].cost_units)
                die(describe(*c, q) + ": BGL on the snapshot gives " + std::to_string(dist[b]) + " cost units, kith " +
                    std::to_string(c->reference[q].cost_units));
        }
    }
    report(state, *c, "bgl_snapshot", micros, cpu, found);
}

void prepare(path_case& c, std::size_t pair_count, std::uint64_t seed) {
    c.frozen = freeze_graph(c.g.graph);
    c.csr = std::make_unique<bgl_csr>(
        make_bgl_csr(c.g.graph, [](double w) { return -std::log(w) - std::log(hop_factor); }));
    c.pairs = connected_pairs(*c.frozen->snap, pair_count, seed);
    const kith::snapshot& s = *c.frozen->snap;
    kith::path_options opt;
    opt.hop_factor = hop_factor;
    double hops = 0;
    for (const auto& [a, b] : c.pairs) {
        const auto p = kith::find_warm_path(s, s.id_of(a), s.id_of(b), opt);
        if (!p) die(c.g.name + ": no kith path between " + std::to_string(a) + " and " + std::to_string(b));
        c.reference.push_back({p->cost_units, p->hops()});
        hops += static_cast<double>(p->hops());
    }
    c.mean_hops = c.pairs.empty() ? 0 : hops / static_cast<double>(c.pairs.size());
}

void print_summary() {
    std::printf("\n== warm-path latency per query, microseconds of thread CPU time (wall clock: w_p50, w_p99) ==\n"
                "   ratio r_* = method / kith at the same percentile (r_mean: total time)\n");
    std::printf("%-22s %10s %5s | %-12s %9s %9s %9s %9s | %9s %9s | %7s %7s %7s | %5s\n", "graph", "ties", "hops",
                "method", "p50", "p90", "p99", "mean", "w_p50", "w_p99", "r_p50", "r_p99", "r_mean", "found");
    for (const auto& cp : cases) {
        const path_case& c = *cp;
        const auto base = c.results.find("kith");
        for (const auto& [method, l] : c.results) {
            double r50 = 0, r99 = 0, rm = 0;
            if (base != c.results.end() && base->second.p50 > 0) {
                r50 = l.p50 / base->second.p50;
                r99 = l.p99 / base->second.p99;
                rm = l.mean / base->second.mean;
            }
            const latency& w = c.wall_results.at(method);
            std::printf("%-22s %10zu %5.1f | %-12s %9.1f %9.1f %9.1f %9.1f | %9.1f %9.1f | %7.2f %7.2f %7.2f | %5.3f\n",
                        c.g.name.c_str(), c.g.graph.ties.size(), c.mean_hops, method.c_str(), l.p50, l.p90, l.p99,
                        l.mean, w.p50, w.p99, r50, r99, rm, c.found_fraction.at(method));
        }
    }
    std::printf("hops = mean hops of kith's best path; found = fraction of queries with a path (hop cap);\n"
                "every bgl_* answer was checked against kith's (exact for bgl_snapshot).\n");
}

} // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    const std::uint64_t seed = bench_seed();
    const std::size_t pair_count = static_cast<std::size_t>(std::atoll(env_or("KITH_BENCH_PAIRS", "1000").c_str()));
    std::vector<bench_graph> graphs;
    for (double t : tie_targets()) {
        if (family_enabled("social")) graphs.push_back(make_social(t, seed));
        if (family_enabled("rmat")) graphs.push_back(make_rmat(t, seed));
    }
    if (family_enabled("snap"))
        for (auto& g : snap_graphs(seed)) graphs.push_back(std::move(g));
    for (auto& g : graphs) {
        auto c = std::make_unique<path_case>();
        c->g = std::move(g);
        const auto t0 = clock_type::now();
        prepare(*c, pair_count, seed);
        std::fprintf(stderr, "[bench_paths] %s: %u people, %zu ties, %zu pairs, prepared in %.1f s\n", c->g.name.c_str(),
                     c->g.graph.num_vertices, c->g.graph.ties.size(), c->pairs.size(), micros_since(t0) / 1e6);
        cases.push_back(std::move(c));
    }
    for (const auto& c : cases) {
        auto reg = [&](const std::string& method, auto fn) {
            benchmark::RegisterBenchmark((method + "/" + c->g.name).c_str(), fn)
                ->Iterations(1)
                ->UseManualTime()
                ->Unit(benchmark::kMillisecond);
        };
        path_case* p = c.get();
        reg("kith", [p](benchmark::State& st) { bm_kith(st, p, std::nullopt); });
        reg("kith_hops4", [p](benchmark::State& st) { bm_kith(st, p, capped_hops); });
        reg("kith_k5", [p](benchmark::State& st) { bm_kith_k(st, p); });
        reg("bgl_csr", [p](benchmark::State& st) { bm_bgl_csr(st, p); });
        reg("bgl_snapshot", [p](benchmark::State& st) { bm_bgl_snapshot(st, p); });
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    print_summary();
    return 0;
}
