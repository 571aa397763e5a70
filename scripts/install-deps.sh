#!/usr/bin/env bash
# Installs everything Kiln needs to build and test on a fresh Debian 12 machine.
# Safe to re-run: apt skips what is already installed.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache git python3
  llvm-19-dev libmlir-19-dev mlir-19-tools llvm-19-tools
  libgtest-dev libdnnl-dev
  # The reference for numbers, run as /usr/bin/python3.
  python3-torch python3-numpy
  # torchvision's resnet18 for the slow tier's training equivalence.
  python3-torchvision
  # OpenBLAS replaces the reference BLAS Debian's torch links (libblas.so.3,
  # through update-alternatives): the benchmarks' PyTorch at its fastest.
  libopenblas0-pthread libonnx-dev libonnx-testdata libprotobuf-dev
  # The fuzz targets (scripts/fuzz.sh): clang with libFuzzer and the
  # sanitizer runtimes, and clang's omp.h for the runtime's oneDNN calls.
  clang-19 libclang-rt-19-dev libomp-19-dev
)

missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done

if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi
