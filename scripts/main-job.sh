#!/usr/bin/env bash
# The main job: installs what Kiln needs, builds it, then compiles every seed
# model in examples/seeds/ for the CPU and runs it, printing its outputs as
# PyTorch prints tensors. (Training arrives with `kiln train`.)
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
bash scripts/build.sh build

for model in single_neuron two_layer matmul_cases fully_connected; do
  echo "=== examples/seeds/$model.mlir"
  build/bin/kiln run "examples/seeds/$model.mlir"
done
