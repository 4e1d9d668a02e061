#!/usr/bin/env bash
# Installs every tool ParkMap needs that is missing, at the pinned versions. Idempotent: a tool that
# is already there at the right version is skipped. `--browser` also installs Debian's Chromium and
# ChromeDriver for the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

# wasm-bindgen-cli must equal the wasm-bindgen crate version that Cargo.lock resolves.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
# The splitter that cuts the wasm into the first module and its chunks (scripts/build.mjs).
WASM_SPLIT_VERSION=0.2.4
say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "wasm32-unknown-unknown target: present"
else
  say "adding the wasm32-unknown-unknown target"; rustup target add wasm32-unknown-unknown
fi
for component in clippy rustfmt; do
  rustup component list --installed | grep -q "^$component" || rustup component add "$component"
done

if cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "wasm-split-cli $WASM_SPLIT_VERSION: present"
else
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (about 4 minutes)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "wasm-bindgen-cli $WASM_BINDGEN_VERSION: present"
else
  # Not --locked: its lockfile pins a webpki-roots version the registry no longer serves.
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# npm tools (binaryen's wasm-opt, playwright-core, axe-core, the benchmark's peers): reinstalled
# whenever package-lock.json changes, so a machine never runs with a stale set.
LOCK_HASH=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -x node_modules/.bin/wasm-opt ] && node_modules/.bin/wasm-opt --version | grep -q "version 132" \
   && [ "$(cat node_modules/.parkmap-lock 2>/dev/null)" = "$LOCK_HASH" ]; then
  say "npm tools (binaryen 132, playwright-core, axe-core): present"
else
  say "installing npm tools (npm ci)"
  npm ci --no-audit --no-fund
  echo "$LOCK_HASH" > node_modules/.parkmap-lock
fi

if [ "${1:-}" = "--browser" ]; then
  # Debian packages for the browser tests: Chromium and its driver; nginx with the brotli_static
  # module, to run deploy/nginx.conf in the end-to-end tests; CJK fonts.
  missing=()
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || missing+=(chromium chromium-driver)
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  [ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing+=(libnginx-mod-http-brotli-static)
  # Chinese text in screenshots and layout checks (without it 华为 renders as boxes).
  [ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || missing+=(fonts-noto-cjk)
  if [ ${#missing[@]} -eq 0 ]; then
    say "chromium + chromedriver ($(/usr/bin/chromium --version 2>/dev/null | head -n1)), nginx: present"
  else
    say "installing Debian's ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # Installing nginx must not start a system server (the tests run their own instance).
    policy=""
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      policy=/usr/sbin/policy-rc.d
      printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod +x "$policy"
    fi
    apt-get install -y -qq "${missing[@]}" >/dev/null
    [ -z "$policy" ] || rm -f "$policy"
  fi
fi
