#!/usr/bin/env python3
"""Plot warm-path latency against graph size from bench_paths JSON output.

Usage:
  bench_paths --benchmark_out=paths.json --benchmark_out_format=json
  python3 benchmarks/plot_latency.py paths.json [more.json ...] [-o latency.png]
  (console output files of bench_paths work too)

With matplotlib: writes a log-log PNG (p50 solid, p99 dashed, one colour per method, social and
R-MAT families as separate panels). Without matplotlib: prints a markdown table and an ASCII chart
(log-scale bars of p50 and p99 per graph and method), which is what benchmarks/README.md shows.
"""
import json
import math
import sys
from collections import defaultdict


SUFFIX = {"k": 1e3, "M": 1e6, "G": 1e9, "m": 1e-3, "u": 1e-6}


def console_records(text):
    """Benchmark records from Google Benchmark console output (counters as key=value)."""
    for line in text.splitlines():
        if "/iterations:" not in line or "=" not in line:
            continue
        rec = {"name": line.split()[0]}
        for tok in line.split():
            if "=" in tok:
                k, v = tok.split("=", 1)
                mult = SUFFIX.get(v[-1], 1.0) if v and not v[-1].isdigit() else 1.0
                rec[k] = float(v[:-1] if mult != 1.0 else v) * mult
        yield rec


def records(path):
    """Benchmark records of one bench_paths output file (JSON or console)."""
    with open(path) as f:
        text = f.read()
    try:
        return json.loads(text).get("benchmarks", [])
    except ValueError:
        return list(console_records(text))


def load(paths):
    rows = []
    for path in paths:
        for b in records(path):
            if "cpu_p50_us" not in b:
                continue
            name = b["name"].split("/iterations")[0]
            method, graph = name.split("/", 1)
            family = graph.split("-")[0]
            if family not in ("social", "rmat"):
                continue
            rows.append({
                "method": method, "graph": graph, "family": family, "ties": b["ties"],
                "p50": b["cpu_p50_us"], "p90": b["cpu_p90_us"], "p99": b["cpu_p99_us"],
            })
    return rows


def ascii_chart(rows, family, width=50):
    """Log-scale horizontal bars of p50 (#) extended to p99 (-), grouped by graph size."""
    pts = sorted((r for r in rows if r["family"] == family), key=lambda r: (r["ties"], r["method"]))
    if not pts:
        return ""
    lo = math.floor(math.log10(min(r["p50"] for r in pts)))
    hi = math.ceil(math.log10(max(r["p99"] for r in pts)))
    scale = width / max(hi - lo, 1)
    out = [f"{family}: CPU time per query, log scale from {10 ** lo:g} us to {10 ** hi:g} us "
           f"(# up to p50, - up to p99)"]
    last = None
    for r in pts:
        head = f"{r['graph']} ({r['ties'] / 1e6:.2f}M ties)" if r["graph"] != last else ""
        last = r["graph"]
        n50 = max(1, int(round((math.log10(r["p50"]) - lo) * scale)))
        n99 = max(n50, int(round((math.log10(r["p99"]) - lo) * scale)))
        bar = "#" * n50 + "-" * (n99 - n50)
        out.append(f"{head:<28} {r['method']:<12} |{bar:<{width}} {r['p50']:>9.0f} / {r['p99']:.0f} us")
    return "\n".join(out)


def main(argv):
    out_png = None
    if "-o" in argv:
        i = argv.index("-o")
        out_png = argv[i + 1]
        del argv[i:i + 2]
    rows = load(argv)
    if not rows:
        sys.exit("no social/rmat rows with cpu_p50_us counters found")
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        plt = None
    if plt is not None and out_png:
        fams = sorted({r["family"] for r in rows})
        fig, axes = plt.subplots(1, len(fams), figsize=(6 * len(fams), 4.5), squeeze=False)
        for ax, fam in zip(axes[0], fams):
            by = defaultdict(list)
            for r in rows:
                if r["family"] == fam:
                    by[r["method"]].append(r)
            for i, (m, rs) in enumerate(sorted(by.items())):
                rs.sort(key=lambda r: r["ties"])
                color = f"C{i}"
                ax.plot([r["ties"] for r in rs], [r["p50"] for r in rs], "-o", color=color, label=f"{m} p50")
                ax.plot([r["ties"] for r in rs], [r["p99"] for r in rs], "--", color=color, label=f"{m} p99")
            ax.set_xscale("log")
            ax.set_yscale("log")
            ax.set_xlabel("ties")
            ax.set_ylabel("CPU time per query (us)")
            ax.set_title(fam)
            ax.grid(True, which="both", alpha=0.3)
        axes[0][0].legend(fontsize=7)
        fig.tight_layout()
        fig.savefig(out_png, dpi=120)
        print(f"wrote {out_png}")
        return
    print("| graph | ties | method | p50 us | p90 us | p99 us |")
    print("|---|---:|---|---:|---:|---:|")
    for r in sorted(rows, key=lambda r: (r["family"], r["ties"], r["method"])):
        print(f"| {r['graph']} | {r['ties']:.0f} | {r['method']} | {r['p50']:.1f} | {r['p90']:.1f} | {r['p99']:.1f} |")
    print()
    for fam in ("social", "rmat"):
        chart = ascii_chart(rows, fam)
        if chart:
            print(chart)
            print()


if __name__ == "__main__":
    main(sys.argv[1:])
