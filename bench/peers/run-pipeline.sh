#!/usr/bin/env bash
# Reproduces the pipeline comparison of docs/benchmarks.md: our pipeline and the original face-api JavaScript (tfjs
# wasm SIMD, then the pure-JS cpu backend) on the same 50 lfw-dev images, one thread each. Results append to
# $ACCESSGRID_HOME/bench/results/pipeline.jsonl.   bench/peers/run-pipeline.sh [--skip-cpu]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
source bench/peers/prerequisites.sh
peers_node
dotnet run -c Release --project bench/Benchmarks -- pipeline time --rounds 3
node bench/peers/faceapi-bench.js --backend wasm --rounds 2
[ "${1:-}" = "--skip-cpu" ] || node bench/peers/faceapi-bench.js --backend cpu --rounds 1 --warmup 3
