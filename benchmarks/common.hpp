// benchmarks/common.hpp -- what kith's benchmark programs share: which sizes to run, the
// benchmark graphs (generated or SNAP edge lists), a tiny edge-list reader, random connected
// pairs, per-query latency statistics and a heap counter for memory comparisons.
//
// Environment:
//   KITH_BENCH_TIES   comma-separated target tie counts (default "1e5,1e6"; add 1e7 for the
//                     big run, e.g. KITH_BENCH_TIES=1e5,1e6,1e7)
//   KITH_BENCH_GRAPHS comma-separated graph families: social, rmat, snap (default all three)
//   KITH_BENCH_PAIRS  queries per graph in bench_paths (default 1000)
//   KITH_BENCH_K_PAIRS of those, how many also run the k-paths query (default 200)
//   KITH_BENCH_SEED   seed of the generators and of the query pairs (default 1)
//   KITH_SHARED_DATA_DIR (compile definition, overridable by the environment variable of the
//                     same name) where the SNAP graphs live; absent files are skipped.
//
// A program that wants the heap counter defines KITH_BENCH_COUNT_HEAP before including this
// header (it replaces the global operator new/delete, so at most one translation unit may).
#pragma once

#include <kith/generate/generated_graph.hpp>
#include <kith/generate/rmat.hpp>
#include <kith/generate/social.hpp>
#include <kith/network.hpp>
#include <kith/snapshot.hpp>

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <new>
#include <random>
#include <sstream>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <time.h>

#if defined(KITH_BENCH_COUNT_HEAP)
#include <malloc.h>
#endif

namespace kith_bench {

// ------------------------------------------------------------------ environment

inline std::string env_or(const char* name, const std::string& fallback) {
    const char* v = std::getenv(name);
    return v && *v ? std::string(v) : fallback;
}

inline std::vector<std::string> split(const std::string& s, char sep = ',') {
    std::vector<std::string> out;
    std::stringstream in(s);
    std::string item;
    while (std::getline(in, item, sep))
        if (!item.empty()) out.push_back(item);
    return out;
}

/// Target tie counts from KITH_BENCH_TIES.
inline std::vector<double> tie_targets() {
    std::vector<double> out;
    for (const auto& s : split(env_or("KITH_BENCH_TIES", "1e5,1e6"))) out.push_back(std::atof(s.c_str()));
    return out;
}

inline bool family_enabled(const std::string& family) {
    const auto fams = split(env_or("KITH_BENCH_GRAPHS", "social,rmat,snap"));
    return std::find(fams.begin(), fams.end(), family) != fams.end();
}

inline std::uint64_t bench_seed() { return std::strtoull(env_or("KITH_BENCH_SEED", "1").c_str(), nullptr, 10); }

inline std::string shared_data_dir() {
#if defined(KITH_SHARED_DATA_DIR)
    return env_or("KITH_SHARED_DATA_DIR", KITH_SHARED_DATA_DIR);
#else
    return env_or("KITH_SHARED_DATA_DIR", "../shared/data");
#endif
}

/// "1e5" style label of a tie count.
inline std::string size_label(double ties) {
    const int e = static_cast<int>(std::floor(std::log10(ties) + 1e-9));
    const double m = ties / std::pow(10.0, e);
    char buf[32];
    if (std::abs(m - std::round(m)) < 1e-9 && std::round(m) == 1.0)
        std::snprintf(buf, sizeof buf, "1e%d", e);
    else
        std::snprintf(buf, sizeof buf, "%.3ge%d", m, e);
    return buf;
}

// ------------------------------------------------------------------ graphs

/// A benchmark graph: its name, the generated ties and how long generating took.
struct bench_graph {
    std::string family;  ///< social, rmat or snap
    std::string name;    ///< e.g. social-1e6, rmat-s16, snap-ca-grqc
    kith::generated_graph graph;
    double generate_seconds = 0.0;
};

/// Social graph of about `ties` ties: mean degree 20, so ties / 10 people.
inline bench_graph make_social(double ties, std::uint64_t seed) {
    bench_graph b;
    b.family = "social";
    b.name = "social-" + size_label(ties);
    const auto t0 = std::chrono::steady_clock::now();
    b.graph = kith::social_graph(static_cast<std::uint32_t>(ties / 10.0), 20.0, seed);
    b.generate_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return b;
}

/// Graph500 R-MAT (edge factor 16) with the scale whose tie count is closest to `ties` on a
/// log scale (about 0.85 ties per sample survive deduplication at these scales).
inline bench_graph make_rmat(double ties, std::uint64_t seed) {
    const unsigned scale = static_cast<unsigned>(std::lround(std::log2(ties / (16.0 * 0.85))));
    bench_graph b;
    b.family = "rmat";
    b.name = "rmat-" + size_label(ties) + "-s" + std::to_string(scale);
    const auto t0 = std::chrono::steady_clock::now();
    b.graph = kith::rmat_graph(scale, 16, seed);
    b.generate_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return b;
}

/// Reads a whitespace- (or comma-) separated edge list `u v [more columns]`: `#` and `%`
/// comment lines, LF or CRLF, missing final newline. Vertex ids are compacted in order of first
/// appearance; direction, self-loops and duplicates are dropped; warmths come from `warmth`
/// drawn with `seed` in sorted tie order. Returns nullopt-like empty graph when the file is absent.
/// Not kith's loader (that is io/edge_list.hpp): a stand-in that keeps the benchmarks independent.
inline bool read_edge_list(const std::string& path, std::uint64_t seed, kith::generated_graph& out,
                           const kith::warmth_distribution& warmth = {}) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::unordered_map<std::uint64_t, std::uint32_t> ids;
    std::vector<std::uint64_t> keys;
    std::string line;
    auto id = [&](std::uint64_t raw) {
        auto it = ids.emplace(raw, static_cast<std::uint32_t>(ids.size())).first;
        return it->second;
    };
    while (std::getline(in, line)) {
        for (char& c : line)
            if (c == ',' || c == '\r' || c == '\t') c = ' ';
        std::size_t i = line.find_first_not_of(' ');
        if (i == std::string::npos || line[i] == '#' || line[i] == '%') continue;
        char* end = nullptr;
        const unsigned long long a = std::strtoull(line.c_str() + i, &end, 10);
        if (end == line.c_str() + i) continue;
        char* end2 = nullptr;
        const unsigned long long b = std::strtoull(end, &end2, 10);
        if (end2 == end) continue;
        const std::uint32_t u = id(a), v = id(b);
        if (u != v) keys.push_back(kith::detail::generate::pair_key(u, v));
    }
    kith::detail::generate::sort_unique_pairs(keys);
    out.num_vertices = static_cast<std::uint32_t>(ids.size());
    out.ties.clear();
    out.ties.reserve(keys.size());
    std::mt19937_64 g = kith::detail::generate::engine(seed, 99);
    for (std::uint64_t k : keys)
        out.ties.push_back({static_cast<std::uint32_t>(k >> 32), static_cast<std::uint32_t>(k),
                            kith::detail::generate::warmth(g, warmth)});
    return true;
}

/// The SNAP graphs under the shared data folder that are present (largest last).
inline std::vector<bench_graph> snap_graphs(std::uint64_t seed) {
    const std::pair<const char*, const char*> files[] = {
        {"snap-ca-grqc", "snap-ca-grqc/CA-GrQc.txt"},
        {"snap-email-eu-core", "snap-email-eu-core/email-Eu-core.txt"},
        {"snap-bitcoin-otc", "snap-bitcoin-otc/soc-sign-bitcoinotc.csv"},
        {"snap-ca-hepth", "snap-ca-hepth/CA-HepTh.txt"},
        {"snap-wiki-vote", "snap-wiki-vote/Wiki-Vote.txt"},
        {"snap-ego-facebook", "snap-ego-facebook/facebook_combined.txt"},
        {"snap-email-enron", "snap-email-enron/Email-Enron.txt"},
    };
    std::vector<bench_graph> out;
    const std::string dir = shared_data_dir();
    for (const auto& [name, file] : files) {
        bench_graph b;
        b.family = "snap";
        b.name = name;
        const auto t0 = std::chrono::steady_clock::now();
        if (!read_edge_list(dir + "/" + file, seed, b.graph)) continue;
        b.generate_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        out.push_back(std::move(b));
    }
    return out;
}

/// Network and snapshot of a generated graph (keys "0".."n-1", vertex v = snapshot vertex v).
struct frozen_graph {
    kith::network net;
    std::unique_ptr<kith::snapshot> snap;
    double add_seconds = 0.0;
    double freeze_seconds = 0.0;
};

inline kith::timestamp bench_now() { return kith::timestamp{}; }

inline std::unique_ptr<frozen_graph> freeze_graph(const kith::generated_graph& g) {
    auto f = std::make_unique<frozen_graph>();
    auto t0 = std::chrono::steady_clock::now();
    kith::add_to_network(f->net, g);
    f->add_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    t0 = std::chrono::steady_clock::now();
    f->snap = std::make_unique<kith::snapshot>(f->net, bench_now());
    f->freeze_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return f;
}

// ------------------------------------------------------------------ Boost.Graph baseline

/// Edge property of the BGL baseline graphs (bundled; CSR graphs take bundles only).
struct bgl_arc {
    double cost = 0.0;
};

/// The BGL baseline: CSR, both directions of every tie stored (directedS), default index types
/// (std::size_t), a double cost per arc.
using bgl_csr = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, bgl_arc>;

/// Builds the CSR baseline with arc cost `cost(warmth)`; arcs of each vertex in input order.
template <class CostFn>
bgl_csr make_bgl_csr(const kith::generated_graph& g, CostFn cost) {
    std::vector<std::pair<std::size_t, std::size_t>> arcs;
    std::vector<bgl_arc> props;
    arcs.reserve(2 * g.ties.size());
    props.reserve(2 * g.ties.size());
    for (const auto& t : g.ties) {
        const double c = cost(t.warmth);
        arcs.emplace_back(t.u, t.v);
        props.push_back({c});
        arcs.emplace_back(t.v, t.u);
        props.push_back({c});
    }
    return bgl_csr(boost::edges_are_unsorted_multi_pass, arcs.begin(), arcs.end(), props.begin(), g.num_vertices);
}

// ------------------------------------------------------------------ queries

/// `count` random pairs (s != t) inside the largest connected component of the snapshot,
/// drawn with `seed` (raw mt19937_64 bits).
inline std::vector<std::pair<std::uint32_t, std::uint32_t>> connected_pairs(const kith::snapshot& s, std::size_t count,
                                                                            std::uint64_t seed) {
    const std::uint32_t n = static_cast<std::uint32_t>(s.num_people());
    std::vector<std::uint32_t> comp(n, UINT32_MAX);
    std::vector<std::uint32_t> queue;
    std::uint32_t best = 0;
    std::size_t best_size = 0;
    for (std::uint32_t r = 0, c = 0; r < n; ++r) {
        if (comp[r] != UINT32_MAX) continue;
        queue.assign(1, r);
        comp[r] = c;
        for (std::size_t i = 0; i < queue.size(); ++i)
            for (auto a = s.arc_begin(queue[i]); a != s.arc_end(queue[i]); ++a)
                if (comp[s.arc_target(a)] == UINT32_MAX) {
                    comp[s.arc_target(a)] = c;
                    queue.push_back(s.arc_target(a));
                }
        if (queue.size() > best_size) {
            best_size = queue.size();
            best = c;
        }
        ++c;
    }
    std::vector<std::uint32_t> members;
    for (std::uint32_t v = 0; v < n; ++v)
        if (comp[v] == best) members.push_back(v);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
    if (members.size() < 2) return out;
    std::mt19937_64 g = kith::detail::generate::engine(seed, 77);
    while (out.size() < count) {
        const auto a = members[kith::detail::generate::uniform_below(g, members.size())];
        const auto b = members[kith::detail::generate::uniform_below(g, members.size())];
        if (a != b) out.emplace_back(a, b);
    }
    return out;
}

/// CPU time of the calling thread in microseconds (POSIX CLOCK_THREAD_CPUTIME_ID). On a shared
/// machine it leaves out the time the thread was preempted, which wall-clock percentiles include.
inline double thread_cpu_micros() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

/// Latency statistics of one method on one graph, in microseconds.
struct latency {
    double p50 = 0, p90 = 0, p99 = 0, mean = 0, max = 0;
};

inline latency summarize(std::vector<double> micros) {
    latency l;
    if (micros.empty()) return l;
    std::sort(micros.begin(), micros.end());
    auto pct = [&](double p) {
        const double idx = p * static_cast<double>(micros.size() - 1);
        const auto lo = static_cast<std::size_t>(std::floor(idx));
        const auto hi = std::min(lo + 1, micros.size() - 1);
        return micros[lo] + (micros[hi] - micros[lo]) * (idx - static_cast<double>(lo));
    };
    l.p50 = pct(0.50);
    l.p90 = pct(0.90);
    l.p99 = pct(0.99);
    double s = 0;
    for (double x : micros) s += x;
    l.mean = s / static_cast<double>(micros.size());
    l.max = micros.back();
    return l;
}

/// Stops the program with a message (benchmarks verify answers and must fail loudly).
[[noreturn]] inline void die(const std::string& what) {
    std::fprintf(stderr, "\n*** kith benchmark check FAILED: %s\n", what.c_str());
    std::fflush(stderr);
    std::abort();
}

// ------------------------------------------------------------------ heap counter

/// Bytes currently allocated through operator new (usable sizes), when KITH_BENCH_COUNT_HEAP.
inline std::atomic<long long>& heap_bytes() {
    static std::atomic<long long> bytes{0};
    return bytes;
}

} // namespace kith_bench

#if defined(KITH_BENCH_COUNT_HEAP)
// Replacement global allocation functions: count usable bytes (glibc malloc_usable_size).
// GCC 12 flags free() on memory from a (replaced) operator new once inlined: a false positive.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
void* operator new(std::size_t n) {
    void* p = std::malloc(n ? n : 1);
    if (!p) throw std::bad_alloc();
    kith_bench::heap_bytes().fetch_add(static_cast<long long>(malloc_usable_size(p)), std::memory_order_relaxed);
    return p;
}
void* operator new[](std::size_t n) { return ::operator new(n); }
void operator delete(void* p) noexcept {
    if (!p) return;
    kith_bench::heap_bytes().fetch_sub(static_cast<long long>(malloc_usable_size(p)), std::memory_order_relaxed);
    std::free(p);
}
void operator delete[](void* p) noexcept { ::operator delete(p); }
void operator delete(void* p, std::size_t) noexcept { ::operator delete(p); }
void operator delete[](void* p, std::size_t) noexcept { ::operator delete(p); }
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
#endif
