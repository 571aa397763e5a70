#!/usr/bin/python3
"""Runs each benchmark with Kiln and with PyTorch on this machine, in one
script, and prints the times and the ratio (PyTorch time / Kiln time: above 1
means Kiln is faster).

Usage: /usr/bin/python3 bench/compare.py [BUILD_DIR]   (default: build)
"""
import json
import os
import subprocess
import sys
import time

import torch

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build")
RUNS = 10


def torch_time(fn, runs=RUNS):
    """Median and minimum seconds of `runs` calls after one warm-up."""
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    times.sort()
    return times[len(times) // 2], times[0]


def kiln_time(model):
    out = subprocess.run(
        [os.path.join(BUILD, "bin", "kiln-bench"),
         os.path.join(ROOT, "bench", "models", model), "--runs", str(RUNS)],
        check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def mlp_forward():
    torch.manual_seed(0)
    net = torch.nn.Sequential(
        torch.nn.Linear(784, 512), torch.nn.ReLU(),
        torch.nn.Linear(512, 512), torch.nn.ReLU(),
        torch.nn.Linear(512, 10))
    x = torch.rand(256, 784)
    with torch.no_grad():
        return torch_time(lambda: net(x))


def elementwise_chain():
    x, w, b = (torch.rand(16777216) for _ in range(3))
    return torch_time(lambda: torch.sigmoid(x * w + b))


BENCHMARKS = [
    ("MLP forward 784-512-512-10, batch 256", "mlp_forward.mlir", mlp_forward),
    ("sigmoid(x * w + b), 16M floats", "elementwise_chain.mlir",
     elementwise_chain),
]


def main():
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, "
          f"{os.cpu_count()} cores")
    print(f"{'benchmark':42} {'kiln ms':>9} {'torch ms':>9} {'ratio':>7} "
          f"{'compile s':>9}")
    # compile s: from the model file to the first result (parse, passes,
    # LLVM O3, JIT).
    for name, model, reference in BENCHMARKS:
        kiln = kiln_time(model)
        torch_median, _ = reference()
        ratio = torch_median / kiln["median_s"]
        print(f"{name:42} {kiln['median_s'] * 1e3:9.2f} "
              f"{torch_median * 1e3:9.2f} {ratio:7.2f} {kiln['compile_s']:9.2f}")


if __name__ == "__main__":
    main()
