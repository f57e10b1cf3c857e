"""Charts: values of different kinds of measure are never bars of one scale."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from kulturdialog.model.package import Figure
from kulturdialog.views.charts import chart

MEASURES = st.sampled_from([None, "i høj grad", "i høj grad eller nogen grad"])
VALUES = st.lists(
    st.fixed_dictionaries(
        {"label": st.sampled_from(["a", "b", "c"]), "value": st.integers(0, 100)},
        optional={"measure": MEASURES},
    ),
    min_size=1,
    max_size=8,
)


@given(values=VALUES, default=MEASURES)
def test_each_scale_holds_one_measure_and_every_value_once_in_order(
    values: list[dict[str, object]], default: str | None
) -> None:
    figure = Figure.model_validate(
        {"title": "T", "values": values, "measure": default, "maximum": 100}
    )
    drawn = chart(figure, "c", "da")
    flat = [(scale.measure, bar.value) for scale in drawn.scales for bar in scale.bars]
    assert flat == [(v.measured_as(figure), str(int(v.value))) for v in figure.values]
    neighbours = zip(drawn.scales, drawn.scales[1:], strict=False)
    assert all(a.measure != b.measure for a, b in neighbours)


def test_a_figure_needs_the_source_s_title_or_its_words() -> None:
    with pytest.raises(ValidationError, match="caption"):
        Figure.model_validate({"values": [{"label": "a", "value": 1}]})
    untitled = Figure.model_validate({"caption": "Kortlægningen viser", "values": []})
    assert chart(untitled, "c", "da").scales == []
