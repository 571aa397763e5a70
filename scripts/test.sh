#!/usr/bin/env bash
# Installs what Kiln needs, builds it, and runs the whole test suite (lit,
# GoogleTest) twice: in the Release build and in a build of Kiln's own code
# with AddressSanitizer and UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh

bash scripts/build.sh build
ctest --test-dir build --output-on-failure -j "$(nproc)"

bash scripts/build.sh build-sanitize -DKILN_ENABLE_SANITIZERS=ON \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo
# Any report fails the run: UBSan does not recover, ASan stops at the first
# error, and LeakSanitizer checks every process at exit.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir build-sanitize --output-on-failure -j "$(nproc)"
