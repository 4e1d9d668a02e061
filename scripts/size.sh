#!/usr/bin/env bash
# The size ledger (README, "Size"): builds the release bundle with the first module's function names
# kept in a copy (node scripts/build.mjs --names, into target/size-dist, so dist/ is never touched),
# then prints every file of code raw / gzip / Brotli as served, what a visitor downloads before the
# map is ready, every chunk, and the first module's top contributors by crate and by ParkMap module
# (node scripts/size.mjs; also written to target/size/size.md).
#   ./scripts/size.sh              build and print
#   ./scripts/size.sh --no-build   print the ledger of the last build into target/size-dist
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
if [ "${1:-}" != "--no-build" ]; then
  node scripts/build.mjs --names --dist target/size-dist
fi
node scripts/size.mjs --dist target/size-dist --markdown target/size/size.md
