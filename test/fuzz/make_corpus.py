"""Writes the fuzz targets' seed corpora into test/fuzz/corpus/<target>/.

Usage: make_corpus.py PATH/TO/kiln   (run with /usr/bin/python3; the files it
writes are committed, so this is only needed to change them)

- npy: small arrays of every dtype kiln reads, scalars and empty shapes.
- safetensors: small files of several tensors (scripts/safetensors_numpy.py).
- checkpoint: `kiln train --checkpoint` of checkpoint-model.mlir (the model
  fuzz-checkpoint resumes), after 1 and 2 epochs.
- model: the seed models and the model-format tests' models.
- onnx: a spread of Debian's ONNX backend node-test models (one per op
  type, the smallest of each, under 4 KB) and the importer's malformed models
  (test/onnx/Inputs/make_bad_models.py).
"""

import glob
import os
import shutil
import subprocess
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import safetensors_numpy  # noqa: E402


def corpus(name):
    path = os.path.join(HERE, "corpus", name)
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def main():
    kiln = sys.argv[1]
    rng = np.random.default_rng(0)

    out = corpus("npy")
    arrays = {
        "f32_2x3": rng.standard_normal((2, 3)).astype(np.float32),
        "f64_4": rng.standard_normal(4),
        "i64_scalar": np.array(7, dtype=np.int64),
        "i32_3x1x2": rng.integers(-5, 5, (3, 1, 2)).astype(np.int32),
        "u8_5": rng.integers(0, 255, 5).astype(np.uint8),
        "bool_2x2": rng.random((2, 2)) < 0.5,
        "f32_0x3": np.zeros((0, 3), np.float32),
        "f32_special": np.array([np.nan, np.inf, -np.inf, -0.0, 1e-40],
                                np.float32),
    }
    for name, array in arrays.items():
        np.save(os.path.join(out, name + ".npy"), array)
    np.save(os.path.join(out, "f32_fortran.npy"),
            np.asfortranarray(rng.standard_normal((2, 3)).astype(np.float32)))
    np.save(os.path.join(out, "f32_big_endian.npy"),
            np.arange(4, dtype=">f4"))

    out = corpus("safetensors")
    safetensors_numpy.write(os.path.join(out, "linear.safetensors"), {
        "weight": rng.standard_normal((3, 2)).astype(np.float32),
        "bias": np.zeros(3, np.float32)})
    safetensors_numpy.write(os.path.join(out, "mixed.safetensors"), {
        "a": np.arange(6, dtype=np.int64).reshape(2, 3),
        "b": np.array(True), "c": np.zeros((0, 4), np.float64),
        "d": np.arange(3, dtype=np.uint8), "e": np.arange(2, dtype=np.int32)})
    safetensors_numpy.write(os.path.join(out, "empty.safetensors"), {})

    out = corpus("checkpoint")
    with tempfile.TemporaryDirectory() as tmp:
        np.save(os.path.join(tmp, "x.npy"),
                rng.standard_normal((8, 2)).astype(np.float32))
        np.save(os.path.join(tmp, "y.npy"),
                rng.standard_normal((8, 1)).astype(np.float32))
        for epochs in (1, 2):
            subprocess.run([kiln, "train", os.path.join(HERE, "checkpoint-model.mlir"),
                            "--data", f"x={tmp}/x.npy", "--data", f"y={tmp}/y.npy",
                            "--optimizer", "adam", "--lr", "0.01",
                            "--epochs", str(epochs), "--save", f"{tmp}/params.safetensors",
                            "--checkpoint",
                            os.path.join(out, f"adam-epoch{epochs}.safetensors")],
                           check=True, stdout=subprocess.DEVNULL)
    shutil.copy(os.path.join(HERE, "corpus", "safetensors", "linear.safetensors"),
                out)

    out = corpus("model")
    for path in sorted(glob.glob(os.path.join(ROOT, "examples", "seeds", "*.mlir")) +
                       glob.glob(os.path.join(ROOT, "test", "model-format", "*.mlir"))):
        shutil.copy(path, out)
    shutil.copy(os.path.join(HERE, "checkpoint-model.mlir"), out)

    out = corpus("onnx")
    best = {}
    for path in glob.glob("/usr/share/libonnx-testdata/data/node/*/model.onnx"):
        test = os.path.basename(os.path.dirname(path))
        op = test[len("test_"):].split("_")[0]
        size = os.path.getsize(path)
        if size <= 4096 and (op not in best or size < best[op][0]):
            best[op] = (size, path, test)
    for op, (_, path, test) in sorted(best.items()):
        shutil.copy(path, os.path.join(out, test + ".onnx"))
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, os.path.join(
            ROOT, "test", "onnx", "Inputs", "make_bad_models.py"), tmp],
            check=True)
        for path in sorted(glob.glob(os.path.join(tmp, "*.onnx"))):
            shutil.copy(path, os.path.join(out, "bad_" + os.path.basename(path)))


if __name__ == "__main__":
    main()
