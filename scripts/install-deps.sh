#!/usr/bin/env bash
# Installs what lessonbuild needs on a Debian machine (uses sudo when not root): the packages in
# scripts/packages-apt.txt (cmark-gfm, Chromium and its driver) and scripts/packages-pip.txt
# (NumPy, selenium). .ci/run installs the same lists.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends $(cat scripts/packages-apt.txt) >/dev/null
python3 -m pip install -q --disable-pip-version-check $(cat scripts/packages-pip.txt) 2>&1 | grep -v "Running pip as the 'root' user" || true
