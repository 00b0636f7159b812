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
# uv installs exactly what uv.lock pins; uv itself is pinned here and in pyproject.toml.
UV_VERSION=0.13.9
if [[ ! -x .venv/bin/python ]]; then
  "$PYTHON" -m venv .venv
fi
if ! .venv/bin/uv --version 2>/dev/null | grep -qx "uv $UV_VERSION.*"; then
  .venv/bin/python -m pip install -q --disable-pip-version-check "uv==$UV_VERSION"
fi
# --locked: refuse to run if pyproject.toml and uv.lock disagree (refresh the lock instead);
# --inexact: keep uv and pip, which the lock does not list, in the environment.
# --compile-bytecode: compile once here, in parallel, instead of in the first command or
# test process that imports each library (about 1,000 files).
.venv/bin/uv sync --quiet --locked --inexact --compile-bytecode --python .venv/bin/python
# carecoop itself is installed editable (imported from ./carecoop), which uv does not
# compile: without this, a shell with PYTHONDONTWRITEBYTECODE set (or a read-only
# checkout) compiles ~150 files again in every `carecoop` process and test worker
# (~50 ms each). A file edited later is simply compiled again when imported.
.venv/bin/python -m compileall -q -j 0 carecoop >/dev/null
