#!/usr/bin/env bash
# Installs Debian packages with apt-get, as root or through passwordless sudo, updating the package
# lists once if the first try fails. Exits 1, saying what to run, when it cannot.
# Usage: eng/apt-install.sh <what they are for> <package>...
set -euo pipefail

purpose=$1
shift

if ! command -v apt-get >/dev/null 2>&1; then
  echo "No apt-get here: install $* for $purpose." >&2
  exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "Installing $* for $purpose needs root: sudo apt-get install -y $*" >&2
  exit 1
fi

echo "Installing Debian's $* for $purpose..."
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get install -y -q "$@" >/dev/null \
  || { "${as_root[@]}" apt-get update -q >/dev/null && "${as_root[@]}" apt-get install -y -q "$@" >/dev/null; }
