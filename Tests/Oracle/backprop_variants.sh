#!/usr/bin/env bash
# lessons/backprop.md promises that its label and its learning rate are each set in one place:
# rebuild a copy of the lesson with other values, verify every listing against Python, and grade
# the independent oracle's answers for those values (they must score 100%).
# Usage: backprop_variants.sh LESSONBUILD [LABEL:RATE ...]   (default: a few variants)
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="$1"
shift
variants=("$@")
[ ${#variants[@]} -gt 0 ] || variants=("1:0.5" "0:0.05" "1:4.0")

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for variant in "${variants[@]}"; do
    label="${variant%%:*}" rate="${variant#*:}"
    echo "== backprop.md with label $label, learning rate $rate"
    mkdir -p "$work/$variant"
    cp lessons/_shared.md "$work/$variant/"
    # Exactly one definition of each; the build fails loudly if the lesson stops matching.
    [ "$(grep -c '^let label = ' lessons/backprop.md)" = 1 ] && [ "$(grep -c '^let learningRate = ' lessons/backprop.md)" = 1 ] \
        || { echo "error: backprop.md must define label and learningRate once each" >&2; exit 1; }
    sed -e "s/^let label = .*/let label = $label/" -e "s/^let learningRate = .*/let learningRate = $rate/" \
        lessons/backprop.md > "$work/$variant/backprop.md"
    "$bin" "$work/$variant/backprop.md" --out "$work/$variant/site"
    "$bin" verify "$work/$variant/backprop.md"
    python3 Tests/Oracle/backprop_answers.py --label "$label" --learning-rate "$rate" > "$work/$variant/answers.json"
    report="$("$bin" grade "$work/$variant/backprop.md" "$work/$variant/answers.json")"
    echo "$report"
    grep -q "^score 100% " <<<"$report" || { echo "error: the oracle's answers to backprop.md ($variant) do not all grade correct" >&2; exit 1; }
done
