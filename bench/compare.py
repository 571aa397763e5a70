#!/usr/bin/python3
"""Runs every benchmark with Kiln, PyTorch and a hand-written oneDNN program
in one script on this machine, measures the machine's limits in the same run
(oneDNN's matmul rate, the triad bandwidth), and prints Markdown tables: the
times with their ratios, and the performance targets with whether each is met.
Every time is the best of several runs after a warm-up: other processes on
the cores only ever add time. docs/performance.md explains every number.

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
MODELS = os.path.join(ROOT, "bench", "models")
RUNS = 20
FLOAT_BYTES = 4

# The benchmark MLP: 784-512-512-10 with ReLU (bench/models/mlp_forward*.mlir).
MLP_WIDTHS = (784, 512, 512, 10)
MLP_LAYERS = list(zip(MLP_WIDTHS, MLP_WIDTHS[1:]))
TRAIN_BATCH = 256
LEARNING_RATE = 1e-3


def kiln_bench(*args, runs=RUNS):
    """The JSON that build/bin/kiln-bench prints for `args`."""
    command = [os.path.join(BUILD, "bin", "kiln-bench"), *args,
               "--runs", str(runs)]
    return json.loads(subprocess.run(command, check=True, capture_output=True,
                                     text=True).stdout)


def torch_best(fn, runs=RUNS):
    """The fastest of `runs` calls of fn after one warm-up, in seconds."""
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def torch_mlp(batch):
    """The MLP in PyTorch, seeded, with an input batch."""
    torch.manual_seed(0)
    layers = []
    for fan_in, fan_out in MLP_LAYERS:
        layers += [torch.nn.Linear(fan_in, fan_out), torch.nn.ReLU()]
    return torch.nn.Sequential(*layers[:-1]), torch.rand(batch, MLP_WIDTHS[0])


# --- Rooflines --------------------------------------------------------------

def mlp_train_flops(batch):
    """The train step's matmul FLOPs: forward, every weight gradient and the
    input gradients of all layers but the first (its input is data)."""
    products = [2 * batch * fan_in * fan_out for fan_in, fan_out in MLP_LAYERS]
    return 2 * sum(products) + sum(products[1:])


def mlp_train_bytes(batch):
    """The train step's compulsory memory traffic: every parameter and its
    two Adam moments read and written once, and the batch (float inputs,
    int64 labels) read once."""
    parameters = sum(fan_in * fan_out + fan_out
                     for fan_in, fan_out in MLP_LAYERS)
    return (3 * 2 * parameters * FLOAT_BYTES
            + batch * MLP_WIDTHS[0] * FLOAT_BYTES + batch * 8)


def roofline_seconds(flops, nbytes, limits):
    """Time at the machine's limits: the FLOPs at the best measured oneDNN
    matmul rate plus the bytes at the triad bandwidth."""
    return (flops / (max(limits["sgemm_gflops"].values()) * 1e9)
            + nbytes / (limits["triad_gbps"] * 1e9))


def bandwidth_fraction(nbytes, seconds, limits):
    """Achieved bandwidth (compulsory bytes / time) over the triad's."""
    return nbytes / seconds / 1e9 / limits["triad_gbps"]


# --- Benchmarks -------------------------------------------------------------
# Each returns a row of times in seconds and the targets it checks as
# (target, measured, goal, met).

def mlp_train_step(limits):
    kiln = kiln_bench(os.path.join(MODELS, "mlp_forward.mlir"),
                      "--optimizer", "adam", "--lr", str(LEARNING_RATE),
                      "--loss", "cross_entropy:logits,y")
    onednn = kiln_bench("--onednn-mlp", str(TRAIN_BATCH))["train_matmuls"]
    net, x = torch_mlp(TRAIN_BATCH)
    y = torch.arange(TRAIN_BATCH) % MLP_WIDTHS[-1]
    optimizer = torch.optim.Adam(net.parameters(), lr=LEARNING_RATE)

    def step():
        optimizer.zero_grad(set_to_none=True)
        torch.nn.functional.cross_entropy(net(x), y).backward()
        optimizer.step()

    torch_s = torch_best(step)
    roofline = roofline_seconds(mlp_train_flops(TRAIN_BATCH),
                                mlp_train_bytes(TRAIN_BATCH), limits)
    row = ("MLP train step, batch 256, Adam", kiln["min_s"], torch_s,
           onednn["min_s"])
    targets = [
        ("train step: PyTorch / Kiln", f"{torch_s / kiln['min_s']:.2f}x",
         ">= 3x", torch_s / kiln["min_s"] >= 3),
        (f"train step: Kiln / roofline ({roofline * 1e3:.2f} ms)",
         f"{kiln['min_s'] / roofline:.2f}x", "<= 1.5x",
         kiln["min_s"] / roofline <= 1.5),
        ("train step compile, model file to first result",
         f"{kiln['compile_s']:.2f} s", "< 2 s", kiln["compile_s"] < 2),
    ]
    return row, targets


def mlp_inference(batch, model, runs):
    kiln = kiln_bench(os.path.join(MODELS, model), runs=runs)
    onednn = kiln_bench("--onednn-mlp", str(batch), runs=runs)["inference"]
    net, x = torch_mlp(batch)
    with torch.no_grad():
        torch_s = torch_best(lambda: net(x), runs)
    row = (f"MLP inference, batch {batch}", kiln["min_s"], torch_s,
           onednn["min_s"])
    return row, []


def memory_bound(name, model, nbytes, torch_fn, limits):
    """A benchmark whose limit is memory bandwidth: `nbytes` compulsory."""
    kiln = kiln_bench(os.path.join(MODELS, model))
    torch_s = torch_best(torch_fn)
    fraction = bandwidth_fraction(nbytes, kiln["min_s"], limits)
    target = (f"{name}: bandwidth / triad", f"{fraction:.0%}", ">= 70%",
              fraction >= 0.7)
    return (name, kiln["min_s"], torch_s, None), [target]


def elementwise_chain(limits):
    x, w, b = (torch.rand(1 << 24) for _ in range(3))
    # Three inputs read, one output written.
    return memory_bound("sigmoid(x * w + b), 16M floats",
                        "elementwise_chain.mlir", 4 * FLOAT_BYTES * (1 << 24),
                        lambda: torch.sigmoid(x * w + b), limits)


def softmax(limits):
    x = torch.rand(4096, 4096)
    # The input read, the output written.
    return memory_bound("softmax over rows, 4096 x 4096", "softmax.mlir",
                        2 * FLOAT_BYTES * 4096 * 4096,
                        lambda: torch.softmax(x, dim=1), limits)


# --- Report -----------------------------------------------------------------

def run(benchmark, *args):
    """benchmark(*args), or None after printing why kiln-bench failed: one
    broken benchmark leaves the others' numbers."""
    try:
        return benchmark(*args)
    except subprocess.CalledProcessError as error:
        print(f"{benchmark.__name__}: {' '.join(error.cmd[1:])} failed:\n"
              f"{error.stderr[:2000]}", file=sys.stderr)
        return None


def print_table(headers, rows):
    """A Markdown table, columns padded; the first column left-aligned."""
    cells = [headers] + [[str(cell) for cell in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    def line(row):
        padded = [cell.ljust(width) if i == 0 else cell.rjust(width)
                  for i, (cell, width) in enumerate(zip(row, widths))]
        return "| " + " | ".join(padded) + " |"
    print(line(headers))
    print("| " + " | ".join(("-" * (w - 1) + (":" if i else "-"))
                            for i, w in enumerate(widths)) + " |")
    for row in cells[1:]:
        print(line(row))
    print()


def milliseconds(seconds):
    return "" if seconds is None else f"{seconds * 1e3:.3f}"


def ratio(numerator, denominator):
    return "" if numerator is None else f"{numerator / denominator:.2f}"


def main():
    torch.set_num_threads(os.cpu_count())
    blas = os.path.realpath("/usr/lib/x86_64-linux-gnu/libblas.so.3")
    print(f"PyTorch {torch.__version__}, {torch.get_num_threads()} threads, "
          f"BLAS {blas}; {os.cpu_count()} cores, load average "
          f"{os.getloadavg()[0]:.2f} at the start (other processes slow "
          f"every number down)\n")

    limits = kiln_bench("--roofline")
    print_table(["machine limit", "measured"],
                [[f"oneDNN sgemm {shape} (m x n x k)", f"{rate:.1f} GFLOP/s"]
                 for shape, rate in limits["sgemm_gflops"].items()]
                + [["triad a = b + s * c, 32M floats",
                    f"{limits['triad_gbps']:.1f} GB/s"]])

    results = [result for result in (
        run(mlp_train_step, limits),
        run(mlp_inference, 1, "mlp_forward_batch1.mlir", 100),
        run(mlp_inference, TRAIN_BATCH, "mlp_forward.mlir", RUNS),
        run(elementwise_chain, limits),
        run(softmax, limits)) if result]
    print_table(["benchmark", "Kiln ms", "PyTorch ms", "PyTorch / Kiln",
                 "oneDNN ms", "oneDNN / Kiln"],
                [[name, milliseconds(kiln), milliseconds(torch_s),
                  ratio(torch_s, kiln), milliseconds(onednn),
                  ratio(onednn, kiln)]
                 for (name, kiln, torch_s, onednn), _ in results])
    print_table(["target", "measured", "goal", "met"],
                [[target, measured, goal, "yes" if met else "no"]
                 for _, targets in results
                 for target, measured, goal, met in targets])


if __name__ == "__main__":
    main()
