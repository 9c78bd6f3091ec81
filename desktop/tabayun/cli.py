"""Tabayun's command line.

    tabayun                               open the window on the sample event
    tabayun FILES_OR_FOLDER...            open the window on those articles
    tabayun --screenshot out.png [FILES]  render the window to a PNG and exit
    tabayun compare FILES_OR_FOLDER... --out DIR [--visual]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

from . import __version__

SUBCOMMANDS = ("compare",)


def _window_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="tabayun",
        description="Put news articles about one event side by side, claim by claim. "
                    f"Subcommands: {', '.join(SUBCOMMANDS)} (tabayun SUBCOMMAND --help).",
    )
    p.add_argument("paths", nargs="*", help="article files or folders (default: the sample event)")
    p.add_argument("--screenshot", metavar="PNG", help="render the window to this PNG file and exit")
    p.add_argument("--version", action="version", version=f"tabayun {__version__}")
    return p


def _compare_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="tabayun compare",
        description="Align the articles of one event and write alignment.csv, differences.csv, "
                    "markers.csv and terms.csv (UTF-8 with BOM) to DIR.",
    )
    p.add_argument("paths", nargs="+", help="article files (.txt .md .html .csv .json .jsonl) or folders")
    p.add_argument("--out", "-o", required=True, type=Path, help="folder to write the CSV files to")
    p.add_argument("--visual", action="store_true",
                   help="print Arabic reshaped and in visual order, for terminals that do not do bidi")
    p.add_argument("--quiet", "-q", action="store_true", help="print nothing but errors")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in SUBCOMMANDS:
        return _run_compare(_compare_parser().parse_args(argv[1:]))
    args = _window_parser().parse_args(argv)
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        print(f"tabayun: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    from .ui.app import run  # Qt is imported only when a window is wanted

    return run(list(args.paths), screenshot=args.screenshot)


def _run_compare(args: argparse.Namespace) -> int:
    from .core.comparison import compare
    from .core.export import write_csv
    from .core.summary import summary_lines

    try:
        comparison = compare(args.paths)
    except ValueError as exc:
        print(f"tabayun: {exc}", file=sys.stderr)
        return 2
    for problem in comparison.problems:
        print(f"tabayun: skipped {problem}", file=sys.stderr)
    try:
        written = [
            write_csv(comparison.alignment_frame(), args.out / "alignment.csv"),
            write_csv(comparison.differences_frame(), args.out / "differences.csv"),
            write_csv(comparison.markers_frame(), args.out / "markers.csv"),
            write_csv(comparison.terms_frame(), args.out / "terms.csv"),
        ]
    except OSError as exc:
        print(f"tabayun: cannot write to {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    if not args.quiet:
        lines = summary_lines(comparison) + ["", "Wrote " + ", ".join(str(p) for p in written)]
        print("\n".join(_visual(line) for line in lines) if args.visual else "\n".join(lines))
    return 0


def _visual(line: str) -> str:
    """Arabic shaped and reordered for display on a terminal without bidi support."""
    from arabic_reshaper import reshape
    from bidi.algorithm import get_display

    return get_display(reshape(line))


if __name__ == "__main__":
    raise SystemExit(main())
