"""PyTorch's numbers for kiln-gpu-smoke's measurements, on the same GPU in
the same run (scripts/gpu-check.sh): device copy bandwidth and the pointwise
chain tanh(x * w + b) over 64 Mi floats, eager and under torch.compile, as
GB/s counting each tensor read or written once."""

import time

import torch


def median_seconds(body, runs=20):
    body()
    torch.cuda.synchronize()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        body()
        torch.cuda.synchronize()
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def main():
    if not torch.cuda.is_available():
        raise SystemExit("torch: no CUDA device")
    n = 64 << 20
    x, w, b, y = (torch.full((n,), 0.5, device="cuda") for _ in range(4))
    nbytes = n * 4
    print("device:", torch.cuda.get_device_name())
    copy = 2 * nbytes / median_seconds(lambda: y.copy_(x)) / 1e9
    print(f"torch copy bandwidth GB/s: {copy:.1f}")

    def chain(x, w, b):
        return torch.tanh(x * w + b)

    eager = 4 * nbytes / median_seconds(lambda: chain(x, w, b)) / 1e9
    print(f"torch eager chain GB/s: {eager:.1f} ({eager / copy:.2f} of copy)")
    compiled_chain = torch.compile(chain)
    compiled = 4 * nbytes / median_seconds(lambda: compiled_chain(x, w, b)) / 1e9
    print(f"torch.compile chain GB/s: {compiled:.1f} ({compiled / copy:.2f} of copy)")


if __name__ == "__main__":
    main()
