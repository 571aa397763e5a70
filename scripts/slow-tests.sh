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

# --- Training equivalence of resnet18 (docs/training.md, "Agreement with
# PyTorch") ---------------------------------------------------------------------
# torchvision's resnet18 (10 classes, 32x32 images) trained 6 steps over two
# alternating batches of 8 with every optimizer, as test/onnx/convnet-
# training.test trains a small residual convnet, at a tenth of its learning
# rates (LR_SCALE in convnet_training.py says why); about a minute per
# optimizer on an idle machine.
resnet=build/slow-resnet18
rm -rf "$resnet" && mkdir -p "$resnet"
/usr/bin/python3 test/onnx/Inputs/convnet_training.py prepare resnet18 "$resnet"
while read -r optimizer flags; do
  # shellcheck disable=SC2086
  build/bin/kiln train "$resnet/model.onnx" --data x="$resnet/x.npy" \
    --data y="$resnet/y.npy" --loss cross_entropy:logits,y \
    --optimizer "$optimizer" $flags --epochs 3 --batch-size 8 \
    --save "$resnet/kiln-$optimizer.safetensors" \
    --log "$resnet/kiln-$optimizer.csv" --print-every 3
  /usr/bin/python3 test/onnx/Inputs/convnet_training.py compare "$resnet" "$optimizer"
done <<'OPTIMIZERS'
sgd --lr 0.005 --momentum 0.9 --weight-decay 5e-4
adam --lr 0.001
adamw --lr 0.001 --weight-decay 0.01
rmsprop --lr 0.001 --momentum 0.5
adagrad --lr 0.005
adadelta --lr 0.1
OPTIMIZERS
# --- end of training equivalence ----------------------------------------------

# --- The cuda-emulator twin (docs/cuda.md, "The emulator") --------------------
# The model-running lit tests rerun on the CPU emulator of the CUDA target
# (CI's ctest runs a sample, lit-cuda-emulator); the gradient families
# alone take minutes there, as gradcheck runs the model twice per element.
/usr/bin/python3 /usr/lib/llvm-19/build/utils/lit/lit.py -sv -j"$(nproc)" \
  --param kiln_device=cuda-emulator build/test/numerics build/test/examples \
  build/test/tools build/test/onnx
# --- end of the cuda-emulator twin ---------------------------------------------
