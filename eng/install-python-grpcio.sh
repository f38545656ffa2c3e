#!/usr/bin/env bash
# Installs Debian's python3-grpcio when /usr/bin/python3 cannot import grpc: a bench test runs a
# tiny grpcio server of the workshop's contract (grpcio sends a stream's response headers only
# with its first message). Run by `dotnet test` (a target in AspireChat.Tests.csproj) and by .ci/run.
set -euo pipefail

if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import grpc' >/dev/null 2>&1; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "eng/install-python-grpcio.sh: no apt-get here; install grpcio for /usr/bin/python3 for the grpcio bench test." >&2
  exit 0
fi

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo -n "$@"
  else
    echo "eng/install-python-grpcio.sh: installing python3-grpcio needs root: sudo apt-get install -y python3-grpcio" >&2
    exit 0
  fi
}

echo "Installing Debian's python3-grpcio for the grpcio bench test..."
export DEBIAN_FRONTEND=noninteractive
as_root apt-get install -y -q python3-grpcio >/dev/null || { as_root apt-get update -q >/dev/null && as_root apt-get install -y -q python3-grpcio >/dev/null; }
