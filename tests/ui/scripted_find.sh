#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Rallybook contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A scripted user (issue 10, docs/architecture.md "Find"): in a real X window under Xvfb, driven
# by xdotool, Find with Enter pressed 20 times leaves every answer unchanged. Then Esc puts the
# keyboard in the field of the match and a typed X lands right after it, which proves that the
# keys reached the window (so a window that ignored them cannot pass).
#
#   scripted_find.sh RALLYBOOK      exits 77 (skipped) without Xvfb or xdotool
#
# RALLYBOOK_XVFB_DISPLAY=N picks the display; by default Xvfb picks a free one itself.
set -euo pipefail
rallybook=${1:?usage: scripted_find.sh RALLYBOOK}
for tool in Xvfb xdotool; do
    command -v "$tool" >/dev/null || { echo "scripted_find: no $tool, skipped"; exit 77; }
done

work=$(mktemp -d)
xvfb=
app=
cleanup() {
    [[ -n $app ]] && kill "$app" 2>/dev/null
    [[ -n $xvfb ]] && kill "$xvfb" 2>/dev/null
    wait 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

# Waits up to 20 s for a condition, polling (an X server and a window have no signal to wait on).
wait_for() {
    for _ in $(seq 200); do
        if eval "$1"; then return 0; fi
        sleep 0.1
    done
    echo "scripted_find: timed out waiting for: $1" >&2
    return 1
}

export HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
export XDG_CACHE_HOME=$work/cache XDG_RUNTIME_DIR=$work/runtime
mkdir -m 0700 "$XDG_RUNTIME_DIR"
unset QT_QPA_PLATFORM WAYLAND_DISPLAY

"$rallybook" --demo "$work/demo.rallybook"
"$rallybook" --export-json "$work/demo.rallybook" "$work/before.json"
grep -q 'Ask–Build–Ship loop;' "$work/before.json"

if [[ -n ${RALLYBOOK_XVFB_DISPLAY:-} ]]; then
    Xvfb ":$RALLYBOOK_XVFB_DISPLAY" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb=$!
    display=$RALLYBOOK_XVFB_DISPLAY
    wait_for "[[ -e /tmp/.X11-unix/X$display ]]"
else
    Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" >/dev/null 2>&1 &
    xvfb=$!
    wait_for "[[ -s $work/display ]]"
    display=$(head -1 "$work/display")
fi
export DISPLAY=:$display

"$rallybook" "$work/demo.rallybook" >"$work/app.log" 2>&1 &
app=$!
wait_for "xdotool search --onlyvisible --pid $app >/dev/null 2>&1"
win=$(xdotool search --onlyvisible --pid "$app" | head -1)
# Xvfb has no window manager: give the window the keyboard, as a desktop would.
xdotool windowfocus --sync "$win"

xdotool key --delay 40 ctrl+f
xdotool type --delay 30 loop
for _ in $(seq 20); do
    xdotool key --delay 30 Return
done
xdotool key --delay 40 shift+Return F3 Escape
xdotool type --delay 30 X
# Quitting commits what was typed.
xdotool key --delay 40 ctrl+q
wait_for "! kill -0 $app 2>/dev/null"
app=

"$rallybook" --export-json "$work/demo.rallybook" "$work/after.json"
sed 's/Ask–Build–Ship loop;/Ask–Build–Ship loopX;/' "$work/before.json" >"$work/expected.json"
if ! cmp -s "$work/expected.json" "$work/after.json"; then
    echo "scripted_find: the answers changed (expected only the typed X after the match):" >&2
    diff "$work/expected.json" "$work/after.json" >&2 || true
    exit 1
fi
echo "scripted_find: 20 x Enter in Find left every answer unchanged; Esc then X typed after the match"
