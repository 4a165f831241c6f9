"""Charts are well-formed, escaped, accessible SVG with round axes."""

import xml.etree.ElementTree as ET

from django.utils import translation

import pytest

from home.reporting import charts

SVG = "{http://www.w3.org/2000/svg}"


def draw(groups, **options):
    return ET.fromstring(
        str(
            charts.bar_chart(
                chart_id="test-chart",
                title="Title <b>&",
                description="What it shows.",
                groups=groups,
                series=[charts.Series("a", "Kind A"), charts.Series("b", "<Kind B>")],
                **options,
            )
        )
    )


@pytest.mark.parametrize("vertical", [False, True])
def test_every_text_is_escaped_and_every_value_described(vertical):
    root = draw(
        [charts.Group("<script>", {"a": 3, "b": 0}), charts.Group("2020", {"a": 1})],
        vertical=vertical,
    )
    assert root.find(f"{SVG}title").text == "Title <b>&"
    assert root.find(f"{SVG}desc").text == (
        "What it shows. <script> — Kind A: 3, <Kind B>: 0. "
        "2020 — Kind A: 1, <Kind B>: 0."
    )
    bars = root.findall(f".//{SVG}rect[@class='bar']")
    assert [(bar.get("data-series"), bar.get("data-value")) for bar in bars] == [
        ("a", "3"),
        ("b", "0"),
        ("a", "1"),
        ("b", "0"),
    ]
    assert bars[0].find(f"{SVG}title").text == "<script>, Kind A: 3"
    size = "width" if not vertical else "height"
    assert float(bars[0].get(size)) > float(bars[2].get(size)) > 0
    assert float(bars[1].get(size)) == 0


def test_an_empty_chart_says_so():
    with translation.override("en"):
        root = draw([])
    texts = [text.text for text in root.iter(f"{SVG}text")]
    assert "Nothing to show for these filters." in texts


@pytest.mark.parametrize(
    ("largest", "ticks"),
    [
        (0, (0, 1)),
        (1, (0, 1)),
        (3, (0, 1, 2, 3)),
        (7, (0, 2, 4, 6, 8)),
        (23, (0, 10, 20, 30)),
        (140, (0, 50, 100, 150)),
    ],
)
def test_the_value_axis_takes_round_steps(largest, ticks):
    assert charts.value_axis(largest).ticks == ticks


def test_a_percentage_axis_runs_to_a_hundred():
    axis = charts.value_axis(40, fixed_top=100)
    assert axis.ticks == (0, 25, 50, 75, 100)
    assert axis.share(50) == 0.5
