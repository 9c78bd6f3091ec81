"""The .deb's Depends: the packages named in control.in plus, for every host library the
bundle leaves to the system (the list the spec writes), the Debian package that ships it.

    python deb_depends.py SYSTEM_LIBRARIES_LIST "libegl1, libgl1, ..."   -> one Depends line

Like dpkg-shlibdeps, but for a bundle dpkg-shlibdeps cannot read: each package is required
at the version the build machine has or newer (build on the oldest release to support), or
its 64-bit-time ("t64") successor, which Debian 13 and Ubuntu 24.04 ship under a new name.
"""

from __future__ import annotations

import os
import subprocess
import sys


def owner(path: str) -> str | None:
    """The package that installed ``path`` (dpkg knows a file by the path it unpacked, which
    with merged /usr may be the /lib or the /usr/lib spelling, or the link's target)."""
    candidates = [path, os.path.realpath(path)]
    for p in list(candidates):
        if p.startswith("/usr/lib/"):
            candidates.append(p[len("/usr"):])
        elif p.startswith("/lib/"):
            candidates.append("/usr" + p)
    for candidate in dict.fromkeys(candidates):
        done = subprocess.run(["dpkg-query", "-S", candidate], capture_output=True, text=True)
        if done.returncode == 0:
            return done.stdout.split(":", 1)[0].strip()
    return None


def installed_version(package: str) -> str:
    done = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True)
    version = done.stdout.strip()
    return version.split(":", 1)[-1].rsplit("-", 1)[0] if version else ""  # upstream part only


def dependency(package: str) -> str:
    version = installed_version(package)
    clause = f"{package} (>= {version})" if version else package
    if package.endswith("t64"):
        return f"{clause} | {package[:-3]}"
    return f"{clause} | {package}t64" if package.startswith("lib") else clause


def main(listing: str, static: str) -> int:
    packages: dict[str, str] = {}
    for name in (p.strip() for p in static.split(",")):
        if name:
            packages[name.split()[0]] = name
    unowned = []
    with open(listing, encoding="utf-8") as lines:
        for path in filter(None, (ln.strip() for ln in lines)):
            package = owner(path)
            if package is None:
                unowned.append(path)
            elif package not in packages:
                packages[package] = dependency(package)
    if unowned:  # a library no package installed (built by hand?) cannot be left to the system
        print("deb_depends: no Debian package ships " + ", ".join(unowned), file=sys.stderr)
        return 1
    print(", ".join(packages[name] for name in sorted(packages)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else ""))
