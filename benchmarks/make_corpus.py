#!/usr/bin/env python3
"""Make the site benchmark's corpus from one lesson.

    make_corpus.py LESSON OUTDIR N [--titles-only]

writes, deterministically (same inputs, same bytes):

    OUTDIR/lessons/lesson-001.md ... lesson-N.md   N variants of LESSON for `lessonbuild`
    OUTDIR/stripped/lesson-001.md ...              the same variants as plain Markdown for `cmark-gfm`
    OUTDIR/single/stripped.md                      LESSON itself as plain Markdown
    OUTDIR/lessons/_*.md, OUTDIR/lessons/images/   the files beside LESSON that it imports or reads

A variant gets its own title and summary ("... (variant 7)") and, unless --titles-only, its
`{eval}` data changed: every decimal literal inside square brackets moves by -1, 0 or +1 in its
last digit (never crossing zero), so each lesson computes different tables and outputs. Integers
(shapes, sizes, strides) are left alone so every variant stays a valid lesson.

The plain Markdown drops the front matter (its title becomes a `# ` heading), drops every directive
block (a fenced block whose info string starts with `{`), and replaces each `{{ ... }}` with the word
`value`, so cmark-gfm renders what is left of the same file.
"""
import hashlib
import os
import re
import shutil
import sys

FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})(.*)$")
DECIMAL = re.compile(r"(?<![\w.])(-?)(\d+)\.(\d+)(?![\w.])")
INLINE = re.compile(r"(?<!\\)\{\{.*?\}\}")
CODE_SPAN = re.compile(r"(`+[^`]*?`+)")


def split_front_matter(text):
    """Returns (front matter lines or None, body)."""
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        for end in range(1, len(lines)):
            if lines[end].strip() in ("---", "..."):
                return lines[1:end], "\n".join(lines[end + 1:])
    return None, text


def blocks(body):
    """Yields (kind, lines): kind is 'text', 'code' (an ordinary fenced block), or ('directive', name)
    for a directive fence with its body."""
    lines = body.split("\n")
    i = 0
    text = []
    while i < len(lines):
        match = FENCE.match(lines[i])
        if match and match.group(3).lstrip().startswith("{"):
            indent, fence = match.group(1), match.group(2)
            name = match.group(3).strip()[1:].split("}", 1)[0]
            closing = re.compile(r"^\s*" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}\s*$")
            j = i + 1
            while j < len(lines) and not closing.match(lines[j]):
                j += 1
            if text:
                yield "text", text
                text = []
            yield ("directive", name), lines[i:j + 1]
            i = j + 1
            continue
        if match:  # an ordinary code block: kept whole, `{{ }}` in it is literal
            fence = match.group(2)
            closing = re.compile(r"^\s*" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}\s*$")
            j = i + 1
            while j < len(lines) and not closing.match(lines[j]):
                j += 1
            if text:
                yield "text", text
                text = []
            yield "code", lines[i:j + 1]
            i = j + 1
            continue
        text.append(lines[i])
        i += 1
    if text:
        yield "text", text


def vary_decimals(line, variant, counter):
    """Moves each decimal literal on an array-literal line (one holding `[` or `]`) by -1, 0 or +1
    in its last digit, chosen by a hash of the variant and the literal's position; never to zero or below."""
    if "[" not in line and "]" not in line:
        return line, counter

    def replace(match):
        nonlocal counter
        sign, whole, frac = match.groups()
        counter += 1
        step = hashlib.sha256(f"{variant}:{counter}".encode()).digest()[0] % 3 - 1
        units = int(whole) * 10 ** len(frac) + int(frac)
        moved = units + step if units + step > 0 else units
        digits = str(moved).rjust(len(frac) + 1, "0")
        return f"{sign}{digits[:-len(frac)]}.{digits[-len(frac):]}"

    return DECIMAL.sub(replace, line), counter


def variant_text(front, body, variant, titles_only):
    front = list(front or [])
    seen = set()
    for index, line in enumerate(front):
        key = line.split(":", 1)[0].strip()
        if key in ("title", "summary"):
            front[index] = line.rstrip() + f" (variant {variant})"
            seen.add(key)
    if "title" not in seen:
        front.insert(0, f"title: Lesson variant {variant}")
    out = []
    counter = 0
    for kind, lines in blocks(body):
        if isinstance(kind, tuple) and kind[1] == "eval" and not titles_only:
            changed = [lines[0]]
            for line in lines[1:-1]:
                if line.lstrip().startswith("//"):
                    changed.append(line)
                    continue
                line, counter = vary_decimals(line, variant, counter)
                changed.append(line)
            changed.extend(lines[-1:] if len(lines) > 1 else [])
            lines = changed
        out.extend(lines)
    return "---\n" + "\n".join(front) + "\n---\n" + "\n".join(out)


def stripped_text(text):
    front, body = split_front_matter(text)
    title = None
    for line in front or []:
        if line.split(":", 1)[0].strip() == "title":
            title = line.split(":", 1)[1].strip()
    out = [f"# {title}", ""] if title else []
    for kind, lines in blocks(body):
        if kind == "text":
            out.extend(replace_expressions(line) for line in lines)
        elif kind == "code":
            out.extend(lines)
    return "\n".join(out)


def replace_expressions(line):
    """`{{ ... }}` becomes `value`, except inside code spans, where it is literal."""
    parts = CODE_SPAN.split(line)
    return "".join(part if index % 2 else INLINE.sub("value", part) for index, part in enumerate(parts))


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    titles_only = "--titles-only" in argv
    if len(args) != 3 or not args[2].isdigit() or int(args[2]) < 1:
        sys.exit("usage: make_corpus.py LESSON OUTDIR N [--titles-only]")
    lesson, outdir, count = args[0], args[1], int(args[2])
    with open(lesson, encoding="utf-8") as handle:
        source = handle.read()
    front, body = split_front_matter(source)
    for sub in ("lessons", "stripped", "single"):
        os.makedirs(os.path.join(outdir, sub), exist_ok=True)
    with open(os.path.join(outdir, "single", "stripped.md"), "w", encoding="utf-8") as handle:
        handle.write(stripped_text(source))
    width = max(3, len(str(count)))
    for variant in range(1, count + 1):
        name = f"lesson-{variant:0{width}d}.md"
        text = variant_text(front, body, variant, titles_only)
        with open(os.path.join(outdir, "lessons", name), "w", encoding="utf-8") as handle:
            handle.write(text)
        with open(os.path.join(outdir, "stripped", name), "w", encoding="utf-8") as handle:
            handle.write(stripped_text(text))
    # Files the lesson reads, relative to it: the files it may import (`_*.md`, not pages) and
    # its images/ folder (loadImage).
    folder = os.path.dirname(os.path.abspath(lesson))
    for name in sorted(os.listdir(folder)):
        if name.startswith("_") and name.endswith(".md"):
            shutil.copyfile(os.path.join(folder, name), os.path.join(outdir, "lessons", name))
    images = os.path.join(folder, "images")
    if os.path.isdir(images):
        shutil.copytree(images, os.path.join(outdir, "lessons", "images"), dirs_exist_ok=True)
    print(f"make_corpus: {count} variants of {lesson} in {outdir}"
          + (" (titles only)" if titles_only else ""))


if __name__ == "__main__":
    main(sys.argv)
