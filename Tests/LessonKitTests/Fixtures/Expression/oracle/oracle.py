#!/usr/bin/env python3
"""Evaluates the Python column of oracle-pairs.txt and prints the results as JSON.

Usage: python3 oracle.py oracle-pairs.txt > oracle-expected.json
Each result is {"lesson", "python", "spec", "printed"}: print(value) or format(value, spec).
The Swift test runs this script live when python3 with numpy is present, else reads
the committed oracle-expected.json that this script produced.
"""
import json
import sys

import numpy as np  # noqa: F401  (used by the eval'd expressions)


def main(path):
    results = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = [part.strip() for part in line.split("⇔")]
            lesson, python = parts[0], parts[1]
            spec = parts[2] if len(parts) > 2 else None
            value = eval(python)
            printed = format(value, spec) if spec is not None else str(value)
            results.append({"lesson": lesson, "python": python, "spec": spec, "printed": printed})
    json.dump(results, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "oracle-pairs.txt")
