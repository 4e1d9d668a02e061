#!/usr/bin/env bash
# Fuzzes the parsers and the validator (fuzz/fuzz_targets/parse.rs) for SECONDS (default 30):
#   ./scripts/fuzz.sh [SECONDS] [LIBFUZZER FLAGS…]      e.g. ./scripts/fuzz.sh 600 -max_len=4096
# Installs cargo-fuzz when missing. cargo-fuzz needs nightly compiler flags; on the stable toolchain
# RUSTC_BOOTSTRAP=1 unlocks them. The corpus (fuzz/corpus/parse, not committed) is seeded from the
# small test fixtures and grows from run to run; a crash is saved under fuzz/artifacts/parse/ and
# the script exits non-zero. Set FUZZ_SANITIZER=none if AddressSanitizer is unavailable, and
# FUZZ_JOBS=N to fuzz on N cores. CARGO_TARGET_DIR is honoured.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-30}"
export PATH="$HOME/.cargo/bin:$PATH"

if ! cargo fuzz --version > /dev/null 2>&1; then
  echo "installing cargo-fuzz"
  cargo install cargo-fuzz --locked --version 0.13.2
fi

CORPUS=fuzz/corpus/parse
mkdir -p "$CORPUS"
# Seed with every fixture small enough to mutate quickly (named by content, so reruns add nothing).
find tests/fixtures public/data -type f \( -name '*.json' -o -name '*.geojson' \) -size -64k -print0 |
  while IFS= read -r -d '' f; do
    for mode in 0 1 2 6; do
      seed="$CORPUS/seed-$mode-$(sha1sum "$f" | cut -c1-16)"
      [ -e "$seed" ] || { printf "\\x$(printf %02x "$mode")" > "$seed"; cat "$f" >> "$seed"; }
    done
  done

export RUSTC_BOOTSTRAP=1
exec cargo fuzz run --sanitizer "${FUZZ_SANITIZER:-address}" --jobs "${FUZZ_JOBS:-1}" parse "$CORPUS" -- \
  -max_total_time="$SECONDS_TO_RUN" -dict=fuzz/parse.dict -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 "${@:2}"
