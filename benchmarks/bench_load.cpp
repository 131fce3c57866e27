// benchmarks/bench_load.cpp -- loading a big edge list: kith's read_edge_list (and freeze)
// against the plain Boost.Graph way (std::ifstream >> u >> v >> w, add_edge into an
// adjacency_list) in the same binary.
//
// The edge list is generated once into /tmp (deterministic: R-MAT with Graph500
// parameters a=.57 b=.19 c=.19, vertex ids permuted, self-loops and repeated pairs
// dropped, so the file holds exactly N distinct ties, "u<TAB>v<TAB>warmth"; N/10 vertex
// slots). N = KITH_BENCH_TIES (default 1,000,000; 10,000,000 gives the ~230 MB file of
// the spec; the generated file is 188 MB). Each benchmark runs once, BM_kith_load_freeze
// KITH_BENCH_REPS times (default 1). After the runs the program prints the phase split
// (wall and CPU seconds, the minimum over the runs: the machine is shared, CPU time does
// not count waiting for a core) and the kith/BGL ratio.
#include <kith/io/edge_list.hpp>
#include <kith/snapshot.hpp>

#include <benchmark/benchmark.h>
#include <boost/graph/adjacency_list.hpp>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

namespace {

/// How many times BM_kith_load_freeze runs (KITH_BENCH_REPS, default 1); the phase figures
/// printed at the end are the minimum over the runs (the machine is shared).
int bench_reps() {
    if (const char* s = std::getenv("KITH_BENCH_REPS")) return std::max(1, std::atoi(s));
    return 1;
}

std::size_t bench_ties() {
    if (const char* s = std::getenv("KITH_BENCH_TIES")) return static_cast<std::size_t>(std::strtoull(s, nullptr, 10));
    return 1000000;
}

/// Writes (once) and returns the path of the N-tie edge list.
const std::string& edge_file() {
    static const std::string path = [] {
        const std::size_t n = bench_ties();
        const std::string p = "/tmp/kith_bench_edges_" + std::to_string(n) + ".txt";
        if (std::ifstream(p)) return p;
        std::uint32_t scale = 1;
        while ((std::size_t{1} << scale) < n / 10) ++scale;
        const std::uint32_t nv = 1u << scale;
        std::mt19937_64 rng(20250314);
        std::vector<std::uint32_t> perm(nv);
        for (std::uint32_t i = 0; i < nv; ++i) perm[i] = i;
        for (std::uint32_t i = nv - 1; i > 0; --i) std::swap(perm[i], perm[rng() % (i + 1)]);
        kith::io::detail::flat_u64_map seen(n);
        const std::string tmp = p + ".part";
        std::FILE* f = std::fopen(tmp.c_str(), "wb");
        if (!f) { std::perror(tmp.c_str()); std::exit(1); }
        std::string buf;
        std::size_t written = 0;
        while (written < n) {
            std::uint32_t u = 0, v = 0;
            std::uint64_t bits = 0;
            for (std::uint32_t level = 0; level < scale; ++level) {
                if (level % 4 == 0) bits = rng();
                const std::uint32_t r = static_cast<std::uint32_t>(bits & 0xFFFF);  // 16-bit uniform
                bits >>= 16;
                // a = .57, b = .19, c = .19, d = .05
                const int quad = r < 37356 ? 0 : r < 49807 ? 1 : r < 62259 ? 2 : 3;
                u = (u << 1) | static_cast<std::uint32_t>(quad >> 1);
                v = (v << 1) | static_cast<std::uint32_t>(quad & 1);
            }
            u = perm[u];
            v = perm[v];
            if (u == v) continue;
            const std::uint64_t key = (std::uint64_t{u < v ? u : v} << 32) | (u < v ? v : u);
            if (!seen.try_emplace(key, 0).second) continue;
            const unsigned w = 1 + static_cast<unsigned>(rng() % 100);
            char line[64];
            const int len = w == 100 ? std::snprintf(line, sizeof line, "%u\t%u\t1\n", u, v)
                                     : std::snprintf(line, sizeof line, "%u\t%u\t0.%02u\n", u, v, w);
            buf.append(line, static_cast<std::size_t>(len));
            if (buf.size() > (1u << 20)) { std::fwrite(buf.data(), 1, buf.size(), f); buf.clear(); }
            ++written;
        }
        std::fwrite(buf.data(), 1, buf.size(), f);
        std::fclose(f);
        std::rename(tmp.c_str(), p.c_str());
        return p;
    }();
    return path;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

/// CPU seconds of this process so far (the benchmark is single-threaded): unlike wall-clock
/// time it does not grow when other people's jobs share the 2 cores.
double cpu_now() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

double g_kith_load = 0, g_bgl = 0, g_load_cpu = 0, g_bgl_cpu = 0;
// Phases of BM_kith_load_freeze: minimum over the runs.
constexpr double unset = 1e300;
double g_parse = unset, g_insert = unset, g_freeze = unset, g_kith_freeze_total = unset;
double g_parse_cpu = unset, g_insert_cpu = unset, g_freeze_cpu = unset, g_total_cpu = unset;
void keep_min(double& slot, double v) { slot = std::min(slot, v); }

void BM_kith_load(benchmark::State& state) {
    const std::string& path = edge_file();
    for (auto _ : state) {
        kith::network net;
        const auto t0 = std::chrono::steady_clock::now();
        const double c0 = cpu_now();
        const auto r = kith::io::read_edge_list(net, path);
        g_kith_load = seconds_since(t0);
        g_load_cpu = cpu_now() - c0;
        state.counters["ties"] = static_cast<double>(r.ties);
        state.counters["people"] = static_cast<double>(r.people);
        benchmark::DoNotOptimize(net);
    }
}

void BM_kith_load_freeze(benchmark::State& state) {
    const std::string& path = edge_file();
    for (auto _ : state) {
        // The same work as read_edge_list, with the phases timed apart.
        kith::network net;
        const auto t0 = std::chrono::steady_clock::now();
        const double c0 = cpu_now();
        kith::io::edge_list_options opt;
        std::FILE* f = std::fopen(path.c_str(), "rb");
        std::fseek(f, 0, SEEK_END);
        const auto size = static_cast<std::uint64_t>(std::ftell(f));
        std::fseek(f, 0, SEEK_SET);
        kith::io::detail::edge_list_parser p(path, opt, size);
        kith::io::detail::feed_blocks(p, [&](char* buf, std::size_t n) { return std::fread(buf, 1, n, f); });
        std::fclose(f);
        p.finish();
        keep_min(g_parse, seconds_since(t0));
        const double c1 = cpu_now();
        keep_min(g_parse_cpu, c1 - c0);
        const auto t1 = std::chrono::steady_clock::now();
        p.commit(net);
        keep_min(g_insert, seconds_since(t1));
        const double c2 = cpu_now();
        keep_min(g_insert_cpu, c2 - c1);
        const auto t2 = std::chrono::steady_clock::now();
        auto snap = kith::freeze(net, kith::make_timestamp(2025, 1, 1));
        keep_min(g_freeze, seconds_since(t2));
        keep_min(g_kith_freeze_total, seconds_since(t0));
        const double c3 = cpu_now();
        keep_min(g_freeze_cpu, c3 - c2);
        keep_min(g_total_cpu, c3 - c0);
        state.counters["arcs"] = static_cast<double>(snap->num_arcs());
        benchmark::DoNotOptimize(snap);
    }
}

void BM_bgl_baseline(benchmark::State& state) {
    using graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                        boost::property<boost::edge_weight_t, double>>;
    const std::string& path = edge_file();
    for (auto _ : state) {
        const auto t0 = std::chrono::steady_clock::now();
        const double c0 = cpu_now();
        std::ifstream in(path);
        graph g;
        std::size_t u, v;
        double w;
        while (in >> u >> v >> w) {
            const std::size_t need = (u > v ? u : v) + 1;
            while (boost::num_vertices(g) < need) boost::add_vertex(g);
            boost::add_edge(u, v, w, g);
        }
        g_bgl = seconds_since(t0);
        g_bgl_cpu = cpu_now() - c0;
        state.counters["edges"] = static_cast<double>(boost::num_edges(g));
        benchmark::DoNotOptimize(g);
    }
}

BENCHMARK(BM_kith_load)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_kith_load_freeze)->Iterations(bench_reps())->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_bgl_baseline)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    std::cout << "edge list: " << edge_file() << " (" << bench_ties() << " ties)\n";
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    if (g_kith_freeze_total < unset) {
        std::printf("kith phases (min of %d runs), wall: parse %.2f s, insert %.2f s, freeze %.2f s (load+freeze %.2f s)\n",
                    bench_reps(), g_parse,
                    g_insert, g_freeze, g_kith_freeze_total);
        std::printf("kith phases (min of %d runs), CPU:  parse %.2f s, insert %.2f s, freeze %.2f s (load+freeze %.2f s)\n",
                    bench_reps(), g_parse_cpu, g_insert_cpu, g_freeze_cpu, g_total_cpu);
    }
    if (g_kith_load > 0)
        std::printf("kith read_edge_list: wall %.2f s, CPU %.2f s\n", g_kith_load, g_load_cpu);
    if (g_kith_load > 0 && g_bgl > 0)
        std::printf("kith load %.2f s vs BGL ifstream+add_edge %.2f s (CPU %.2f s vs %.2f s): BGL/kith = %.2fx CPU\n",
                    g_kith_load, g_bgl, g_load_cpu, g_bgl_cpu, g_load_cpu > 0 ? g_bgl_cpu / g_load_cpu : 0.0);
    return 0;
}
