#!/usr/bin/env bash
# The slow tier: longer runs of what scripts/test.sh runs briefly. Each block
# below is self-contained; run after scripts/test.sh (which installs and
# builds).
set -euo pipefail
cd "$(dirname "$0")/.."

# --- Fuzzing (docs/reliability.md, "Fuzzing") --------------------------------
# Every libFuzzer target for 600 s (KILN_SLOW_FUZZ_SECONDS), two at a time:
# about 30 minutes on 2 cores, plus the build.
bash scripts/fuzz.sh "${KILN_SLOW_FUZZ_SECONDS:-600}"
# --- end of fuzzing -----------------------------------------------------------

# --- Differential testing (docs/reliability.md, "Differential testing") ------
# Three more seeds than CI's, 10 minutes each (KILN_SLOW_DIFF_SECONDS).
for seed in 1 2 3; do
  /usr/bin/python3 test/differential/difftest.py build/bin/kiln \
    build/difftest-slow-$seed --seed $seed \
    --budget "${KILN_SLOW_DIFF_SECONDS:-600}"
done
# --- end of differential testing ---------------------------------------------
