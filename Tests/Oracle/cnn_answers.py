#!/usr/bin/env python3
"""Right answers to the quiz of lessons/cnn.md, computed independently with NumPy.

Prints grading JSON ({"q1": ..., ...}) for `lessonbuild grade` and the browser test. Given the
quiz exported as JSON (`cnn_answers.py QUIZ.json`), also answers variant 1 of each question with
variants, computed from that variant's given values (`variant_answer`). The
numbers come from re-running the seed listings' own arithmetic here, not from lessonbuild.
"""
import json
import sys

import numpy as np

image = np.array([
    [0.05, 0.08, 0.06, 0.07],
    [0.12, 0.92, 0.88, 0.09],
    [0.08, 0.90, 0.93, 0.11],
    [0.06, 0.07, 0.09, 0.05],
])
kernel = np.array([[-0.6, -0.6, -0.6], [1.1, 1.1, 1.1], [-0.6, -0.6, -0.6]])


def conv_valid(image, kernel):
    k = kernel.shape[0]
    out = np.empty((image.shape[0] - k + 1, image.shape[1] - k + 1))
    for r in range(out.shape[0]):
        for c in range(out.shape[1]):
            out[r, c] = np.sum(image[r:r + k, c:c + k] * kernel)
    return out


def conv_size(size, kernel, stride=1, padding=0):
    return (size + 2 * padding - kernel) // stride + 1


def receptive_field(layers):
    field, jump = 1, 1
    for kernel_size, stride in layers:
        field, jump = field + (kernel_size - 1) * jump, jump * stride
    return field


def total_window_response(image, padding):
    padded = np.pad(image, padding)
    return sum(np.sum(padded[r:r + 3, c:c + 3]) for r in range(padded.shape[0] - 2) for c in range(padded.shape[1] - 2))


feature_map = conv_valid(image, kernel)
responses = np.array([
    [0.10, 0.42, 0.18, 0.30],
    [0.25, 0.91, 0.44, 0.12],
    [0.08, 0.21, 0.77, 0.55],
    [0.16, 0.14, 0.32, 0.49],
])
edge = np.zeros((5, 5))
edge[0, 0] = 1.0
dense = 224 * 224 * 3 * 256 + 256
conv = 16 * 3 * 3 * 3 + 16
logits = np.array([[1.4], [-0.9]]) @ np.array([np.maximum(feature_map, 0.0).max()]) + np.array([-0.2, 0.1])

answers = {
    "q1": str(conv_size(224, 3, stride=2, padding=1)),
    "q2": str(receptive_field([(3, 1), (3, 1), (2, 2), (3, 1)])),
    "q3": str(round(dense / conv)),
    "q4": int(np.argmax(feature_map)) + 1,  # options are listed top left, top right, bottom left, bottom right
    "q5": f"{responses[2:4, 0:2].max():.2f}",
    "q6": f"{total_window_response(edge, 1):.0f}",
    "q7": f"{logits[0]:.3f}",
    # Conceptual: deep-learning "convolution" layers slide the kernel unflipped (option 2).
    "q8": 2,
}


def variant_answer(name, given):
    """The answer to one variant of a question with `:variants:`, from the given values that
    `lessonbuild export --format json` reports for it (see cnn_variants.py)."""
    if name == "drawn-out-size":
        return str(conv_size(given["n"], given["k"], stride=given["s"], padding=given["p"]))
    raise SystemExit("cnn_answers.py: no oracle for the variants of question %r" % name)


def with_variant_answers(answers, export_path, variant=1):
    """`answers` plus, for each question with variants in the exported quiz, the response
    {"variant": N, "answer": A} to variant `variant` (the last one when it has fewer)."""
    with open(export_path, encoding="utf-8") as f:
        quiz = json.load(f)
    out = dict(answers)
    for question in quiz["questions"]:
        variants = question["variants"]
        if question["name"] in answers or len(variants) == 1 and not variants[0]["given"]:
            continue
        n = min(variant, len(variants))
        out[question["name"]] = {"variant": n, "answer": variant_answer(question["name"], variants[n - 1]["given"])}
    return out


if __name__ == "__main__":
    # With the quiz exported as JSON (lessonbuild export lessons/cnn.md --format json), also the
    # answer to variant 1 of each question with variants.
    print(json.dumps(with_variant_answers(answers, sys.argv[1]) if len(sys.argv) > 1 else answers, indent=2))
