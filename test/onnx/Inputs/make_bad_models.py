"""Writes malformed ONNX models for the importer's error tests.

Usage: make_bad_models.py DIR

Each model breaks one rule; import-errors.test checks the message Kiln gives
for it. No onnx Python package is installed here, so the protobuf is encoded
by hand: the field numbers are onnx.proto's.
"""

import os
import struct
import sys

FLOAT, INT64 = 1, 7


def varint(value):
    value &= (1 << 64) - 1  # negative int64s take ten bytes
    out = b""
    while True:
        byte, value = value & 0x7F, value >> 7
        if not value:
            return out + bytes([byte])
        out += bytes([byte | 0x80])


def field(number, value):
    """One field: an int as a varint, bytes and strings length-delimited."""
    if isinstance(value, int):
        return varint(number << 3) + varint(value)
    if isinstance(value, str):
        value = value.encode()
    return varint(number << 3 | 2) + varint(len(value)) + value


def fields(number, values):
    return b"".join(field(number, value) for value in values)


def tensor(name, dtype, dims, raw=None, int64s=None):
    """A TensorProto: raw little-endian bytes or int64_data."""
    body = fields(1, dims) + field(2, dtype) + field(8, name)
    if raw is not None:
        body += field(9, raw)
    for value in int64s or []:
        body += field(7, value)
    return body


def value_info(name, dtype, dims):
    shape = b"".join(field(1, field(1, dim)) for dim in dims)
    return field(1, name) + field(2, field(1, field(1, dtype) + field(2, shape)))


def node(op_type, inputs, outputs, name="", attributes=b""):
    return (fields(1, inputs) + fields(2, outputs) + field(3, name) +
            field(4, op_type) + attributes)


def int_attribute(name, value):
    return field(5, field(1, name) + field(3, value) + field(20, 2))


def model(nodes, inputs, outputs, initializers=(), opset=13):
    graph = (fields(1, nodes) + field(2, "g") + fields(5, initializers) +
             fields(11, inputs) + fields(12, outputs))
    opset_id = field(1, "") + field(2, opset)
    return field(1, 8) + field(8, opset_id) + field(7, graph)


def shape_constant(name, values):
    return tensor(name, INT64, [len(values)],
                  raw=struct.pack("<%dq" % len(values), *values))


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)

    def write(name, data):
        with open(os.path.join(out, name), "wb") as file:
            file.write(data)

    x8 = value_info("x", FLOAT, [8])
    y = value_info("y", FLOAT, [])

    # Shape arithmetic that overflows int64.
    write("reshape-overflow.onnx", model(
        [node("Reshape", ["x", "shape"], ["y"], "r")], [x8], [y],
        [shape_constant("shape", [(1 << 62) + 1, 4, 2])]))
    write("expand-overflow.onnx", model(
        [node("Expand", ["x", "shape"], ["y"], "e")],
        [value_info("x", FLOAT, [1, 1])], [y],
        [shape_constant("shape", [1 << 32, 1 << 32])]))
    write("input-overflow.onnx", model(
        [node("Relu", ["x"], ["y"])],
        [value_info("x", FLOAT, [1 << 32, 1 << 32])], [y]))

    write("depth-to-space-overflow.onnx", model(
        [node("DepthToSpace", ["x"], ["y"], "d",
              int_attribute("blocksize", 1 << 32))],
        [value_info("x", FLOAT, [1, 1, 1, 1])], [y]))

    # Gather with float indices.
    write("gather-float-indices.onnx", model(
        [node("Gather", ["x", "i"], ["y"], "g")],
        [x8, value_info("i", FLOAT, [2])], [y]))

    # Nodes that lack a required input.
    for op_type, opset in [("Slice", 13), ("Reshape", 13), ("OneHot", 11),
                           ("TopK", 11)]:
        write("missing-input-%s.onnx" % op_type.lower(), model(
            [node(op_type, ["x"], ["y"], "n")], [x8], [y], opset=opset))

    # A Split without outputs to split into.
    write("split-no-outputs.onnx", model(
        [node("Split", ["x"], [], "s")], [x8], [y]))

    # A negative dimension in an input's type.
    write("negative-dim.onnx", model(
        [node("Relu", ["x"], ["y"])], [value_info("x", FLOAT, [-5, 3])], [y]))

    # Values defined twice: by two nodes, by a node and an input.
    write("duplicate-nodes.onnx", model(
        [node("Relu", ["x"], ["y"], "a"), node("Sigmoid", ["x"], ["y"], "b")],
        [x8], [y]))
    write("duplicate-input.onnx", model(
        [node("Relu", ["x"], ["x"], "a"), node("Sigmoid", ["x"], ["y"], "b")],
        [x8], [y]))

    # Initializers that claim 2^28 floats (1 GiB) and hold none, as raw data
    # and as float_data.
    for name, raw in [("raw", b""), ("values", None)]:
        write("huge-initializer-%s.onnx" % name, model(
            [node("Add", ["x", "w"], ["y"])], [value_info("x", FLOAT, [1])],
            [y], [tensor("w", FLOAT, [1 << 28], raw=raw)]))

    # An output whose name is a path, for kiln run --output-dir.
    write("output-escaped.onnx", model(
        [node("Relu", ["x"], ["../escaped"])], [x8],
        [value_info("../escaped", FLOAT, [])]))


if __name__ == "__main__":
    main()
