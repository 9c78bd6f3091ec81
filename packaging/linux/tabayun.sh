#!/bin/sh
# /usr/bin/tabayun: start the bundled app installed by the .deb.
exec /usr/lib/tabayun/tabayun "$@"
