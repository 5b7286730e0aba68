#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Renders the application icon resources/icons/modelbench.svg to the PNG sizes that
# `cmake --install` puts under share/icons/hicolor/NxN/apps/. The PNGs are committed so the
# build needs no SVG renderer; run this again after changing the SVG and commit the result.
# Needs rsvg-convert (librsvg2-bin: scripts/install-deps.sh --gui-tools).
set -euo pipefail
cd "$(dirname "$0")/.."

svg=resources/icons/modelbench.svg
out=resources/icons/hicolor
for size in 16 32 48 64 128 256; do   # keep in step with MB_ICON_PNG_SIZES in cmake/Packaging.cmake
    mkdir -p "$out/${size}x${size}"
    rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio --format png \
        --output "$out/${size}x${size}/modelbench.png" "$svg"
done
echo "render-icons.sh: wrote $out/{16,32,48,64,128,256}x*/modelbench.png"
