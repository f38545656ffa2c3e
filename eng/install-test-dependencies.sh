#!/usr/bin/env bash
# Installs the Debian packages the tests need, when they are missing: chromium for the browser
# tests (Playwright's own browser download cannot work here, so they drive /usr/bin/chromium),
# and python3-grpcio for the bench test against a grpcio server of the workshop's contract.
# Run by `dotnet test` (a target in AspireChat.Tests.csproj) and by .ci/run.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
{ [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import grpc' >/dev/null 2>&1; } || missing+=(python3-grpcio)
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "eng/install-test-dependencies.sh: no apt-get here; install ${missing[*]} for the tests that need them." >&2
  exit 0
fi

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo -n "$@"
  else
    echo "eng/install-test-dependencies.sh: installing ${missing[*]} needs root: sudo apt-get install -y ${missing[*]}" >&2
    exit 0
  fi
}

echo "Installing Debian's ${missing[*]} for the tests..."
export DEBIAN_FRONTEND=noninteractive
as_root apt-get install -y -q "${missing[@]}" >/dev/null || { as_root apt-get update -q >/dev/null && as_root apt-get install -y -q "${missing[@]}" >/dev/null; }
