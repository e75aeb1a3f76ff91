#!/usr/bin/env bash
# Before `make package` builds the .deb: are the Debian packages of build-deps.txt installed?
# Prints one line naming the missing ones (ready to paste into apt-get) and fails; silent when
# all are there. CODEPATH_SKIP_DEPS_CHECK=1 skips the check (a build machine set up otherwise).
set -euo pipefail
here="${0%/*}"
[ "${CODEPATH_SKIP_DEPS_CHECK:-0}" = 1 ] && exit 0
if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "make package builds a Debian package and needs a Debian or Ubuntu system (dpkg-query not found); use 'make package-bundle' elsewhere" >&2
    exit 1
fi
missing=()
while read -r name _; do
    case "$name" in ''|'#'*) continue ;; esac
    status="$(dpkg-query -W -f='${db:Status-Status}\n' "$name" 2>/dev/null || true)"
    [ "${status%%$'\n'*}" = installed ] || missing+=("$name")
done < "$here/build-deps.txt"
if [ "${#missing[@]}" -gt 0 ]; then
    echo "make package: missing build dependencies; install them with: sudo apt-get install ${missing[*]}" >&2
    exit 1
fi
