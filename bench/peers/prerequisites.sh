#!/usr/bin/env bash
# The peers' own software, installed once: Debian's python3-hnswlib and python3-faiss (apt, needs root) and the
# face-api JavaScript with tfjs (npm, versions pinned in package-lock.json). Sourced by the run-*.sh scripts.
PY=/usr/bin/python3   # Debian's python, where python3-hnswlib and python3-faiss live

peers_python() {
  "$PY" -c 'import hnswlib, faiss' 2>/dev/null && return 0
  if [ "$(id -u)" = 0 ]; then
    echo "installing python3-hnswlib python3-faiss (apt)…" >&2
    apt-get install -y -q python3-hnswlib python3-faiss >&2 || { apt-get update -q >&2 && apt-get install -y -q python3-hnswlib python3-faiss >&2; }
  fi
  "$PY" -c 'import hnswlib, faiss' 2>/dev/null || { echo "error: needs python3-hnswlib and python3-faiss: sudo apt-get install python3-hnswlib python3-faiss" >&2; exit 2; }
}

peers_node() {
  local dir; dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
  [ -d "$dir/node_modules/@vladmandic/face-api" ] && return 0
  echo "installing face-api + tfjs for the pipeline comparison (npm ci in bench/peers)…" >&2
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >&2) || { echo "error: npm ci in bench/peers failed" >&2; exit 2; }
}
