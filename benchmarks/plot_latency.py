#!/usr/bin/env python3
"""Plot warm-path latency against graph size from bench_paths JSON output.

Usage:
  bench_paths --benchmark_out=paths.json --benchmark_out_format=json
  python3 benchmarks/plot_latency.py paths.json [more.json ...] [-o latency.png]

With matplotlib: writes a log-log PNG (p50 solid, p99 dashed, one colour per method, social and
R-MAT families as separate panels). Without matplotlib: prints a markdown table and an ASCII chart
of p50 against ties, which is what benchmarks/README.md shows.
"""
import json
import math
import sys
from collections import defaultdict


def load(paths):
    rows = []
    for path in paths:
        with open(path) as f:
            data = json.load(f)
        for b in data.get("benchmarks", []):
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


def ascii_chart(rows, family, width=60, height=16):
    pts = [r for r in rows if r["family"] == family]
    if not pts:
        return ""
    xs = [math.log10(r["ties"]) for r in pts]
    ys = [math.log10(max(r["p50"], 1e-3)) for r in pts]
    x0, x1 = min(xs), max(xs) + 1e-9
    y0, y1 = math.floor(min(ys)), math.ceil(max(ys))
    grid = [[" "] * (width + 1) for _ in range(height + 1)]
    marks = {}
    for r in pts:
        m = r["method"]
        marks.setdefault(m, "KHDBS"[len(marks) % 5] if m not in ("kith", "bgl_csr") else {"kith": "k", "bgl_csr": "B"}[m])
    for r, x, y in zip(pts, xs, ys):
        cx = int((x - x0) / (x1 - x0) * width) if x1 > x0 else 0
        cy = int((y - y0) / (y1 - y0) * height) if y1 > y0 else 0
        grid[height - cy][cx] = marks[r["method"]]
    out = [f"{family}: cpu p50 (us, log scale) against ties (log scale)"]
    for i, line in enumerate(grid):
        yv = y1 - (y1 - y0) * i / height
        label = f"{10 ** yv:>9.0f} |" if i % 4 == 0 else " " * 9 + " |"
        out.append(label + "".join(line))
    out.append(" " * 10 + "+" + "-" * (width + 1))
    out.append(" " * 11 + f"{10 ** x0:.2g} ties" + " " * (width - 20) + f"{10 ** x1:.2g} ties")
    out.append("           " + ", ".join(f"{v} = {k}" for k, v in marks.items()))
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
