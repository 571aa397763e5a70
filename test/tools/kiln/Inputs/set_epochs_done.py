"""Overwrites the epoch count of a kiln train checkpoint in place:
set_epochs_done.py CKPT.safetensors VALUE. The safetensors layout is an
8-byte little-endian header length, a JSON header and the data."""

import json
import struct
import sys

path, value = sys.argv[1], int(sys.argv[2])
with open(path, "r+b") as f:
    (length,) = struct.unpack("<Q", f.read(8))
    header = json.loads(f.read(length))
    begin, end = header["__kiln__.epochs_done"]["data_offsets"]
    assert end - begin == 8
    f.seek(8 + length + begin)
    f.write(struct.pack("<q", value))
