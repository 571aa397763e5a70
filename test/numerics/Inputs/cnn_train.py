"""A small CNN trained by `kiln train` against the same training in PyTorch:
Conv2d(1, 4, 3, padding=1), BatchNorm2d(4) (training mode: batch
statistics), ReLU, MaxPool2d(2), Linear(64, 10), cross entropy, SGD with
lr 0.1, 3 epochs of 4 batches of 16, from the PyTorch module's initial
parameters (passed with --params). Every step's loss must agree within
rtol 1e-4: the forward and backward are a few hundred float32 roundings
per value, whose differences the 12 updates carry on (observed ~1e-7).
The running statistics are not compared: kiln train keeps no model state,
so the model passes constants and drops batch_norm's updated statistics.
Usage: cnn_train.py PATH/TO/BIN WORK_DIR."""

import os
import shutil
import subprocess
import sys

import numpy as np
import torch
import torch.nn as nn

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "..", "scripts"))
import safetensors_numpy  # noqa: E402

MODEL = """
func.func @cnn(
    %x: tensor<16x1x8x8xf32> {kiln.input = "x"},
    %w1: tensor<4x1x3x3xf32> {kiln.param = "conv.weight", kiln.init = "zeros"},
    %b1: tensor<4xf32> {kiln.param = "conv.bias", kiln.init = "zeros"},
    %g: tensor<4xf32> {kiln.param = "bn.weight", kiln.init = "ones"},
    %beta: tensor<4xf32> {kiln.param = "bn.bias", kiln.init = "zeros"},
    %w2: tensor<10x64xf32> {kiln.param = "fc.weight", kiln.init = "zeros"},
    %b2: tensor<10xf32> {kiln.param = "fc.bias", kiln.init = "zeros"})
    -> (tensor<16x10xf32> {kiln.output = "logits"}) {
  %c = kiln.conv %x, %w1, %b1 padding [1, 1] : (tensor<16x1x8x8xf32>, tensor<4x1x3x3xf32>, tensor<4xf32>) -> tensor<16x4x8x8xf32>
  %rm = kiln.zeros : tensor<4xf32>
  %rv = kiln.ones : tensor<4xf32>
  %n:3 = kiln.batch_norm %c, %rm, %rv weight %g bias %beta training : (tensor<16x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> (tensor<16x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>)
  %r = kiln.relu %n#0 : (tensor<16x4x8x8xf32>) -> tensor<16x4x8x8xf32>
  %p = kiln.max_pool %r kernel [2, 2] : (tensor<16x4x8x8xf32>) -> tensor<16x4x4x4xf32>
  %f = kiln.reshape %p [16, 64] : (tensor<16x4x4x4xf32>) -> tensor<16x64xf32>
  %y = kiln.linear %f, %w2, %b2 : (tensor<16x64xf32>, tensor<10x64xf32>, tensor<10xf32>) -> tensor<16x10xf32>
  return %y : tensor<16x10xf32>
}
"""


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 4, 3, padding=1)
        self.bn = nn.BatchNorm2d(4)
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(64, 10)

    def forward(self, x):
        return self.fc(self.pool(torch.relu(self.bn(self.conv(x)))).flatten(1))


def main():
    bin_dir, work = sys.argv[1], sys.argv[2]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    torch.manual_seed(0)
    net = Net()
    safetensors_numpy.write(
        os.path.join(work, "init.safetensors"),
        {k: v.detach().numpy().copy() for k, v in net.named_parameters()})
    rng = np.random.default_rng(0)
    x = rng.standard_normal((64, 1, 8, 8)).astype(np.float32)
    y = rng.integers(0, 10, 64).astype(np.int64)
    np.save(os.path.join(work, "x.npy"), x)
    np.save(os.path.join(work, "y.npy"), y)
    with open(os.path.join(work, "cnn.mlir"), "w") as f:
        f.write(MODEL)

    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    expected = []
    for _ in range(3):
        for i in range(0, 64, 16):
            loss = nn.functional.cross_entropy(
                net(torch.from_numpy(x[i:i + 16])), torch.from_numpy(y[i:i + 16]))
            opt.zero_grad()
            loss.backward()
            opt.step()
            expected.append(loss.item())

    log = os.path.join(work, "loss.csv")
    proc = subprocess.run(
        [os.path.join(bin_dir, "kiln"), "train", os.path.join(work, "cnn.mlir"),
         "--data", f"x={work}/x.npy", "--data", f"label={work}/y.npy",
         "--loss", "cross_entropy:logits,label", "--optimizer", "sgd",
         "--lr", "0.1", "--epochs", "3", "--params",
         os.path.join(work, "init.safetensors"), "--save",
         os.path.join(work, "out.safetensors"), "--log", log],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        sys.exit(f"FAIL: kiln train exited with {proc.returncode}:\n"
                 f"{proc.stderr}")
    with open(log) as f:
        actual = [float(line.split(",")[2]) for line in f.readlines()[1:]]
    if len(actual) != len(expected) or not np.allclose(
            actual, expected, rtol=1e-4, atol=0):
        sys.exit(f"FAIL: kiln losses {actual}\n  torch losses {expected}")
    print(f"PASS: {len(actual)} CNN train steps match torch "
          f"(max rel error "
          f"{max(abs(a - e) / abs(e) for a, e in zip(actual, expected)):.2g})")


main()
