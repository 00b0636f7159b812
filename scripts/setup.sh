#!/usr/bin/env bash
# Set up carecoop on a Debian machine: system libraries for WeasyPrint, a virtual
# environment in .venv, and the package with its test and dev extras. Safe to re-run.
set -euo pipefail
cd "$(dirname "$0")/.."

# What WeasyPrint needs (Pango, HarfBuzz subset, fontconfig, fonts with Arabic glyphs),
# plus the PDF tools the tests use to check and look at documents.
APT_PACKAGES=(python3-venv libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig
  fonts-dejavu-core fonts-noto-core fonts-hosny-amiri poppler-utils qpdf)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${APT_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
fi
if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]]; then
    echo "Installing system packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "These system packages are missing. Run this, then run me again:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

PYTHON=${PYTHON:-python3}
if [[ ! -x .venv/bin/python ]]; then
  "$PYTHON" -m venv .venv
fi
# Re-install only when the project description changed since the last set-up.
stamp=.venv/.carecoop-installed
if [[ ! -f $stamp || pyproject.toml -nt $stamp ]]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[test,dev]"
  touch "$stamp"
fi
