#!/usr/bin/env bash
# Reproduces the index tables of docs/benchmarks.md: writes the vector sets (real lfw-dev encodings + synthetic sets
# fitted to them), runs our sweeps (USearch through its C API, exact SIMD scan, the managed binding) and the peers
# (Debian python3-hnswlib, python3-faiss) on the same vectors, then prints the markdown tables.
#   bench/peers/run-index.sh [datasets…]     default: lfw synth-10k synth-100k synth-1m
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
export ACCESSGRID_HOME="${ACCESSGRID_HOME:-$ROOT/.accessgrid}"
VECTORS="$ACCESSGRID_HOME/bench/vectors"
source bench/peers/prerequisites.sh
peers_python
dotnet build bench/Benchmarks -c Release -v quiet -nologo -clp:ErrorsOnly
B=(dotnet bench/Benchmarks/bin/Release/net10.0/AccessGrid.Benchmarks.dll)

[ -f "$VECTORS/lfw.base.f32" ] || "${B[@]}" vectors lfw
for n in 10k 100k 1m; do
  [ -f "$VECTORS/synth-$n.base.f32" ] || "${B[@]}" vectors synth --name "synth-$n" --count "$n" --queries 2000 --fit lfw
done

for ds in "${@:-lfw synth-10k synth-100k synth-1m}"; do
  for d in $ds; do
    "${B[@]}" index exact --dataset "$d"
    case "$d" in
      synth-1m)
        # 1M is built by both cores: two shards with one writer each (ours), two build threads (the peers').
        "${B[@]}" index sweep --dataset "$d" --variants cos-i8-rr8-s2,ip-s2
        "${B[@]}" index sweep --dataset "$d" --variants ip --save   # one graph; the BenchmarkDotNet suite loads it
        "$PY" bench/peers/index_peers.py --threads 2 --dataset "$d" --engines hnswlib-ip,faiss-hnsw,faiss-flat ;;
      synth-100k)
        "${B[@]}" index sweep --dataset "$d" --variants ip,cos,l2,ip-f16,cos-i8-rr8,ip-m16,ip-s2
        "${B[@]}" index managed --dataset "$d" --metric cos --ef 64 --batch
        "$PY" bench/peers/index_peers.py --threads 1 --dataset "$d" ;;
      lfw)
        "${B[@]}" index sweep --dataset "$d" --variants ip,cos,l2
        "${B[@]}" index sweep --dataset "$d" --variants ip --threads 2   # shows the concurrent-add defect
        "${B[@]}" index managed --dataset "$d" --metric cos --ef 64
        "$PY" bench/peers/index_peers.py --threads 1 --dataset "$d" ;;
      *)
        "${B[@]}" index sweep --dataset "$d" --variants ip,cos,l2
        "${B[@]}" index managed --dataset "$d" --metric cos --ef 64
        "$PY" bench/peers/index_peers.py --threads 1 --dataset "$d" ;;
    esac
  done
done
"$PY" bench/peers/report.py
