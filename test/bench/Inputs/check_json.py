"""Reads one JSON object from stdin and fails unless every dotted path given
as an argument ("sgemm_gflops.1024x1024x1024") leads to a positive number."""
import json
import sys

document = json.load(sys.stdin)
for path in sys.argv[1:]:
    value = document
    for key in path.split("."):
        value = value[key]
    if not isinstance(value, (int, float)) or not value > 0:
        sys.exit(f"{path} is {value!r}, not a positive number")
