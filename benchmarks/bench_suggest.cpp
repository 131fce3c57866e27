// benchmarks/bench_suggest.cpp -- "whom to grow next" at scale: people-to-meet latency, Burt's
// constraint for everyone, ties to grow; each against a plain Boost.Graph baseline in the same
// binary, with answers checked.
//
// Graphs: social and R-MAT generators at KITH_BENCH_TIES sizes (default 1e5,1e6; the issue's
// figures use KITH_BENCH_TIES=1e7), see common.hpp. Methods:
//   people_kith       suggest_people_to_meet(snapshot, p, default options, reused workspace), top 10,
//                     KITH_BENCH_PAIRS people (default 1000) with at least one tie; per-query p50/p90/p99
//                     of thread CPU time, load-independent counts (arcs scanned, of them arcs spread,
//                     hub index look-ups) and the load average; KITH_BENCH_DUMP=prefix writes one
//                     line per query to prefix.fast.GRAPH / prefix.exh.GRAPH
//   people_exhaustive the same queries through the exhaustive two-hop pass (workspace hook
//                     exhaustive_only); every answer checked equal to people_kith's
//                     (KITH_BENCH_METHODS selects methods: people,exhaustive,bgl,brokerage,grow; default all)
//   people_bgl        the textbook way on a BGL CSR graph: for every friend of a friend, intersect
//                     the two sorted neighbour lists (pairwise), resource allocation, top 10; on the
//                     first 100 people (checked: same top-1 RA score as kith's unweighted RA)
//   brokerage_kith    brokerage_all(snapshot): constraint, effective size, efficiency for everyone
//                     (triangles on a degree-ordered orientation)
//   brokerage_bgl     the generic tier-1 brokerage_all on the BGL CSR graph (the same triangle
//                     listing as the snapshot tier since 1559c16); only up to 2e6 ties here
//                     (bench_brokerage measures larger graphs). Checked: equal.
//   grow_kith         suggest_ties_to_grow with 5 goals of 20 random people, 20 queries (5 above 2e6 ties)
#include "common.hpp"

#include <benchmark/benchmark.h>

#include <kith/metrics/brokerage.hpp>
#include <kith/suggest/people_to_meet.hpp>
#include <kith/suggest/ties_to_grow.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace {

using clk = std::chrono::steady_clock;

struct row {
    std::string graph, method;
    std::size_t ties = 0;
    kith_bench::latency lat{};
    double seconds = 0;  // for whole-graph methods
    std::string note{};  // arcs scanned, load average
};
std::vector<row> rows;

double secs(clk::time_point a, clk::time_point b) { return std::chrono::duration<double>(b - a).count(); }

bool method_enabled(const std::string& m) {
    const auto ms = kith_bench::split(kith_bench::env_or("KITH_BENCH_METHODS", "people,exhaustive,bgl,brokerage,grow"));
    return std::find(ms.begin(), ms.end(), m) != ms.end();
}

std::string load_average() {
    double l1 = 0, l5 = 0, l15 = 0;
    if (FILE* f = std::fopen("/proc/loadavg", "r")) {
        if (std::fscanf(f, "%lf %lf %lf", &l1, &l5, &l15) != 3) l1 = l5 = l15 = 0;
        std::fclose(f);
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "load %.2f %.2f %.2f", l1, l5, l15);
    return buf;
}

// People to meet on `people` with the default options: CPU time per query and arcs scanned.
std::vector<std::vector<kith::person_suggestion>> people_run(const kith::snapshot& s, const std::vector<std::uint32_t>& people,
                                                             bool exhaustive, const std::string& graph, std::size_t ties) {
    kith::people_to_meet_workspace ws(s);
    ws.exhaustive_only = exhaustive;
    std::vector<double> us, arcs, spread, lookups;
    std::size_t early = 0;
    std::vector<std::vector<kith::person_suggestion>> answers;
    const std::string load_before = load_average();
    // KITH_BENCH_DUMP=file: one line per query (vertex, degree, usable contacts, contacts spread,
    // two-hop volume = sum of the contacts' degrees, arcs scanned, pruned pass taken, CPU us, arcs
    // spread, hub index look-ups).
    const std::string dump_path = kith_bench::env_or("KITH_BENCH_DUMP", "");
    FILE* dump = dump_path.empty() ? nullptr : std::fopen((dump_path + (exhaustive ? ".exh" : ".fast") + "." + graph).c_str(), "w");
    for (auto v : people) {
        const double t0 = kith_bench::thread_cpu_micros();
        auto r = kith::suggest_people_to_meet(s, s.id_of(v), {}, ws);
        us.push_back(kith_bench::thread_cpu_micros() - t0);
        benchmark::DoNotOptimize(r);
        arcs.push_back(static_cast<double>(ws.scanned_arcs));
        spread.push_back(static_cast<double>(ws.spread_arcs));
        lookups.push_back(static_cast<double>(ws.index_lookups));
        if (dump) {
            std::uint64_t volume = 0;
            for (const auto& c : ws.my_contacts) volume += s.degree(c.z);
            std::fprintf(dump, "%u %u %zu %zu %llu %llu %d %.0f %llu %llu\n", v, static_cast<unsigned>(s.degree(v)),
                         ws.my_contacts.size(), ws.contacts_spread, static_cast<unsigned long long>(volume),
                         static_cast<unsigned long long>(ws.scanned_arcs), ws.used_fast_path ? 1 : 0, us.back(),
                         static_cast<unsigned long long>(ws.spread_arcs), static_cast<unsigned long long>(ws.index_lookups));
        }
        if (ws.contacts_spread < ws.my_contacts.size()) ++early;
        answers.push_back(std::move(r));
    }
    if (dump) std::fclose(dump);
    const auto a = kith_bench::summarize(arcs);
    const auto sp = kith_bench::summarize(spread);
    const auto lk = kith_bench::summarize(lookups);
    char note[512];
    std::snprintf(note, sizeof note,
                  "arcs scanned p50 %.0f p90 %.0f p99 %.0f, of which spread p50 %.0f p90 %.0f p99 %.0f; hub index look-ups "
                  "p50 %.0f p90 %.0f p99 %.0f; stopped early %zu/%zu; %s, after: %s",
                  a.p50, a.p90, a.p99, sp.p50, sp.p90, sp.p99, lk.p50, lk.p90, lk.p99, early, people.size(),
                  load_before.c_str(), load_average().c_str());
    rows.push_back({graph, exhaustive ? "people_exhaustive (default, top 10, CPU)" : "people_kith (default, top 10, CPU)", ties,
                    kith_bench::summarize(us), 0, note});
    return answers;
}

// RA top-10 by pairwise intersection on the BGL CSR graph (unweighted).
std::vector<std::pair<double, std::uint32_t>> bgl_ra_top10(const kith_bench::bgl_csr& g, std::uint32_t u) {
    auto nbrs = [&](std::uint32_t v) {
        std::vector<std::uint32_t> out;
        for (auto [e, end] = out_edges(std::size_t{v}, g); e != end; ++e) out.push_back(static_cast<std::uint32_t>(target(*e, g)));
        std::sort(out.begin(), out.end());
        return out;
    };
    const auto nu = nbrs(u);
    std::vector<std::uint32_t> cand;
    for (auto z : nu)
        for (auto [e, end] = out_edges(std::size_t{z}, g); e != end; ++e) cand.push_back(static_cast<std::uint32_t>(target(*e, g)));
    std::sort(cand.begin(), cand.end());
    cand.erase(std::unique(cand.begin(), cand.end()), cand.end());
    std::vector<std::pair<double, std::uint32_t>> scored;
    for (auto v : cand) {
        if (v == u || std::binary_search(nu.begin(), nu.end(), v)) continue;
        const auto nv = nbrs(v);
        std::vector<std::uint32_t> common;
        std::set_intersection(nu.begin(), nu.end(), nv.begin(), nv.end(), std::back_inserter(common));
        double ra = 0;
        for (auto z : common) ra += 1.0 / static_cast<double>(out_degree(std::size_t{z}, g));
        scored.emplace_back(ra, v);
    }
    const std::size_t k = std::min<std::size_t>(10, scored.size());
    std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(k), scored.end(),
                      [](auto& x, auto& y) { return x.first != y.first ? x.first > y.first : x.second < y.second; });
    scored.resize(k);
    return scored;
}

void run_graph(const kith_bench::bench_graph& bg) {
    std::fprintf(stderr, "[bench_suggest] %s: %zu ties, freezing...\n", bg.name.c_str(), bg.graph.ties.size());
    const auto f = kith_bench::freeze_graph(bg.graph);
    const kith::snapshot& s = *f->snap;
    const std::size_t queries = std::strtoull(kith_bench::env_or("KITH_BENCH_PAIRS", "1000").c_str(), nullptr, 10);
    std::mt19937_64 rng = kith::detail::generate::engine(kith_bench::bench_seed(), 91);
    std::vector<std::uint32_t> people;
    while (people.size() < queries) {
        const auto v = static_cast<std::uint32_t>(kith::detail::generate::uniform_below(rng, s.num_people()));
        if (s.degree(v) > 0) people.push_back(v);
    }
    // ---- people to meet (kith), and the exhaustive pass on the same people, checked equal
    kith::people_to_meet_workspace ws(s);
    if (method_enabled("people")) {
        const auto fast = people_run(s, people, false, bg.name, bg.graph.ties.size());
        if (method_enabled("exhaustive")) {
            const auto slow = people_run(s, people, true, bg.name, bg.graph.ties.size());
            for (std::size_t i = 0; i < people.size(); ++i)
                if (fast[i] != slow[i])
                    kith_bench::die("people_exhaustive: answer differs for vertex " + std::to_string(people[i]));
        }
    }
    if (!method_enabled("bgl")) return;
    // ---- people to meet (BGL pairwise), checked
    const auto g = kith_bench::make_bgl_csr(bg.graph, [](double w) { return w; });
    std::vector<double> bus;
    kith::people_to_meet_options ra;
    ra.score = kith::link_score::resource_allocation;
    ra.weighting = kith::link_weighting::unweighted;
    for (std::size_t i = 0; i < std::min<std::size_t>(100, people.size()); ++i) {
        const auto t0 = clk::now();
        auto b = bgl_ra_top10(g, people[i]);
        bus.push_back(secs(t0, clk::now()) * 1e6);
        const auto k = kith::suggest_people_to_meet(s, s.id_of(people[i]), ra, ws);
        if (b.empty() != k.empty() || (!b.empty() && std::abs(b[0].first - k[0].score) > 1e-9 * b[0].first))
            kith_bench::die("people_bgl: top RA score differs for vertex " + std::to_string(people[i]));
    }
    rows.push_back({bg.name, "people_bgl (pairwise RA, top 10)", bg.graph.ties.size(), kith_bench::summarize(bus), 0});
    if (!method_enabled("brokerage")) return;
    // ---- brokerage for everyone
    auto t0 = clk::now();
    const auto all = kith::brokerage_all(s);
    rows.push_back({bg.name, "brokerage_kith (everyone)", bg.graph.ties.size(), {}, secs(t0, clk::now())});
    if (bg.graph.ties.size() <= 2000000) {
        // The same stored (quantised) warmths as the snapshot, so results compare exactly.
        const auto gq = kith_bench::make_bgl_csr(bg.graph, [](double w) {
            return kith::snapshot::cost_to_warmth(kith::snapshot::warmth_to_cost(w));
        });
        t0 = clk::now();
        const auto ref = kith::brokerage_all(gq, get(&kith_bench::bgl_arc::cost, gq));
        rows.push_back({bg.name, "brokerage_bgl (tier 1 on BGL CSR)", bg.graph.ties.size(), {}, secs(t0, clk::now())});
        for (std::size_t v = 0; v < ref.size(); ++v)
            if (ref[v].degree != all[v].degree ||
                (ref[v].degree > 0 && std::abs(ref[v].constraint - all[v].constraint) > 1e-9))
                kith_bench::die("brokerage: mismatch at vertex " + std::to_string(v));
    }
    if (!method_enabled("grow")) return;
    // ---- ties to grow
    std::vector<kith::growth_goal> goals(5);
    for (std::size_t j = 0; j < goals.size(); ++j) {
        goals[j].name = "goal" + std::to_string(j);
        for (int t = 0; t < 20; ++t)
            goals[j].people.push_back(s.id_of(static_cast<std::uint32_t>(kith::detail::generate::uniform_below(rng, s.num_people()))));
    }
    std::vector<double> gus;
    const std::size_t grow_queries = bg.graph.ties.size() > 2000000 ? 5 : 20;
    for (std::size_t i = 0; i < std::min<std::size_t>(grow_queries, people.size()); ++i) {
        const auto t1 = clk::now();
        auto r = kith::suggest_ties_to_grow(s, s.id_of(people[i]), goals);
        benchmark::DoNotOptimize(r);
        gus.push_back(secs(t1, clk::now()) * 1e6);
    }
    rows.push_back({bg.name, "grow_kith (5 goals x 20 people)", bg.graph.ties.size(), kith_bench::summarize(gus), 0});
}

} // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    const auto seed = kith_bench::bench_seed();
    for (double t : kith_bench::tie_targets()) {
        if (kith_bench::family_enabled("social")) run_graph(kith_bench::make_social(t, seed));
        if (kith_bench::family_enabled("rmat")) run_graph(kith_bench::make_rmat(t, seed));
    }
    std::printf("\n| graph | ties | method | p50 | p90 | p99 | mean | whole graph | notes |\n|---|---|---|---|---|---|---|---|---|\n");
    for (const auto& r : rows) {
        if (r.seconds > 0)
            std::printf("| %s | %zu | %s | | | | | %.2f s | %s |\n", r.graph.c_str(), r.ties, r.method.c_str(), r.seconds,
                        r.note.c_str());
        else
            std::printf("| %s | %zu | %s | %.0f us | %.0f us | %.0f us | %.0f us | | %s |\n", r.graph.c_str(), r.ties,
                        r.method.c_str(), r.lat.p50, r.lat.p90, r.lat.p99, r.lat.mean, r.note.c_str());
    }
    benchmark::Shutdown();
    return 0;
}
