#!/usr/bin/env bash
# Debian packages the browser and PostgreSQL tests need: Chromium (never a browser download)
# and a PostgreSQL server. Run as root; safe to run again.
set -euo pipefail
packages=(chromium postgresql)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "${missing[@]}" >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null && apt-get install -y -q "${missing[@]}" >/dev/null; }
fi
