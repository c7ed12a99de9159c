#!/usr/bin/env bash
# The whole test suite: the site is fresh, every listing prints its output, the quiz works in a
# real browser and grades the independent answers, then the Swift unit, differential and
# end-to-end tests (last, so their summary closes the log).
set -euo pipefail
cd "$(dirname "$0")/.."

swift build --build-tests
bin="$(swift build --show-bin-path)/lessonbuild"

echo "== lessonbuild --check lessons"
"$bin" --check lessons

echo "== lessonbuild verify lessons"
"$bin" verify lessons

echo "== quiz answers from an independent NumPy oracle"
answers="$(mktemp -d)"
trap 'rm -rf "$answers"' EXIT
python3 Tests/Oracle/cnn_answers.py > "$answers/cnn.json"
"$bin" grade lessons/cnn.md "$answers/cnn.json"

if command -v chromium >/dev/null && command -v chromedriver >/dev/null && python3 -c "import selenium" 2>/dev/null; then
    echo "== browser test (headless Chromium)"
    python3 Tests/Browser/test_quiz.py site/cnn.html "$answers/cnn.json"
else
    echo "== browser test skipped: chromium, chromedriver or selenium missing"
fi

echo "== swift test"
swift test
