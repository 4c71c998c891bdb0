#!/usr/bin/env bash
# Installs the browsers the tests and the demo drive: Debian's chromium and firefox-esr.
# Does nothing for a browser already present (or pointed to by CHROME_PATH / FIREFOX_PATH).
set -euo pipefail

need=()
have() { [ -n "${2:-}" ] && [ -x "$2" ] && return 0; command -v "$1" >/dev/null 2>&1; }
have chromium "${CHROME_PATH:-}" || have google-chrome "" || need+=(chromium)
have firefox-esr "${FIREFOX_PATH:-}" || have firefox "" || need+=(firefox-esr)

if [ ${#need[@]} -eq 0 ]; then
  echo "browsers: chromium and firefox found"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "browsers: missing ${need[*]}, and this is not a Debian/Ubuntu system." >&2
  echo "Install Chromium (or Chrome) and Firefox yourself, then set CHROME_PATH and FIREFOX_PATH." >&2
  exit 1
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "browsers: run as root or install sudo" >&2; exit 1; }
  sudo="sudo"
fi
echo "browsers: installing ${need[*]} with apt-get"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${need[@]}"
