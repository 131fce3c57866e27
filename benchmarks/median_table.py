#!/usr/bin/env python3
"""The warm-path latency table of benchmarks/README.md, as medians over several bench_paths runs.

Usage:
  for r in 1 2 3; do bench_paths > run$r.txt; done        # each run in its own process
  python3 benchmarks/median_table.py run1.txt run2.txt run3.txt
  (console output or --benchmark_out JSON files; any number of runs, any graphs)

Why medians of processes: on a shared VM the same binary, graph and queries give latencies that
differ from one process to the next by up to 40% (benchmarks/README.md, "Run-to-run spread"),
while repetitions inside one process agree; one run can mislead, an interleaved A/B or the
median of a few processes does not.

Each cell is the median over the runs that have the row (the last column says how many). The
BGL / kith ratios are the ratios of the medians. Rows: every graph that has a `kith` row, in the
order first seen; columns as in the README: kith p50 / p90 / p99, `max_hops = 4` p50 / p99,
k = 5 p50 / p99, BGL CSR p50 / p99, BGL / kith at p50 and over the mean, runs.
"""
import statistics
import sys

from plot_latency import records


def fmt(x):
    if x is None:
        return ""
    if x >= 100:
        return f"{x:,.0f}"
    return f"{x:.1f}" if x < 20 else f"{x:.0f}"


def main(paths):
    if not paths:
        sys.exit(__doc__)
    runs = {}   # (method, graph) -> list of records, one per run
    order = []  # graphs with a kith row, first seen first
    for path in paths:
        for b in records(path):
            if "cpu_p50_us" not in b or "/" not in b["name"]:
                continue
            method, graph = b["name"].split("/iterations")[0].split("/", 1)
            runs.setdefault((method, graph), []).append(b)
            if method == "kith" and graph not in order:
                order.append(graph)
    if not order:
        sys.exit("no kith rows with cpu_p50_us counters found")

    def med(method, graph, field):
        xs = [b[field] for b in runs.get((method, graph), []) if field in b]
        return statistics.median(xs) if xs else None

    print("| graph | ties | kith p50 | kith p90 | kith p99 | hops <= 4 p50 | hops <= 4 p99 | k = 5 p50 | "
          "k = 5 p99 | BGL CSR p50 | BGL CSR p99 | BGL/kith p50 | BGL/kith mean | runs |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for g in order:
        k50, k90, k99, kmean = (med("kith", g, f) for f in ("cpu_p50_us", "cpu_p90_us", "cpu_p99_us", "cpu_mean_us"))
        b50, b99, bmean = (med("bgl_csr", g, f) for f in ("cpu_p50_us", "cpu_p99_us", "cpu_mean_us"))
        ties = med("kith", g, "ties")
        r50 = f"{b50 / k50:,.0f}x" if b50 and k50 else ""
        rmean = f"{bmean / kmean:,.0f}x" if bmean and kmean else ""
        cells = [g, f"{ties:,.0f}" if ties else "", fmt(k50), fmt(k90), fmt(k99),
                 fmt(med("kith_hops4", g, "cpu_p50_us")), fmt(med("kith_hops4", g, "cpu_p99_us")),
                 fmt(med("kith_k5", g, "cpu_p50_us")), fmt(med("kith_k5", g, "cpu_p99_us")),
                 fmt(b50), fmt(b99), r50, rmean, str(len(runs[("kith", g)]))]
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main(sys.argv[1:])
