#!/usr/bin/python3
"""Index peers on the vectors our sweep uses: Debian's python3-hnswlib and python3-faiss.

Reads <home>/bench/vectors/<dataset>.{base,queries}.f32 and .truth.i32 (written by `bench/Benchmarks vectors …`),
builds each engine with --threads threads, then walks ef upwards and records recall@1 and the mean latency of
single queries answered one at a time on one thread ("per-call"), and of the same queries passed as one batch on one
thread ("batch", the engine's best case). Appends JSON lines with the same fields as our C# sweep.
"""
import argparse
import json
import os
import subprocess
import sys
import time

import numpy as np

EFS = [8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768]


def home():
    env = os.environ.get("ACCESSGRID_HOME")
    if env:
        return os.path.abspath(env)
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".accessgrid")


def read_vectors(path):
    header = np.fromfile(path, dtype=np.int32, count=2)
    count, dims = int(header[0]), int(header[1])
    data = np.fromfile(path, dtype=np.float32, offset=8)
    if data.size != count * dims:
        sys.exit(f"{path}: header says {count}x{dims}, file holds {data.size} floats")
    return data.reshape(count, dims)


def read_truth(path):
    ints = np.fromfile(path, dtype=np.int32)
    if ints.size < 1 or ints[0] != ints.size - 1:
        sys.exit(f"{path}: not a ground-truth file")
    return ints[1:]


def rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return 0.0


def timed_queries(search_one, search_batch, queries):
    """Wall and process-CPU µs/query answered one call at a time, and as one batch; and the found ids of both runs.
    CPU time stays honest when other work shares the cores."""
    for i in range(min(200, len(queries))):
        search_one(queries[i:i + 1])
    found = np.empty(len(queries), dtype=np.int64)
    start, cpu = time.perf_counter(), time.process_time()
    for i in range(len(queries)):
        found[i] = search_one(queries[i:i + 1])
    per_call = ((time.perf_counter() - start) * 1e6 / len(queries), (time.process_time() - cpu) * 1e6 / len(queries))
    start, cpu = time.perf_counter(), time.process_time()
    batch_found = search_batch(queries)
    batch = ((time.perf_counter() - start) * 1e6 / len(queries), (time.process_time() - cpu) * 1e6 / len(queries))
    return found, per_call, batch_found, batch


def hnswlib_engine(space, base, threads, m, efc):
    import hnswlib
    index = hnswlib.Index(space=space, dim=base.shape[1])
    index.init_index(max_elements=len(base), M=m, ef_construction=efc, random_seed=1)
    index.set_num_threads(threads)
    index.add_items(base, np.arange(len(base)))
    index.set_num_threads(1)

    def set_ef(ef):
        index.set_ef(max(ef, 1))

    def one(q):
        return index.knn_query(q, k=1)[0][0, 0]

    def batch(qs):
        return index.knn_query(qs, k=1)[0][:, 0]

    return set_ef, one, batch, index


def faiss_hnsw_engine(base, threads, m, efc):
    import faiss
    faiss.omp_set_num_threads(threads)
    index = faiss.IndexHNSWFlat(base.shape[1], m, faiss.METRIC_INNER_PRODUCT)
    index.hnsw.efConstruction = efc
    index.add(base)
    faiss.omp_set_num_threads(1)

    def set_ef(ef):
        index.hnsw.efSearch = ef

    def one(q):
        return index.search(q, 1)[1][0, 0]

    def batch(qs):
        return index.search(qs, 1)[1][:, 0]

    return set_ef, one, batch, index


def faiss_flat_engine(base):
    import faiss
    faiss.omp_set_num_threads(1)
    index = faiss.IndexFlatIP(base.shape[1])
    index.add(base)

    def one(q):
        return index.search(q, 1)[1][0, 0]

    def batch(qs):
        return index.search(qs, 1)[1][:, 0]

    return None, one, batch, index


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--dataset", required=True)
    p.add_argument("--engines", default="hnswlib-ip,hnswlib-l2,faiss-hnsw,faiss-flat")
    p.add_argument("--threads", type=int, default=os.cpu_count())
    p.add_argument("--m", type=int, default=32)
    p.add_argument("--efc", type=int, default=200)
    p.add_argument("--flat-queries", type=int, default=500, help="queries timed on the exact flat index")
    p.add_argument("--out", default=None)
    a = p.parse_args()

    folder = os.path.join(home(), "bench", "vectors")
    base = read_vectors(os.path.join(folder, f"{a.dataset}.base.f32"))
    queries = read_vectors(os.path.join(folder, f"{a.dataset}.queries.f32"))
    truth = read_truth(os.path.join(folder, f"{a.dataset}.truth.i32"))
    out_path = os.path.join(home(), "bench", "results", a.out or f"index-{a.dataset}.jsonl")
    os.makedirs(os.path.dirname(out_path), exist_ok=True)

    engines = a.engines.split(",")
    if len(engines) > 1:
        # One process per engine: resident-memory growth is only meaningful in a fresh process.
        for engine in engines:
            subprocess.run([sys.executable, os.path.abspath(__file__), f"--dataset={a.dataset}", f"--engines={engine}",
                            f"--threads={a.threads}", f"--m={a.m}", f"--efc={a.efc}",
                            f"--flat-queries={a.flat_queries}", f"--out={os.path.basename(out_path)}"], check=True)
        return

    for engine in engines:
        before = rss_mb()
        start, start_cpu = time.perf_counter(), time.process_time()
        if engine == "hnswlib-ip":
            set_ef, one, batch, keep = hnswlib_engine("ip", base, a.threads, a.m, a.efc)
        elif engine == "hnswlib-l2":
            set_ef, one, batch, keep = hnswlib_engine("l2", base, a.threads, a.m, a.efc)
        elif engine == "faiss-hnsw":
            set_ef, one, batch, keep = faiss_hnsw_engine(base, a.threads, a.m, a.efc)
        elif engine == "faiss-flat":
            set_ef, one, batch, keep = faiss_flat_engine(base)
        else:
            sys.exit(f"unknown engine {engine}")
        build = time.perf_counter() - start
        build_cpu = time.process_time() - start_cpu
        memory = rss_mb() - before
        name, variant = engine.split("-", 1)
        settings = "" if set_ef is None else f" M={a.m} efC={a.efc}"
        qs, tr = (queries, truth) if set_ef is not None else (queries[:a.flat_queries], truth[:a.flat_queries])
        for ef in (EFS if set_ef is not None else [0]):
            if set_ef is not None:
                set_ef(ef)
            found, per_call, batch_found, batch_us = timed_queries(one, batch, qs)
            recall = float(np.mean(found == tr))
            for mode, (us, cpu_us), ids in (("per-call", per_call, found), ("batch", batch_us, batch_found)):
                row = {"engine": name, "variant": f"{variant}{settings} {mode}", "dataset": a.dataset, "n": int(len(base)),
                       "threads": 1, "build_s": round(build, 3), "build_cpu_s": round(build_cpu, 3), "memory_mb": round(memory, 1), "ef": ef,
                       "recall1": float(np.mean(ids == tr)), "us_per_query": round(us, 2),
                       "cpu_us_per_query": round(cpu_us, 2), "qps": round(1e6 / us, 1)}
                print(json.dumps(row), flush=True)
                with open(out_path, "a") as f:
                    f.write(json.dumps(row) + "\n")
            if recall >= 0.9995:
                break
        del keep


if __name__ == "__main__":
    main()
