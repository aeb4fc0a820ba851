#!/bin/sh
# Installs the Debian packages ntk needs to build and test, when missing.
# Runs as root on Debian 12 (CI, fresh machines); elsewhere it only reports.
set -eu
packages="cmake make gcc libc6-dev pkg-config libcmocka-dev libdw-dev libelf-dev libexpat1-dev libsqlite3-dev binutils"
missing=""
for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
    echo "ntk: missing packages:$missing (run as root, or install them)" >&2
    exit 1
fi
echo "ntk: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends $missing >/dev/null
