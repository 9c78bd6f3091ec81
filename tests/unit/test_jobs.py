"""`--jobs N`: the rows are collated in N processes, with the same result as one."""

from __future__ import annotations

import pytest

from tabayun.cli import main
from tabayun.core.analysis import collate as collate_module
from tabayun.core.analysis.collate import collate
from tabayun.core.analysis.comparison import compare


@pytest.fixture(autouse=True)
def processes_even_for_the_sample(monkeypatch):
    """The sample's rows are too few to be worth processes: spread them anyway."""
    monkeypatch.setattr(collate_module, "MIN_ROWS_PER_JOB", 1)
    started = []
    real = collate_module._collate_in_processes
    monkeypatch.setattr(collate_module, "_collate_in_processes", lambda *a: started.append(1) or real(*a))
    yield
    assert started  # the processes really ran


@pytest.mark.parametrize("jobs", [2, 3])
def test_collating_in_processes_gives_the_same_slots_as_one(sample, jobs):
    alone = collate(sample.rows, sample.articles, sample.normalizer, sample.markers)
    spread = collate(sample.rows, sample.articles, sample.normalizer, sample.markers, jobs=jobs)
    assert len(alone) > 10 and spread == alone


def test_compare_with_jobs_is_the_same_comparison(sample_dir, sample):
    spread = compare([sample_dir], jobs=2)
    assert spread.slots == sample.slots and spread.differences == sample.differences
    assert spread.terms == sample.terms and spread.rows == sample.rows
    assert spread.markers == sample.markers and len(sample.markers) > 5  # found in a process of their own


def test_the_command_writes_the_same_files_with_jobs(sample_dir, tmp_path, capsys):
    assert main(["compare", str(sample_dir), "--out", str(tmp_path / "one"), "--quiet"]) == 0
    assert main(["compare", str(sample_dir), "--out", str(tmp_path / "two"), "--quiet", "--jobs", "2"]) == 0
    names = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "two").iterdir()) and "variants.csv" in names
    for name in names:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name


def test_jobs_must_be_a_whole_number(sample_dir, tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["compare", str(sample_dir), "--out", str(tmp_path), "--jobs", "two"])
    assert "--jobs takes a whole number" in capsys.readouterr().err
    main(["compare", str(sample_dir), "--out", str(tmp_path), "--jobs", "2", "--quiet"])  # the fixture's check



def test_markers_found_in_a_forked_copy_are_the_same(sample_dir, sample, monkeypatch):
    import multiprocessing

    from tabayun.core.analysis import comparison as comparison_module

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork here")
    monkeypatch.setattr(comparison_module, "_idle_core", lambda: True)  # whatever the machine's load
    made = []
    real = comparison_module._MarkersElsewhere.wanted.__func__
    monkeypatch.setattr(comparison_module._MarkersElsewhere, "wanted",
                        classmethod(lambda cls, *a: made.append(real(cls, *a)) or made[-1]))
    spread = compare([sample_dir], forkable=True)
    assert made and made[0].fork
    assert spread.markers == sample.markers and len(sample.markers) > 5
    assert spread.slots == sample.slots and spread.differences == sample.differences
    collate(sample.rows, sample.articles, sample.normalizer, sample.markers, jobs=2)  # the fixture's check


def test_the_command_as_its_own_process_writes_the_same_files(sample_dir, tmp_path):
    """`tabayun compare` as a whole process (no cyclic collection, objects frozen at exit,
    markers perhaps in a forked copy) writes what main() in this process writes."""
    import subprocess
    import sys

    assert main(["compare", str(sample_dir), "--out", str(tmp_path / "here"), "--quiet", "--jobs", "2"]) == 0
    subprocess.run([sys.executable, "-m", "tabayun.cli", "compare", str(sample_dir), "--out", str(tmp_path / "own"),
                    "--quiet"], check=True)
    names = sorted(p.name for p in (tmp_path / "here").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "own").iterdir()) and "markers.csv" in names
    for name in names:
        assert (tmp_path / "here" / name).read_bytes() == (tmp_path / "own" / name).read_bytes(), name
