#!/usr/bin/env bash
# The main job: installs what Kiln needs, builds it, and compiles every seed
# model in examples/seeds/ as far as the compiler goes today: verify,
# canonicalize, decompose composites into core ops, canonicalize again.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
bash scripts/build.sh build

for model in examples/seeds/*.mlir; do
  echo "=== $model"
  build/bin/kiln-opt "$model" --canonicalize --kiln-decompose --canonicalize
done
