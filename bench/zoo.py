#!/usr/bin/python3
"""The real networks of the CPU benchmarks (issue 16): torchvision's
classifiers and a transformer block, built the same way by Debian's PyTorch
1.13 (which exports them) and by the PyTorch 2.x of bench/.venv (the peers),
with one set of weights.

  /usr/bin/python3 bench/zoo.py export NAME DIR [--batch N]

writes DIR/NAME.onnx (opset 14, static shapes), DIR/NAME.npz (the state
dict, which bench/peers.py loads into its own copy of the network) and
DIR/NAME.x.npy (a seeded input). `NAMES` lists the networks.
"""
import argparse
import os

import numpy as np
import torch

# Image networks at torchvision's 224x224; the transformer block on 128
# tokens of width 256 (4 heads, GELU MLP of 1024).
IMAGE = (3, 224, 224)
TOKENS, WIDTH, HEADS = 128, 256, 4


class TransformerBlock(torch.nn.Module):
    """A pre-norm GPT block: causal self-attention (qkv split with chunk)
    and a GELU MLP, each with a residual."""

    def __init__(self):
        super().__init__()
        self.norm1 = torch.nn.LayerNorm(WIDTH)
        self.qkv = torch.nn.Linear(WIDTH, 3 * WIDTH)
        self.proj = torch.nn.Linear(WIDTH, WIDTH)
        self.norm2 = torch.nn.LayerNorm(WIDTH)
        self.fc1 = torch.nn.Linear(WIDTH, 4 * WIDTH)
        self.fc2 = torch.nn.Linear(4 * WIDTH, WIDTH)
        mask = torch.triu(torch.full((TOKENS, TOKENS), float("-inf")), 1)
        self.register_buffer("mask", mask)

    def forward(self, x):
        b, t, c = x.shape
        q, k, v = self.qkv(self.norm1(x)).chunk(3, dim=-1)
        heads = lambda y: y.reshape(b, t, HEADS, c // HEADS).transpose(1, 2)
        q, k, v = heads(q), heads(k), heads(v)
        scores = q @ k.transpose(-2, -1) / (c // HEADS) ** 0.5 + self.mask
        y = (scores.softmax(-1) @ v).transpose(1, 2).reshape(b, t, c)
        x = x + self.proj(y)
        return x + self.fc2(torch.nn.functional.gelu(self.fc1(self.norm2(x))))


def torchvision_model(name):
    import torchvision
    return lambda: getattr(torchvision.models, name)()


NAMES = {
    "resnet18": (torchvision_model("resnet18"), IMAGE),
    "mobilenet_v2": (torchvision_model("mobilenet_v2"), IMAGE),
    "efficientnet_b0": (torchvision_model("efficientnet_b0"), IMAGE),
    "densenet121": (torchvision_model("densenet121"), IMAGE),
    "googlenet": (lambda: __import__("torchvision").models.googlenet(
        aux_logits=False, init_weights=True), IMAGE),
    "squeezenet1_1": (torchvision_model("squeezenet1_1"), IMAGE),
    "vit_b_16": (torchvision_model("vit_b_16"), IMAGE),
    "transformer_block": (TransformerBlock, (TOKENS, WIDTH)),
}


def build(name):
    """NAME's network in evaluation mode, and the shape of one sample."""
    make, sample = NAMES[name]
    torch.manual_seed(0)
    return make().eval(), sample


def load_weights(model, path):
    """Loads the state dict bench/zoo.py saved as .npz into `model`."""
    arrays = np.load(path)
    model.load_state_dict({k: torch.from_numpy(arrays[k]) for k in arrays.files})
    return model


def export(name, directory, batch):
    model, sample = build(name)
    torch.manual_seed(1)
    x = torch.rand(batch, *sample)
    os.makedirs(directory, exist_ok=True)
    prefix = os.path.join(directory, name)
    np.save(prefix + ".x.npy", x.numpy())
    np.savez(prefix + ".npz", **{k: v.numpy() for k, v in model.state_dict().items()})
    with torch.no_grad():
        torch.onnx.export(model, (x,), prefix + ".onnx", opset_version=14,
                          input_names=["x"], output_names=["y"],
                          do_constant_folding=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    exporting = sub.add_parser("export")
    exporting.add_argument("name", choices=sorted(NAMES))
    exporting.add_argument("directory")
    exporting.add_argument("--batch", type=int, default=1)
    args = parser.parse_args()
    export(args.name, args.directory, args.batch)


if __name__ == "__main__":
    main()
