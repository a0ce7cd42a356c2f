"""The benchmarks' generated folders are valid data: a benchmark of a folder that every command
refuses would time an error message (CI once did, when a new bound on editions made the 3,000
generated meetings invalid)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from ca_summit.corpus.reading import check_folder

from conftest import ROOT


def _series() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_series", ROOT / "benchmarks" / "series.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("kind", "count"), [("generate", 3), ("generate_small", 1200)])
def test_a_generated_folder_is_valid_data(tmp_path: Path, kind: str, count: int) -> None:
    # 1,200 small meetings: editions and years past 999 and 1999, as the benchmark's 3,000 go.
    getattr(_series(), kind)(tmp_path, count)
    corpus, problems = check_folder(tmp_path)
    assert problems == [] and corpus is not None
    assert len(corpus.meetings) == count
