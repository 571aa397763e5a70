"""Runs the ONNX backend node tests through the `kiln run` command line, as
a user would run a model: each test's inputs are written as .npy files,
`kiln run model.onnx --input NAME=FILE.npy ... --output-dir DIR` runs it, and
its outputs are compared with the stored ones at the tolerances of
`kiln onnx-test` (rtol 1e-3, atol 1e-7, NaN matches NaN, integers and bools
exactly, dtypes and shapes equal). `kiln onnx-test` runs the same tests in
one process; this measures what the CLI route gives (issue 15).

    onnx_node_tests_cli.py KILN NODE_DIR [--jobs N] [--list FILE] [--only NAME...]

prints the count of passing tests (of NODE_DIR's, or only of those named)
and, with --list, writes one "PASS|FAIL name: why" line per test. Needs NumPy only: the .pb files are
read by the small protobuf reader below (TensorProto and the graph's input
and output names), since Debian ships no python3-onnx.
"""

import argparse
import os
import struct
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

import numpy as np


def fields(data):
    """(field number, wire type, value) of each field of a protobuf message:
    an int for varints, bytes for length-delimited and fixed fields."""
    pos = 0
    while pos < len(data):
        key, pos = varint(data, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, pos = varint(data, pos)
        elif wire == 1:
            value, pos = data[pos:pos + 8], pos + 8
        elif wire == 2:
            size, pos = varint(data, pos)
            value, pos = data[pos:pos + size], pos + size
        elif wire == 5:
            value, pos = data[pos:pos + 4], pos + 4
        else:
            raise ValueError(f"wire type {wire}")
        yield number, wire, value


def varint(data, pos):
    result = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return result, pos


def packed_varints(value, wire):
    if wire == 0:
        return [value]
    out, pos = [], 0
    while pos < len(value):
        v, pos = varint(value, pos)
        out.append(v)
    return out


# TensorProto.DataType -> NumPy dtype (the ones .npy and Kiln can hold).
DTYPES = {1: np.float32, 2: np.uint8, 3: np.int8, 4: np.uint16, 5: np.int16,
          6: np.int32, 7: np.int64, 9: np.bool_, 10: np.float16,
          11: np.float64, 12: np.uint32, 13: np.uint64}


def read_tensor(data):
    """A TensorProto as a NumPy array; None for dtypes NumPy cannot hold."""
    dims, dtype, raw, values, doubles = [], 0, None, [], []
    for number, wire, value in fields(data):
        if number == 1:
            dims += [v - (1 << 64) if v >= 1 << 63 else v
                     for v in packed_varints(value, wire)]
        elif number == 2:
            dtype = value
        elif number == 9:
            raw = value
        elif number == 4:  # float_data, packed fixed32
            values += struct.unpack(f"<{len(value) // 4}f", value) \
                if wire == 2 else struct.unpack("<f", value)
        elif number in (5, 7, 11):  # int32, int64, uint64 data: varints
            values += packed_varints(value, wire)
        elif number == 10:  # double_data, packed fixed64
            doubles += struct.unpack(f"<{len(value) // 8}d", value) \
                if wire == 2 else struct.unpack("<d", value)
    if dtype not in DTYPES:
        return None
    np_dtype = DTYPES[dtype]
    if raw is not None:
        return np.frombuffer(raw, np_dtype).reshape(dims).copy()
    if doubles:
        return np.array(doubles, np_dtype).reshape(dims)
    if dtype == 10:  # float16 is stored as its bits in int32_data
        return np.array(values, np.uint16).view(np.float16).reshape(dims)
    if dtype in (1,):
        return np.array(values, np_dtype).reshape(dims)
    bits = np.array(values, np.uint64)
    return bits.astype(np.int64).astype(np_dtype).reshape(dims)


def graph_io(model_path):
    """The graph's runtime input names (initializers left out) and output
    names, in order."""
    with open(model_path, "rb") as file:
        model = file.read()
    graph = next(v for n, _, v in fields(model) if n == 7)
    inputs, outputs, initializers = [], [], set()
    for number, _, value in fields(graph):
        if number in (11, 12):
            name = next(v for n, _, v in fields(value) if n == 1).decode()
            (inputs if number == 11 else outputs).append(name)
        elif number == 5:
            initializers.add(next((v for n, _, v in fields(value) if n == 8),
                                  b"").decode())
    return [i for i in inputs if i not in initializers], outputs


def agrees(ours, theirs):
    if ours.dtype != theirs.dtype or ours.shape != theirs.shape:
        return f"{ours.dtype}{list(ours.shape)} != {theirs.dtype}{list(theirs.shape)}"
    if np.issubdtype(theirs.dtype, np.floating):
        a, b = ours.astype(np.float64), theirs.astype(np.float64)
        same = (np.abs(a - b) <= 1e-7 + 1e-3 * np.abs(b)) | (np.isnan(a) & np.isnan(b)) | (a == b)
        return "" if same.all() else "values differ"
    return "" if np.array_equal(ours, theirs) else "values differ"


def run_test(kiln, test_dir, scratch):
    """("PASS" or "FAIL", the test's name, why it failed)."""
    try:
        return try_test(kiln, test_dir, scratch)
    except ValueError as error:  # data that is no TensorProto (sequences)
        return "FAIL", os.path.basename(test_dir), f"unreadable data: {error}"


def try_test(kiln, test_dir, scratch):
    name = os.path.basename(test_dir)
    inputs, outputs = graph_io(os.path.join(test_dir, "model.onnx"))
    sets = sorted(d for d in os.listdir(test_dir) if d.startswith("test_data_set_"))
    for data_set in sets:
        path = os.path.join(test_dir, data_set)
        files = sorted(os.listdir(path))
        work = os.path.join(scratch, name, data_set)
        os.makedirs(work, exist_ok=True)
        args = [kiln, "run", os.path.join(test_dir, "model.onnx"), "--output-dir",
                os.path.join(work, "out")]
        ins = [f for f in files if f.startswith("input_")]
        if len(ins) > len(inputs):
            return "FAIL", name, "more inputs than the graph lists"
        for i, file in enumerate(sorted(ins, key=lambda f: int(f[6:-3]))):
            with open(os.path.join(path, file), "rb") as pb:
                value = read_tensor(pb.read())
            if value is None:
                return "FAIL", name, "input dtype without a .npy form"
            npy = os.path.join(work, f"input_{i}.npy")
            np.save(npy, value)
            args += ["--input", f"{inputs[i]}={npy}"]
        result = subprocess.run(args, capture_output=True, text=True)
        if result.returncode != 0:
            return "FAIL", name, result.stderr.strip().splitlines()[-1:] or ["?"]
        outs = sorted((f for f in files if f.startswith("output_")),
                      key=lambda f: int(f[7:-3]))
        for i, file in enumerate(outs):
            with open(os.path.join(path, file), "rb") as pb:
                expected = read_tensor(pb.read())
            ours_path = os.path.join(work, "out", f"{outputs[i]}.npy")
            if expected is None or not os.path.exists(ours_path):
                return "FAIL", name, f"output {outputs[i]} missing"
            why = agrees(np.load(ours_path), expected)
            if why:
                return "FAIL", name, f"{data_set} output {outputs[i]}: {why}"
    return "PASS", name, ""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("kiln")
    parser.add_argument("node_dir")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--list")
    parser.add_argument("--only", nargs="+")
    args = parser.parse_args()
    tests = sorted(os.path.join(args.node_dir, d)
                   for d in args.only or os.listdir(args.node_dir))
    with tempfile.TemporaryDirectory() as scratch, \
            ThreadPoolExecutor(args.jobs) as pool:
        results = list(pool.map(lambda t: run_test(args.kiln, t, scratch), tests))
    passed = sum(status == "PASS" for status, _, _ in results)
    if args.list:
        with open(args.list, "w") as out:
            for status, name, why in results:
                out.write(f"{status} {name}{': ' + str(why) if why else ''}\n")
    print(f"{passed} of {len(results)} node tests pass through kiln run")


if __name__ == "__main__":
    sys.exit(main())
