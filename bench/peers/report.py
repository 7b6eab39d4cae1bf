#!/usr/bin/python3
"""Markdown tables from the sweep results (ours and the peers'): for every engine/variant, the fastest setting that
reaches recall@1 0.99 and 0.995, queries/s there, build time, memory, and the ratio to hnswlib at the same recall.

    bench/peers/report.py [--dataset synth-100k] [--results .accessgrid/bench/results]
"""
import argparse
import glob
import json
import os
from collections import defaultdict

TARGETS = (0.99, 0.995)


def load(folder, dataset):
    rows = []
    for path in sorted(glob.glob(os.path.join(folder, "index-*.jsonl"))):
        with open(path) as f:
            rows += [json.loads(line) for line in f if line.strip()]
    return [r for r in rows if dataset is None or r["dataset"] == dataset]


FIELD = "cpu_us_per_query"


def latency(p):
    """CPU time per query, except for answers spread over several threads (shards, partitions): their CPU time adds
    up across cores, so the time a caller waits is the wall clock."""
    return p["us_per_query"] if p.get("threads", 1) > 1 else p.get(FIELD, p["us_per_query"])


def best_at(points, target):
    ok = [p for p in points if p["recall1"] >= target]
    return min(ok, key=latency) if ok else None


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--dataset")
    p.add_argument("--clock", choices=("cpu", "wall"), default="cpu", help="latency measure: process CPU time or wall clock")
    p.add_argument("--results", default=os.path.join(here, "..", "..", ".accessgrid", "bench", "results"))
    a = p.parse_args()
    global FIELD
    FIELD = "cpu_us_per_query" if a.clock == "cpu" else "us_per_query"
    rows = load(a.results, a.dataset)
    for dataset in sorted({r["dataset"] for r in rows}):
        curves = defaultdict(list)
        for r in rows:
            if r["dataset"] == dataset:
                curves[(r["engine"], r["variant"])].append(r)  # the latest run of a variant wins below
        latest = {}
        for key, points in curves.items():
            by_ef = {}
            for pt in points:
                by_ef[pt["ef"]] = pt
            latest[key] = sorted(by_ef.values(), key=lambda x: x["ef"])
        n = next(iter(latest.values()))[0]["n"]
        reference = {t: best_at(latest.get(("hnswlib", "ip M=32 efC=200 per-call"), []), t) for t in TARGETS}
        print(f"\n### {dataset} ({n:,} vectors; latency = {a.clock} time per query)\n")
        print("| engine | variant | build s (cpu s) | memory MB | " + " | ".join(
            f"@{t}: ef · µs/query · q/s · vs hnswlib" for t in TARGETS) + " |")
        print("|---|---|---:|---:|" + "---|" * len(TARGETS))
        for (engine, variant), points in sorted(latest.items()):
            cells = []
            for t in TARGETS:
                b = best_at(points, t)
                ref = reference[t]
                if b is None:
                    cells.append(f"not reached (max {max(pt['recall1'] for pt in points):.4f})")
                    continue
                ratio = f"{latency(ref) / latency(b):.2f}×" if ref else "–"
                ef = b["ef"] if b["ef"] else "exact"
                wall = " (wall)" if b.get("threads", 1) > 1 and FIELD != "us_per_query" else ""
                cells.append(f"{ef} · {latency(b):.1f}{wall} · {1e6 / latency(b):,.0f} · {ratio}")
            first = points[0]
            build = f"{first['build_s']:.1f} ({first.get('build_cpu_s', 0):.1f})"
            print(f"| {engine} | {variant} | {build} | {first['memory_mb']:.0f} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
