#!/usr/bin/env bash
# Build the Linux bundle and the .deb, run the packaging tests against them (tests/packaging,
# with CODEPATH_PACKAGING_TEST=1) and time start-up against the venv.
#
# For CI (.ci/run, as root on a clean Debian machine); a developer can run it as well. As root
# with apt-get it first installs the tools and the system libraries the bundle links to (the
# .deb lists them as Depends; see packaging/README.md). Takes about 5 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    # a passing mirror hiccup should not fail the build: try a few times
    for attempt in 1 2 3; do
        apt-get update -qq && break
        echo "apt-get update failed (attempt $attempt); retrying" >&2
        sleep $((attempt * 10))
    done
    # packaging/linux/build-deps.txt: the tools and the libraries the bundle links to; the
    # rest of Depends (libc6, libglib2.0-0, libcups2, libssl3, ...) is on any desktop and CI.
    grep -v '^\s*\(#\|$\)' packaging/linux/build-deps.txt |
        xargs apt-get install -y -qq --no-install-recommends >/dev/null
fi

# The top Makefile includes packaging/package.mk; name it here too until it does.
if grep -q 'packaging/package.mk' Makefile; then
    MAKE_PKG=(make)
else
    MAKE_PKG=(make -f Makefile -f packaging/package.mk)
fi

"${MAKE_PKG[@]}" package-check
QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_bundle.py --runs 5 --warmup 1
