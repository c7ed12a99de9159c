#!/usr/bin/env python3
"""NumPy's own error messages for the mistakes the kernels reproduce, as JSON {case: str(e)}.
ErrorTests runs this live when numpy is present and otherwise reads error_messages.json
(`--write`)."""
import json
import os
import sys

import numpy as np


def message(fn):
    try:
        fn()
    except Exception as e:  # noqa: BLE001 - the message is what we want
        return str(e)
    return None


a23 = np.zeros((2, 3))
cases = {
    "broadcast": message(lambda: np.zeros(2) + np.zeros(3)),
    "broadcast_2d": message(lambda: np.zeros((2, 3)) * np.zeros((4, 1))),
    "bool_subtract": message(lambda: np.array([True]) - np.array([False])),
    "bool_negative": message(lambda: -np.array([True])),
    "index_out_of_bounds": message(lambda: np.zeros(4)[5]),
    "negative_index_out_of_bounds": message(lambda: a23[:, -4]),
    "too_many_indices": message(lambda: a23[1, 2, 0]),
    "empty_max": message(lambda: np.array([]).max()),
    "empty_min": message(lambda: np.array([]).min()),
    "empty_argmax": message(lambda: np.argmax(np.array([]))),
    "reshape": message(lambda: a23.reshape(4, 2)),
    "axis": message(lambda: a23.sum(axis=2)),
    "matmul_mismatch": message(lambda: a23 @ a23),
}
text = json.dumps(cases, sort_keys=True)
if "--write" in sys.argv:
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "error_messages.json"), "w") as f:
        f.write(text + "\n")
else:
    print(text)
