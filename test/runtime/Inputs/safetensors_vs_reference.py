"""Checks kiln-tensor-tool's .safetensors reading and writing.

Usage: safetensors_vs_reference.py KILN_TENSOR_TOOL

The safetensors package is not installed, so this script carries a strict
reference reader and a writer built from the format's specification using
only json and struct:

1. Kiln writes all cases of tensor_cases.py into one file; the reference
   reader validates it (8-byte aligned, space-padded header; contiguous,
   aligned data_offsets covering the data exactly) and must find the same
   dtypes, shapes and bytes.
2. The reference writer produces a file with `__metadata__`, keys in
   reverse order and awkward names; Kiln must read back every tensor
   (checked through from-safetensors and numpy.load) and print each one as
   PyTorch does.
"""

import json
import os
import struct
import subprocess
import sys
import tempfile

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(__file__))
from tensor_cases import make_cases  # noqa: E402

DTYPES = {"F32": np.float32, "F64": np.float64, "I64": np.int64,
          "I32": np.int32, "U8": np.uint8, "BOOL": np.bool_}
CODES = {np.dtype(v): k for k, v in DTYPES.items()}


def read_reference(path):
    """{name: array}; raises AssertionError where the file breaks the spec."""
    with open(path, "rb") as file:
        data = file.read()
    (length,) = struct.unpack("<Q", data[:8])
    assert length % 8 == 0, f"header length {length} is not a multiple of 8"
    text = data[8:8 + length].decode("utf-8")
    assert text == text.rstrip(" ") + " " * (len(text) - len(text.rstrip(" "))), "bad padding"
    header = json.loads(text)
    assert "__metadata__" not in header, "unexpected __metadata__"
    body = data[8 + length:]
    arrays, end = {}, 0
    for name, info in sorted(header.items(), key=lambda item: item[1]["data_offsets"]):
        assert set(info) == {"dtype", "shape", "data_offsets"}, info
        begin, stop = info["data_offsets"]
        assert begin == end, f"{name}: data_offsets {begin} leaves a gap or overlap after {end}"
        dtype = np.dtype(DTYPES[info["dtype"]])
        assert begin % dtype.itemsize == 0, f"{name}: misaligned"
        count = int(np.prod(info["shape"]))
        assert stop - begin == count * dtype.itemsize, f"{name}: wrong size"
        arrays[name] = np.frombuffer(body[begin:stop], dtype).reshape(info["shape"])
        end = stop
    assert end == len(body), f"{len(body) - end} trailing bytes"
    return arrays


def write_reference(path, arrays, metadata):
    """The layout of the reference implementation, keys in reverse order."""
    header, chunks, offset = {"__metadata__": metadata}, [], 0
    for name in sorted(arrays, reverse=True):
        array = arrays[name]
        raw = array.tobytes()
        header[name] = {"dtype": CODES[array.dtype], "shape": list(array.shape),
                        "data_offsets": [offset, offset + len(raw)]}
        chunks.append(raw)
        offset += len(raw)
    text = json.dumps(header).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as file:
        file.write(struct.pack("<Q", len(text)) + text + b"".join(chunks))


def same(a, b):
    return a.dtype == b.dtype and a.shape == b.shape and a.tobytes() == b.tobytes()


def main():
    tool = sys.argv[1]
    cases = dict(make_cases(seed=2))
    failures = []
    with tempfile.TemporaryDirectory() as directory:
        args = []
        for name, array in cases.items():
            path = os.path.join(directory, name + ".npy")
            np.save(path, array)
            args.append(f"{name}={path}")
        written = os.path.join(directory, "kiln.safetensors")
        subprocess.run([tool, "to-safetensors", written] + args, check=True)
        arrays = read_reference(written)
        if set(arrays) != set(cases):
            failures.append("Kiln's file holds different tensor names")
        failures += [f"{name}: Kiln wrote different data"
                     for name in cases if name in arrays and not same(arrays[name], cases[name])]

        # Names that need JSON escapes or are not ASCII cannot be file names
        # on every system, so those are checked through printing only.
        awkward = {"quote\"back\\slash": np.arange(3, dtype=np.int32),
                   "tab\tnewline\n": np.array(2.5, np.float32),
                   "gr\u00fc\u00dfe \u03c0 \U0001f600": np.array([True, False])}
        plain = {name: cases[name] for name in list(cases)[::7]}
        reference = os.path.join(directory, "reference.safetensors")
        write_reference(reference, {**plain, **awkward},
                        {"format": "pt", "note": "ignored by Kiln"})
        out_dir = os.path.join(directory, "out")
        os.mkdir(out_dir)
        subprocess.run([tool, "from-safetensors", reference, out_dir], check=True)
        for name, array in plain.items():
            if not same(np.load(os.path.join(out_dir, name + ".npy")), array):
                failures.append(f"{name}: Kiln read different data")
        printed = subprocess.run([tool, "print-safetensors", reference],
                                 capture_output=True, check=True).stdout.decode("utf-8")
        expected = "".join(name + ": " + str(torch.from_numpy(array.copy())) + "\n"
                           for name, array in sorted({**plain, **awkward}.items(),
                                                     key=lambda item: item[0].encode("utf-8")))
        if printed != expected:
            failures.append(f"print-safetensors differs:\n--- expected\n{expected}--- kiln\n{printed}")
        checked = len(cases) + len(plain) + len(awkward)
    for failure in failures:
        print("FAIL", failure)
    if failures:
        sys.exit(f"{len(failures)} safetensors checks failed")
    print(f"safetensors-vs-reference: all {checked} tensors match")


if __name__ == "__main__":
    main()
