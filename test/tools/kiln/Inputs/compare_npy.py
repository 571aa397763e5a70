"""Compares two .npy files: same dtype and shape, values within `rtol`.

Usage: compare_npy.py ACTUAL EXPECTED [RTOL]

Prints "NAME: DTYPE SHAPE matches" (NAME is ACTUAL's file name) or what
differs. RTOL defaults to 0: bit-for-bit equality.
"""

import os
import sys

import numpy as np


def main():
    actual = np.load(sys.argv[1])
    expected = np.load(sys.argv[2])
    rtol = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0
    name = os.path.basename(sys.argv[1])
    if actual.dtype != expected.dtype or actual.shape != expected.shape:
        print("%s: %s %s differs from %s %s" % (name, actual.dtype,
              list(actual.shape), expected.dtype, list(expected.shape)))
    elif not np.allclose(actual, expected, rtol=rtol, atol=0.0):
        print("%s: values differ: %s vs %s" % (name, actual, expected))
    else:
        print("%s: %s %s matches" % (name, actual.dtype, list(actual.shape)))


if __name__ == "__main__":
    main()
