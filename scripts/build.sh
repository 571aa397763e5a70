#!/usr/bin/env bash
# Configures and builds Kiln into a build directory (default: build), passing
# any further arguments to CMake. Uses ninja and both cores.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build}
shift || true
cmake -G Ninja -B "$dir" "$@"
cmake --build "$dir" -j "$(nproc)"
