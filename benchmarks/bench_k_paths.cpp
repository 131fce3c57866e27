// benchmarks/bench_k_paths.cpp -- k best warm paths against one path, on the same queries.
//
// Graph: the social generator at KITH_BENCH_TIES (default 1e6 here; `social` family only).
// Queries: KITH_BENCH_K_PAIRS (default 200) random pairs in the largest connected component.
// Methods (each query timed on its own with the thread's CPU clock; p50/p90/p99 reported):
//   one           find_warm_path(snapshot, a, b), default options (hop factor 0.8)
//   k5_plain      find_k_warm_paths, k = 5, no diversity (Yen)
//   k5_distinct   k = 5, distinct_first_introducer (one origin-tagged search for one pair:
//                 counts as 1 search; its pops and labels are counted as the engine's)
//   k5_overlap    k = 5, limited_overlap, max_overlap 0.5 (default max_enumerated)
//   k5_disjoint   k = 5, limited_overlap, max_overlap 0 (pairwise disjoint intermediates: a
//                 direct loop, one search per path)
// Ratios: p50(method) / p50(one), mean(method) / mean(one) and the median over queries of
// time(method) / time(one).
// Load-independent counts: single-path searches per query (detail::k_paths_counters), and when
// the engine is built with KITH_PATHS_PROFILE, settled labels, created labels and scanned arcs
// per query.
// Checks (abort loudly): the first path of every k query costs what the best path costs; costs
// are non-decreasing; k5_plain has no duplicate path; k5_distinct has distinct people[1]
// (paths of >= 2 hops); k5_overlap / k5_disjoint keep the documented overlap bound; k5_plain
// and k5_overlap (bounded spur searches) return exactly the paths of the unbounded enumeration
// (detail::k_paths_bounds() off; run untimed after each query, not counted).
// The load average (/proc/loadavg) is printed before and after the run.
#define KITH_PATHS_PROFILE 1
#include "common.hpp"

#include <benchmark/benchmark.h>

#include <kith/paths/k_warm_paths.hpp>
#include <kith/paths/warm_path.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace {

using namespace kith_bench;

constexpr double hop_factor = 0.8;
constexpr std::size_t k_paths = 5;

std::string load_average() {
    std::ifstream in("/proc/loadavg");
    std::string a, b, c;
    in >> a >> b >> c;
    return a + " " + b + " " + c;
}

struct method_result {
    std::vector<double> cpu;  // per query, microseconds
    double searches = 0, settled = 0, scanned = 0, paths = 0, ball = 0, labels = 0;  // totals
};

struct k_case {
    bench_graph g;
    std::unique_ptr<frozen_graph> frozen;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    std::vector<std::uint64_t> best_cost;
    std::map<std::string, method_result> results;
};

std::vector<std::unique_ptr<k_case>> cases;
std::vector<std::string> method_order;

struct counters {
    std::uint64_t searches = 0, settled = 0, scanned = 0, ball = 0, labels = 0;
    static counters now() {
        counters c;
        c.searches = kith::detail::k_paths_counters().searches;
        c.ball = kith::detail::k_paths_counters().ball_settled;
#if defined(KITH_PATHS_PROFILE)
        c.settled = kith::detail::profile().settled;
        c.scanned = kith::detail::profile().scanned;
        c.labels = kith::detail::profile().labels;
#endif
        return c;
    }
};

std::size_t shared_intermediates(const kith::warm_path& p, const kith::warm_path& q) {
    std::size_t shared = 0;
    for (std::size_t i = 1; i + 1 < p.people.size(); ++i)
        for (std::size_t j = 1; j + 1 < q.people.size(); ++j)
            if (p.people[i] == q.people[j]) ++shared;
    return shared;
}

void check(const k_case& c, std::size_t q, const std::string& method, const kith::k_paths_options& ko,
           const std::vector<kith::warm_path>& ps) {
    const std::string where = c.g.name + " " + method + " query " + std::to_string(q);
    if (ps.empty()) die(where + ": no path inside a connected component");
    if (ps.size() > k_paths) die(where + ": more than k paths");
    if (ps.front().cost_units != c.best_cost[q]) die(where + ": first path is not the best path");
    for (std::size_t i = 1; i < ps.size(); ++i) {
        if (ps[i].cost_units < ps[i - 1].cost_units) die(where + ": costs decrease");
        for (std::size_t j = 0; j < i; ++j) {
            if (ps[i].people == ps[j].people) die(where + ": the same path twice");
            if (ko.diversity == kith::path_diversity::distinct_first_introducer && ps[i].hops() >= 2 &&
                ps[j].hops() >= 2 && ps[i].people[1] == ps[j].people[1])
                die(where + ": two paths share the first introducer");
            if (ko.diversity == kith::path_diversity::limited_overlap) {
                const std::size_t inner_j = ps[j].hops() >= 1 ? ps[j].hops() - 1 : 0;
                if (static_cast<double>(shared_intermediates(ps[i], ps[j])) >
                    ko.max_overlap * static_cast<double>(inner_j))
                    die(where + ": overlap bound broken");
            }
        }
    }
}

/// Resets the counters to `c` (the reference run is not counted).
void restore(const counters& c) {
    kith::detail::k_paths_counters().searches = c.searches;
    kith::detail::k_paths_counters().ball_settled = c.ball;
#if defined(KITH_PATHS_PROFILE)
    kith::detail::profile().settled = c.settled;
    kith::detail::profile().scanned = c.scanned;
    kith::detail::profile().labels = c.labels;
#endif
}

/// Dies unless `ps` equals the reference answer `ref` path for path (people, arcs, costs, order).
void same_as_reference(const k_case& c, std::size_t q, const std::string& method, const std::vector<kith::warm_path>& ps,
                       const std::vector<kith::warm_path>& ref) {
    const std::string where = c.g.name + " " + method + " query " + std::to_string(q);
    if (ps.size() != ref.size()) die(where + ": " + std::to_string(ps.size()) + " paths, reference " + std::to_string(ref.size()));
    for (std::size_t i = 0; i < ps.size(); ++i)
        if (!(ps[i] == ref[i]))
            die(where + ": path " + std::to_string(i) + " differs from the reference (cost " +
                std::to_string(ps[i].cost_units) + " vs " + std::to_string(ref[i].cost_units) + ")");
}

void bm_method(benchmark::State& state, k_case* c, const std::string& method, std::size_t k,
               kith::k_paths_options ko) {
    // Searches with upper bounds (detail::k_paths_bounds()): each answer is also checked
    // against the same query without them (untimed, not counted).
    const bool reference = ko.diversity == kith::path_diversity::none ||
                           (ko.diversity == kith::path_diversity::limited_overlap && ko.max_overlap > 0.0);
    const kith::snapshot& s = *c->frozen->snap;
    kith::path_options opt;
    opt.hop_factor = hop_factor;
    kith::path_workspace ws;
    method_result r;
    r.cpu.assign(c->pairs.size(), 0.0);
    for (auto _ : state) {
        const counters before = counters::now();
        for (std::size_t q = 0; q < c->pairs.size(); ++q) {
            const kith::person_id a = s.id_of(c->pairs[q].first), b = s.id_of(c->pairs[q].second);
            if (k == 0) {
                const double t0 = thread_cpu_micros();
                const auto p = kith::find_warm_path(s, a, b, opt, ws);
                r.cpu[q] = thread_cpu_micros() - t0;
                benchmark::DoNotOptimize(p);
                if (!p || p->cost_units != c->best_cost[q]) die(c->g.name + ": one-path answer changed");
                r.paths += 1;
            } else {
                const double t0 = thread_cpu_micros();
                const auto ps = kith::find_k_warm_paths(s, a, b, k, opt, ko, ws);
                r.cpu[q] = thread_cpu_micros() - t0;
                benchmark::DoNotOptimize(ps);
                check(*c, q, method, ko, ps);
                if (reference) {
                    // The same query without upper bounds (untimed, counters restored).
                    const counters keep = counters::now();
                    kith::detail::k_paths_bounds() = false;
                    const auto ref = kith::find_k_warm_paths(s, a, b, k, opt, ko, ws);
                    kith::detail::k_paths_bounds() = true;
                    restore(keep);
                    same_as_reference(*c, q, method, ps, ref);
                }
                r.paths += static_cast<double>(ps.size());
            }
        }
        const counters after = counters::now();
        r.searches = static_cast<double>(after.searches - before.searches);
        r.ball = static_cast<double>(after.ball - before.ball);
        r.settled = static_cast<double>(after.settled - before.settled);
        r.scanned = static_cast<double>(after.scanned - before.scanned);
        r.labels = static_cast<double>(after.labels - before.labels);
    }
    const latency l = summarize(r.cpu);
    const double nq = c->pairs.empty() ? 1.0 : static_cast<double>(c->pairs.size());
    state.counters["cpu_p50_us"] = l.p50;
    state.counters["cpu_p99_us"] = l.p99;
    state.counters["searches_per_query"] = r.searches / nq;
    state.counters["paths_per_query"] = r.paths / nq;
    double total = 0;
    for (double x : r.cpu) total += x;
    state.SetIterationTime(total / 1e6);
    c->results[method] = std::move(r);
}

void print_summary() {
    std::printf("\n== k best paths against one path: thread CPU time per query, microseconds ==\n"
                "   r_p50 = p50(method) / p50(one); r_mean = mean(method) / mean(one);\n"
                "   r_med = median over queries of time(method) / time(one)\n"
                "   searches, settled, labels, scanned: per query (the last three need KITH_PATHS_PROFILE);\n"
                "   ball: vertices settled per query by the lower-bound ball of lazy Yen\n");
    std::printf("%-14s %-12s %9s %9s %9s %9s | %7s %7s %7s | %8s %9s %9s %10s %7s %6s\n", "graph", "method", "p50",
                "p90", "p99", "mean", "r_p50", "r_mean", "r_med", "searches", "settled", "labels", "scanned", "ball",
                "paths");
    for (const auto& cp : cases) {
        const k_case& c = *cp;
        const auto one = c.results.find("one");
        for (const std::string& m : method_order) {
            const auto it = c.results.find(m);
            if (it == c.results.end()) continue;
            const method_result& r = it->second;
            const latency l = summarize(r.cpu);
            double r50 = 0, rmean = 0, rmed = 0;
            if (one != c.results.end()) {
                const latency lo = summarize(one->second.cpu);
                r50 = lo.p50 > 0 ? l.p50 / lo.p50 : 0;
                rmean = lo.mean > 0 ? l.mean / lo.mean : 0;
                std::vector<double> ratios;
                for (std::size_t q = 0; q < r.cpu.size() && q < one->second.cpu.size(); ++q)
                    if (one->second.cpu[q] > 0) ratios.push_back(r.cpu[q] / one->second.cpu[q]);
                rmed = summarize(ratios).p50;
            }
            const double nq = r.cpu.empty() ? 1.0 : static_cast<double>(r.cpu.size());
            std::printf("%-14s %-12s %9.1f %9.1f %9.1f %9.1f | %7.2f %7.2f %7.2f | %8.1f %9.0f %9.0f %10.0f %7.0f %6.2f\n",
                        c.g.name.c_str(), m.c_str(), l.p50, l.p90, l.p99, l.mean, r50, rmean, rmed, r.searches / nq,
                        r.settled / nq, r.labels / nq, r.scanned / nq, r.ball / nq, r.paths / nq);
        }
    }
    std::printf("load average at the end: %s\n", load_average().c_str());
}

} // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    std::printf("load average at the start: %s\n", load_average().c_str());
    const std::uint64_t seed = bench_seed();
    const std::size_t pair_count = static_cast<std::size_t>(std::atoll(env_or("KITH_BENCH_K_PAIRS", "200").c_str()));
    for (const auto& t : split(env_or("KITH_BENCH_TIES", "1e6"))) {
        auto c = std::make_unique<k_case>();
        c->g = make_social(std::atof(t.c_str()), seed);
        c->frozen = freeze_graph(c->g.graph);
        const kith::snapshot& s = *c->frozen->snap;
        c->pairs = connected_pairs(s, pair_count, seed);
        kith::path_options opt;
        opt.hop_factor = hop_factor;
        for (const auto& [a, b] : c->pairs) {
            const auto p = kith::find_warm_path(s, s.id_of(a), s.id_of(b), opt);
            if (!p) die(c->g.name + ": no path inside a connected component");
            c->best_cost.push_back(p->cost_units);
        }
        std::fprintf(stderr, "[bench_k_paths] %s: %u people, %zu ties, %zu pairs\n", c->g.name.c_str(),
                     c->g.graph.num_vertices, c->g.graph.ties.size(), c->pairs.size());
        cases.push_back(std::move(c));
    }
    kith::k_paths_options plain, distinct, overlap, disjoint;
    distinct.diversity = kith::path_diversity::distinct_first_introducer;
    overlap.diversity = kith::path_diversity::limited_overlap;
    overlap.max_overlap = 0.5;
    disjoint.diversity = kith::path_diversity::limited_overlap;
    disjoint.max_overlap = 0.0;
    const std::vector<std::pair<std::string, std::pair<std::size_t, kith::k_paths_options>>> methods = {
        {"one", {0, plain}},
        {"k5_plain", {k_paths, plain}},
        {"k5_distinct", {k_paths, distinct}},
        {"k5_overlap", {k_paths, overlap}},
        {"k5_disjoint", {k_paths, disjoint}},
    };
    for (const auto& m : methods) method_order.push_back(m.first);
    for (const auto& c : cases)
        for (const auto& m : methods) {
            k_case* p = c.get();
            const std::string name = m.first;
            const std::size_t k = m.second.first;
            const kith::k_paths_options ko = m.second.second;
            benchmark::RegisterBenchmark((name + "/" + c->g.name).c_str(),
                                         [p, name, k, ko](benchmark::State& st) { bm_method(st, p, name, k, ko); })
                ->Iterations(1)
                ->UseManualTime()
                ->Unit(benchmark::kMillisecond);
        }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    print_summary();
    return 0;
}
