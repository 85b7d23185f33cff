#!/usr/bin/env bash
# Runs the Python package's tests with the given interpreter (default python3), which must have
# python/requirements-test.txt and the numspark wheel installed (or PYTHONPATH=python/src and the
# Maven build's jar). Two pytest processes: the unit tests (no Spark) and local mode, then Spark
# Connect (a process that used Spark Connect stays in Connect mode).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python="${PYTHON:-python3}"
cd "$here"
"$python" -m pytest -q -p no:cacheprovider tests/unit tests/local "$@"
"$python" -m pytest -q -p no:cacheprovider tests/connect "$@"
