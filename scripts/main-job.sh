#!/usr/bin/env bash
# The main job: installs what Kiln needs, builds it, runs every seed model in
# examples/seeds/ (printing its outputs as PyTorch prints tensors), then
# compiles and trains the seed models: the seed's linear regression (SGD)
# and a two-layer classifier (Adam), printing the loss as it goes and
# writing each run's trained parameters, loss log and loss plot (SVG) under
# build/training/.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
bash scripts/build.sh build

for model in single_neuron two_layer matmul_cases fully_connected; do
  echo "=== examples/seeds/$model.mlir"
  build/bin/kiln run "examples/seeds/$model.mlir"
done

bash examples/training/train.sh build/training build
