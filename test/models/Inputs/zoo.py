"""The model-zoo suite (issue 15): each family of torchvision's classifiers
and transformer blocks written in PyTorch, built by Debian's PyTorch 1.13 and
torchvision 0.14 in a small configuration of the family's own classes (the
same blocks, fewer and narrower), with fixed seeds and no downloads, so that
CI runs every family. Exported with torch.onnx.export (opset 14, eval mode),
run by `kiln run`, compared with PyTorch.

    zoo.py export NAME DIR    DIR/model.onnx, DIR/x.npy (the input) and
                              DIR/torch-y.npy (PyTorch's output)
    zoo.py compare DIR        DIR/out/y.npy (kiln's) against torch-y.npy
    zoo.py train NAME DIR     DIR/model.onnx exported for training, the
                              data (x.npy, y.npy) and PyTorch's float32 and
                              float64 runs of SGD with momentum, which
                              test/onnx/Inputs/convnet_training.py compares
                              with kiln's
    zoo.py table KILN OUT.md  exports and runs every model and writes the
                              table of docs/models.md

Tolerance: |kiln - torch| <= RTOL * max|torch| + ATOL elementwise, RTOL 1e-5:
both compute in float32 with different summation orders (blocked
convolutions, split reductions), and over a deep network that differs by a
few ulp of the largest activations; measured 1e-7 to 2e-6 relative. ONNX's
own real-model tests allow 1e-3.
Run it with the python that imports torch (/usr/bin/python3 on Debian).
"""

import json
import os
import subprocess
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torchvision import models as tv

RTOL, ATOL = 1e-5, 1e-7
BATCH = 2


def resnet():
    return tv.resnet.ResNet(tv.resnet.BasicBlock, [1, 1, 1, 1], num_classes=10)


def resnet_bottleneck():
    return tv.resnet.ResNet(tv.resnet.Bottleneck, [1, 1, 1, 1], num_classes=10,
                            width_per_group=16)


def mobilenet_v2():
    setting = [[1, 8, 1, 1], [6, 16, 2, 2], [6, 24, 1, 2]]
    return tv.mobilenetv2.MobileNetV2(num_classes=10,
                                      inverted_residual_setting=setting)


def mobilenet_v3():
    conf = tv.mobilenetv3.InvertedResidualConfig
    setting = [conf(16, 3, 16, 16, True, "RE", 2, 1, 1.0),
               conf(16, 3, 48, 24, False, "HS", 2, 1, 1.0),
               conf(24, 5, 72, 24, True, "HS", 1, 1, 1.0)]
    return tv.mobilenetv3.MobileNetV3(setting, last_channel=64, num_classes=10)


def efficientnet():
    conf = tv.efficientnet.MBConvConfig
    setting = [conf(1, 3, 1, 16, 8, 1), conf(4, 3, 2, 8, 16, 2),
               conf(4, 5, 2, 16, 24, 1)]
    return tv.efficientnet.EfficientNet(setting, dropout=0.2, num_classes=10,
                                        last_channel=64)


def densenet():
    return tv.densenet.DenseNet(growth_rate=8, block_config=(2, 2),
                                num_init_features=16, num_classes=10)


def googlenet():
    # GoogLeNet has no smaller configuration: the full network.
    return tv.googlenet(num_classes=10, aux_logits=False, init_weights=True)


def inception_v3():
    # Nor has Inception v3; 75x75 is the smallest input it takes.
    return tv.inception_v3(num_classes=10, aux_logits=False, init_weights=True)


def shufflenet_v2():
    return tv.shufflenetv2.ShuffleNetV2([1, 1, 1], [8, 16, 32, 64, 128],
                                        num_classes=10)


def squeezenet():
    return tv.squeezenet1_1(num_classes=10)


class VggStyle(nn.Module):
    """torchvision's VGG features (make_layers, with batch norm); its
    classifier is fixed at 25088x4096 weights, so a small one replaces it."""

    def __init__(self):
        super().__init__()
        self.features = tv.vgg.make_layers([8, "M", 16, 16, "M", 32, "M"],
                                           batch_norm=True)
        self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(32 * 4 * 4, 32),
                                        nn.ReLU(), nn.Linear(32, 10))

    def forward(self, x):
        return self.classifier(self.features(x))


def regnet():
    params = tv.regnet.BlockParams.from_init_params(
        depth=4, w_0=16, w_a=8.0, w_m=2.0, group_width=8)
    return tv.regnet.RegNet(params, num_classes=10)


def convnext():
    conf = tv.convnext.CNBlockConfig
    return tv.convnext.ConvNeXt([conf(16, 32, 1), conf(32, None, 1)],
                                num_classes=10)


def vit():
    return tv.vision_transformer.VisionTransformer(
        image_size=32, patch_size=8, num_layers=2, num_heads=2, hidden_dim=32,
        mlp_dim=64, num_classes=10)


def swin():
    return tv.swin_transformer.SwinTransformer(
        patch_size=[2, 2], embed_dim=16, depths=[2, 2], num_heads=[2, 2],
        window_size=[4, 4], num_classes=10)


class TinyGpt(nn.Module):
    """A decoder-only language model: token embeddings, learned positions,
    pre-norm blocks of causal self-attention (q, k and v split with chunk)
    and a GELU MLP, a final LayerNorm and a head over the vocabulary."""

    def __init__(self, vocab=32, seq=8, width=32, heads=2, layers=2):
        super().__init__()
        self.heads = heads
        self.tokens = nn.Embedding(vocab, width)
        self.positions = nn.Parameter(torch.randn(seq, width) * 0.02)
        self.blocks = nn.ModuleList(
            nn.ModuleDict(dict(norm1=nn.LayerNorm(width),
                               qkv=nn.Linear(width, 3 * width),
                               proj=nn.Linear(width, width),
                               norm2=nn.LayerNorm(width),
                               fc1=nn.Linear(width, 4 * width),
                               fc2=nn.Linear(4 * width, width)))
            for _ in range(layers))
        self.norm = nn.LayerNorm(width)
        self.head = nn.Linear(width, vocab)
        mask = torch.triu(torch.full((seq, seq), float("-inf")), 1)
        self.register_buffer("mask", mask)

    def forward(self, ids):
        x = self.tokens(ids) + self.positions
        b, t, c = x.shape
        split = lambda y: y.reshape(b, t, self.heads, c // self.heads).transpose(1, 2)
        for block in self.blocks:
            q, k, v = block["qkv"](block["norm1"](x)).chunk(3, dim=-1)
            q, k, v = split(q), split(k), split(v)
            scores = q @ k.transpose(-2, -1) / (c // self.heads) ** 0.5
            y = (scores + self.mask).softmax(-1) @ v
            x = x + block["proj"](y.transpose(1, 2).reshape(b, t, c))
            x = x + block["fc2"](F.gelu(block["fc1"](block["norm2"](x))))
        return self.head(self.norm(x))


def tiny_gpt_input(generator):
    return torch.randint(0, 32, (BATCH, 8), generator=generator)


def image(size):
    return lambda generator: torch.randn(BATCH, 3, size, size,
                                         generator=generator)


# name: (constructor, input maker, what it is)
MODELS = {
    "resnet": (resnet, image(32), "ResNet, BasicBlock [1, 1, 1, 1]"),
    "resnet-bottleneck": (resnet_bottleneck, image(32),
                          "ResNet, Bottleneck [1, 1, 1, 1], width 16"),
    "mobilenet-v2": (mobilenet_v2, image(32), "MobileNetV2, 3 stages"),
    "mobilenet-v3": (mobilenet_v3, image(32),
                     "MobileNetV3, 3 blocks (SE, ReLU, Hardswish)"),
    "efficientnet": (efficientnet, image(32),
                     "EfficientNet, 3 MBConv stages (SE, SiLU)"),
    "densenet": (densenet, image(32), "DenseNet, growth 8, blocks (2, 2)"),
    "googlenet": (googlenet, image(64), "GoogLeNet, full"),
    "inception-v3": (inception_v3, image(75), "Inception v3, full"),
    "shufflenet-v2": (shufflenet_v2, image(32),
                      "ShuffleNetV2, repeats [1, 1, 1]"),
    "squeezenet": (squeezenet, image(32), "SqueezeNet 1.1, full"),
    "vgg": (VggStyle, image(32), "VGG features with batch norm"),
    "regnet": (regnet, image(32), "RegNet, depth 4, group width 8"),
    "convnext": (convnext, image(32), "ConvNeXt, 2 stages"),
    "vit": (vit, image(32), "VisionTransformer, 2 layers, patch 8"),
    "swin": (swin, image(32), "SwinTransformer, depths [2, 2], window 4"),
    "tiny-gpt": (TinyGpt, tiny_gpt_input,
                 "causal self-attention LM, embeddings, learned positions"),
}


class LanguageModelLoss(nn.Module):
    """TinyGpt with its logits as (batch, vocab, seq): the layout of a
    K-dimensional cross-entropy over every position, as language models
    call F.cross_entropy."""

    def __init__(self):
        super().__init__()
        self.gpt = TinyGpt()

    def forward(self, ids):
        return self.gpt(ids).transpose(1, 2)


# The models trained step by step (zoo.py train), and their targets' maker.
TRAINED = {
    "tiny-gpt": (LanguageModelLoss,
                 lambda g, n: torch.randint(0, 32, (n, 8), generator=g),
                 lambda g, n: torch.randint(0, 32, (n, 8), generator=g)),
    "resnet": (resnet,
               lambda g, n: torch.randn(n, 3, 32, 32, generator=g),
               lambda g, n: torch.randint(0, 10, (n,), generator=g)),
}
# convnet_training.py's optimizer whose options the .test files give kiln.
TRAIN_OPTIMIZER = "sgd"


def build(name):
    """The model in eval mode with seeded weights. torchvision zeroes some
    heads (ViT's): those get small random values, so the output depends on
    every layer."""
    make, make_input, _ = MODELS[name]
    torch.manual_seed(0)
    model = make().eval()
    with torch.no_grad():
        for p in model.parameters():
            if not p.any():
                p.normal_(0.0, 0.02)
    return model, make_input(torch.Generator().manual_seed(1))


def export(name, out):
    os.makedirs(out, exist_ok=True)
    model, x = build(name)
    with torch.no_grad():
        y = model(x)
    if float(y.std()) == 0.0:
        sys.exit(f"{name}: PyTorch's output is constant; the test would "
                 "check nothing")
    np.save(os.path.join(out, "x.npy"), x.numpy())
    np.save(os.path.join(out, "torch-y.npy"), y.numpy())
    torch.onnx.export(model, (x,), os.path.join(out, "model.onnx"),
                      input_names=["x"], output_names=["y"], opset_version=14)


def train(name, out):
    """Exports NAME in training mode (batch norms normalize with the
    batch's statistics and update their running ones) and trains it with
    PyTorch in float32 and float64 as test/onnx's training-equivalence test
    does (convnet_training.py: its batches, epochs and optimizers), writing
    the files its `compare` reads."""
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                    "..", "..", "onnx", "Inputs"))
    import convnet_training as equivalence
    os.makedirs(out, exist_ok=True)
    make, make_x, make_y = TRAINED[name]
    torch.manual_seed(0)
    model = make().train()
    g = torch.Generator().manual_seed(1)
    count = equivalence.BATCH * equivalence.STEPS_PER_EPOCH
    x, y = make_x(g, count), make_y(g, count)
    np.save(os.path.join(out, "x.npy"), x.numpy())
    np.save(os.path.join(out, "y.npy"), y.numpy())
    torch.onnx.export(model, (x[:equivalence.BATCH],),
                      os.path.join(out, "model.onnx"), input_names=["x"],
                      output_names=["logits"], opset_version=14,
                      training=torch.onnx.TrainingMode.TRAINING,
                      do_constant_folding=False)
    # The export ran the model once, moving the batch norms' running
    # statistics; the file holds them as moved, and training starts there.
    initial = {k: v.detach().clone() for k, v in model.state_dict().items()}
    for dtype, suffix in [(torch.float32, "f32"), (torch.float64, "f64")]:
        model.load_state_dict(initial)
        losses, params = equivalence.train(model, x, y, TRAIN_OPTIMIZER,
                                           dtype, 1.0)
        base = os.path.join(out, f"torch-{TRAIN_OPTIMIZER}-{suffix}")
        np.save(base + "-loss.npy", np.array(losses))
        equivalence.safetensors_numpy.write(base + ".safetensors", params)


def error(out):
    """Kiln's largest error relative to PyTorch's largest output."""
    theirs = np.load(os.path.join(out, "torch-y.npy")).astype(np.float64)
    ours = np.load(os.path.join(out, "out", "y.npy")).astype(np.float64)
    if ours.shape != theirs.shape:
        sys.exit(f"FAIL: kiln's output is {ours.shape}, PyTorch's {theirs.shape}")
    scale = np.max(np.abs(theirs))
    worst = np.max(np.abs(ours - theirs))
    ok = np.all(np.abs(ours - theirs) <= RTOL * scale + ATOL)
    return ok, worst / scale


def compare(out):
    ok, relative = error(out)
    print(f"{'ok' if ok else 'FAIL'}: max |kiln - torch| / max |torch| "
          f"{relative:.3g} (bound {RTOL:g})")
    if not ok:
        sys.exit(1)


def table(kiln, path):
    """Every model through `kiln run` (checked against PyTorch) and `kiln
    bench` (import and compile time, median latency), into the Markdown
    table of docs/models.md."""
    rows = []
    for name, (_, _, what) in MODELS.items():
        out = os.path.join(os.path.dirname(os.path.abspath(path)),
                           "zoo-" + name)
        export(name, out)
        model, inputs = os.path.join(out, "model.onnx"), f"x={out}/x.npy"
        run = subprocess.run([kiln, "run", model, "--input", inputs,
                              "--output-dir", os.path.join(out, "out")],
                             capture_output=True, text=True)
        if run.returncode:
            rows.append(f"| {name} | {what} | fails: "
                        f"{run.stderr.strip().splitlines()[-1]} | | | |")
            continue
        ok, relative = error(out)
        bench = json.loads(subprocess.run(
            [kiln, "bench", model, "--input", inputs, "--runs", "10",
             "--warmup", "2", "--json"], capture_output=True, text=True,
            check=True).stdout)
        trained = f"`train-{name}.test`" if name in TRAINED else ""
        rows.append(f"| {name} | {what} | {relative:.2g}"
                    f"{'' if ok else ' (over the bound)'} | "
                    f"{bench['compile_s']:.2f} | {bench['median_ms']:.2f} | "
                    f"{trained} |")
    with open(path, "w") as file:
        file.write("| model | configuration | max error / max output | "
                   "import + compile (s) | run, median (ms) | trained step by "
                   "step |\n| --- | --- | ---: | ---: | ---: | --- |\n")
        file.write("\n".join(rows) + "\n")


def main():
    command = sys.argv[1]
    if command == "export":
        export(sys.argv[2], sys.argv[3])
    elif command == "compare":
        compare(sys.argv[2])
    elif command == "train":
        train(sys.argv[2], sys.argv[3])
    elif command == "table":
        table(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
