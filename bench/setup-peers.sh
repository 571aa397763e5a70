#!/usr/bin/env bash
# Installs the modern peers Kiln is measured against into bench/.venv (not
# part of the README's test command): onnxruntime (CPU), PyTorch 2.x with
# torchvision (eager and torch.compile with Inductor on the CPU) and IREE's
# compiler and runtime (llvm-cpu). Debian's PyTorch 1.13 stays the numeric
# reference and the continuity peer (bench/compare.py runs it in-process).
# PyPI's Linux torch wheel brings its CUDA libraries (about 6 GB in all);
# none is used here. Rerunning upgrades nothing that is installed.
set -euo pipefail
cd "$(dirname "$0")"
python=${KILN_BENCH_PYTHON:-python3}
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check \
  onnxruntime torch torchvision iree-base-compiler iree-base-runtime onnx
# IREE is optional: a peer that does not install is left out of the tables.
.venv/bin/python - <<'PY'
import importlib
for module in ("onnxruntime", "torch", "torchvision", "iree.compiler", "iree.runtime"):
    try:
        version = getattr(importlib.import_module(module), "__version__", "")
        print(f"setup-peers: {module} {version}")
    except Exception as error:  # a peer that fails to import is reported
        print(f"setup-peers: {module} unavailable: {error}")
PY
