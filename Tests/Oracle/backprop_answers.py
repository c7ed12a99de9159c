#!/usr/bin/env python3
"""Right answers to the quiz of lessons/backprop.md, computed independently with NumPy.

Prints grading JSON ({"loss-before": ..., ...}) for `lessonbuild grade`. Nothing here comes from
lessonbuild: the data of lessons/_shared.md are written out below, and every gradient is computed
here from its textbook definition (a forward pass in plain NumPy, then the chain rule layer by
layer), checked against central finite differences of the same forward pass before printing.

`--label` and `--learning-rate` answer a copy of the lesson with those values changed, so a test can
check that changing them in one place rebuilds a lesson whose quiz is still right.
"""
import argparse
import json

import numpy as np

# lessons/_shared.md (the values of lessons/cnn.md).
IMAGE = np.array([
    [0.05, 0.08, 0.06, 0.07],
    [0.12, 0.92, 0.88, 0.09],
    [0.08, 0.90, 0.93, 0.11],
    [0.06, 0.07, 0.09, 0.05],
])
KERNEL = np.array([[-0.6, -0.6, -0.6], [1.1, 1.1, 1.1], [-0.6, -0.6, -0.6]])
WEIGHTS = np.array([[1.4], [-0.9]])
BIAS = np.array([-0.2, 0.1])


def conv_valid(image, kernel):
    k = kernel.shape[0]
    out = np.empty((image.shape[0] - k + 1, image.shape[1] - k + 1))
    for r in range(out.shape[0]):
        for c in range(out.shape[1]):
            out[r, c] = np.sum(image[r:r + k, c:c + k] * kernel)
    return out


def max_pool(x, size):
    """Values and the (row, col) of each window's first maximum, as PyTorch picks it."""
    rows, cols = x.shape[0] // size, x.shape[1] // size
    values = np.empty((rows, cols))
    winners = {}
    for r in range(rows):
        for c in range(cols):
            block = x[r * size:(r + 1) * size, c * size:(c + 1) * size]
            i, j = divmod(int(np.argmax(block)), size)
            values[r, c] = block[i, j]
            winners[(r, c)] = (r * size + i, c * size + j)
    return values, winners


def forward(kernel, weights, bias, label):
    feature_map = conv_valid(IMAGE, kernel)
    activated = np.maximum(feature_map, 0.0)
    pool = feature_map.shape[0]  # one window covers the whole map, as in the lesson
    pooled, winners = max_pool(activated, pool)
    x = pooled.reshape(-1)
    logits = weights @ x + bias
    shifted = logits - logits.max()
    probabilities = np.exp(shifted) / np.exp(shifted).sum()
    loss = -np.log(probabilities[label])
    return dict(feature_map=feature_map, activated=activated, pooled_shape=pooled.shape, winners=winners, x=x,
                logits=logits, probabilities=probabilities, loss=loss)


def backward(cache, kernel, weights, label):
    """Gradients of the loss for the kernel, the classifier weights and the classifier bias."""
    g = cache["probabilities"].copy()
    g[label] -= 1.0
    grad_weights = np.outer(g, cache["x"])
    grad_bias = g
    grad_x = weights.T @ g
    grad_activated = np.zeros_like(cache["activated"])
    grad_pooled = grad_x.reshape(cache["pooled_shape"])
    for (r, c), (wr, wc) in sorted(cache["winners"].items()):
        grad_activated[wr, wc] += grad_pooled[r, c]
    grad_feature = grad_activated * (cache["feature_map"] > 0)
    k = kernel.shape[0]
    grad_kernel = np.zeros_like(kernel)
    for u in range(k):
        for v in range(k):
            grad_kernel[u, v] = np.sum(grad_feature * IMAGE[u:u + grad_feature.shape[0], v:v + grad_feature.shape[1]])
    return g, grad_kernel, grad_weights, grad_bias


def check_by_finite_differences(kernel, weights, bias, label, grad_kernel, h=1e-6):
    for u in range(kernel.shape[0]):
        for v in range(kernel.shape[1]):
            plus, minus = kernel.copy(), kernel.copy()
            plus[u, v] += h
            minus[u, v] -= h
            numeric = (forward(plus, weights, bias, label)["loss"] - forward(minus, weights, bias, label)["loss"]) / (2 * h)
            assert abs(numeric - grad_kernel[u, v]) <= 1e-6 * max(1.0, abs(numeric)), (u, v, numeric, grad_kernel[u, v])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--label", type=int, default=0)
    parser.add_argument("--learning-rate", type=float, default=0.5)
    args = parser.parse_args()
    label, rate = args.label, args.learning_rate

    cache = forward(KERNEL, WEIGHTS, BIAS, label)
    grad_logits, grad_kernel, grad_weights, grad_bias = backward(cache, KERNEL, WEIGHTS, label)
    check_by_finite_differences(KERNEL, WEIGHTS, BIAS, label, grad_kernel)

    def loss_after(step):
        return forward(KERNEL - step * grad_kernel, WEIGHTS - step * grad_weights, BIAS - step * grad_bias, label)

    after = loss_after(rate)
    winner_row, winner_col = cache["winners"][(0, 0)]
    answers = {
        "loss-before": f"{cache['loss']:.3f}",
        "logit-gradient": f"{grad_logits[label]:.4f}",
        # Options list the 2 x 2 positions in row-major order, then "all of them".
        "pool-winner": winner_row * cache["activated"].shape[1] + winner_col + 1,
        "corner-gradient": f"{grad_kernel[0, 0]:.4f}",
        # 1: the label's probability rises, 2: it falls.
        "label-probability": 1 if after["probabilities"][label] > cache["probabilities"][label] else 2,
        "doubled-rate": f"{loss_after(2 * rate)['loss']:.3f}",
    }
    print(json.dumps(answers, indent=2))


if __name__ == "__main__":
    main()
