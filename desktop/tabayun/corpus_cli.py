"""`tabayun corpus INPUT... --out DIR`: the command's options and what it prints."""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path
from typing import Callable, Sequence

from .core.corpus.grouping import DEFAULT_THRESHOLD, DEFAULT_WINDOW_DAYS

NEEDED = ("dask", "distributed", "datasketch", "pyarrow")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="tabayun corpus",
        description="Read a corpus (folders of article files; CSV, JSONL or Parquet files of records), group its "
                    "articles into events, compare each event and write the results to DIR (see "
                    "docs/corpus-format.md). Runs on a local Dask cluster (all cores) or an existing one "
                    "(--scheduler). Run the same command again to resume an interrupted run.")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="corpus files (.csv .jsonl .parquet) or folders")
    p.add_argument("--out", "-o", required=True, type=Path, help="the folder to write to (new, empty, or this "
                   "command's earlier run to resume)")
    p.add_argument("--window-days", type=_days, default=DEFAULT_WINDOW_DAYS, metavar="N",
                   help=f"articles of one event lie within N days of each other (default {DEFAULT_WINDOW_DAYS})")
    p.add_argument("--threshold", type=_share, default=DEFAULT_THRESHOLD, metavar="X",
                   help="the share of lead words (Jaccard) two articles of one story have at least "
                        f"(default {DEFAULT_THRESHOLD}; higher: smaller, surer events)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="an existing Dask cluster's scheduler, e.g. tcp://10.0.0.5:8786 (default: a local cluster)")
    p.add_argument("--workers", type=_workers, metavar="N",
                   help="worker processes of the local cluster (default: one per core)")
    p.add_argument("--csv", action="store_true", help="also write each event's CSV files to events/E…/results/")
    p.add_argument("--quiet", "-q", action="store_true", help="print nothing but errors")
    return p


def _whole_number(option: str, least: int, unit: str = "") -> Callable[[str], int]:
    """An argparse type: a whole number, ``least`` or more (``unit``: what it counts, for the messages)."""
    def parse(text: str) -> int:
        try:
            number = int(text)
        except ValueError:
            of = f" of {unit}" if unit else ""
            raise argparse.ArgumentTypeError(f"{option} takes a whole number{of}, not {text!r}") from None
        if number < least:
            raise argparse.ArgumentTypeError(f"{option} takes {least} or more{' ' + unit if unit else ''}")
        return number
    return parse


_days = _whole_number("--window-days", 0, "days")
_workers = _whole_number("--workers", 1)


def _share(text: str) -> float:
    try:
        share = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--threshold takes a number between 0 and 1, not {text!r}") from None
    if not 0 < share <= 1:
        raise argparse.ArgumentTypeError("--threshold takes a number above 0 and at most 1, e.g. 0.12")
    return share


def missing_extra() -> list[str]:
    return [name for name in NEEDED if importlib.util.find_spec(name) is None]


def main(argv: Sequence[str]) -> int:
    args = parser().parse_args(list(argv))
    missing = missing_extra()
    if missing:
        print(f"tabayun: `tabayun corpus` needs {', '.join(missing)}, which are not installed: "
              'pip install "tabayun[corpus]"', file=sys.stderr)
        return 2
    if args.scheduler and args.workers:
        print("tabayun: --workers sets the local cluster's size; an existing cluster (--scheduler) has the "
              "workers started on it with `dask worker`", file=sys.stderr)
        return 2
    from .core.corpus.run import CorpusError, Settings, run_corpus

    settings = Settings(window_days=args.window_days, threshold=args.threshold, csv=args.csv)
    try:
        result = run_corpus(args.inputs, args.out, settings, scheduler=args.scheduler, workers=args.workers,
                            progress=None if args.quiet else sys.stderr)
    except CorpusError as exc:
        print(f"tabayun: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"\ntabayun: stopped; run the same command again to continue where it stopped "
              f"(what is done is kept in {args.out})", file=sys.stderr)
        return 130
    if not args.quiet:
        if result.already_complete:
            print(f"{args.out} is already complete (corpus.json): nothing to do.")
        print(result.summary())
    return 0
