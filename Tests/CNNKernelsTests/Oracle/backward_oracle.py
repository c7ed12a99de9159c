#!/usr/bin/env python3
"""Independent NumPy implementations of the backward kernels, on seeded random cases.

Usage: python3 backward_oracle.py [SEED] [--torch]
Prints JSON: {"cases": [{"kind", "args": {...}, "inputs": {name: tensor}, "outputs": {name: tensor}}]}
with tensors as {"dtype", "shape", "data"} and float64 data as int64 bit patterns (exact).
Each formula is the plain NumPy computation of the chain rule, written out here apart from
the Swift kernels. With --torch the outputs come from PyTorch autograd instead (float64).
"""
import json
import sys

import numpy as np


def encode(a):
    a = np.asarray(a)
    if a.dtype == np.float64:
        data = a.reshape(-1).view(np.int64).tolist()
    else:
        data = a.reshape(-1).tolist()
    return {"dtype": str(a.dtype), "shape": list(a.shape), "data": data}


def conv_out(n, k, s, p, d):
    return (n + 2 * p - d * (k - 1) - 1) // s + 1


def conv2d_backward(x, w, g, s, p, d):
    """x: C×H×W (or H×W), w: F×C×K×K (or C×K×K / K×K), g: F×Ho×Wo (or Ho×Wo)."""
    x3 = x if x.ndim == 3 else x[None]
    w4 = w if w.ndim == 4 else (w[None] if w.ndim == 3 else w[None, None])
    g3 = g if g.ndim == 3 else g[None]
    F, C, KH, KW = w4.shape
    H, W = x3.shape[1:]
    Ho, Wo = g3.shape[1:]
    xp = np.zeros((C, H + 2 * p, W + 2 * p))
    xp[:, p:p + H, p:p + W] = x3
    db = np.zeros(F)
    dw = np.zeros(w4.shape)
    dxp = np.zeros(xp.shape)
    for f in range(F):
        db[f] = np.sum(g3[f])
        for c in range(C):
            for i in range(KH):
                for j in range(KW):
                    rows = slice(i * d, i * d + s * (Ho - 1) + 1, s)
                    cols = slice(j * d, j * d + s * (Wo - 1) + 1, s)
                    dw[f, c, i, j] = np.sum(g3[f] * xp[c, rows, cols])
                    dxp[c, rows, cols] += g3[f] * w4[f, c, i, j]
    dx = dxp[:, p:p + H, p:p + W].reshape(x.shape)
    bias = db if w.ndim == 4 else np.float64(db[0])
    return dx, dw.reshape(w.shape), bias


def maxpool_backward(x, g, size, stride):
    x3 = x if x.ndim == 3 else x[None]
    g3 = g if g.ndim == 3 else g[None]
    dx = np.zeros(x3.shape)
    for c in range(x3.shape[0]):
        for oy in range(g3.shape[1]):
            for ox in range(g3.shape[2]):
                window = x3[c, oy * stride:oy * stride + size, ox * stride:ox * stride + size]
                r, q = np.unravel_index(np.argmax(window), window.shape)  # first max, first NaN
                dx[c, oy * stride + r, ox * stride + q] += g3[c, oy, ox]
    return dx.reshape(x.shape)


def softmax_cross_entropy(z, t):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    p = e / e.sum(axis=-1, keepdims=True)
    grad = p.copy()
    if z.ndim == 1:
        loss = -np.log(p[t])
        grad[t] -= 1
    else:
        n = z.shape[0]
        loss = -np.log(p[np.arange(n), t]).mean()
        grad[np.arange(n), t] -= 1
        grad /= n
    return np.float64(loss), p, grad


def cases(seed):
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(60):
        C, F = int(rng.integers(1, 4)), int(rng.integers(1, 4))
        k, s, p, d = int(rng.integers(1, 4)), int(rng.integers(1, 4)), int(rng.integers(0, 3)), int(rng.integers(1, 3))
        H, W = int(rng.integers(k * d, 10)), int(rng.integers(k * d, 10))
        Ho, Wo = conv_out(H, k, s, p, d), conv_out(W, k, s, p, d)
        if Ho <= 0 or Wo <= 0:
            continue
        layout = rng.integers(0, 3)  # 0: H×W with K×K, 1: C×H×W with C×K×K, 2: C×H×W with F×C×K×K
        x = rng.standard_normal((H, W) if layout == 0 else (C, H, W))
        w = rng.standard_normal((k, k) if layout == 0 else ((C, k, k) if layout == 1 else (F, C, k, k)))
        g = rng.standard_normal((Ho, Wo) if layout < 2 else (F, Ho, Wo))
        out.append(("conv2dBackward", {"stride": s, "padding": p, "dilation": d},
                    {"input": x, "kernel": w, "gradOutput": g}, (x, w, g, s, p, d)))
    for _ in range(40):
        size, stride = int(rng.integers(1, 4)), int(rng.integers(1, 4))
        H, W = int(rng.integers(size, 9)), int(rng.integers(size, 9))
        shape = (H, W) if rng.random() < 0.5 else (int(rng.integers(1, 4)), H, W)
        x = rng.integers(0, 4, shape).astype(np.float64)  # small ints: many ties
        Ho, Wo = (H - size) // stride + 1, (W - size) // stride + 1
        g = rng.standard_normal(shape[:-2] + (Ho, Wo))
        out.append(("maxPool2dBackward", {"size": size, "stride": stride}, {"input": x, "gradOutput": g}, None))
    for _ in range(10):
        x = rng.standard_normal((3, 4)).round(0)  # zeros included
        g = rng.standard_normal((3, 4))
        out.append(("reluBackward", {}, {"input": x, "gradOutput": g}, None))
    for _ in range(20):
        n_in, n_out = int(rng.integers(1, 6)), int(rng.integers(1, 6))
        x = rng.standard_normal(n_in) if rng.random() < 0.5 else rng.standard_normal((n_in, int(rng.integers(1, 4))))
        w = rng.standard_normal((n_out, n_in))
        g = rng.standard_normal((n_out,) + x.shape[1:])
        out.append(("linearBackward", {}, {"input": x, "weight": w, "gradOutput": g}, None))
    for _ in range(20):
        classes = int(rng.integers(2, 6))
        if rng.random() < 0.5:
            z = rng.standard_normal(classes) * 3
            t = np.int64(rng.integers(0, classes))
        else:
            z = rng.standard_normal((int(rng.integers(1, 5)), classes)) * 3
            t = rng.integers(0, classes, z.shape[0])
        out.append(("softmaxCrossEntropy", {}, {"logits": z, "target": t}, None))
    return out


def numpy_outputs(kind, args, inputs):
    if kind == "conv2dBackward":
        dx, dw, db = conv2d_backward(inputs["input"], inputs["kernel"], inputs["gradOutput"],
                                     args["stride"], args["padding"], args["dilation"])
        return {"input": dx, "kernel": dw, "bias": db}
    if kind == "maxPool2dBackward":
        return {"input": maxpool_backward(inputs["input"], inputs["gradOutput"], args["size"], args["stride"])}
    if kind == "reluBackward":
        return {"input": np.where(inputs["input"] > 0, inputs["gradOutput"], 0.0)}
    if kind == "linearBackward":
        x, w, g = inputs["input"], inputs["weight"], inputs["gradOutput"]
        if x.ndim == 1:
            return {"input": w.T @ g, "weight": np.outer(g, x), "bias": g.copy()}
        return {"input": w.T @ g, "weight": g @ x.T, "bias": g.sum(axis=1)}
    loss, p, grad = softmax_cross_entropy(inputs["logits"], inputs["target"])
    return {"loss": loss, "probabilities": p, "gradient": grad}


def torch_outputs(kind, args, inputs):
    import torch
    import torch.nn.functional as fn
    t = {k: torch.tensor(v, dtype=torch.float64 if v.dtype == np.float64 else torch.int64,
                         requires_grad=v.dtype == np.float64) for k, v in inputs.items()}
    if kind == "conv2dBackward":
        x, w = t["input"], t["kernel"]
        x4 = x.reshape((1,) + ((1,) if x.dim() == 2 else ()) + tuple(x.shape))
        w4 = w.reshape(((1,) if w.dim() < 4 else ()) + ((1,) if w.dim() == 2 else ()) + tuple(w.shape))
        b = torch.zeros(w4.shape[0], dtype=torch.float64, requires_grad=True)
        y = fn.conv2d(x4, w4, b, stride=args["stride"], padding=args["padding"], dilation=args["dilation"])
        y.backward(t["gradOutput"].detach().reshape(y.shape))
        bias = b.grad.numpy() if w.dim() == 4 else np.float64(b.grad.numpy()[0])
        return {"input": x.grad.numpy(), "kernel": w.grad.numpy(), "bias": bias}
    if kind == "maxPool2dBackward":
        x = t["input"]
        x4 = x.reshape((1,) + ((1,) if x.dim() == 2 else ()) + tuple(x.shape))
        y = fn.max_pool2d(x4, args["size"], args["stride"])
        y.backward(t["gradOutput"].detach().reshape(y.shape))
        return {"input": x.grad.numpy()}
    if kind == "reluBackward":
        x = t["input"]
        torch.relu(x).backward(t["gradOutput"].detach())
        return {"input": x.grad.numpy()}
    if kind == "linearBackward":
        x, w = t["input"], t["weight"]
        b = torch.zeros(w.shape[0], dtype=torch.float64, requires_grad=True)
        y = (w @ x) + (b if x.dim() == 1 else b[:, None])
        y.backward(t["gradOutput"].detach())
        return {"input": x.grad.numpy(), "weight": w.grad.numpy(), "bias": b.grad.numpy()}
    z = t["logits"]
    target = t["target"]
    loss = fn.cross_entropy(z if z.dim() == 2 else z[None], target if z.dim() == 2 else target.reshape(1))
    loss.backward()
    return {"loss": np.float64(loss.item()), "probabilities": torch.softmax(z, -1).detach().numpy(),
            "gradient": z.grad.numpy()}


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 20261202
    use_torch = "--torch" in sys.argv
    result = []
    for kind, args, inputs, _ in cases(seed):
        outputs = torch_outputs(kind, args, inputs) if use_torch else numpy_outputs(kind, args, inputs)
        result.append({"kind": kind, "args": args, "inputs": {k: encode(v) for k, v in inputs.items()},
                       "outputs": {k: encode(v) for k, v in outputs.items()}})
    json.dump({"seed": seed, "source": "torch" if use_torch else "numpy", "cases": result}, sys.stdout)


if __name__ == "__main__":
    main()
