#!/usr/bin/env python3
"""The numbers the seed lesson's listings (01-09) compute, recomputed with the listings' own
code, as JSON with floats as IEEE-754 bit patterns. SeedValuesTests runs this live when numpy
is present and otherwise reads seed_values.json (`--write`).
"""
import json
import os
import struct
import sys

import numpy as np


def bits(x):
    return struct.unpack('<q', struct.pack('<d', float(x)))[0]


def fbits(a):
    return [bits(v) for v in np.asarray(a, dtype=np.float64).ravel().tolist()]


values = {}

# 01_params.py
height, width, channels, hidden = 224, 224, 3, 256
dense_weights = height * width * channels * hidden
dense_biases = hidden
dense_parameters = dense_weights + dense_biases
filters, kernel = 16, 3
conv_weights = filters * channels * kernel * kernel
conv_biases = filters
conv_parameters = conv_weights + conv_biases
values["01"] = {"dense_weights": dense_weights, "dense_biases": dense_biases, "dense_parameters": dense_parameters,
                "conv_weights": conv_weights, "conv_biases": conv_biases, "conv_parameters": conv_parameters,
                "ratio": bits(dense_parameters / conv_parameters)}

# 02_first_response.py
patch = np.array([[0.05, 0.08, 0.06], [0.12, 0.92, 0.88], [0.08, 0.90, 0.93]])
edge = np.array([[-0.6, -0.6, -0.6], [1.1, 1.1, 1.1], [-0.6, -0.6, -0.6]])
products = patch * edge
values["02"] = {"products": fbits(products), "rows": fbits(products.sum(axis=1)),
                "rows_rounded": fbits(products.sum(axis=1).round(3)), "response": bits(products.sum())}

# 03_feature_map.py
image = np.array([[0.05, 0.08, 0.06, 0.07], [0.12, 0.92, 0.88, 0.09], [0.08, 0.90, 0.93, 0.11], [0.06, 0.07, 0.09, 0.05]])


def convolve_valid(image, kernel):
    out_height = image.shape[0] - kernel.shape[0] + 1
    out_width = image.shape[1] - kernel.shape[1] + 1
    output = np.empty((out_height, out_width))
    for row in range(out_height):
        for col in range(out_width):
            window = image[row:row + kernel.shape[0], col:col + kernel.shape[1]]
            output[row, col] = np.sum(window * kernel)
    return output


feature_map = convolve_valid(image, edge)
strongest = tuple(int(p) for p in np.unravel_index(np.argmax(feature_map), feature_map.shape))
values["03"] = {"feature_map": fbits(feature_map), "rounded": fbits(np.round(feature_map, 3)), "strongest": list(strongest)}


# 04_conv_size.py
def conv_size(size, kernel, stride=1, padding=0):
    if size <= 0 or kernel <= 0 or stride <= 0 or padding < 0:
        raise ValueError("size, kernel, and stride must be positive; padding cannot be negative")
    if kernel > size + 2 * padding:
        raise ValueError("kernel cannot exceed padded input size")
    return (size + 2 * padding - kernel) // stride + 1


configurations = [("worked patch", 4, 3, 1, 0), ("same-size patch", 4, 3, 1, 1), ("strided photo", 224, 3, 2, 1)]
values["04"] = [[size, k, s, p, conv_size(size, k, s, p)] for _, size, k, s, p in configurations]
errors = []
for args in [(0, 3, 1, 0), (4, 3, 0, 0), (4, 3, 1, -1), (4, 7, 1, 1), (2, 5, 1, 1)]:
    try:
        conv_size(*args)
    except ValueError as e:
        errors.append([*args, str(e)])
values["04_errors"] = errors

# 05_channels.py
image5 = np.zeros((3, 224, 224))
filters5 = np.zeros((16, 3, 3, 3))
biases5 = np.zeros(16)
values["05"] = {"filter_shape": list(filters5[0].shape), "outputs": filters5.shape[0], "parameters": filters5.size + biases5.size}

# 06_receptive_field.py
layers = [("conv 3x3", 3, 1), ("conv 3x3", 3, 1), ("pool 2x2", 2, 2), ("conv 3x3", 3, 1)]
trace = []
field, jump = 1, 1
for name, k, s in layers:
    field = field + (k - 1) * jump
    jump = jump * s
    trace.append([name, field, jump])
values["06"] = trace

# 07_max_pool.py
fm = np.array([[0.10, 0.42, 0.18, 0.30], [0.25, 0.91, 0.44, 0.12], [0.08, 0.21, 0.77, 0.55], [0.16, 0.14, 0.32, 0.49]])
pooled = np.empty((2, 2))
winners = []
for row in range(2):
    for col in range(2):
        block = fm[row * 2:row * 2 + 2, col * 2:col * 2 + 2]
        lr, lc = np.unravel_index(np.argmax(block), block.shape)
        pooled[row, col] = block[lr, lc]
        winners.append([int(row * 2 + lr), int(col * 2 + lc)])
values["07"] = {"pooled": fbits(pooled), "rounded": fbits(np.round(pooled, 2)), "winners": winners}


# 08_padding.py
def total_window_response(image, padding):
    padded = np.pad(image, padding)
    kernel = np.ones((3, 3))
    total = 0.0
    for row in range(padded.shape[0] - 2):
        for col in range(padded.shape[1] - 2):
            total += np.sum(padded[row:row + 3, col:col + 3] * kernel)
    return total


edge_signal = np.zeros((5, 5))
edge_signal[0, 0] = 1.0
center_signal = np.zeros((5, 5))
center_signal[2, 2] = 1.0
values["08"] = {"valid_edge": bits(total_window_response(edge_signal, 0)),
                "valid_center": bits(total_window_response(center_signal, 0)),
                "padded_edge": bits(total_window_response(edge_signal, 1))}

# 09_forward.py
activated = np.maximum(feature_map, 0.0)
pooled9 = np.array([activated.max()])
classifier_weights = np.array([[1.4], [-0.9]])
classifier_bias = np.array([-0.2, 0.1])
logits = classifier_weights @ pooled9 + classifier_bias
values["09"] = {"activated": fbits(activated), "pooled": fbits(pooled9), "pooled_rounded": fbits(np.round(pooled9, 3)),
                "logits": fbits(logits), "logits_rounded": fbits(np.round(logits, 3)),
                "matches": bool(np.allclose(logits, np.array([1.0236, -0.6866]), atol=1e-4))}

text = json.dumps(values, sort_keys=True)
if "--write" in sys.argv:
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "seed_values.json"), "w") as f:
        f.write(text + "\n")
else:
    print(text)
