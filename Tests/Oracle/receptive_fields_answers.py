#!/usr/bin/env python3
"""Right answers to the quiz of lessons/receptive-fields.md, computed independently in Python.

Prints grading JSON for `lessonbuild grade`; nothing here comes from lessonbuild.
"""
import json


def conv_size(size, kernel, stride=1, padding=0, dilation=1):
    return (size + 2 * padding - dilation * (kernel - 1) - 1) // stride + 1


def receptive_field(layers):
    field, jump = 1, 1
    for kernel, stride in layers:
        field, jump = field + (kernel - 1) * jump, jump * stride
    return field


answers = {
    "q1": str(conv_size(224, 3, dilation=2)),
    "q2": str(receptive_field([(3, 1), (2, 2), (3, 1), (2, 2), (3, 1)])),
    # Conceptual: dilation widens the field with the same weights and stride 1 (option 2).
    "q3": 2,
}
print(json.dumps(answers, indent=2))
