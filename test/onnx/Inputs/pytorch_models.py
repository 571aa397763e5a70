"""PyTorch models exported with torch.onnx.export for Kiln's round-trip
tests: the seeds' networks, an MLP with log-softmax, a small CNN, and
networks whose exports compute shapes (an attention block that splits its
projection with `chunk`, torchvision's ShuffleNet v2 and a small
VisionTransformer, randomly initialized).

    pytorch_models.py export NAME OUT_DIR [OPSET]
        writes OUT_DIR/NAME.onnx (opset 14 unless given), each input as
        OUT_DIR/<input>.npy and PyTorch's output as OUT_DIR/torch-<output>.npy.
    pytorch_models.py compare OUT_DIR KILN_OUTPUT_DIR RTOL ATOL
        compares every torch-<output>.npy with kiln run's <output>.npy.
    pytorch_models.py train NAME OUT_DIR [dynamic]
        exports NAME untrained (with `dynamic`, its batch dimension symbolic:
        dynamic_axes={"x": {0: "batch"}}), writes its training data (x.npy,
        y.npy) and trains it in PyTorch (torch-loss.csv,
        torch-params.safetensors) as `kiln train NAME.onnx --loss nll:logp,y`
        does, in batches of 16.

Run it with the python that imports torch (/usr/bin/python3 on Debian).
"""

import os
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "..", "scripts"))
import safetensors_numpy  # noqa: E402


class SingleNeuron(nn.Module):
    """Seed 000/003: sigmoid(sum(features * weights) + bias), seed 7."""

    def __init__(self):
        super().__init__()
        torch.manual_seed(7)
        self.features = torch.randn((1, 5))
        self.weights = nn.Parameter(torch.randn_like(self.features))
        self.bias = nn.Parameter(torch.randn((1, 1)))

    def forward(self, features):
        return torch.sigmoid(torch.sum(features * self.weights) + self.bias)

    def example(self):
        return {"features": self.features}


class TwoLayer(nn.Module):
    """Seed 000/003: two sigmoid layers from torch.manual_seed(7)."""

    def __init__(self):
        super().__init__()
        torch.manual_seed(7)
        self.features = torch.randn((1, 3))
        self.W1 = nn.Parameter(torch.randn(3, 2))
        self.W2 = nn.Parameter(torch.randn(2, 1))
        self.B1 = nn.Parameter(torch.randn((1, 2)))
        self.B2 = nn.Parameter(torch.randn((1, 1)))

    def forward(self, features):
        hidden = torch.sigmoid(torch.mm(features, self.W1) + self.B1)
        return torch.sigmoid(torch.mm(hidden, self.W2) + self.B2)

    def example(self):
        return {"features": self.features}


class FullyConnected(nn.Module):
    """Seed 004: relu(x @ Wh + bh) @ Wo + bo from torch.manual_seed(42)."""

    def __init__(self):
        super().__init__()
        torch.manual_seed(42)
        self.Wh = nn.Parameter(torch.randn(3, 4))
        self.bh = nn.Parameter(torch.randn(4))
        self.Wo = nn.Parameter(torch.randn(4, 2))
        self.bo = nn.Parameter(torch.randn(2))

    def forward(self, x):
        return torch.relu(x @ self.Wh + self.bh) @ self.Wo + self.bo

    def example(self):
        return {"x": torch.arange(1.0, 16.0).reshape(5, 3)}


class Mlp(nn.Module):
    """Linear, ReLU, Linear, log-softmax: a classifier over 3 classes."""

    def __init__(self):
        super().__init__()
        torch.manual_seed(0)
        self.fc1 = nn.Linear(4, 16)
        self.fc2 = nn.Linear(16, 3)

    def forward(self, x):
        return F.log_softmax(self.fc2(torch.relu(self.fc1(x))), dim=1)

    def example(self):
        return {"x": torch.randn(16, 4)}


class Cnn(nn.Module):
    """Conv, batch norm, ReLU, max pool, linear, log-softmax on 8x8 images."""

    def __init__(self):
        super().__init__()
        torch.manual_seed(0)
        self.conv = nn.Conv2d(1, 4, 3, padding=1)
        self.bn = nn.BatchNorm2d(4)
        self.fc = nn.Linear(4 * 4 * 4, 3)
        # Running statistics that are not the defaults, so inference
        # exercises them.
        self.bn.running_mean.uniform_(-0.5, 0.5)
        self.bn.running_var.uniform_(0.5, 1.5)

    def forward(self, x):
        x = F.max_pool2d(torch.relu(self.bn(self.conv(x))), 2)
        return F.log_softmax(self.fc(torch.flatten(x, 1)), dim=1)

    def example(self):
        return {"x": torch.randn(16, 1, 8, 8)}


class Attention(nn.Module):
    """Causal self-attention as GPT-style code writes it: one projection
    split into q, k, v with `chunk`, whose export computes the split points
    from the projection's shape (Shape, Gather, Add, Div, Mul, Slice)."""

    def __init__(self, dim=16, heads=2):
        super().__init__()
        torch.manual_seed(3)
        self.heads = heads
        self.qkv = nn.Linear(dim, 3 * dim)
        self.proj = nn.Linear(dim, dim)
        self.register_buffer("mask", torch.tril(torch.ones(8, 8)).bool())

    def forward(self, x):
        b, t, c = x.shape
        q, k, v = self.qkv(x).chunk(3, dim=-1)
        q, k, v = (z.view(b, t, self.heads, c // self.heads).transpose(1, 2)
                   for z in (q, k, v))
        att = q @ k.transpose(-2, -1) / (c // self.heads) ** 0.5
        att = att.masked_fill(~self.mask[:t, :t], float("-inf")).softmax(-1)
        return self.proj((att @ v).transpose(1, 2).reshape(b, t, c))

    def example(self):
        return {"x": torch.randn(2, 6, 16)}


class ShuffleNet(nn.Module):
    """torchvision's shufflenet_v2_x0_5 (10 classes): its channel split is
    a Slice at half the channels, computed from Shape."""

    def __init__(self):
        super().__init__()
        import torchvision
        torch.manual_seed(4)
        self.net = torchvision.models.shufflenet_v2_x0_5(num_classes=10)

    def forward(self, x):
        return self.net(x)

    def example(self):
        return {"x": torch.randn(2, 3, 64, 64)}


class ViT(nn.Module):
    """torchvision's VisionTransformer at 32x32 with 8x8 patches: the class
    token is expanded to the batch through a shape computed with Where."""

    def __init__(self):
        super().__init__()
        import torchvision
        torch.manual_seed(5)
        self.net = torchvision.models.VisionTransformer(
            image_size=32, patch_size=8, num_layers=2, num_heads=2,
            hidden_dim=32, mlp_dim=64, num_classes=10)
        # torchvision zeroes the head, which would make every output 0.
        nn.init.normal_(self.net.heads.head.weight, std=0.1)

    def forward(self, x):
        return self.net(x)

    def example(self):
        return {"x": torch.randn(2, 3, 32, 32)}


MODELS = {"single_neuron": SingleNeuron, "two_layer": TwoLayer,
          "fully_connected": FullyConnected, "mlp": Mlp, "cnn": Cnn,
          "attention": Attention, "shufflenet": ShuffleNet, "vit": ViT}


def export(name, out, training=False, opset=14, dynamic=False):
    """Exports model `name` for inference (eval mode: the exporter folds a
    batch norm into the convolution before it) or, with `training`, in
    training mode (batch norms normalize with batch statistics); returns the
    model, in that mode, and its example."""
    model = MODELS[name]().train(training)
    example = model.example()
    os.makedirs(out, exist_ok=True)
    mode = torch.onnx.TrainingMode.TRAINING if training else \
        torch.onnx.TrainingMode.EVAL
    output = "logp" if name in ("mlp", "cnn") else "output"
    torch.onnx.export(model, tuple(example.values()),
                      os.path.join(out, f"{name}.onnx"),
                      input_names=list(example), output_names=[output],
                      opset_version=opset, training=mode,
                      dynamic_axes={next(iter(example)): {0: "batch"}}
                      if dynamic else None,
                      do_constant_folding=not training)
    return model, example


def export_command(name, out, opset):
    model, example = export(name, out, opset=opset)
    for key, value in example.items():
        np.save(os.path.join(out, f"{key}.npy"), value.numpy())
    with torch.no_grad():
        result = model(*example.values())
    output = "logp" if name in ("mlp", "cnn") else "output"
    np.save(os.path.join(out, f"torch-{output}.npy"), result.numpy())


def compare_command(out, kiln_dir, rtol, atol):
    for file in sorted(os.listdir(out)):
        if not (file.startswith("torch-") and file.endswith(".npy")):
            continue
        theirs = np.load(os.path.join(out, file)).astype(np.float64)
        ours = np.load(os.path.join(kiln_dir, file[len("torch-"):]))
        ours = ours.astype(np.float64)
        if ours.shape != theirs.shape or not np.all(
                np.abs(ours - theirs) <= atol + rtol * np.abs(theirs)):
            sys.exit(f"FAIL {file}: kiln {ours.tolist()}, torch "
                     f"{theirs.tolist()}")
        worst = np.max(np.abs(ours - theirs))
        print(f"{file[len('torch-'):-4]} agrees, max |difference| {worst:.3g}")


def train_command(name, out, dynamic):
    """Four batches of 16 in order, 5 epochs, SGD with momentum on NLL."""
    model, _ = export(name, out, training=True, dynamic=dynamic)
    generator = torch.Generator().manual_seed(1)
    shape = {"mlp": (64, 4), "cnn": (64, 1, 8, 8)}[name]
    x = torch.randn(shape, generator=generator)
    y = torch.randint(0, 3, (64,), generator=generator)
    np.save(os.path.join(out, "x.npy"), x.numpy())
    np.save(os.path.join(out, "y.npy"), y.numpy())
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    step = 0
    with open(os.path.join(out, "torch-loss.csv"), "w") as log:
        log.write("epoch,step,loss\n")
        for epoch in range(1, 6):
            for i in range(0, 64, 16):
                opt.zero_grad()
                loss = F.nll_loss(model(x[i:i + 16]), y[i:i + 16])
                loss.backward()
                opt.step()
                step += 1
                log.write(f"{epoch},{step},{loss.item()!r}\n")
    # The parameters and the batch norms' running statistics: the float
    # entries of the state_dict (num_batches_tracked is not exported).
    safetensors_numpy.write(
        os.path.join(out, "torch-params.safetensors"),
        {k: v.detach().numpy() for k, v in model.state_dict().items()
         if v.is_floating_point()})


def main():
    command = sys.argv[1]
    if command == "export":
        export_command(sys.argv[2], sys.argv[3],
                       int(sys.argv[4]) if len(sys.argv) > 4 else 14)
    elif command == "compare":
        compare_command(sys.argv[2], sys.argv[3], float(sys.argv[4]),
                        float(sys.argv[5]))
    elif command == "train":
        train_command(sys.argv[2], sys.argv[3],
                      len(sys.argv) > 4 and sys.argv[4] == "dynamic")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
