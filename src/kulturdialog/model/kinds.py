"""Every kind of content file, declared once: the library's registers, the reserved ids, the
navigation and the starters read this table, so a new kind is its model, its checks, its views
and templates, and one line here."""

from __future__ import annotations

from dataclasses import dataclass, replace

from kulturdialog.model.feedback import Feedback
from kulturdialog.model.gathering import Gathering
from kulturdialog.model.package import Package
from kulturdialog.model.questions import QuestionSet
from kulturdialog.model.series import Programme, Series
from kulturdialog.model.worksheet import Worksheet

AnyContent = Gathering | QuestionSet | Series | Programme | Worksheet | Package | Feedback
"""Any content model."""


@dataclass(frozen=True)
class Kind:
    """One kind of content file and where the rest of the toolkit keeps it."""

    name: str
    """The value of the file's ``kind`` field."""
    model: type[AnyContent]
    register: str
    """The library's register (attribute) that holds files of this kind by id."""
    noun: str
    """How messages name one, such as 'question set'."""
    folder: str | None = None
    """The folder of its pages in the site, whose ``index.md`` lists them; None when the kind
    has no index of its own."""
    index_label: str | None = None
    """The label key the navigation names its index with."""
    index_name: str | None = None
    """How messages name its index page: an id 'index' would replace it."""
    home: str = "dialogues"
    """The content folder a new file of this kind goes to when there is none of its kind yet."""
    alias: str | None = None
    """A short name an author may type after ``new`` instead of the kind."""


_SERIES = Kind(
    "series",
    Series,
    "series",
    "series",
    "series",
    "series_and_programmes",
    "the list of series and programmes",
    home="series",
)

TABLE: tuple[Kind, ...] = (
    Kind(
        "gathering",
        Gathering,
        "gatherings",
        "gathering",
        "gatherings",
        "gatherings",
        "the list of gatherings",
    ),
    Kind(
        "question_set",
        QuestionSet,
        "question_sets",
        "question set",
        "questions",
        "question_sets",
        "the question-set library",
        alias="questions",
    ),
    _SERIES,
    # A programme is kept, listed and found with the series.
    replace(_SERIES, name="programme", model=Programme),
    Kind(
        "worksheet",
        Worksheet,
        "worksheets",
        "worksheet",
        "worksheets",
        None,
        "the list of worksheets",
        # A planning worksheet belongs to the meetings of a series that use it.
        home="series",
    ),
    Kind(
        "package",
        Package,
        "packages",
        "package",
        "packages",
        "packages",
        "the list of theme packages",
        home="packages",
    ),
    Kind("feedback", Feedback, "feedback", "feedback"),
)
"""Every kind, in the order the starters and the guide list them."""

BY_NAME: dict[str, Kind] = {kind.name: kind for kind in TABLE}
"""Each kind by the value of its ``kind`` field."""

KINDS: dict[str, type[AnyContent]] = {kind.name: kind.model for kind in TABLE}
"""Every kind of document's model, by the value of its ``kind`` field."""


def registers() -> dict[str, Kind]:
    """The first kind of each library register ('series' holds series and programmes)."""
    found: dict[str, Kind] = {}
    for kind in TABLE:
        found.setdefault(kind.register, kind)
    return found
