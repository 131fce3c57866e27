// benchmarks/bench_snapshot.cpp -- freeze time and memory of kith's snapshot against the two
// usual Boost.Graph representations built from the same ties, in the same binary:
//   kith::snapshot                         CSR, packed arcs: (bits of a vertex id) + 16-bit
//                                          quantised cost per arc, one 8-byte load per arc
//   boost::compressed_sparse_row_graph     directedS (both arcs stored), std::size_t indices,
//                                          bundled double cost
//   boost::compressed_sparse_row_graph     the same with uint32 vertex and edge indices
//   boost::adjacency_list                  vecS, vecS, undirectedS, property<edge_weight_t, double>
// Graphs: the social and R-MAT generators at the sizes of KITH_BENCH_TIES (see common.hpp).
// Memory is counted on the heap (operator new is replaced here, glibc usable sizes) around each
// construction, so all structures are measured the same way; the snapshot's own
// `memory_usage().adjacency` (the search structure) is printed next to it, and
// `adjacency + visibility` (everything stored per tie: arcs, offsets, private and manual bits).
// scan/* time one pass over every arc (target and cost) of the packed snapshot against the same
// arcs in plain uint32 + uint16 arrays, the layout the snapshot had before packing.
// Besides the Google Benchmark timings, the program prints one summary table at the end.
#define KITH_BENCH_COUNT_HEAP
#include "common.hpp"

#include <benchmark/benchmark.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace {

using namespace kith_bench;

using bgl_csr32 = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, bgl_arc, boost::no_property,
                                                     std::uint32_t, std::uint32_t>;
using bgl_adjacency_list = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                                 boost::property<boost::edge_weight_t, double>>;

double cost_of(double w) { return -std::log(w); }

bgl_csr32 make_csr32(const kith::generated_graph& g) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> arcs;
    std::vector<bgl_arc> props;
    arcs.reserve(2 * g.ties.size());
    props.reserve(2 * g.ties.size());
    for (const auto& t : g.ties) {
        arcs.emplace_back(t.u, t.v);
        props.push_back({cost_of(t.warmth)});
        arcs.emplace_back(t.v, t.u);
        props.push_back({cost_of(t.warmth)});
    }
    return bgl_csr32(boost::edges_are_unsorted_multi_pass, arcs.begin(), arcs.end(), props.begin(), g.num_vertices);
}

bgl_adjacency_list make_adjacency_list(const kith::generated_graph& g) {
    bgl_adjacency_list a(g.num_vertices);
    for (const auto& t : g.ties) add_edge(t.u, t.v, cost_of(t.warmth), a);
    return a;
}

/// Heap bytes held by the object `make()` returns (live bytes after minus before; the
/// temporaries of the construction are freed by then).
template <class Make>
long long heap_of(Make make, std::unique_ptr<typename std::invoke_result_t<Make>::element_type>& keep) {
    const long long before = heap_bytes().load();
    keep = make();
    return heap_bytes().load() - before;
}

struct bench_case {
    bench_graph g;
    std::unique_ptr<frozen_graph> frozen;
    double snapshot_adjacency = 0, snapshot_tie = 0, snapshot_heap = 0, network_heap = 0;
    double csr_heap = 0, csr32_heap = 0, adjlist_heap = 0;
    double csr_seconds = 0, adjlist_seconds = 0;
};

std::vector<std::unique_ptr<bench_case>> cases;

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void measure(bench_case& c) {
    const auto& g = c.g.graph;
    {
        const long long before = heap_bytes().load();
        c.frozen = freeze_graph(g);
        const long long after = heap_bytes().load();
        const auto m = c.frozen->snap->memory_usage();
        c.snapshot_adjacency = static_cast<double>(m.adjacency);
        c.snapshot_tie = static_cast<double>(m.adjacency + m.visibility);
        // The snapshot's share: build another one and count it alone.
        const long long b2 = heap_bytes().load();
        auto s2 = std::make_unique<kith::snapshot>(c.frozen->net, bench_now());
        c.snapshot_heap = static_cast<double>(heap_bytes().load() - b2);
        c.network_heap = static_cast<double>(after - before) - c.snapshot_heap;
    }
    {
        std::unique_ptr<bgl_csr> keep;
        const auto t0 = std::chrono::steady_clock::now();
        c.csr_heap = static_cast<double>(heap_of([&] { return std::make_unique<bgl_csr>(make_bgl_csr(g, cost_of)); }, keep));
        c.csr_seconds = seconds_since(t0);
    }
    {
        std::unique_ptr<bgl_csr32> keep;
        c.csr32_heap = static_cast<double>(heap_of([&] { return std::make_unique<bgl_csr32>(make_csr32(g)); }, keep));
    }
    {
        std::unique_ptr<bgl_adjacency_list> keep;
        const auto t0 = std::chrono::steady_clock::now();
        c.adjlist_heap = static_cast<double>(
            heap_of([&] { return std::make_unique<bgl_adjacency_list>(make_adjacency_list(g)); }, keep));
        c.adjlist_seconds = seconds_since(t0);
    }
}

void set_counters(benchmark::State& state, const bench_case& c) {
    const double m = static_cast<double>(c.g.graph.ties.size());
    state.counters["ties"] = m;
    state.counters["people"] = c.g.graph.num_vertices;
    state.counters["kith_adj_B_per_tie"] = c.snapshot_adjacency / m;
    state.counters["kith_tie_B_per_tie"] = c.snapshot_tie / m;
    state.counters["kith_snapshot_B_per_tie"] = c.snapshot_heap / m;
    state.counters["bgl_csr_B_per_tie"] = c.csr_heap / m;
    state.counters["bgl_csr32_B_per_tie"] = c.csr32_heap / m;
    state.counters["bgl_adjlist_B_per_tie"] = c.adjlist_heap / m;
}

void bm_freeze(benchmark::State& state, const bench_case* c) {
    for (auto _ : state) {
        kith::snapshot s(c->frozen->net, bench_now());
        benchmark::DoNotOptimize(s.num_arcs());
    }
    set_counters(state, *c);
}

/// One pass over every arc of the packed snapshot: sum of targets and costs (arc_entry).
void bm_scan_packed(benchmark::State& state, const bench_case* c) {
    const kith::snapshot& s = *c->frozen->snap;
    for (auto _ : state) {
        std::uint64_t sum = 0;
        for (std::uint32_t v = 0; v < s.num_people(); ++v)
            for (auto a = s.arc_begin(v), e = s.arc_end(v); a != e; ++a) {
                const kith::snapshot_arc_entry x = s.arc_entry(a);
                sum += x.target + x.cost;
            }
        benchmark::DoNotOptimize(sum);
    }
    state.counters["s_per_arc"] = benchmark::Counter(static_cast<double>(s.num_arcs()),
                                                      benchmark::Counter::kIsIterationInvariantRate |
                                                          benchmark::Counter::kInvert);
}

/// The same pass over plain uint32 target + uint16 cost arrays holding the same arcs.
void bm_scan_plain(benchmark::State& state, const bench_case* c) {
    const kith::snapshot& s = *c->frozen->snap;
    std::vector<std::uint32_t> targets(s.num_arcs());
    std::vector<std::uint16_t> costs(s.num_arcs());
    for (std::uint64_t a = 0; a < s.num_arcs(); ++a) {
        targets[a] = s.arc_target(a);
        costs[a] = s.arc_cost(a);
    }
    for (auto _ : state) {
        std::uint64_t sum = 0;
        for (std::uint32_t v = 0; v < s.num_people(); ++v)
            for (auto a = s.arc_begin(v), e = s.arc_end(v); a != e; ++a) sum += targets[a] + costs[a];
        benchmark::DoNotOptimize(sum);
    }
    state.counters["s_per_arc"] = benchmark::Counter(static_cast<double>(s.num_arcs()),
                                                      benchmark::Counter::kIsIterationInvariantRate |
                                                          benchmark::Counter::kInvert);
}

void bm_bgl_csr(benchmark::State& state, const bench_case* c) {
    for (auto _ : state) {
        bgl_csr g = make_bgl_csr(c->g.graph, cost_of);
        benchmark::DoNotOptimize(num_vertices(g));
    }
    set_counters(state, *c);
}

void bm_bgl_adjacency_list(benchmark::State& state, const bench_case* c) {
    for (auto _ : state) {
        bgl_adjacency_list g = make_adjacency_list(c->g.graph);
        benchmark::DoNotOptimize(num_vertices(g));
    }
    set_counters(state, *c);
}

void print_summary() {
    std::printf("\n== snapshot memory and build time (heap bytes per tie; seconds, one build) ==\n");
    std::printf("%-22s %10s %9s | %8s %8s %8s %8s | %8s %8s %8s | %6s %6s | %6s %6s %6s %6s %6s\n", "graph", "ties", "people",
                "kith_adj", "kith_tie", "kith_all", "network", "bgl_csr", "csr32", "adjlist", "csr/k", "adj/k", "gen_s", "add_s", "frz_s",
                "csr_s", "adjl_s");
    for (const auto& cp : cases) {
        const bench_case& c = *cp;
        const double m = static_cast<double>(c.g.graph.ties.size());
        std::printf("%-22s %10zu %9u | %8.2f %8.2f %8.2f %8.1f | %8.2f %8.2f %8.2f | %6.2f %6.2f | %6.2f %6.2f %6.2f %6.2f %6.2f\n",
                    c.g.name.c_str(), c.g.graph.ties.size(), c.g.graph.num_vertices, c.snapshot_adjacency / m,
                    c.snapshot_tie / m, c.snapshot_heap / m, c.network_heap / m, c.csr_heap / m, c.csr32_heap / m, c.adjlist_heap / m,
                    c.csr_heap / c.snapshot_adjacency, c.adjlist_heap / c.snapshot_adjacency, c.g.generate_seconds,
                    c.frozen->add_seconds, c.frozen->freeze_seconds, c.csr_seconds, c.adjlist_seconds);
    }
    std::printf("kith_adj = snapshot::memory_usage().adjacency (packed arcs + offsets); kith_tie = adjacency +\n"
                "visibility (private and manual-warmth bits, owners); kith_all = whole snapshot on the heap\n"
                "(adds ids, key index, people); network = the mutable\n"
                "kith::network holding the same ties (add_to_network); csr/k, adj/k = BGL bytes\n"
                "over kith_adj. gen_s = generator, add_s = add_to_network, frz_s = snapshot build.\n");
}

} // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    const std::uint64_t seed = bench_seed();
    for (double t : tie_targets()) {
        for (const char* fam : {"social", "rmat"}) {
            if (!family_enabled(fam)) continue;
            auto c = std::make_unique<bench_case>();
            c->g = std::string(fam) == "social" ? make_social(t, seed) : make_rmat(t, seed);
            std::fprintf(stderr, "[bench_snapshot] %s: %u people, %zu ties, generated in %.2f s\n", c->g.name.c_str(),
                         c->g.graph.num_vertices, c->g.graph.ties.size(), c->g.generate_seconds);
            measure(*c);
            cases.push_back(std::move(c));
        }
    }
    for (const auto& c : cases) {
        benchmark::RegisterBenchmark(("freeze/" + c->g.name).c_str(), bm_freeze, c.get())->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark(("scan/kith_packed/" + c->g.name).c_str(), bm_scan_packed, c.get())
            ->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark(("scan/plain_arrays/" + c->g.name).c_str(), bm_scan_plain, c.get())
            ->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark(("bgl_csr_build/" + c->g.name).c_str(), bm_bgl_csr, c.get())
            ->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark(("bgl_adjacency_list_build/" + c->g.name).c_str(), bm_bgl_adjacency_list, c.get())
            ->Unit(benchmark::kMillisecond);
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    print_summary();
    return 0;
}
