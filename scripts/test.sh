#!/usr/bin/env bash
# The test command (README): installs what the tests need on a fresh Debian machine, then runs
# the format check, clippy with warnings denied, and every test.
set -euo pipefail
cd "$(dirname "$0")/.."

# kittest renders snapshots through wgpu; without a GPU, Mesa's lavapipe provides Vulkan.
need=()
dpkg -s mesa-vulkan-drivers >/dev/null 2>&1 || need+=(mesa-vulkan-drivers)
dpkg -s libvulkan1 >/dev/null 2>&1 || need+=(libvulkan1)
dpkg -s libxkbcommon0 >/dev/null 2>&1 || need+=(libxkbcommon0)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} for headless rendering"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
for component in rustfmt clippy; do
  rustup component list --installed 2>/dev/null | grep -q "^$component" || rustup component add "$component"
done

# wgpu asks for a runtime dir; a headless CI shell has none.
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp/runtime-$(id -u)}"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

# A cold build gains nothing from incremental compilation and pays for its bookkeeping.
export CARGO_INCREMENTAL=0

cargo fmt --check
cargo clippy --all-targets --locked -- -D warnings
cargo test --locked
