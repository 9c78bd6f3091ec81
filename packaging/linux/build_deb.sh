#!/usr/bin/env bash
# Build the Linux installer: a PyInstaller bundle wrapped in a .deb.
#
#   bash packaging/linux/build_deb.sh            # -> build/deb/tabayun_VERSION_ARCH.deb
#
# PyInstaller is a build tool, not a dependency of Tabayun: it is installed with a plain
# (non-editable) `pip install .` into the build's own venv (build/venv), so the spec sees
# resources/ and seeds/ mapped into the package as tabayun._resources and tabayun._seeds.
# Set TABAYUN_BUILD_VENV to reuse another venv, TABAYUN_SKIP_PIP=1 to skip the install step
# (the venv already has this source tree and pyinstaller).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
BUILD="$ROOT/build"
VENV="${TABAYUN_BUILD_VENV:-$BUILD/venv}"
PY="${PYTHON:-python3}"

if [ ! -x "$VENV/bin/python" ]; then
    "$PY" -m venv "$VENV"
fi
if [ "${TABAYUN_SKIP_PIP:-0}" != 1 ]; then
    # setuptools stages the package in build/lib and never removes what the source dropped.
    rm -rf "$BUILD/lib" "$BUILD"/bdist.*
    "$VENV/bin/pip" install -q --upgrade "pyinstaller>=6.10" .
fi

VERSION="$("$VENV/bin/python" -c 'from importlib.metadata import version; print(version("tabayun"))')"
ARCH="$(dpkg --print-architecture)"

# What Qt needs from the system whether or not the build machine had it to bundle: OpenGL and
# D-Bus (loaded at run time), the xcb libraries of its window plugin.
STATIC_DEPENDS="libc6, libegl1, libgl1, libfontconfig1, libdbus-1-3, libx11-xcb1, libxkbcommon-x11-0, \
libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-image0, libxcb-render-util0, libxcb-shape0, libxcb-xkb1"

# 1. The bundle (build/dist/tabayun/), without the host's own libraries: the package depends
#    on the system's (see TABAYUN_SYSTEM_LIBRARIES in the spec).
SYSTEM_LIBS="$BUILD/system-libraries.txt"
TABAYUN_SYSTEM_LIBRARIES="$SYSTEM_LIBS" "$VENV/bin/pyinstaller" --noconfirm --log-level WARN \
    --distpath "$BUILD/dist" --workpath "$BUILD/pyinstaller" packaging/tabayun.spec
DEPENDS="$("$VENV/bin/python" packaging/linux/deb_depends.py "$SYSTEM_LIBS" "$STATIC_DEPENDS")"
BUNDLE="$BUILD/dist/tabayun"
# Some shared objects arrive with debug information: a pyenv-built libpython (23 MB, 6 MB
# without), kiwisolver, Pillow, regex. Strip the debug sections of those (only those: the
# vendored libraries in *.libs/ that auditwheel patched are left alone).
if command -v strip >/dev/null && command -v file >/dev/null; then
    find "$BUNDLE/_internal" -type f -name '*.so*' -not -path '*.libs/*' -print0 \
        | xargs -0 file | { grep 'with debug_info' || true; } | cut -d: -f1 \
        | while read -r so; do strip --strip-debug "$so"; done
fi

# 2. The package tree: the bundle under /usr/lib/tabayun, a launcher on PATH, the menu entry,
#    the icon and the AppStream metainfo where desktops and software centres look for them.
STAGE="$BUILD/deb/tabayun_${VERSION}_${ARCH}"
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/usr/lib" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
    "$STAGE/usr/share/icons/hicolor/scalable/apps" "$STAGE/usr/share/metainfo" "$STAGE/usr/share/doc/tabayun"
cp -a "$BUNDLE" "$STAGE/usr/lib/tabayun"
install -m 755 packaging/linux/tabayun.sh "$STAGE/usr/bin/tabayun"
install -m 644 packaging/linux/tabayun.desktop "$STAGE/usr/share/applications/tabayun.desktop"
install -m 644 resources/icons/tabayun.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/tabayun.svg"
install -m 644 packaging/linux/org.tabayun.Tabayun.metainfo.xml "$STAGE/usr/share/metainfo/"
install -m 644 packaging/linux/copyright "$STAGE/usr/share/doc/tabayun/copyright"
# dpkg-deb wants group/other without write access on everything it packs.
chmod -R u+rwX,go+rX,go-w "$STAGE"

INSTALLED_KB="$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)"
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@INSTALLED_KB@/$INSTALLED_KB/" -e "s/@DEPENDS@/$DEPENDS/" \
    packaging/linux/control.in > "$STAGE/DEBIAN/control"

# 3. The .deb: files owned by root whoever builds it; xz keeps the download small.
DEB="$BUILD/deb/tabayun_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group -Zxz --build "$STAGE" "$DEB" >/dev/null
echo "bundle:    $BUNDLE ($(du -sh "$BUNDLE" | cut -f1), $(find "$BUNDLE" -type f | wc -l) files)"
echo "installed: ${INSTALLED_KB} KiB"
echo "package:   $DEB ($(du -h "$DEB" | cut -f1))"
echo "depends:   $DEPENDS"
