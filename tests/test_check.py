"""The check command's summary line."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from kulturdialog.authoring.check import CheckResult
from kulturdialog.errors import Problem


# Small counts, where the singular is, as often as large ones.
@given(files=st.integers(0, 3) | st.integers(0, 10_000), broken=st.booleans())
def test_the_summary_counts_files_in_the_right_number(files: int, broken: bool) -> None:
    problems = [Problem("a.yml", 1, 1, "id", "wrong")] if broken else []
    summary = CheckResult(files, problems, {"gatherings": 1}).summary()
    named = re.findall(r"(\d+) (files?)\b", summary)
    assert named == [(str(files), "file" if files == 1 else "files")], summary
