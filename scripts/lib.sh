# Shared by the scripts in this folder: strict mode, the repository root, and a PATH on which the
# project's pinned tools come first (wasm-opt from e2e/node_modules, cargo-installed binaries).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/e2e/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
# The browser tests run a second time in Firefox through geckodriver (cargo-installed).
GECKODRIVER_BIN="${GECKODRIVER:-${CARGO_HOME:-$HOME/.cargo}/bin/geckodriver}"
GECKODRIVER_VERSION="0.37.1"
cd "$ROOT"

TRUNK_VERSION="0.21.14"
# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}
say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
