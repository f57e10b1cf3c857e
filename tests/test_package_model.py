"""The theme-package model: slide references, durations and figures as authors write them."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from kulturdialog.model import CONTENT_ADAPTER, Package
from kulturdialog.model.package import Runsheet, Step


def step(**fields: Any) -> Step:
    return Step.model_validate({"minutes": 10, "activity": "Innledning", **fields})


@pytest.mark.parametrize(
    ("written", "first", "last"),
    [(3, 3, 3), ("3", 3, 3), ("3–5", 3, 5), ("3-5", 3, 5), (" 3 – 5 ", 3, 5), ("4—4", 4, 4)],
)
def test_slide_references_are_numbers_or_ranges(written: Any, first: int, last: int) -> None:
    [ref] = step(slides=[written]).slides
    assert (ref.first, ref.last) == (first, last)
    assert list(ref.numbers) == list(range(first, last + 1))


def test_a_range_prints_with_an_en_dash() -> None:
    assert [str(ref) for ref in step(slides=["3-5", 7]).slides] == ["3–5", "7"]


def test_a_range_written_backwards_is_refused_with_the_fix() -> None:
    with pytest.raises(ValidationError) as raised:
        step(slides=["5–3"])
    [error] = raised.value.errors()
    assert error["loc"] == ("slides", 0)
    assert "written backwards" in error["msg"] and "3–5" in error["msg"]


@pytest.mark.parametrize("written", ["tre", "3–", "3,5", True, 0, -2])
def test_anything_else_is_not_a_slide_reference(written: Any) -> None:
    with pytest.raises(ValidationError):
        step(slides=[written])


@pytest.mark.parametrize("minutes", [0, -5])
def test_steps_take_more_than_zero_minutes(minutes: int) -> None:
    with pytest.raises(ValidationError) as raised:
        step(minutes=minutes)
    assert raised.value.errors()[0]["loc"] == ("minutes",)


def test_duration_is_a_number_or_a_range_of_minutes() -> None:
    steps = [{"minutes": 10, "activity": "A"}]
    ranged = Runsheet.model_validate({"duration": "60–90", "steps": steps}).duration
    single = Runsheet.model_validate({"duration": 90, "steps": steps}).duration
    assert ranged is not None and (ranged.first, ranged.last) == (60, 90)
    assert single is not None and (single.first, single.last) == (90, 90)


def package(**fields: Any) -> Package:
    data = {"kind": "package", "id": "p", "title": "P", "language": "nb", **fields}
    parsed = CONTENT_ADAPTER.validate_python(data)
    assert isinstance(parsed, Package)
    return parsed


def test_an_announced_package_needs_only_its_names() -> None:
    announced = package(status="announced", form=["Tre presentasjoner"])
    assert announced.presentations == [] and announced.runsheet is None


def test_the_only_presentation_is_found_without_an_id() -> None:
    slides = [{"title": "Første"}]
    one = package(presentations=[{"id": "a", "title": "A", "slides": slides}])
    assert one.presentation(None) is one.presentations[0]
    two = package(
        presentations=[
            {"id": "a", "title": "A", "slides": slides},
            {"id": "b", "title": "B", "slides": slides},
        ]
    )
    assert two.presentation(None) is None
    assert two.presentation("b") is two.presentations[1]


def test_a_figure_takes_n_as_a_number_or_a_range_of_answers() -> None:
    figure = {"title": "F", "values": [{"label": "Ja", "value": 95}]}
    slides = [{"title": "S", "figures": [{**figure, "n": "57–58"}, {**figure, "n": 58}]}]
    parsed = package(presentations=[{"id": "a", "title": "A", "slides": slides}])
    assert [f.n for f in parsed.presentations[0].slides[0].figures] == ["57–58", 58]


def test_unknown_fields_are_refused() -> None:
    with pytest.raises(ValidationError):
        package(status="announced", slides=[])


def test_a_presentation_is_16_9_unless_it_says_4_3() -> None:
    slides = [{"title": "Første"}]
    wide = package(presentations=[{"id": "a", "title": "A", "slides": slides}])
    assert wide.presentations[0].aspect == "16:9"
    old = package(presentations=[{"id": "a", "title": "A", "slides": slides, "aspect": "4:3"}])
    assert old.presentations[0].aspect == "4:3"
    with pytest.raises(ValidationError):
        package(presentations=[{"id": "a", "title": "A", "slides": slides, "aspect": "3:2"}])
