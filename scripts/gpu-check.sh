#!/usr/bin/env bash
# The one prepared check for a lent GPU machine (H100/H200; CMake, ninja,
# nvcc, PyTorch 2.x with CUDA; no LLVM or MLIR, nothing to download), run
# from the repository root with the bundle scripts/gpu-bundle.sh built here:
#
#   scripts/gpu-check.sh [BUNDLE_DIR]            (default build-gpu-bundle)
#
# Writes the report to $REPORT (default $OUT/gpu-check.md, or ./gpu-check.md
# without $OUT) and prints it. Every step has a time limit; the whole run
# stays under about 8 minutes. Exit status: 0 when every check passed, 1
# without a usable GPU, 2 when a check failed.
#
# Steps: the machine (nvidia-smi, nvcc, PyTorch); Kiln's CUDA runtime on the
# GPU (kiln-gpu-smoke: driver, NVRTC, the compile cache, the kernel classes
# against host references, copy bandwidth and a pointwise chain as a
# fraction of it; run twice, the second from the cache); ptxas through nvcc
# on the same kernels; PyTorch's numbers for the same sizes on the same GPU;
# every AOT program the bundle carries.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2
bundle=${1:-build-gpu-bundle}
report=${REPORT:-${OUT:-.}/gpu-check.md}
kernels=test/runtime/cuda/Inputs/kernel-classes.cu
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0

mkdir -p "$(dirname "$report")"
: > "$report"
say() { printf '%s\n' "$*" >> "$report"; }
# Runs a command under a time limit and puts its output in the report as a
# code block; returns the command's status.
step() {
  local limit=$1
  shift
  local rc=0
  say '```'
  say "\$ $*"
  timeout "$limit" "$@" >> "$report" 2>&1 || rc=$?
  (( rc == 124 )) && say "(stopped after ${limit} s)"
  say '```'
  return "$rc"
}

say "# Kiln GPU check"
say ""
say "$(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
[[ -f $bundle/MANIFEST ]] && say "" && say "Bundle: $(tr '\n' ';' < "$bundle/MANIFEST")"

say ""
say "## Machine"
step 30 nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm,clocks.max.mem --format=csv || true
step 30 nvcc --version || true
step 60 python3 -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda, "available", torch.cuda.is_available())' || true

say ""
say "## Kiln's CUDA runtime (kiln-gpu-smoke)"
smoke=$bundle/bin/kiln-gpu-smoke
if [[ ! -x $smoke ]]; then
  say "No $smoke: build the bundle with scripts/gpu-bundle.sh and carry it."
  status=1
else
  # A fresh cache: the first run compiles with NVRTC, the second must load
  # every program from the cache.
  export KILN_CACHE_DIR=$work/cache
  say "First run (compiles with NVRTC into an empty cache):"
  start=$(date +%s%N)
  step 180 "$smoke" "$kernels"
  rc=$?
  first=$(( ($(date +%s%N) - start) / 1000000 ))
  if (( rc == 1 )); then
    say "No usable GPU: the checks below that need one are skipped."
    status=1
  elif (( rc != 0 )); then
    status=2
  else
    say "Second run (every program from the cache):"
    start=$(date +%s%N)
    step 180 "$smoke" "$kernels" || status=2
    second=$(( ($(date +%s%N) - start) / 1000000 ))
    say ""
    say "Wall time: ${first} ms compiling, ${second} ms cached;" \
        "cache entries: $(find "$KILN_CACHE_DIR" -name '*.kcu' | wc -l)."
  fi
fi

if (( status != 1 )); then
  say ""
  say "## The same kernels through nvcc's ptxas (sm_90)"
  step 120 nvcc -arch=sm_90 -cubin -Xptxas -v -o "$work/classes.cubin" "$kernels" || status=2

  say ""
  say "## PyTorch on the same GPU, same sizes"
  step 180 python3 bench/gpu_torch_reference.py || status=2

  say ""
  say "## AOT programs"
  shopt -s nullglob
  programs=("$bundle"/programs/*)
  if (( ${#programs[@]} == 0 )); then
    say "None carried (the CUDA code generator's AOT programs are not in this bundle)."
  fi
  for program in "${programs[@]}"; do
    [[ -x $program ]] || continue
    say "### $(basename "$program")"
    step 60 "$program" || status=2
  done
fi

say ""
case $status in
  0) say "**Result: every check passed.**" ;;
  1) say "**Result: no usable GPU; nothing was checked on one.**" ;;
  *) say "**Result: a check failed (see above).**" ;;
esac
cat "$report"
exit "$status"
