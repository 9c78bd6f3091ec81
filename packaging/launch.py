"""Entry point for frozen builds (PyInstaller): the same as the `tabayun` command."""

from tabayun.cli import main

raise SystemExit(main())
