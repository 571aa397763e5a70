"""Times one network of bench/zoo.py in the modern peers, in bench/.venv:
onnxruntime (CPU, all graph optimizations) on the exported ONNX file,
PyTorch 2.x eager and torch.compile (Inductor, CPU) on the network built
by zoo.py with the exported weights, and IREE (llvm-cpu, the host's CPU) on
the ONNX file where IREE is installed. Prints one JSON object: for each
peer the best and median latency in ms over RUNS runs after WARMUP, and
the compile time in s where the peer compiles; a peer that fails is given
with its error instead.

  bench/.venv/bin/python bench/peers.py NAME DIR [--runs N] [--warmup N]
                                        [--threads T]

DIR holds what `zoo.py export NAME DIR` wrote.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def measure(fn, runs, warmup):
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return {"min_ms": min(times) * 1e3,
            "median_ms": statistics.median(times) * 1e3}


def onnxruntime_peer(prefix, x, args):
    import onnxruntime as ort
    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.intra_op_num_threads = args.threads
    start = time.perf_counter()
    session = ort.InferenceSession(prefix + ".onnx", options,
                                   providers=["CPUExecutionProvider"])
    compile_s = time.perf_counter() - start
    result = measure(lambda: session.run(None, {"x": x}), args.runs, args.warmup)
    return {**result, "compile_s": compile_s}


def torch_peers(name, prefix, x, args):
    import torch
    import zoo
    torch.set_num_threads(args.threads)
    model = zoo.load_weights(zoo.build(name)[0], prefix + ".npz")
    tensor = torch.from_numpy(x)
    results = {}
    with torch.no_grad():
        results["torch_eager"] = measure(lambda: model(tensor), args.runs,
                                         args.warmup)
        try:
            compiled = torch.compile(model)
            start = time.perf_counter()
            compiled(tensor)
            compile_s = time.perf_counter() - start
            results["torch_compile"] = {
                **measure(lambda: compiled(tensor), args.runs, args.warmup),
                "compile_s": compile_s}
        except Exception as error:  # reported, not fatal: the others stand
            results["torch_compile"] = {"error": str(error).splitlines()[0]}
    results["torch_version"] = torch.__version__
    return results


def iree_peer(prefix, x, args):
    """IREE through its own tools (iree-import-onnx, iree-compile) beside
    this interpreter, and its Python runtime."""
    import iree.runtime as runtime
    import onnx
    tools = os.path.dirname(sys.executable)
    mlir, vmfb = prefix + ".iree.mlir", prefix + ".iree.vmfb"
    start = time.perf_counter()
    for command in ([os.path.join(tools, "iree-import-onnx"), prefix + ".onnx",
                     "-o", mlir],
                    [os.path.join(tools, "iree-compile"), mlir,
                     "--iree-hal-target-device=local",
                     "--iree-hal-local-target-device-backends=llvm-cpu",
                     "--iree-llvmcpu-target-cpu=host", "-o", vmfb]):
        subprocess.run(command, check=True, capture_output=True, text=True)
    compile_s = time.perf_counter() - start
    module = runtime.load_vm_flatbuffer_file(vmfb, driver="local-task")
    # iree-import-onnx names the function after the ONNX graph.
    graph = onnx.load(prefix + ".onnx", load_external_data=False).graph.name
    fn = module[graph]
    result = measure(lambda: fn(x), args.runs, args.warmup)
    return {**result, "compile_s": compile_s}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("name")
    parser.add_argument("directory")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    args = parser.parse_args()
    prefix = os.path.join(args.directory, args.name)
    x = np.load(prefix + ".x.npy")
    report = {}
    for peer, run in (("onnxruntime", lambda: onnxruntime_peer(prefix, x, args)),
                      ("torch", lambda: torch_peers(args.name, prefix, x, args)),
                      ("iree", lambda: iree_peer(prefix, x, args))):
        try:
            result = run()
        except Exception as error:
            result = {"error": f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"}
        if peer == "torch" and "error" not in result:
            report.update(result)
        else:
            report[peer] = result
    print(json.dumps(report))


if __name__ == "__main__":
    main()
