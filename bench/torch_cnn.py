#!/usr/bin/env python3
"""PyTorch side of Muonscope's CNN benchmark.

Trains the same network as `muonscope cnn` on the same data in the same batch order, on the CPU, and prints one
line of `key=value` pairs (images/s of the training steps only, test accuracy). `muonscope bench --torch` runs
this script right after each of its own CNN epochs, so both figures come from the same minutes.

    python3 bench/torch_cnn.py --optimizer sgd                  # paper CNN, Fashion-MNIST, 1 epoch, batch 128
    python3 bench/torch_cnn.py --optimizer muon --train-images 20000
    python3 bench/torch_cnn.py --optimizer adam --model resnet20 --data cifar10:/data/cifar-10-batches-bin

Optimizers match Muonscope's defaults: sgd = SGD lr 0.05 momentum 0.9; adam = Adam lr 1e-3; muon = lr 0.02,
momentum 0.95, Nesterov, five quintic Newton-Schulz steps in float32, update scaled by sqrt(max(1, rows/cols));
like the reference muon.py (and the engine) only hidden weight matrices are orthogonalized: the first layer,
the classifier head, biases and batch-norm parameters take Adam (lr 1e-3).
"""
import argparse
import gzip
import os
import struct
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

FASHION = "/usr/share/datasets/fashion-mnist"


# ---------------------------------------------------------------------------------------------------- data

def read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        raw = f.read()
    dims = raw[3]
    shape = struct.unpack(">" + "I" * dims, raw[4:4 + 4 * dims])
    return np.frombuffer(raw, np.uint8, offset=4 + 4 * dims).reshape(shape)


def find(folder, base):
    for name in (base + ".gz", base):
        if os.path.exists(os.path.join(folder, name)):
            return os.path.join(folder, name)
    sys.exit(f"torch_cnn.py: {folder} has no {base}[.gz]")


def load_idx(folder):
    xs = [read_idx(find(folder, n)) for n in ("train-images-idx3-ubyte", "t10k-images-idx3-ubyte")]
    ys = [read_idx(find(folder, n)) for n in ("train-labels-idx1-ubyte", "t10k-labels-idx1-ubyte")]
    return [(x.reshape(len(x), 1, x.shape[1], x.shape[2]), y) for x, y in zip(xs, ys)], 10


def load_cifar(folder, fine):
    """CIFAR binary batches: CIFAR-10 records are label + 3072 pixels, CIFAR-100 records coarse + fine + 3072."""
    head = 2 if fine else 1
    files = (["train.bin"], ["test.bin"]) if fine else (
        [f"data_batch_{i}.bin" for i in range(1, 6)], ["test_batch.bin"])
    out = []
    for names in files:
        raw = b"".join(open(os.path.join(folder, n), "rb").read() for n in names)
        rec = np.frombuffer(raw, np.uint8).reshape(-1, head + 3072)
        out.append((rec[:, head:].reshape(-1, 3, 32, 32), rec[:, head - 1].astype(np.int64)))
    return out, 100 if fine else 10


def load(spec):
    if spec in ("auto", "fashion-mnist"):
        return load_idx(FASHION)
    if spec.startswith("cifar100:"):
        return load_cifar(spec[9:], True)
    if spec.startswith("cifar:") or spec.startswith("cifar10:"):
        return load_cifar(spec.split(":", 1)[1], False)
    return load_idx(spec)


# ------------------------------------------------------------------------- Muonscope's batch order, exactly

MASK48 = (1 << 48) - 1


class JavaRandom:
    """java.util.Random's 48-bit linear congruential generator, enough of it for nextInt(bound)."""

    def __init__(self, seed):
        self.state = (seed ^ 0x5DEECE66D) & MASK48

    def next31(self):
        self.state = (self.state * 0x5DEECE66D + 0xB) & MASK48
        return self.state >> 17

    def next_int(self, bound):
        if bound & (bound - 1) == 0:
            return (bound * self.next31()) >> 31
        while True:
            bits = self.next31()
            val = bits % bound
            if bits - val + (bound - 1) < (1 << 31):  # Java rejects the draws whose int sum overflows
                return val


def epoch_order(n, seed, epoch):
    """Muonscope's Batches.order: a Fisher-Yates shuffle seeded by seed * 0x9E3779B97F4A7C15 + epoch (as a long)."""
    s = (seed * 0x9E3779B97F4A7C15 + epoch) & ((1 << 64) - 1)
    rnd = JavaRandom(s)
    idx = list(range(n))
    for i in range(n - 1, 0, -1):
        j = rnd.next_int(i + 1)
        idx[i], idx[j] = idx[j], idx[i]
    return torch.tensor(idx)


# ------------------------------------------------------------------------------------------------ networks

class PaperCnn(nn.Module):
    """Conv 3x3 32, ReLU, max-pool 2, conv 3x3 64, ReLU, dense 128, ReLU, dense; no padding, one pool."""

    def __init__(self, channels, side, classes):
        super().__init__()
        self.conv1 = nn.Conv2d(channels, 32, 3)
        self.conv2 = nn.Conv2d(32, 64, 3)
        flat = 64 * ((side - 2) // 2 - 2) ** 2
        self.fc1 = nn.Linear(flat, 128)
        self.fc2 = nn.Linear(128, classes)
        self.first, self.head = self.conv1, self.fc2

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.relu(self.conv2(x)).flatten(1)
        return self.fc2(F.relu(self.fc1(x)))


class Block(nn.Module):
    """Basic residual block; a shortcut that changes shape subsamples and pads channels with zeros (option A)."""

    def __init__(self, cin, cout, stride):
        super().__init__()
        self.c1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.b1 = nn.BatchNorm2d(cout)
        self.c2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.b2 = nn.BatchNorm2d(cout)
        self.stride, self.extra = stride, cout - cin

    def forward(self, x):
        out = self.b2(self.c2(F.relu(self.b1(self.c1(x)))))
        short = x[:, :, ::self.stride, ::self.stride] if self.stride > 1 else x
        if self.extra:
            short = F.pad(short, (0, 0, 0, 0, self.extra // 2, self.extra - self.extra // 2))
        return F.relu(out + short)


class ResNet20(nn.Module):
    def __init__(self, channels, classes):
        super().__init__()
        self.conv = nn.Conv2d(channels, 16, 3, 1, 1, bias=False)
        self.bn = nn.BatchNorm2d(16)
        blocks, cin = [], 16
        for cout, stride in ((16, 1), (32, 2), (64, 2)):
            for b in range(3):
                blocks.append(Block(cin, cout, stride if b == 0 else 1))
                cin = cout
        self.blocks = nn.Sequential(*blocks)
        self.fc = nn.Linear(64, classes)
        self.first, self.head = self.conv, self.fc

    def forward(self, x):
        x = self.blocks(F.relu(self.bn(self.conv(x))))
        return self.fc(x.mean((2, 3)))


# ---------------------------------------------------------------------------------------------- optimizers

def newton_schulz(g, steps=5):
    a, b, c = 3.4445, -4.7750, 2.0315
    x = g.float()
    tall = x.size(0) > x.size(1)
    if tall:
        x = x.t()
    x = x / (x.norm() + 1e-7)
    for _ in range(steps):
        gram = x @ x.t()
        x = a * x + (b * gram + c * gram @ gram) @ x
    return x.t() if tall else x


class Muon(torch.optim.Optimizer):
    def __init__(self, params, lr=0.02, momentum=0.95):
        super().__init__(params, dict(lr=lr, momentum=momentum))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            beta = group["momentum"]
            for p in group["params"]:
                buf = self.state[p].setdefault("m", torch.zeros_like(p))
                buf.lerp_(p.grad, 1 - beta)
                update = p.grad.lerp(buf, beta).reshape(p.size(0), -1)   # Nesterov look-ahead
                scale = max(1.0, update.size(0) / update.size(1)) ** 0.5
                p.add_(newton_schulz(update).view_as(p), alpha=-group["lr"] * scale)


def optimizers(kind, net):
    if kind == "sgd":
        return [torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)]
    if kind == "adam":
        return [torch.optim.Adam(net.parameters(), lr=1e-3)]
    edges = {id(net.first.weight), id(net.head.weight)}
    hidden = [p for p in net.parameters() if p.ndim >= 2 and id(p) not in edges]
    hidden_ids = {id(p) for p in hidden}
    rest = [p for p in net.parameters() if id(p) not in hidden_ids]
    return [Muon(hidden), torch.optim.Adam(rest, lr=1e-3)]


# ---------------------------------------------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--optimizer", choices=("sgd", "adam", "muon"), required=True)
    ap.add_argument("--model", choices=("paper-cnn", "resnet20"), default="paper-cnn")
    ap.add_argument("--data", default="auto", help="auto (Debian's Fashion-MNIST), an IDX folder, cifar:DIR, cifar100:DIR")
    ap.add_argument("--train-images", type=int, default=0, help="first N training images (0: all)")
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument("--batch", type=int, default=128)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-eval", action="store_true", help="skip the test-set accuracy")
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    (train, test), classes = load(args.data)
    (xtr, ytr), (xte, yte) = train, test
    if args.train_images:
        xtr, ytr = xtr[:args.train_images], ytr[:args.train_images]
    xtr = torch.tensor(xtr, dtype=torch.float32) / 255
    ytr = torch.tensor(ytr, dtype=torch.long)
    xte = torch.tensor(xte, dtype=torch.float32) / 255
    yte = torch.tensor(yte, dtype=torch.long)
    net = PaperCnn(xtr.shape[1], xtr.shape[2], classes) if args.model == "paper-cnn" else ResNet20(xtr.shape[1], classes)
    opts = optimizers(args.optimizer, net)

    n, seen, train_seconds = len(xtr), 0, 0.0
    for epoch in range(args.epochs):
        order = epoch_order(n, args.seed, epoch)   # outside the timed loop, as in Muonscope
        net.train()
        start = time.perf_counter()
        for i in range(0, n, args.batch):
            idx = order[i:i + args.batch]
            loss = F.cross_entropy(net(xtr[idx]), ytr[idx])
            for o in opts:
                o.zero_grad()
            loss.backward()
            for o in opts:
                o.step()
            seen += len(idx)
        train_seconds += time.perf_counter() - start
    acc = float("nan")
    if not args.no_eval:
        net.eval()
        with torch.no_grad():
            right = sum((net(xte[i:i + 1000]).argmax(1) == yte[i:i + 1000]).sum().item() for i in range(0, len(xte), 1000))
        acc = right / len(xte)
    print(f"optimizer={args.optimizer} model={args.model} images={seen} train_seconds={train_seconds:.2f} "
          f"images_per_s={seen / train_seconds:.1f} test_acc={acc:.4f} torch={torch.__version__} threads={args.threads}")


if __name__ == "__main__":
    main()
