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
    # Names that are the same on Debian 12/13 and Ubuntu 22.04/24.04; the rest of Depends
    # (libc6, libglib2.0-0, libcups2, libssl3, ...) is on any desktop and on the CI image.
    apt-get install -y -qq --no-install-recommends \
        dpkg-dev binutils xz-utils desktop-file-utils appstream \
        libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0 \
        libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
        libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 \
        libwayland-client0 libwayland-cursor0 libwayland-egl1 >/dev/null
fi

# The top Makefile includes packaging/package.mk; name it here too until it does.
if grep -q 'packaging/package.mk' Makefile; then
    MAKE_PKG=(make)
else
    MAKE_PKG=(make -f Makefile -f packaging/package.mk)
fi

"${MAKE_PKG[@]}" package-check
QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_bundle.py --runs 5 --warmup 1
