#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests when it is missing: Playwright's own browser
# download cannot work here, so the tests drive /usr/bin/chromium. Run by `dotnet test` (a
# target in AspireChat.Tests.csproj) and by .ci/run.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "eng/install-chromium.sh: no apt-get here; install Chromium as /usr/bin/chromium for the browser tests." >&2
  exit 0
fi

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo -n "$@"
  else
    echo "eng/install-chromium.sh: installing Chromium needs root: sudo apt-get install -y chromium" >&2
    exit 0
  fi
}

echo "Installing Debian's chromium for the browser tests..."
export DEBIAN_FRONTEND=noninteractive
as_root apt-get install -y -q chromium >/dev/null || { as_root apt-get update -q >/dev/null && as_root apt-get install -y -q chromium >/dev/null; }
