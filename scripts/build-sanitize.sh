#!/usr/bin/env bash
# Configures and builds build-sanitize: Kiln's own code compiled by clang 19
# with AddressSanitizer and UndefinedBehaviorSanitizer, and with libFuzzer's
# coverage instrumentation, so that one build both runs the test suite under
# the sanitizers (scripts/test.sh) and fuzzes (scripts/fuzz.sh). Builds
# everything, or only the targets given.
#
#   bash scripts/build-sanitize.sh [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."

dir=build-sanitize
# A build directory another compiler configured (build-sanitize was a gcc
# build before) cannot switch compilers: start it over.
if [ -f "$dir/CMakeCache.txt" ] &&
   ! grep -q '^CMAKE_CXX_COMPILER:FILEPATH=.*clang++-19$' "$dir/CMakeCache.txt"; then
  echo "build-sanitize.sh: $dir was configured with another compiler; reconfiguring it with clang-19"
  rm -rf "$dir/CMakeCache.txt" "$dir/CMakeFiles"
fi
# Line tables only (-g1): the sanitizers' reports name file and line, at a
# fraction of full debug information's compile and link time.
CC=clang-19 CXX=clang++-19 cmake -G Ninja -B "$dir" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG" \
  "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG" \
  -DKILN_ENABLE_SANITIZERS=ON -DKILN_ENABLE_FUZZERS=ON >/dev/null
if [ $# -gt 0 ]; then
  cmake --build "$dir" -j "$(nproc)" --target "$@"
else
  cmake --build "$dir" -j "$(nproc)"
fi
