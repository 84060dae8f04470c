#!/bin/sh
# The browser test of `ppid serve` (tests/server/test_browser.py): installs Debian's
# headless Chromium if it is missing, then runs the test. Not part of `make test`:
# the package is large and Chromium takes seconds to start.
#
#   sh tests/server/setup_browser.sh          (as root, or with sudo for apt-get)
set -eu
cd "$(dirname "$0")/../.."
if ! command -v chromium >/dev/null 2>&1; then
    apt-get update
    apt-get install -y chromium chromium-driver
fi
chromium --version
PPID_BROWSER_TESTS=1 .venv/bin/pytest -q -n 0 -p no:cacheprovider tests/server/test_browser.py
