#!/usr/bin/env python3
"""Seeded random tensor expressions in two spellings — lesson (`[[1.5, 2], [3, 4]] * 2`) and
NumPy (`np.array([[1.5, 2], [3, 4]]) * 2`) — with what NumPy prints for each.

Usage: python3 random_tensors.py SEED COUNT > random-tensors-expected.json
The Swift test runs this live when python3 with numpy is present, else reads the committed
JSON (produced with seed 424242 and count 300).
"""
import json
import random
import sys
import warnings

import numpy as np

warnings.simplefilter("ignore")  # inf/nan from division by zero print as NumPy prints them


def number(rng, integer):
    if integer:
        return str(rng.randint(-9, 9))
    return repr(round(rng.uniform(-5, 5), rng.randint(0, 3)))


def array(rng, shape, integer):
    if len(shape) == 1:
        items = [number(rng, integer) for _ in range(shape[0])]
        if not integer and all("." not in item and "e" not in item for item in items):
            items[0] = items[0] + ".5"
        text = "[" + ", ".join(items) + "]"
        return text, "np.array(" + text + ")"
    rows = [array(rng, shape[1:], integer)[0] for _ in range(shape[0])]
    text = "[" + ", ".join(rows) + "]"
    return text, "np.array(" + text + ")"


def operand(rng, shape, depth):
    choice = rng.random()
    if depth == 0 or choice < 0.35:
        kind = rng.random()
        if kind < 0.25:
            value = number(rng, rng.random() < 0.5)
            if value in ("0", "0.0", "-0.0"):
                value = "3"
            return value, value
        target = shape if kind < 0.8 else shape[-1:]
        return array(rng, target, rng.random() < 0.4)
    if choice < 0.45:
        inner = operand(rng, shape, depth - 1)
        return "-(" + inner[0] + ")", "-(" + inner[1] + ")"
    left, right = operand(rng, shape, depth - 1), operand(rng, shape, depth - 1)
    op = rng.choice(["+", "-", "*", "/"])
    return "(" + left[0] + " " + op + " " + right[0] + ")", "(" + left[1] + " " + op + " " + right[1] + ")"


def case(rng):
    shape = rng.choice([(3,), (2, 3), (2, 2), (4,)])
    lesson, python = operand(rng, shape, 2)
    if "[" not in lesson:
        extra = array(rng, shape, False)
        lesson, python = "(" + lesson + " + " + extra[0] + ")", "(" + python + " + " + extra[1] + ")"
    tail = rng.random()
    if tail < 0.15:
        return lesson + ".sum()", python + ".sum()"
    if tail < 0.25:
        return lesson + ".max()", python + ".max()"
    if tail < 0.35:
        return lesson + ".mean()", python + ".mean()"
    if tail < 0.45:
        axis = rng.randint(0, len(shape) - 1)
        return lesson + ".sum(axis: %d)" % axis, python + ".sum(axis=%d)" % axis
    if tail < 0.6:
        digits = rng.randint(0, 3)
        return lesson + ".rounded(%d)" % digits, "np.round(" + python + ", %d)" % digits
    if tail < 0.7:
        other = array(rng, shape, False)
        op = rng.choice(["<", ">=", "==", "!="])
        return lesson + " " + op + " " + other[0], python + " " + op + " " + other[1]
    if tail < 0.75:
        return lesson + ".argmax()", python + ".argmax()"
    return lesson, python


def main(seed, count):
    rng = random.Random(seed)
    cases = []
    for _ in range(count):
        lesson, python = case(rng)
        try:
            printed = str(eval(python))
        except (ZeroDivisionError, np.exceptions.AxisError):
            printed = "error"
        cases.append({"expression": lesson, "python": python, "printed": printed})
    json.dump({"seed": seed, "cases": cases}, sys.stdout, indent=0)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 424242, int(sys.argv[2]) if len(sys.argv) > 2 else 300)
