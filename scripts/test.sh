#!/usr/bin/env bash
# Set everything up, then run the linters, the type checker and the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check carecoop tests bench
.venv/bin/mypy
.venv/bin/python -m pytest -q "$@"
