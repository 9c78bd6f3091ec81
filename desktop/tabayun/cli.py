"""Tabayun's command line.

    tabayun                               open the window on the sample event
    tabayun FILES_OR_FOLDER...            open the window on those articles
    tabayun --screenshot out.png [FILES]  render the window to a PNG and exit
    tabayun compare FILES_OR_FOLDER... --out DIR [--visual]
    tabayun agreement LABELS.csv LABELS.csv... [--out DIR]
    tabayun merge LABELS.csv... --out merged.csv
    tabayun export FILES_OR_FOLDER... --out DIR [--labels LABELS.csv...]
    tabayun corpus INPUT... --out DIR [--window-days N] [--threshold X] [--scheduler ADDRESS]
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from . import __version__

if TYPE_CHECKING:
    import pandas as pd

SUBCOMMANDS = ("compare", "agreement", "merge", "export", "corpus")


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(x) for x in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: give the size as WIDTHxHEIGHT, e.g. 1366x768") from None
    if not (200 <= width <= 10000 and 200 <= height <= 10000):
        raise argparse.ArgumentTypeError(f"{text!r}: width and height between 200 and 10000 pixels")
    return width, height


def _window_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="tabayun",
        description="Put news articles about one event side by side, claim by claim. "
                    f"Subcommands: {', '.join(SUBCOMMANDS)} (tabayun SUBCOMMAND --help).",
    )
    p.add_argument("paths", nargs="*", help="article files or folders (default: the sample event)")
    p.add_argument("--screenshot", metavar="PNG", help="render the window to this PNG file and exit")
    p.add_argument("--lang", choices=("en", "ar"), default="",
                   help="the interface's language for this run (default: Preferences, else the system's)")
    p.add_argument("--size", metavar="WxH", type=_size,
                   help="with --screenshot: the window's size, e.g. 1366x768 (default: the screen, or 1600x1000)")
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
    p.add_argument("--jobs", "-j", type=_jobs, default=1, metavar="N",
                   help="work in N processes (0: one per core): the markers are found in one of their own, "
                        "a large event's rows collated in N; the result is the same as with 1")
    return p


def _agreement_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="tabayun agreement",
        description="Agreement between annotators (Cohen's kappa for two, Krippendorff's alpha for any "
                    "number), overall and per code, from their labels.csv files. With --out, write "
                    "agreement.csv, confusion.csv and disagreements.csv (UTF-8 with BOM) to DIR.",
    )
    p.add_argument("labels", nargs="+", type=Path,
                   help="labels.csv files (one per annotator, or one holding several annotators)")
    p.add_argument("--out", "-o", type=Path, help="folder to write the CSV files to")
    return p


def _merge_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="tabayun merge",
        description="Put the labels of several annotators in one table to adjudicate: one line per "
                    "labelled span, a column per annotator with their code, and an adjudicated column "
                    "filled in where everyone agrees.",
    )
    p.add_argument("labels", nargs="+", type=Path, help="labels.csv files")
    p.add_argument("--out", "-o", required=True, type=Path, help="the CSV file to write")
    return p


def _export_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="tabayun export",
        description="Analyse an event and write what was found, for people outside the app: the "
                    "labelled differences as a table (CSV and XLSX), a self-contained HTML report and "
                    "charts (PNG and SVG).")
    p.add_argument("paths", nargs="+", help="the event's article files or folders")
    p.add_argument("--out", "-o", required=True, type=Path, help="folder to write to")
    p.add_argument("--labels", "-l", nargs="*", type=Path, default=[],
                   help="labels.csv files (several annotators: the report adds their agreement)")
    return p


class CommandError(Exception):
    """What a subcommand says on stderr, in one line, before exiting with 2 (no traceback)."""


def _jobs(text: str) -> int:
    try:
        jobs = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--jobs takes a whole number of processes, not {text!r}") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError("--jobs takes 1 or more processes (0: one per core)")
    return jobs or os.cpu_count() or 1


def _analyse(paths: list[str], jobs: int = 1, forkable: bool = False):
    """The event of ``paths``; files that could not be read are named on stderr (``forkable``:
    see compare_articles)."""
    from .core.analysis.comparison import compare

    try:
        comparison = compare(paths, jobs=jobs, forkable=forkable)
    except ValueError as exc:
        raise CommandError(exc) from None
    for problem in comparison.problems:
        print(f"tabayun: skipped {problem}", file=sys.stderr)
    return comparison


@contextmanager
def _writing_to(out: Path):
    try:
        yield
    except OSError as exc:
        raise CommandError(f"cannot write to {out}: {exc.strerror or exc}") from None


def main(argv: Sequence[str] | None = None) -> int:
    """The command line; ``argv`` None: this process's own arguments, the process ending after."""
    whole_process = argv is None
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "corpus":  # its own options and messages (corpus_cli.py)
        from .corpus_cli import main as corpus_main

        return corpus_main(argv[1:])
    if argv and argv[0] in SUBCOMMANDS:
        parser, run = {
            "compare": (_compare_parser, _run_compare),
            "agreement": (_agreement_parser, _run_agreement),
            "merge": (_merge_parser, _run_merge),
            "export": (_export_parser, _run_export),
        }[argv[0]]
        if whole_process and argv[0] == "compare":
            # What the analysis makes lives until the process ends, and it leaves next to no
            # cyclic garbage: the collector would only walk it again and again as it grows
            # (a tenth of the time at 200 outlets; the peak memory is the same without it).
            gc.disable()
            # The analysis does no linear algebra: numpy's OpenBLAS need not start a thread
            # per core as it loads (70 ms of the 0.6 s the sample event takes). Set before
            # numpy is imported; a value the user set stays.
            os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
        try:
            args = parser().parse_args(argv[1:])
            # This process has no other threads: a forked copy of it may share the work (on
            # Linux; elsewhere forking a process that loaded system libraries is not safe).
            args.forkable = whole_process and sys.platform.startswith("linux")
            return run(args)
        except CommandError as exc:
            print(f"tabayun: {exc}", file=sys.stderr)
            return 2
        finally:
            if whole_process:
                # What the subcommand made stays alive until the process ends, and the
                # collection Python runs at exit would walk all of it for nothing (a tenth of
                # a second after comparing 40 outlets): frozen objects are left out of it.
                gc.freeze()
    args = _window_parser().parse_args(argv)
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        print(f"tabayun: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    from .ui.app import run  # Qt is imported only when a window is wanted

    return run(list(args.paths), screenshot=args.screenshot, size=args.size, language=args.lang)


def _run_compare(args: argparse.Namespace) -> int:
    from .core.files import write_table
    from .core.sharing.summary import summary_lines

    comparison = _analyse(args.paths, args.jobs, args.forkable)
    with _writing_to(args.out):  # with the csv module: the command starts without importing pandas
        written = [write_table(columns, rows, args.out / name)
                   for name, (columns, rows) in comparison.tables().items()]
    if not args.quiet:
        lines = summary_lines(comparison) + ["", "Wrote " + ", ".join(str(p) for p in written)]
        print("\n".join(_visual(line) for line in lines) if args.visual else "\n".join(lines))
    return 0


def _read_label_frames(paths: list[Path]) -> dict[str, pd.DataFrame]:
    """Each labels file as a frame, named by its file (the annotator where a label has none).

    Raises CommandError reading "FILE line N: reason" for a file that is not a labels file
    (or cannot be read).
    """
    from .core.annotation.labels import LabelFileError, labels_frame, read_labels

    frames = {}
    for path in paths:
        name = path.stem if path.stem not in frames else str(path)
        try:
            frames[name] = labels_frame(read_labels(path))
        except LabelFileError as exc:
            where = f"{path} line {exc.line}" if exc.line is not None else str(path)
            raise CommandError(f"{where}: {exc.reason}") from None
        except OSError as exc:
            raise CommandError(f"cannot read {path}: {exc.strerror or exc}") from None
    return frames


def _run_agreement(args: argparse.Namespace) -> int:
    from .core.annotation.agreement import agreement_report
    from .core.files import write_csv

    report = agreement_report(_read_label_frames(args.labels))
    if len(report.annotators) < 2:
        raise CommandError(f"agreement needs labels of two or more annotators; found "
                           f"{', '.join(report.annotators) or 'none'} (annotators are named by the annotator "
                           "column, or by the file name where it is empty)")
    print("\n".join(report.summary_lines()))
    if args.out is not None:
        with _writing_to(args.out):
            written = [
                write_csv(report.agreement_frame(), args.out / "agreement.csv"),
                write_csv(report.confusion_frame(), args.out / "confusion.csv"),
                write_csv(report.disagreements, args.out / "disagreements.csv"),
            ]
        print("\nWrote " + ", ".join(str(p) for p in written))
    return 0


def _run_merge(args: argparse.Namespace) -> int:
    from .core.annotation.agreement import merge_labels
    from .core.files import write_csv

    merged = merge_labels(_read_label_frames(args.labels))
    with _writing_to(args.out):
        write_csv(merged, args.out)
    to_decide = int((merged["adjudicated"] == "").sum())
    print(f"Wrote {args.out}: {len(merged)} labelled spans, {to_decide} left to adjudicate.")
    return 0


def _run_export(args: argparse.Namespace) -> int:
    import pandas as pd

    from .core.sharing.export_folder import export_event

    frames = _read_label_frames(args.labels)
    comparison = _analyse(args.paths)
    labels = pd.concat(frames.values(), ignore_index=True) if frames else None
    agreement = None
    if len(frames) > 1:
        from .core.annotation.agreement import agreement_report

        report = agreement_report(frames)
        agreement = report.summary_lines() if len(report.annotators) > 1 else None
    with _writing_to(args.out):
        written = export_event(comparison, args.out, labels, agreement)
    print("Wrote " + ", ".join(str(p) for p in written))
    return 0


def _visual(line: str) -> str:
    """Arabic shaped and reordered for display on a terminal without bidi support."""
    from arabic_reshaper import reshape
    from bidi.algorithm import get_display

    return get_display(reshape(line))


if __name__ == "__main__":
    raise SystemExit(main())
