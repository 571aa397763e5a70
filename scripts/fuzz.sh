#!/usr/bin/env bash
# Builds Kiln's libFuzzer targets (test/fuzz) in build-sanitize (clang-19,
# ASan + UBSan + libFuzzer's instrumentation: scripts/build-sanitize.sh) and
# runs each for SECONDS (default 60) on its seed corpus
# (test/fuzz/corpus/<target>); fails if any target finds a crash, a leak, a
# timeout or an out-of-memory. docs/reliability.md, "Fuzzing".
#
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]
#
# Targets run KILN_FUZZ_JOBS (default $(nproc)) at a time. What they find goes
# to build-sanitize/fuzz-out/<target>/ (crash-*, leak-*, timeout-*, oom-* and
# the grown corpus); the tree's corpora are only read.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
all_targets=(npy safetensors checkpoint model onnx)
[ $# -gt 0 ] && targets=("$@") || targets=("${all_targets[@]}")

# Longest input per format: enough for the seed files and some growth, short
# enough to keep the runs fast.
declare -A max_len=([npy]=4096 [safetensors]=4096 [checkpoint]=4096
                    [model]=8192 [onnx]=8192)

bash scripts/install-deps.sh

start=$(date +%s)
bash scripts/build-sanitize.sh "${targets[@]/#/kiln-fuzz-}"
echo "fuzz.sh: built the fuzz targets in $(( $(date +%s) - start )) s"
parallel=${KILN_FUZZ_JOBS:-$(nproc)}

# As in scripts/test.sh: only Kiln is instrumented, and manual poisoning by
# LLVM's allocator headers in uninstrumented libMLIR reports false errors.
export ASAN_OPTIONS=allow_user_poisoning=0:detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

out=build-sanitize/fuzz-out
run_one() {
  local target=$1 dir=$out/$1
  rm -rf "$dir" && mkdir -p "$dir/corpus"
  build-sanitize/bin/kiln-fuzz-"$target" -max_total_time="$seconds" \
    -max_len="${max_len[$target]}" -timeout=30 -rss_limit_mb=2560 \
    -print_final_stats=1 -artifact_prefix="$dir/" \
    "$dir/corpus" test/fuzz/corpus/"$target" >"$dir/log" 2>&1
}

start=$(date +%s)
declare -A pids
for target in "${targets[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$parallel" ]; do sleep 1; done
  run_one "$target" &
  pids[$target]=$!
done
failed=()
for target in "${targets[@]}"; do
  if wait "${pids[$target]}"; then
    execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' \
              "$out/$target/log" | grep -o '[0-9]*$' || echo '?')
    echo "fuzz.sh: $target: no crash in ${seconds} s ($execs inputs)"
  else
    failed+=("$target")
    echo "fuzz.sh: $target FAILED; its log ($out/$target/log) ends:"
    tail -n 60 "$out/$target/log"
    ls "$out/$target" | grep -E '^(crash|leak|timeout|oom|slow-unit)-' || true
  fi
done
echo "fuzz.sh: ran ${#targets[@]} targets for ${seconds} s each in $(( $(date +%s) - start )) s"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz.sh: FAILED: ${failed[*]} (reproduce: build-sanitize/bin/kiln-fuzz-TARGET FILE)"
  exit 1
fi
