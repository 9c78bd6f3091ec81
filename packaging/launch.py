"""Entry point for frozen builds (PyInstaller): the same as the `tabayun` command."""

import multiprocessing

from tabayun.cli import main

if __name__ == "__main__":
    # `--jobs` and the corpus's local cluster start worker processes by running this
    # executable again: freeze_support makes such a child do its work instead of opening the app.
    multiprocessing.freeze_support()
    raise SystemExit(main())
