"""The admin's rich-text widget stores an editor without content as ""."""

import json

from wagtail.admin.rich_text import get_rich_text_editor_widget

import pytest


def state(*texts: str, entities: dict | None = None) -> str:
    blocks = [
        {
            "key": f"k{number}",
            "type": "unstyled",
            "depth": 0,
            "text": text,
            "inlineStyleRanges": [],
            "entityRanges": [],
        }
        for number, text in enumerate(texts)
    ]
    return json.dumps({"blocks": blocks, "entityMap": entities or {}})


def value(raw: str) -> str:
    return get_rich_text_editor_widget().value_from_datadict({"f": raw}, {}, "f")


def test_the_servers_rendering_of_an_empty_field_is_empty():
    widget = get_rich_text_editor_widget()
    assert value(widget.format_value("")) == ""


@pytest.mark.parametrize("raw", [state(""), state("  ", "\n"), "null"])
def test_blocks_without_text_are_empty(raw):
    assert value(raw) == ""


def test_text_is_kept():
    assert value(state("", "Текст")) == (
        '<p data-block-key="k0"></p><p data-block-key="k1">Текст</p>'
    )


def test_an_embedded_object_without_text_is_kept():
    rule = {"0": {"type": "HORIZONTAL_RULE", "mutability": "IMMUTABLE", "data": {}}}
    raw = json.loads(state(" "))
    raw["blocks"][0].update(
        type="atomic", entityRanges=[{"offset": 0, "length": 1, "key": 0}]
    )
    raw["entityMap"] = rule
    assert "<hr" in value(json.dumps(raw))
