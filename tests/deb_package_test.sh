#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the Debian package of the build folder BUILD_DIR with `cpack -G DEB` (into a temporary
# folder), unpacks it with `dpkg-deb -x` into a temporary root and checks what a desktop
# installation needs: both executables, a valid .desktop file, the icon as SVG and every PNG size,
# the MIME type of model files, a Depends line naming Qt, the SQLite driver and Boost, and that the
# installed modelbench-cli runs against the system's libraries. Exits 77 (skipped) when cpack or
# dpkg-deb is missing.
#   deb_package_test.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)

for tool in cpack dpkg-deb; do
    if ! command -v "$tool" > /dev/null; then
        echo "SKIP: $tool is not installed (Debian: apt install cmake dpkg)"
        exit 77
    fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

if ! cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/out" > "$tmp/cpack.log" 2>&1; then
    cat "$tmp/cpack.log"
    echo "FAIL: cpack -G DEB failed"
    exit 1
fi
debs=("$tmp"/out/*.deb)
if [ ${#debs[@]} -ne 1 ] || [ ! -f "${debs[0]}" ]; then
    cat "$tmp/cpack.log"
    echo "FAIL: expected one .deb in the cpack output, found: ${debs[*]}"
    exit 1
fi
deb=${debs[0]}
echo "package: $(basename "$deb")"
root="$tmp/root"
dpkg-deb -x "$deb" "$root"

# The executables, installed without the build tree's RUNPATH.
for exe in modelbench modelbench-cli; do
    path="$root/usr/bin/$exe"
    if [ ! -f "$path" ] || [ ! -x "$path" ]; then
        fail "usr/bin/$exe is missing or not executable"
    elif command -v readelf > /dev/null && readelf -d "$path" | grep -qE 'RPATH|RUNPATH'; then
        fail "usr/bin/$exe keeps an RPATH: $(readelf -d "$path" | grep -E 'RPATH|RUNPATH')"
    fi
done

# The launcher.
desktop="$root/usr/share/applications/io.modelbench.ModelBench.desktop"
if [ ! -f "$desktop" ]; then
    fail "usr/share/applications/io.modelbench.ModelBench.desktop is missing"
else
    grep -qx 'Exec=modelbench %f' "$desktop" || fail ".desktop: no 'Exec=modelbench %f' line"
    grep -qx 'Icon=modelbench' "$desktop" || fail ".desktop: no 'Icon=modelbench' line"
    grep -q '^MimeType=.*application/x-modelbench-model;' "$desktop" \
        || fail ".desktop: MimeType does not name application/x-modelbench-model"
    if command -v desktop-file-validate > /dev/null; then
        # Hints (such as two main categories) are advice; errors and warnings fail.
        report=$(desktop-file-validate "$desktop" 2>&1 | grep -vE ': hint: ' || true)
        [ -z "$report" ] || fail "desktop-file-validate: $report"
    else
        echo "note: desktop-file-validate not installed (desktop-file-utils); .desktop checked by grep only"
    fi
fi

# The icon: SVG, and each PNG at the size its folder names.
icons="$root/usr/share/icons/hicolor"
[ -s "$icons/scalable/apps/modelbench.svg" ] || fail "hicolor/scalable/apps/modelbench.svg is missing"
for size in 16 32 48 64 128 256; do
    png="$icons/${size}x${size}/apps/modelbench.png"
    if [ ! -s "$png" ]; then
        fail "hicolor/${size}x${size}/apps/modelbench.png is missing"
        continue
    fi
    # PNG: signature, then the IHDR chunk with width and height as big-endian 32-bit numbers.
    read -r width height < <(od -An -j16 -N8 -tu1 "$png" \
        | awk '{ print $1*16777216 + $2*65536 + $3*256 + $4, $5*16777216 + $6*65536 + $7*256 + $8 }')
    [ "$width" = "$size" ] && [ "$height" = "$size" ] \
        || fail "hicolor/${size}x${size}/apps/modelbench.png is ${width}x${height}"
done

# The MIME type: well-formed, and shared-mime-info makes *.mbm and the envelope's magic of it.
mime="$root/usr/share/mime/packages/modelbench.xml"
if [ ! -f "$mime" ]; then
    fail "usr/share/mime/packages/modelbench.xml is missing"
else
    if command -v xmllint > /dev/null; then
        xmllint --noout "$mime" || fail "modelbench.xml is not well-formed XML"
    fi
    if command -v update-mime-database > /dev/null; then
        mkdir -p "$tmp/mime/packages"
        cp "$mime" "$tmp/mime/packages/"
        update-mime-database "$tmp/mime" > "$tmp/mime.log" 2>&1 \
            || fail "update-mime-database: $(cat "$tmp/mime.log")"
        grep -qx '50:application/x-modelbench-model:\*.mbm' "$tmp/mime/globs2" \
            || fail "shared-mime-info does not map *.mbm to application/x-modelbench-model"
    else
        echo "note: update-mime-database not installed (shared-mime-info); MIME XML checked by grep only"
        grep -q 'application/x-modelbench-model' "$mime" || fail "modelbench.xml: no application/x-modelbench-model"
    fi
fi

# The control fields.
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for package in libqt6core6 libqt6widgets6 libqt6sql6-sqlite libboost-serialization1.74.0 qt6-qpa-plugins; do
    [[ ", $depends," == *", $package "* || ", $depends," == *", $package,"* ]] \
        || fail "Depends does not name $package"
done
[ -n "$(dpkg-deb -f "$deb" Maintainer)" ] || fail "no Maintainer field"
[ "$(dpkg-deb -f "$deb" Section)" = science ] || fail "Section is not science"

# The installed executables run on the system's Qt and Boost alone, and a model file the
# installed CLI writes starts with the bytes the MIME type's magic matches.
cli="$root/usr/bin/modelbench-cli"
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config"
if version=$(env -u LD_LIBRARY_PATH "$cli" --version 2>&1); then
    [[ "$version" == "modelbench-cli "* ]] || fail "modelbench-cli --version printed '$version'"
    echo "installed: $version"
    if env -u LD_LIBRARY_PATH "$cli" train sample:iris.csv --algo tree --out "$tmp/iris.mbm" \
            > "$tmp/train.log" 2>&1; then
        if [ -f "$tmp/mime/magic" ]; then
            head_hex=$(od -An -tx1 -N8 "$tmp/iris.mbm" | tr -d ' \n')
            magic_hex=$(od -An -tx1 -v "$tmp/mime/magic" | tr -d ' \n')
            [[ "$magic_hex" == *"$head_hex"* ]] \
                || fail "the MIME magic does not match a model file's first bytes ($head_hex)"
        fi
    else
        fail "installed modelbench-cli train failed: $(cat "$tmp/train.log")"
    fi
else
    fail "installed modelbench-cli --version failed: $version"
fi
if gui_version=$(env -u LD_LIBRARY_PATH QT_QPA_PLATFORM=offscreen "$root/usr/bin/modelbench" --version 2>&1); then
    echo "installed: $gui_version"
else
    fail "installed modelbench --version failed: $gui_version"
fi

echo "contents:"
dpkg-deb -c "$deb" | awk '{ print "  " $NF }' | grep -v '/$'
if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "PASS: the .deb holds a complete desktop installation"
