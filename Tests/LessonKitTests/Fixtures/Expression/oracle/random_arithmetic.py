#!/usr/bin/env python3
"""Seeded random arithmetic expressions valid in both Python and the lesson language, with
what Python prints for each (or "error" when Python raises).

Usage: python3 random_arithmetic.py SEED COUNT > random-arithmetic-expected.json
The Swift test runs this live when python3 is present, else reads the committed JSON
(produced with seed 20261127 and count 400).
"""
import json
import random
import sys


def leaf(rng):
    if rng.random() < 0.5:
        return str(rng.randint(-20, 20))
    digits = rng.randint(0, 3)
    value = round(rng.uniform(-10, 10), digits)
    return repr(value) if digits else repr(float(int(value)))


def expression(rng, depth):
    if depth == 0 or rng.random() < 0.25:
        return leaf(rng)
    op = rng.choice(["+", "-", "*", "/", "%"])
    return "(" + expression(rng, depth - 1) + " " + op + " " + expression(rng, depth - 1) + ")"


def main(seed, count):
    rng = random.Random(seed)
    cases = []
    for _ in range(count):
        text = expression(rng, 3)
        if rng.random() < 0.2:
            text = expression(rng, 2) + " " + rng.choice(["<", "<=", ">", ">=", "==", "!="]) + " " + expression(rng, 2)
        try:
            printed = str(eval(text))
        except ZeroDivisionError:
            printed = "error"
        cases.append({"expression": text, "printed": printed})
    json.dump({"seed": seed, "cases": cases}, sys.stdout, indent=0)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20261127, int(sys.argv[2]) if len(sys.argv) > 2 else 400)
