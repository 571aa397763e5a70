"""Compares kiln-random-dump with PyTorch's CPU generator, bit for bit.

Usage: check_random.py PATH/TO/kiln-random-dump

For each case (a seed and a sequence of draws from one generator) this runs
the dump program and draws the same sequence with torch, then fails, printing
every differing element, unless all bits agree. Run it with a python that
imports torch (Debian's /usr/bin/python3).
"""

import struct
import subprocess
import sys

import torch

SEEDS = [0, 7, 42, 2**40 + 3]
SHAPES = [[1, 5], [3, 4], [15], [16], [17], [33], [1000], [2, 3, 5]]
DTYPES = {"float32": torch.float32, "float64": torch.float64}


def spec(op, dtype, shape, *params):
    fields = [op, dtype, ",".join(str(size) for size in shape)]
    fields += [repr(float(p)) for p in params]
    return ":".join(fields)


def cases():
    """(seed, [draw spec, ...]) pairs; each list is drawn from one generator."""
    for seed in SEEDS:
        for dtype in DTYPES:
            for op in ["rand", "randn"]:
                # Each shape from a fresh generator, then all of them in turn
                # from one, so that the state carried between draws counts.
                for shape in SHAPES:
                    yield seed, [spec(op, dtype, shape)]
                yield seed, [spec(op, dtype, shape) for shape in SHAPES]
            # Mixed sequences, including odd small randn draws that leave the
            # cached second Box-Muller sample for the next draw.
            yield seed, [spec("randn", dtype, [3]), spec("rand", dtype, [2]),
                         spec("randn", dtype, [3])]
            yield seed, [spec("randn", dtype, [17]), spec("rand", dtype, [5]),
                         spec("randn", dtype, [1, 5]),
                         spec("randn", dtype, [33]), spec("rand", dtype, [16])]
        # The cached sample is shared by float32 and float64 draws.
        yield seed, [spec("randn", "float32", [1]),
                     spec("randn", "float64", [1]),
                     spec("randn", "float64", [3]),
                     spec("randn", "float32", [2, 3, 5]),
                     spec("randn", "float32", [5])]
        yield seed, [spec("randn", "float32", []), spec("rand", "float64", []),
                     spec("randn", "float64", [0]),
                     spec("randn", "float32", [])]
        # Tensor.uniform_ and Tensor.normal_ with other parameters.
        for dtype in DTYPES:
            yield seed, [spec("uniform", dtype, [7], -2.5, 3.25),
                         spec("uniform", dtype, [40], 0.1, 0.3),
                         spec("normal", dtype, [5], 0.5, 2.0),
                         spec("normal", dtype, [33], -1.25, 0.1),
                         spec("normal", dtype, [100], 3.0, 0.0)]
    # PyTorch's default seed, that of a generator never seeded by hand.
    yield 67280421310721, [spec("rand", "float32", [5]),
                           spec("randn", "float32", [3, 4]),
                           spec("randn", "float32", [20])]
    # The seed example: its model's weights.
    yield 42, [spec("randn", "float32", shape)
               for shape in [[3, 4], [4], [4, 2], [2]]]
    # Many samples, to reach the rare branches of the polynomial kernels.
    for dtype in DTYPES:
        yield 123, [spec("randn", dtype, [1 << 16]),
                    spec("randn", dtype, [12345])]


def torch_draw(gen, draw):
    fields = draw.split(":")
    op, dtype = fields[0], DTYPES[fields[1]]
    shape = [int(size) for size in fields[2].split(",")] if fields[2] else []
    params = [float(p) for p in fields[3:]]
    if op == "rand":
        return torch.rand(shape, dtype=dtype, generator=gen)
    if op == "randn":
        return torch.randn(shape, dtype=dtype, generator=gen)
    tensor = torch.empty(shape, dtype=dtype)
    if op == "uniform":
        return tensor.uniform_(*params, generator=gen)
    return tensor.normal_(*params, generator=gen)


def bits(value, dtype):
    if dtype == torch.float32:
        return "%08x" % struct.unpack("<I", struct.pack("<f", value))[0]
    return "%016x" % struct.unpack("<Q", struct.pack("<d", value))[0]


def from_bits(text):
    if len(text) == 8:
        return struct.unpack("<f", struct.pack("<I", int(text, 16)))[0]
    return struct.unpack("<d", struct.pack("<Q", int(text, 16)))[0]


def ulps(a, b):
    """Distance in units in the last place between two same-width bit strings."""
    def ordered(text):
        value, width = int(text, 16), len(text) * 4
        sign = 1 << (width - 1)
        return -(value & (sign - 1)) if value & sign else value
    return abs(ordered(a) - ordered(b))


def expected_lines(seed, draws):
    gen = torch.Generator()
    gen.manual_seed(seed)
    lines = []
    for draw in draws:
        tensor = torch_draw(gen, draw)
        lines.append(draw)
        lines += [bits(v, tensor.dtype) for v in tensor.flatten().tolist()]
    return lines


def main():
    dump = sys.argv[1]
    failures = 0
    checked = 0
    for seed, draws in cases():
        result = subprocess.run([dump, str(seed)] + draws,
                                capture_output=True, text=True)
        command = "kiln-random-dump %d %s" % (seed, " ".join(draws))
        if result.returncode != 0:
            print("FAIL: %s exited with %d: %s"
                  % (command, result.returncode, result.stderr.strip()))
            failures += 1
            continue
        got = result.stdout.splitlines()
        want = expected_lines(seed, draws)
        checked += len(want) - len(draws)
        if got == want:
            continue
        failures += 1
        print("FAIL: %s differs from torch" % command)
        if len(got) != len(want):
            print("  %d output lines, torch gives %d" % (len(got), len(want)))
        draw, index, shown = None, 0, 0
        for got_line, want_line in zip(got, want):
            if ":" in got_line or ":" in want_line:
                if got_line != want_line:
                    print("  out of step: kiln %r, torch %r"
                          % (got_line, want_line))
                    break
                draw, index = want_line, 0
                continue
            if got_line != want_line and shown < 20:
                print("  %s [%d]: kiln %s (%r), torch %s (%r), %d ulp"
                      % (draw, index, got_line, from_bits(got_line), want_line,
                         from_bits(want_line), ulps(got_line, want_line)))
                shown += 1
            index += 1
    if failures:
        print("%d case(s) differ from torch %s" % (failures, torch.__version__))
        return 1
    print("all %d values bit-identical to torch %s" % (checked, torch.__version__))
    return 0


if __name__ == "__main__":
    sys.exit(main())
