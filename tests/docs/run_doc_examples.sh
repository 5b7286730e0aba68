#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs every `modelbench-cli` line of the ```sh blocks in the given Markdown files, in order,
# each file in a fresh folder holding tests/docs/inputs (after its setup.sh), with a private
# data folder so that the default catalog is a temporary one. Other lines in those blocks
# (./run.sh, comments) are not commands of ours and are skipped. Fails on the first
# example of a file that exits non-zero, naming FILE:LINE, and on a file without examples.
#   run_doc_examples.sh CLI_DIR INPUTS_DIR DOC.md...
set -uo pipefail
cli_dir=$(cd "$1" && pwd)
inputs=$(cd "$2" && pwd)
shift 2
export PATH="$cli_dir:$PATH"
failed=0
for doc in "$@"; do
    work=$(mktemp -d)
    cp -r "$inputs"/. "$work"/
    export XDG_DATA_HOME="$work/.data" XDG_CONFIG_HOME="$work/.config"
    if ! (cd "$work" && bash ./setup.sh); then
        echo "$doc: the set-up failed"
        failed=1
        continue
    fi
    ran=0
    in_block=0
    number=0
    while IFS= read -r line; do
        number=$((number + 1))
        case "$line" in
        '```sh') in_block=1; continue ;;
        '```') in_block=0; continue ;;
        esac
        [ "$in_block" = 1 ] || continue
        case "$line" in
        modelbench-cli\ *) ;;
        *) continue ;;
        esac
        ran=$((ran + 1))
        if ! (cd "$work" && eval "$line" > last.out 2> last.err); then
            echo "$doc:$number: failed: $line"
            cat "$work/last.err"
            failed=1
            break
        fi
    done < "$doc"
    if [ "$ran" = 0 ]; then
        echo "$doc: no modelbench-cli example found"
        failed=1
    else
        echo "$doc: $ran examples ran"
    fi
    rm -rf "$work"
done
exit "$failed"
