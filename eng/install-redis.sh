#!/usr/bin/env bash
# Installs Debian's redis-server when it is missing: the AppHost's scale-out run
# (`dotnet run --project AspireChat.AppHost -- --replicas 3`) starts it as the chat replicas'
# backplane, and runs this script when it is not on PATH. Exits non-zero when it cannot install.
set -euo pipefail

command -v redis-server >/dev/null 2>&1 && exit 0

bash "$(dirname "$0")/apt-install.sh" "the scale-out run" redis-server
