#!/usr/bin/env bash
# Installs the Debian packages the tests need, when they are missing: chromium for the browser
# tests (Playwright's own browser download cannot work here, so they drive /usr/bin/chromium),
# python3-grpcio for the bench test against a grpcio server of the workshop's contract, and
# redis-server for the backplane and scale-out tests (a real Redis, never a fake).
# Run by `dotnet test` (a target in AspireChat.Tests.csproj) and by .ci/run.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
{ [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import grpc' >/dev/null 2>&1; } || missing+=(python3-grpcio)
[ -x /usr/bin/redis-server ] || missing+=(redis-server)
[ ${#missing[@]} -eq 0 ] && exit 0

# Not installable here (no apt-get, no root): the tests that need them say so when they run.
bash "$(dirname "$0")/apt-install.sh" "the tests" "${missing[@]}" || true
