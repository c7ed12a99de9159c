#!/usr/bin/env bash
# Installs what lessonbuild needs on a fresh Debian machine (run as root or via sudo):
# cmark-gfm (library + reference command), Chromium and its driver for the browser test,
# and NumPy + selenium for the Python oracles.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
    libcmark-gfm-dev libcmark-gfm-extensions-dev cmark-gfm chromium chromium-driver >/dev/null
python3 -m pip install -q --disable-pip-version-check numpy selenium 2>&1 | grep -v "Running pip as the 'root' user" || true
