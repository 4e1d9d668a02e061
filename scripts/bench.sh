#!/usr/bin/env bash
# Benchmarks ParkMap against a Leaflet 1.9 page and a MapLibre GL JS page on the same park data, in
# headless Debian Chromium (what each figure means: bench/README.md):
#   1. installs what is missing (./scripts/setup.sh --browser, plus the peer libraries from npm);
#   2. builds the release bundle into target/bench-dist (never touches dist/) and prints its size
#      ledger (scripts/size.mjs, target/bench/size.md);
#   3. generates the 50 000-company stress park into target/stress-park (kept while newer than
#      src/datagen);
#   4. runs `node bench/run.mjs`, which prints the comparison table and writes
#      target/bench/results.md (raw samples in target/bench/results.json); then the same cases at
#      390x844 with a 4x CPU slowdown during the interaction (target/bench/frames-cpu4.md), the
#      route planner in the browser and the phone run (target/bench/phone.md).
# Arguments go to bench/run.mjs: --reps N, --only parkmap,leaflet,maplibre, --parks shipped,stress,
# --no-cargo, --timeout MS. Never fails on a figure: exits non-zero only if the harness breaks.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\033[1m[bench]\033[0m %s\n' "$*"; }

./scripts/setup.sh --browser
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# The peers are dev dependencies that setup.sh does not check for.
if [ ! -f node_modules/leaflet/dist/leaflet.js ] \
   || [ ! -f node_modules/leaflet.markercluster/dist/leaflet.markercluster.js ] \
   || [ ! -f node_modules/maplibre-gl/dist/maplibre-gl.mjs ]; then
  say "installing the benchmark peers (leaflet, leaflet.markercluster, maplibre-gl)"
  npm install --no-audit --no-fund
fi

say "building the release bundle into target/bench-dist"
if ! node scripts/build.mjs --names --dist target/bench-dist; then
  if [ -f target/bench-dist/index.html ]; then
    say "WARNING: the build failed; benchmarking the previous bundle in target/bench-dist"
    export BENCH_STALE_DIST=1
  else
    say "the build failed and there is no previous bundle to benchmark"
    exit 1
  fi
fi

say "the size ledger of target/bench-dist (scripts/size.mjs, also in target/bench/size.md)"
node scripts/size.mjs --dist target/bench-dist --markdown target/bench/size.md

STRESS=target/stress-park
if [ -f "$STRESS/park.json" ] && [ -f "$STRESS/companies.geojson" ] \
   && [ -z "$(find src/datagen src/bin/parkmap-gen.rs -newer "$STRESS/park.json" -print -quit)" ]; then
  say "stress park: $STRESS is up to date"
else
  say "generating the 50 000-company stress park into $STRESS"
  cargo run --release --bin parkmap-gen -- --companies 50000 --out "$STRESS"
fi

say "running bench/run.mjs (about 5 minutes)"
node bench/run.mjs "$@"

say "frames on a phone: the same cases at 390x844 with a 4x CPU slowdown during the drag and the zoom sweep (target/bench/frames-cpu4.md)"
node bench/run.mjs "$@" --cpu 4 --viewport 390x844 --no-cargo --out frames-cpu4

say "route planning in the browser (bench/route.mjs, against dist/ built above into target/bench-dist)"
BENCH_DIST=target/bench-dist node bench/route.mjs

say "the phone run (bench/phone.mjs: Brotli and gzip as deploy/nginx.conf serves them, 150 ms RTT, 1.6 Mbit/s, 4x CPU slowdown, 390 and 1280 px)"
node bench/phone.mjs --dist target/bench-dist
