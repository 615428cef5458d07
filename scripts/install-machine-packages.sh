#!/usr/bin/env bash
# The machine packages the tests need beside Node.js 20: redis-server (the shared rate budget's tests run
# against a real one) and Chromium (the playground's browser tests). Installs whichever is missing, from the
# machine's Debian packages; does nothing when both are there. Needs root (or sudo) for apt-get.
set -euo pipefail

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing ${missing[*]} from the machine's packages"
$sudo apt-get update
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "${missing[@]}"
