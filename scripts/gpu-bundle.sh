#!/usr/bin/env bash
# Builds, on this machine (LLVM, no GPU), what scripts/gpu-check.sh runs on a
# lent GPU machine (no LLVM, nothing downloadable, at most 64 MiB carried):
#
#   scripts/gpu-bundle.sh [BUILD_DIR] [BUNDLE_DIR]   (build, build-gpu-bundle)
#
# BUNDLE_DIR/bin/kiln-gpu-smoke   the CUDA runtime's check on a real GPU,
#                                 LLVM's Support and libstdc++ linked in
# BUNDLE_DIR/programs/            AOT programs, each run with no argument,
#                                 status 0 meaning its numbers are right
#                                 (none yet: the CUDA code generator's)
# BUNDLE_DIR/MANIFEST             the commit and the build machine
#
# BUNDLE_DIR is under build*/, ignored by git: name it in the device run's
# `carry` list; the tracked sources (the kernels the smoke test reads, this
# script, gpu-check.sh) travel with the working tree.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
bundle=${2:-build-gpu-bundle}

cmake --build "$build" -j2 --target kiln-gpu-smoke
rm -rf "$bundle"
mkdir -p "$bundle/bin" "$bundle/programs"
cp "$build/bin/kiln-gpu-smoke" "$bundle/bin/"
{
  echo "commit: $(git rev-parse HEAD)$(git diff --quiet || echo ' (with local changes)')"
  echo "built: $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(uname -m), $(ldd --version | head -1)"
  echo "needs: $(ldd "$bundle/bin/kiln-gpu-smoke" | awk '/=>/ {print $1}' | tr '\n' ' ')"
} > "$bundle/MANIFEST"

size=$(du -sk "$bundle" | cut -f1)
if (( size > 60 * 1024 )); then
  echo "gpu-bundle: $bundle is ${size} KiB, over the 64 MiB a device run carries" >&2
  exit 1
fi
echo "gpu-bundle: $bundle (${size} KiB): carry it to the GPU machine and run scripts/gpu-check.sh $bundle"
