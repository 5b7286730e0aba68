#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the Debian 12 packages ModelBench needs to build and test. Idempotent and
# non-interactive: does nothing when every package is already there.
#   scripts/install-deps.sh            build + test packages
#   scripts/install-deps.sh --bench    also the benchmark's anchors (scikit-learn, pandas, OpenBLAS)
#   scripts/install-deps.sh --fuzz     also clang's fuzzing runtime
#   scripts/install-deps.sh --gui-tools  also Xvfb, ImageMagick and a CJK font for screenshots, and
#                                        rsvg-convert for scripts/render-icons.sh
set -euo pipefail

packages=(
    cmake g++ ninja-build pkgconf
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-translations-l10n  # Qt's own strings (OK, Cancel, file dialogs) in Chinese
    libqt6sql6-sqlite libqt6svg6
    # The team catalog on a PostgreSQL server: Qt's driver, and the server the tests start
    # on a temporary folder (scripts/pg-test-server.sh; Debian's own cluster is left alone).
    libqt6sql6-psql postgresql libqt6opengl6-dev libgl-dev libvulkan-dev
    libboost-serialization-dev
    locales
    # cpack -G DEB and tst_deb_package: dpkg-shlibdeps and file compute the .deb's Depends;
    # the test validates the .desktop file and the MIME XML.
    dpkg-dev file desktop-file-utils libxml2-utils shared-mime-info
)
# Locales the import tests run under (parsing must not depend on them).
test_locales=(de_DE.UTF-8 zh_CN.UTF-8)
for arg in "$@"; do
    case "$arg" in
        --bench) packages+=(python3 python3-sklearn python3-pandas libopenblas0-pthread time) ;;
        # clang 16, not Debian's default 14: only 16 compiles libstdc++ 12's std::expected.
        --fuzz) packages+=(clang-16 libclang-rt-16-dev llvm-16) ;;  # llvm-16: llvm-symbolizer for traces
        # fonts-noto-cjk: the Chinese interface needs glyphs under Xvfb too.
        --gui-tools) packages+=(xvfb xauth imagemagick fonts-noto-cjk librsvg2-bin) ;;
        *) echo "install-deps.sh: unknown option '$arg'" >&2; exit 2 ;;
    esac
done

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# locale-gen rebuilds every locale from /etc/locale.gen, so list ours there before running it.
missing_locale=""
for l in "${test_locales[@]}"; do
    grep -q "^$l UTF-8" /etc/locale.gen 2>/dev/null || {
        $sudo sed -i "s/^# *\($l UTF-8\)/\1/" /etc/locale.gen
        grep -q "^$l UTF-8" /etc/locale.gen || echo "$l UTF-8" | $sudo tee -a /etc/locale.gen >/dev/null
    }
    locale -a 2>/dev/null | grep -qix "$(echo "$l" | sed 's/UTF-8/utf8/')" || missing_locale=1
done
if [ -n "$missing_locale" ]; then
    $sudo locale-gen >/dev/null
fi
