"""Rules that span fields or files: references, times that must add up, weeks that match dates.

One module per kind, as in ``model/``. Each check reads validated models and yields problems
located in the author's file.
"""

from __future__ import annotations

from collections.abc import Iterator

from kulturdialog.checks.addresses import check_addresses
from kulturdialog.checks.feedback import check_feedback
from kulturdialog.checks.gathering import check_gatherings
from kulturdialog.checks.package import check_packages
from kulturdialog.checks.series import check_series
from kulturdialog.errors import Problem
from kulturdialog.library import Library


def check_library(library: Library) -> Iterator[Problem]:
    """Every cross-field and cross-file problem in ``library``."""
    yield from check_addresses(library)
    yield from check_gatherings(library)
    yield from check_series(library)
    yield from check_packages(library)
    yield from check_feedback(library)
