#!/usr/bin/env python3
"""Responses for every variant of lessons/cnn.md's variant questions, as a class CSV for `lessonbuild grade`.

Usage: cnn_variants.py QUIZ.json > variants.csv

QUIZ.json is `lessonbuild export lessons/cnn.md --format json`. Learner `variant-K` answers variant K
of each question with variants (computed by cnn_answers.variant_answer from the given values the
export reports for that variant, never from its answer) and every other question with the
independent answers of cnn_answers.py, so every learner must grade 100%.
"""
import csv
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cnn_answers  # noqa: E402


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        quiz = json.load(f)
    varying = [q for q in quiz["questions"] if q["name"] not in cnn_answers.answers]
    if not varying:
        raise SystemExit("cnn_variants.py: the quiz has no questions with variants")
    fixed = [q["name"] for q in quiz["questions"] if q["name"] in cnn_answers.answers]
    header = ["learner"] + fixed
    for q in varying:
        header += [q["name"], q["name"] + ".variant"]
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(header)
    for k in range(1, max(len(q["variants"]) for q in varying) + 1):
        row = ["variant-%d" % k] + [str(cnn_answers.answers[name]) for name in fixed]
        for q in varying:
            n = min(k, len(q["variants"]))
            row += [cnn_answers.variant_answer(q["name"], q["variants"][n - 1]["given"]), str(n)]
        writer.writerow(row)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
