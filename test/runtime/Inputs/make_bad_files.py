"""Writes malformed .npy and .safetensors files for the error tests.

Usage: make_bad_files.py DIR

Each file breaks exactly one rule; the .test files check the message Kiln
gives for it.
"""

import json
import os
import struct
import sys

import numpy as np


def write(path, data):
    with open(path, "wb") as file:
        file.write(data)


def safetensors(path, header, body, length=None):
    text = json.dumps(header).encode("utf-8")
    text += b" " * (-len(text) % 8)
    write(path, struct.pack("<Q", len(text) if length is None else length) + text + body)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    join = lambda name: os.path.join(out, name)

    np.save(join("good.npy"), np.arange(6, dtype=np.float32).reshape(2, 3))
    np.save(join("half.npy"), np.ones((2, 3), np.float16))
    np.save(join("int16.npy"), np.ones(3, np.int16))
    np.save(join("complex.npy"), np.ones(3, np.complex64))
    np.save(join("big-endian.npy"), np.ones(3, ">f4"))
    np.save(join("fortran.npy"), np.asfortranarray(np.ones((2, 3), np.float32)))
    np.save(join("structured.npy"), np.zeros(2, [("a", "<f4"), ("b", "<i4")]))
    with open(join("good.npy"), "rb") as file:
        good = file.read()
    write(join("truncated.npy"), good[:-5])
    write(join("header-only.npy"), good[:20])
    write(join("bad-magic.npy"), b"\x93NUMPZ" + good[6:])
    write(join("version-4.npy"), good[:6] + b"\x04\x00" + good[8:])
    write(join("bad-header.npy"), good.replace(b"'shape': (2, 3)", b"'shape': [2, 3]"))
    # Sizes a reader must check against the file before allocating: 2^28
    # floats (1 GiB) in a 128-byte file, and a 4 GiB header length.
    write(join("huge-shape.npy"), good.replace(b"(2, 3), ", b"(268435456,),")[:128])
    write(join("huge-header.npy"), good[:6] + b"\x03\x00" + struct.pack("<I", 0xFFFFFFFF))

    floats = np.arange(4, dtype=np.float32).tobytes()
    entry = lambda dtype, shape, offsets: {"dtype": dtype, "shape": shape,
                                           "data_offsets": offsets}
    safetensors(join("good.safetensors"),
                {"__metadata__": {"format": "pt"}, "w": entry("F32", [2, 2], [0, 16])}, floats)
    safetensors(join("f16.safetensors"), {"w": entry("F16", [2], [0, 4])}, floats[:4])
    safetensors(join("overlap.safetensors"),
                {"a": entry("F32", [3], [0, 12]), "b": entry("F32", [2], [8, 16])}, floats)
    safetensors(join("out-of-range.safetensors"), {"w": entry("F32", [6], [0, 24])}, floats)
    safetensors(join("wrong-size.safetensors"), {"w": entry("F32", [3], [0, 16])}, floats)
    safetensors(join("truncated-header.safetensors"), {"w": entry("F32", [4], [0, 16])},
                floats, length=1 << 20)
    write(join("bad-json.safetensors"),
          struct.pack("<Q", 8) + b'{"w":1,}' + floats)


if __name__ == "__main__":
    main()
