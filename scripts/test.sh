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
# `grade` exits 0 whenever it could grade; the oracle's answers must also score 100%.
grade_all_right() {
    local report
    report="$("$bin" grade "$1" "$2")"
    echo "$report"
    grep -q "^score 100% " <<<"$report" || { echo "error: the oracle's answers to $1 do not all grade correct" >&2; exit 1; }
}
# Every learner of a class CSV must score 100%.
grade_class_all_right() {
    local report
    report="$("$bin" grade "$1" "$2")"
    echo "$report"
    awk '/^score / && !/^score 100% / { bad = 1 } END { exit bad }' <<<"$report" \
        || { echo "error: not every learner in $2 grades 100% on $1" >&2; exit 1; }
}
# The variants' answers come from the given values the JSON export reports, through the oracle.
"$bin" export lessons/cnn.md --format json > "$answers/cnn-quiz.json"
python3 Tests/Oracle/cnn_answers.py "$answers/cnn-quiz.json" > "$answers/cnn.json"
grade_all_right lessons/cnn.md "$answers/cnn.json"
python3 Tests/Oracle/cnn_variants.py "$answers/cnn-quiz.json" > "$answers/cnn-variants.csv"
grade_class_all_right lessons/cnn.md "$answers/cnn-variants.csv"
python3 Tests/Oracle/receptive_fields_answers.py > "$answers/receptive-fields.json"
grade_all_right lessons/receptive-fields.md "$answers/receptive-fields.json"
python3 Tests/Oracle/backprop_answers.py > "$answers/backprop.json"
grade_all_right lessons/backprop.md "$answers/backprop.json"
Tests/Oracle/backprop_variants.sh "$bin"  # another label and learning rate rebuild, verify and grade right

if command -v chromium >/dev/null && command -v chromedriver >/dev/null && python3 -c "import selenium" 2>/dev/null; then
    echo "== browser test (headless Chromium)"
    python3 Tests/Browser/test_quiz.py site/cnn.html "$answers/cnn.json"
    echo "== quiz version 2 in headless Chromium (explanations, matrix answers)"
    "$bin" Tests/LessonKitTests/Fixtures/Quiz/v2.md --out "$answers/v2-site" --quiet
    python3 Tests/Browser/test_quiz_v2.py "$answers/v2-site/v2.html"
    echo "== grading vectors in headless Chromium (the page's interpreter of the grading spec)"
    python3 Tests/Browser/test_grading_vectors.py "$answers/v2-site/v2.html" Tests/LessonKitTests/Fixtures/Quiz/grading_vectors.json
    echo "== quiz variants in headless Chromium (two learners, reload, New variant)"
    "$bin" Tests/LessonKitTests/Fixtures/Quiz/variants.md --out "$answers/variants-site" --quiet
    "$bin" export Tests/LessonKitTests/Fixtures/Quiz/variants.md --format json > "$answers/variants-quiz.json"
    python3 Tests/Browser/test_quiz_variants.py "$answers/variants-site/variants.html" "$answers/variants-quiz.json"
    echo "== SCORM 1.2 package in a recording stand-in LMS (headless Chromium)"
    "$bin" export lessons/cnn.md --format scorm --out "$answers/cnn-scorm.zip"
    python3 Tests/Browser/test_scorm.py "$answers/cnn-scorm.zip" "$answers/cnn.json"
    echo "== lessonbuild serve: live preview over real sockets and in headless Chromium"
    python3 Tests/Browser/test_serve.py "$bin"
    if python3 -c "import axe_selenium_python" 2>/dev/null; then
        echo "== accessibility audit (axe-core in headless Chromium)"
        python3 Tests/Browser/test_accessibility.py site/*.html "$answers/v2-site/v2.html" "$answers/variants-site/variants.html"
    else
        echo "== accessibility audit skipped: axe-selenium-python missing"
    fi
else
    echo "== browser test skipped: chromium, chromedriver or selenium missing"
    echo "== lessonbuild serve over real sockets (the browser part skipped)"
    python3 Tests/Browser/test_serve.py "$bin" --http-only
fi

echo "== adversarial catalogue (Tests/Adversarial: bounded time, located errors, the previous site untouched)"
python3 Tests/Adversarial/run.py "$bin"

echo "== the site as a transaction: kill -9 mid-build (seeded, 200 trials), 20 concurrent builds"
python3 Tests/Adversarial/crash_consistency.py "$bin"
python3 Tests/Adversarial/concurrency.py "$bin"

echo "== swift test"
swift test
