#!/usr/bin/env bash
# Build the macOS app and its disk image: Tabayun.app (PyInstaller) in Tabayun-VERSION.dmg.
#
#   bash packaging/macos/build_dmg.sh        # -> build/installer/Tabayun-VERSION-ARCH.dmg
#
# Runs on macOS only (hdiutil, iconutil-free: the .icns comes from packaging/make_icons.py).
# Built by .github/workflows/packaging.yml on a macOS runner; it cannot run on the Linux
# machines the project is developed on. The app is not signed or notarised: on first start
# the user opens it with right-click → Open (see packaging/README.md).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
BUILD="$ROOT/build"
VENV="${TABAYUN_BUILD_VENV:-$BUILD/venv}"
PY="${PYTHON:-python3}"

if [ "$(uname -s)" != Darwin ]; then
    echo "build_dmg.sh builds the macOS disk image and needs macOS (hdiutil)." >&2
    exit 2
fi
[ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
rm -rf "$BUILD/lib" "$BUILD"/bdist.*
"$VENV/bin/pip" install -q --upgrade "pyinstaller>=6.10" .
"$VENV/bin/python" packaging/make_icons.py
"$VENV/bin/pyinstaller" --noconfirm --log-level WARN \
    --distpath "$BUILD/dist" --workpath "$BUILD/pyinstaller" packaging/tabayun.spec

VERSION="$("$VENV/bin/python" -c 'from importlib.metadata import version; print(version("tabayun"))')"
ARCH="$(uname -m)"
APP="$BUILD/dist/Tabayun.app"
[ -d "$APP" ] || { echo "PyInstaller made no $APP" >&2; exit 1; }
# Ad-hoc signature: Apple silicon refuses to run unsigned code at all.
codesign --force --deep --sign - "$APP"

# The disk image shows the app beside a link to /Applications: drag one onto the other.
STAGE="$BUILD/dmg"
rm -rf "$STAGE"
mkdir -p "$STAGE" "$BUILD/installer"
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
DMG="$BUILD/installer/Tabayun-$VERSION-$ARCH.dmg"
rm -f "$DMG"
hdiutil create -volname "Tabayun $VERSION" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$DMG"
hdiutil verify "$DMG"
echo "app:       $APP ($(du -sh "$APP" | cut -f1))"
echo "package:   $DMG ($(du -h "$DMG" | cut -f1))"
