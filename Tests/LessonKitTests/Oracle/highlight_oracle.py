#!/usr/bin/env python3
"""Oracle for SyntaxHighlighter's Python tokens, using Python's own `tokenize` module.

Usage: highlight_oracle.py DIR [DIR...]          print JSON for every DIR/*.py
       highlight_oracle.py DIR [DIR...] --write  also write FIRST-DIR/../highlight_oracle.json (the
                                                 fallback the Swift tests read without python3)

For each file: a list of [kind, start, end] with offsets in code points into the file's text,
kind one of kw (NAME in keyword.kwlist), str (STRING; a 3.12+ f-string's FSTRING_START ..
FSTRING_END is merged into one span, as 3.11 reports it), num (NUMBER), com (COMMENT).
"""
import io
import json
import keyword
import os
import sys
import tokenize

FSTRING_START = getattr(tokenize, "FSTRING_START", None)
FSTRING_END = getattr(tokenize, "FSTRING_END", None)


def spans(source):
    line_starts = [0]
    for line in io.StringIO(source).readlines():
        line_starts.append(line_starts[-1] + len(line))

    def offset(position):
        row, col = position
        return line_starts[row - 1] + col

    result = []
    fstring_depth = 0
    fstring_start = None
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if FSTRING_START is not None and token.type == FSTRING_START:
            if fstring_depth == 0:
                fstring_start = offset(token.start)
            fstring_depth += 1
            continue
        if FSTRING_END is not None and token.type == FSTRING_END:
            fstring_depth -= 1
            if fstring_depth == 0:
                result.append(["str", fstring_start, offset(token.end)])
            continue
        if fstring_depth > 0:
            continue
        kind = None
        if token.type == tokenize.NAME and token.string in keyword.kwlist:
            kind = "kw"
        elif token.type == tokenize.STRING:
            kind = "str"
        elif token.type == tokenize.NUMBER:
            kind = "num"
        elif token.type == tokenize.COMMENT:
            kind = "com"
        if kind:
            result.append([kind, offset(token.start), offset(token.end)])
    return result


def main():
    directories = [a for a in sys.argv[1:] if a != "--write"]
    directory = directories[0]
    out = {}
    for folder in directories:
        for name in sorted(os.listdir(folder)):
            if name.endswith(".py"):
                with open(os.path.join(folder, name), encoding="utf-8", newline="") as f:
                    out[name] = spans(f.read())
    text = "{\n" + ",\n".join(
        json.dumps(name) + ": " + json.dumps(out[name], separators=(",", ":")) for name in sorted(out)
    ) + "\n}"
    if "--write" in sys.argv:
        path = os.path.join(os.path.dirname(os.path.abspath(directory)), "highlight_oracle.json")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
