#!/usr/bin/env bash
# Installs what Kiln needs, builds it, and runs the whole test suite (lit,
# GoogleTest, and the fuzz targets replaying their corpora) twice: in the
# Release build (gcc) and in a clang build of Kiln's own code with
# AddressSanitizer and UndefinedBehaviorSanitizer; then fuzzes every reader.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh

bash scripts/build.sh build
ctest --test-dir build --output-on-failure -j "$(nproc)"

# The sanitizer build (clang, ASan and UBSan on Kiln's own code, plus
# libFuzzer's coverage instrumentation, so it is the fuzz build too).
bash scripts/build-sanitize.sh
# Any report fails the run: UBSan does not recover, ASan stops at the first
# error, and LeakSanitizer checks every process at exit. Only Kiln is
# instrumented: LLVM's allocator headers, inlined into Kiln's code, poison the
# unused part of a slab that uninstrumented libMLIR then allocates from and
# writes, so that manual poisoning reports false errors and is turned off
# (ASan's own redzones around Kiln's allocations stay).
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:allow_user_poisoning=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir build-sanitize --output-on-failure -j "$(nproc)"

# Every fuzz target (npy, safetensors, checkpoints, MLIR models, ONNX) under
# libFuzzer for 60 s, all at once: the slow tier runs them for 600 s
# (docs/reliability.md, "Fuzzing").
KILN_FUZZ_JOBS=5 bash scripts/fuzz.sh 60
