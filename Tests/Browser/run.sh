#!/bin/sh
# Runs the quiz browser test on a built page with its independent answers.
#   Tests/Browser/run.sh site/cnn.html lessons/cnn-answers.json
# Installs what is missing the way .ci/run does on a fresh Debian machine:
# Debian's chromium and chromium-driver, and selenium from PyPI.
set -eu
page=${1:?usage: run.sh PAGE.html ANSWERS.json}
answers=${2:?usage: run.sh PAGE.html ANSWERS.json}
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
fi
if ! python3 -c "import selenium" >/dev/null 2>&1; then
    python3 -m pip install --quiet -r "$here/requirements.txt"
fi
exec python3 "$here/test_quiz.py" "$page" "$answers" --screenshots "$here/screenshots"
