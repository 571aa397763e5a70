#!/usr/bin/env bash
# Trains the two example models with kiln train: the seed's linear
# regression (SGD) and the two-moons classifier (Adam), printing the loss as
# it goes and writing each run's parameters, loss log and loss plot to
# OUT_DIR/<example>/. The data comes from pytorch_reference.py, which also
# trains both models in PyTorch for comparison (torch-loss.csv).
#
# Usage: examples/training/train.sh OUT_DIR [BUILD_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${1:?usage: train.sh OUT_DIR [BUILD_DIR]}"
kiln="${2:-$root/build}/bin/kiln"

echo "== linear regression (seed 001): nn.Linear(1, 1), MSE, SGD lr 0.05, 500 epochs"
/usr/bin/python3 "$here/pytorch_reference.py" linear_regression "$out/linear_regression"
"$kiln" train "$root/examples/seeds/linear_regression.mlir" \
  --data x="$out/linear_regression/x.npy" --data y="$out/linear_regression/y.npy" \
  --optimizer sgd --lr 0.05 --epochs 500 --print-every 50 \
  --save "$out/linear_regression/params.safetensors" \
  --log "$out/linear_regression/loss.csv" --plot "$out/linear_regression/loss.svg"

echo "== classifier: Linear(2,16)-ReLU-Linear(16,1), BCE with logits, Adam lr 0.01, 20 epochs"
/usr/bin/python3 "$here/pytorch_reference.py" classifier "$out/classifier"
"$kiln" train "$here/classifier.mlir" \
  --data x="$out/classifier/x.npy" --data label="$out/classifier/label.npy" \
  --loss bce_with_logits:logits,label --optimizer adam --lr 0.01 \
  --epochs 20 --print-every 2 \
  --save "$out/classifier/params.safetensors" \
  --log "$out/classifier/loss.csv" --plot "$out/classifier/loss.svg"

echo "loss plots: $out/linear_regression/loss.svg $out/classifier/loss.svg"
