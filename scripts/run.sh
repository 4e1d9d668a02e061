#!/usr/bin/env bash
# Runs the map: installs what is missing, builds the release bundle into dist/, serves it on
# 127.0.0.1 and prints the URL. PORT=8080 by default.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
echo "[run] building the release bundle (node scripts/build.mjs)"
node scripts/build.mjs
PORT="${PORT:-8080}"
exec node tests/e2e/serve.mjs dist "$PORT"
