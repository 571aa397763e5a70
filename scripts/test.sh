#!/usr/bin/env bash
# Installs what Kiln needs, builds it, and runs the whole test suite (lit,
# GoogleTest, and the fuzz targets replaying their corpora) twice: in the Release build and in a build of Kiln's own code
# with AddressSanitizer and UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh

bash scripts/build.sh build
ctest --test-dir build --output-on-failure -j "$(nproc)"

bash scripts/build.sh build-sanitize -DKILN_ENABLE_SANITIZERS=ON \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo
# Any report fails the run: UBSan does not recover, ASan stops at the first
# error, and LeakSanitizer checks every process at exit. Only Kiln is
# instrumented: LLVM's allocator headers, inlined into Kiln's code, poison the
# unused part of a slab that uninstrumented libMLIR then allocates from and
# writes, so that manual poisoning reports false errors and is turned off
# (ASan's own redzones around Kiln's allocations stay).
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:allow_user_poisoning=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir build-sanitize --output-on-failure -j "$(nproc)"

# The readers of data files under libFuzzer (clang, ASan, UBSan) for 60 s
# each, at once: they need only the runtime library, which clang builds in
# seconds. The targets that need the whole compiler (ONNX, MLIR models,
# checkpoints) replay their corpora above and are fuzzed in the slow tier
# (docs/reliability.md, "Fuzzing").
bash scripts/fuzz.sh 60 npy safetensors
