"""Reads and writes safetensors files of NumPy arrays, with no dependency
beyond NumPy: how the tests and examples exchange parameters with kiln
(`kiln run --params`, `kiln train --params/--save`) and with PyTorch
(`{k: torch.from_numpy(v) for k, v in read(path).items()}`).

The format: an 8-byte little-endian header length, a JSON header mapping each
name to its dtype, shape and byte range, then the raw little-endian data.
"""

import json
import struct

import numpy as np

_DTYPES = {
    np.dtype(np.float32): "F32",
    np.dtype(np.float64): "F64",
    np.dtype(np.int64): "I64",
    np.dtype(np.int32): "I32",
    np.dtype(np.uint8): "U8",
    np.dtype(np.bool_): "BOOL",
}
_NUMPY = {name: dtype for dtype, name in _DTYPES.items()}


def write(path, arrays):
    """Writes {name: array} to `path`."""
    header, chunks, offset = {}, [], 0
    for name, array in arrays.items():
        array = np.asarray(array, order="C")
        data = array.astype(array.dtype.newbyteorder("<")).tobytes()
        header[name] = {"dtype": _DTYPES[array.dtype],
                        "shape": list(array.shape),
                        "data_offsets": [offset, offset + len(data)]}
        chunks.append(data)
        offset += len(data)
    text = json.dumps(header).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as file:
        file.write(struct.pack("<Q", len(text)))
        file.write(text)
        for chunk in chunks:
            file.write(chunk)


def read(path):
    """Returns {name: array} from `path`."""
    with open(path, "rb") as file:
        blob = file.read()
    (length,) = struct.unpack("<Q", blob[:8])
    header = json.loads(blob[8:8 + length])
    header.pop("__metadata__", None)
    base = 8 + length
    arrays = {}
    for name, entry in header.items():
        begin, end = entry["data_offsets"]
        dtype = np.dtype(_NUMPY[entry["dtype"]]).newbyteorder("<")
        arrays[name] = np.frombuffer(blob[base + begin:base + end],
                                     dtype=dtype).reshape(entry["shape"])
    return arrays
