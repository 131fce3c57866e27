// bench_brokerage -- Burt's constraint, effective size and efficiency for everyone
// (`kith::brokerage_all(snapshot)`, warmth-weighted) on generated graphs.
//
// Rows per graph (R-MAT with the Graph500 parameters a = 0.57, b = c = 0.19, edge factor 16, and
// the community-structured social generator of kith/generate, mean degree 20):
//   csr          building the compact adjacency of the usable ties (part of brokerage_all)
//   all          brokerage_all(snapshot) end to end, one thread
//   load-independent counts: ties, triangles, forward wedges read (the triangle loop's work)
// Times are CPU seconds of this process (clock_gettime(CLOCK_PROCESS_CPUTIME_ID)) and wall
// seconds, with the 1-minute load average before and after: the machine is shared, so the wall
// time may be up to (load / cores) times the CPU time.
// Checked: brokerage_all equals brokerage_of for 200 random people to 1e-9 (the graph's
// highest-degree person included).
//
// Environment: KITH_BENCH_TIES (default "1e6,1e7"), KITH_BENCH_GRAPHS (social, rmat; default
// both), KITH_BENCH_SEED (default 1). KITH_BENCH_TIES=1.5e7 gives R-MAT scale 20 (about 15M ties).
#include "common.hpp"

#include <benchmark/benchmark.h>

#include <kith/metrics/brokerage.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include <sys/resource.h>
#include <time.h>

namespace {

using clk = std::chrono::steady_clock;

double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

double load1() {
    double l[3] = {0, 0, 0};
    return getloadavg(l, 3) > 0 ? l[0] : -1.0;
}

double peak_rss_mib() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_maxrss) / 1024.0;
}

struct timing {
    double cpu = 0, wall = 0, load_before = 0, load_after = 0;
};

template <class F>
timing timed(F&& f) {
    timing t;
    t.load_before = load1();
    const double c0 = cpu_seconds();
    const auto w0 = clk::now();
    f();
    t.wall = std::chrono::duration<double>(clk::now() - w0).count();
    t.cpu = cpu_seconds() - c0;
    t.load_after = load1();
    return t;
}

struct row {
    std::string graph, what;
    std::size_t people = 0, ties = 0;
    kith::detail::brokerage_work work{};
    timing t{};
};
std::vector<row> rows;

void run_graph(const kith_bench::bench_graph& bg, std::uint64_t seed) {
    std::fprintf(stderr, "%s: %zu ties, generated in %.1f s\n", bg.name.c_str(), bg.graph.ties.size(), bg.generate_seconds);
    const auto frozen = kith_bench::freeze_graph(bg.graph);
    const kith::snapshot& s = *frozen->snap;
    const kith::brokerage_options opt{};

    // Work counts (load-independent), and the CSR step alone.
    kith::detail::brokerage_csr csr;
    const timing tc = timed([&] { csr = kith::detail::brokerage_csr_of(s, opt); });
    kith::detail::brokerage_work work;
    benchmark::DoNotOptimize(kith::detail::brokerage_all_csr(csr, &work));
    csr = {};
    rows.push_back({bg.name, "csr of usable ties", s.num_people(), s.num_ties(), work, tc});

    std::vector<kith::brokerage> all;
    const timing ta = timed([&] { all = kith::brokerage_all(s, opt); });
    rows.push_back({bg.name, "brokerage_all, 1 thread", s.num_people(), s.num_ties(), work, ta});
    std::fprintf(stderr, "  all: %.2f s CPU, %.2f s wall, load %.2f -> %.2f, %llu triangles, %llu wedges, peak RSS %.0f MiB\n",
                 ta.cpu, ta.wall, ta.load_before, ta.load_after, static_cast<unsigned long long>(work.triangles),
                 static_cast<unsigned long long>(work.wedges), peak_rss_mib());

    // Check against the one-person computation.
    std::mt19937_64 rng(seed);
    std::vector<std::uint32_t> people;
    std::uint32_t hub = 0;
    for (std::uint32_t v = 0; v < s.num_people(); ++v)
        if (s.degree(v) > s.degree(hub)) hub = v;
    people.push_back(hub);
    while (people.size() < 200) people.push_back(static_cast<std::uint32_t>(rng() % s.num_people()));
    for (std::uint32_t v : people) {
        const auto one = kith::brokerage_of(s, s.id_of(v), opt);
        const bool ok = one ? (one->degree == all[v].degree && std::abs(one->constraint - all[v].constraint) <= 1e-9 &&
                               std::abs(one->effective_size - all[v].effective_size) <= 1e-9 * std::max(1.0, one->effective_size))
                            : (all[v].degree == 0 && std::isnan(all[v].constraint));
        if (!ok) kith_bench::die("brokerage_all differs from brokerage_of at vertex " + std::to_string(v));
    }
}

} // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    const auto seed = kith_bench::bench_seed();
    std::vector<double> targets;
    for (const auto& t : kith_bench::split(kith_bench::env_or("KITH_BENCH_TIES", "1e6,1e7"))) targets.push_back(std::atof(t.c_str()));
    for (double t : targets) {
        if (kith_bench::family_enabled("social")) run_graph(kith_bench::make_social(t, seed), seed);
        if (kith_bench::family_enabled("rmat")) run_graph(kith_bench::make_rmat(t, seed), seed);
    }
    std::printf("\n| graph | people | ties | triangles | forward wedges read | step | CPU s | wall s | load 1 min (before/after) |\n"
                "|---|---|---|---|---|---|---|---|---|\n");
    for (const auto& r : rows)
        std::printf("| %s | %zu | %zu | %llu | %llu | %s | %.2f | %.2f | %.2f / %.2f |\n", r.graph.c_str(), r.people, r.ties,
                    static_cast<unsigned long long>(r.work.triangles), static_cast<unsigned long long>(r.work.wedges),
                    r.what.c_str(), r.t.cpu, r.t.wall, r.t.load_before, r.t.load_after);
    std::printf("\npeak RSS %.0f MiB\n", peak_rss_mib());
    return 0;
}
