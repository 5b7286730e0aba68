#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Re-extracts the user-visible strings of ui/ and app/ (and the core table strings listed in
# resources/translations/core_strings.h) into the .ts files, keeping what is translated:
#   modelbench_zh_CN.ts  every message, for Simplified Chinese
#   modelbench_en.ts     only the %n messages, whose English plural forms it holds
# Then translate what it reports as unfinished (Qt Linguist: linguist <file>.ts, or an editor)
# and build: the build compiles the .ts files with lrelease and embeds them as :/i18n/*.qm.
# tst_translations fails while the Chinese interface shows an untranslated string.
# Usage: scripts/update-translations.sh   (LUPDATE=/path/to/lupdate to choose the tool)
set -euo pipefail
cd "$(dirname "$0")/.."

lupdate=${LUPDATE:-}
if [ -z "$lupdate" ]; then
    # Debian's /usr/bin/lupdate may be Qt 5's (qtchooser); ask Qt 6 where its tools are.
    bins=$(qtpaths6 --query QT_HOST_BINS 2>/dev/null || true)
    lupdate=${bins:+$bins/}lupdate
fi
command -v "$lupdate" >/dev/null || {
    echo "update-translations.sh: no lupdate (scripts/install-deps.sh installs qt6-l10n-tools)" >&2
    exit 1
}

dir=resources/translations
sources=(ui app "$dir/core_strings.h")
# -I .: includes are rooted at the repository, and lupdate needs the class declarations to
# name the contexts (mb::TrainPage, not ::TrainPage). Strings no longer in the sources are
# dropped (-no-obsolete); git keeps their old translations.
options=(-I . -locations relative -no-obsolete -source-language en)
"$lupdate" "${options[@]}" -target-language zh_CN "${sources[@]}" -ts "$dir/modelbench_zh_CN.ts"
"$lupdate" "${options[@]}" -target-language en -pluralonly "${sources[@]}" -ts "$dir/modelbench_en.ts"

# What is left to translate, by file.
for ts in "$dir"/modelbench_*.ts; do
    open=$(grep -c 'type="unfinished"' "$ts" || true)
    echo "$ts: $open unfinished"
done
