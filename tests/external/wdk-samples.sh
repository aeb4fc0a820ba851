#!/bin/sh
# wdk-samples.sh CHECKOUT - builds samples of Microsoft's Windows-driver-samples
# with `ntk build`, unmodified, and runs each one's test application with
# `ntk run` from its output folder, with no driver preloaded: the application
# installs its driver itself through the service control manager, as on
# Windows. Prints PASS or FAIL per sample and exits non-zero if any failed.
#
#   CHECKOUT   a checkout of https://github.com/microsoft/Windows-driver-samples
#   NTK        the ntk command (default: build/bin/ntk of this tree)
#   KEEP=1     keep the temporary build folders (their paths are printed)
#
# Not run by CI: nothing of that repository is part of ntk.
#
# With an ntk built with AddressSanitizer the samples are compiled with it
# too, and general/ioctl/wdm then stops in its driver: for METHOD_BUFFERED it
# copies OutputBufferLength (100) bytes out of a 38-byte string literal, a
# read past the end that Windows does not notice (the sample's output shows
# the neighbouring strings). That is a finding about the sample, not ntk.
set -u

if [ $# -ne 1 ] || [ ! -d "$1" ]; then
    echo "usage: $0 CHECKOUT (a checkout of microsoft/Windows-driver-samples)" >&2
    exit 2
fi
checkout=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
ntk=${NTK:-$here/../../build/bin/ntk}
if [ ! -x "$ntk" ]; then
    echo "$0: no ntk command at $ntk (build ntk first, or set NTK)" >&2
    exit 2
fi

# The samples: FOLDER APP EXPECTED, where EXPECTED is a fixed string the
# application's output must contain (once per line listed, '|' separating).
samples='
general/ioctl/wdm|ioctlapp.exe|OutBuffer (38): This String is from Device Driver !!!|Calling DeviceIoControl METHOD_OUT_DIRECT
'

echo "$samples" | while IFS='|' read -r folder app expected1 expected2; do
    [ -n "$folder" ] || continue
    work=$(mktemp -d "${TMPDIR:-/tmp}/ntk-wdk-XXXXXX")
    result=PASS
    reason=
    if [ ! -d "$checkout/$folder" ]; then
        result=FAIL
        reason="no folder $folder in the checkout"
    elif ! "$ntk" build "$checkout/$folder" -o "$work/out" > "$work/build.log" 2>&1; then
        result=FAIL
        reason="ntk build failed (see $work/build.log)"
    else
        # Windows samples look for their driver in the current directory.
        (cd "$work/out" && "$ntk" run "./$app") > "$work/run.log" 2>&1
        status=$?
        if [ $status -ne 0 ]; then
            result=FAIL
            reason="exit status $status (see $work/run.log)"
        else
            for expected in "$expected1" "$expected2"; do
                if [ -n "$expected" ] && ! grep -qF -- "$expected" "$work/run.log"; then
                    result=FAIL
                    reason="the output lacks '$expected' (see $work/run.log)"
                fi
            done
        fi
    fi
    if [ "$result" = PASS ]; then
        echo "PASS  $folder"
        if [ "${KEEP:-0}" = 1 ]; then
            echo "      kept in $work"
        else
            rm -rf "$work"
        fi
    else
        echo "FAIL  $folder: $reason"
        echo "fail" >> "${TMPDIR:-/tmp}/ntk-wdk-failures.$$"
    fi
done
if [ -f "${TMPDIR:-/tmp}/ntk-wdk-failures.$$" ]; then
    failed=$(wc -l < "${TMPDIR:-/tmp}/ntk-wdk-failures.$$")
    rm -f "${TMPDIR:-/tmp}/ntk-wdk-failures.$$"
    echo "$failed sample(s) failed"
    exit 1
fi
echo "all samples passed"
exit 0
