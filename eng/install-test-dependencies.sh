#!/usr/bin/env bash
# Installs the Debian packages the tests need, when they are missing: chromium for the browser
# tests (Playwright's own browser download cannot work here, so they drive /usr/bin/chromium),
# python3-grpcio for the bench test against a grpcio server of the workshop's contract, and
# redis-server for the scale-out tests (a real Redis, never a fake).
# Run by .ci/run before `dotnet test`. Without it, the fixture that first needs a package installs
# that one (tests/AspireChat.Testing/DebianPackages.cs); building the tests installs nothing.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
{ [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import grpc' >/dev/null 2>&1; } || missing+=(python3-grpcio)
[ -x /usr/bin/redis-server ] || missing+=(redis-server)
[ ${#missing[@]} -eq 0 ] && exit 0

# Not installable here (no apt-get, no root): the tests that need them say so when they run.
bash "$(dirname "$0")/apt-install.sh" "the tests" "${missing[@]}" || true
