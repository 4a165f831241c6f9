"""Rich text written by code holds only what the rich-text editor could have written.

The editor cleans what staff type, but code that writes HTML into a RichTextField
(imports, demo content, services) bypasses it, and Wagtail's `|richtext` filter
renders stored HTML as it is. Every save of a model or of a revision therefore
reduces its rich-text fields to the editor's elements, in the database format
(page links and embeds kept), with safe link addresses only.
"""

import json
from functools import cache

from django.db import models
from django.utils.html import escape

from wagtail.admin.rich_text.editors import draftail
from wagtail.fields import RichTextField
from wagtail.whitelist import Whitelister, attribute_rule, check_url

from bs4 import BeautifulSoup

_PLAIN = attribute_rule({})
# The editor keys each block; dropping the key would make every save a change.
_BLOCK = attribute_rule({"data-block-key": True})
_LINK = attribute_rule({"href": check_url, "linktype": True, "id": True})
_EMBED = attribute_rule(
    {"embedtype": True, "id": True, "format": True, "alt": True, "url": True}
)
# Elements whose text is code or styling, not prose: dropped with their content.
_DROPPED = ("script", "style", "template", "iframe", "object", "svg", "math")


class DatabaseFormatWhitelister(Whitelister):
    """Keep the elements and attributes of Wagtail's rich-text database format."""

    element_rules = {
        "[document]": _PLAIN,
        **dict.fromkeys(("p", "h2", "h3", "h4", "li", "ol", "ul"), _BLOCK),
        **dict.fromkeys(("br", "b", "i", "hr"), _PLAIN),
        "a": _LINK,
        "embed": _EMBED,
    }

    def clean(self, html: str) -> str:
        doc = BeautifulSoup(html, "html.parser")
        for element in doc.find_all(_DROPPED):
            element.decompose()
        self.clean_node(doc, doc)
        return doc.decode(formatter=escape)


def clean_rich_text(html: str) -> str:
    """Return `html` reduced to what the rich-text editor can produce."""
    if not html:
        return html
    return DatabaseFormatWhitelister().clean(html)


@cache
def rich_text_fields(model: type[models.Model]) -> tuple[str, ...]:
    """Return the names of `model`'s rich-text fields, every language's included."""
    return tuple(
        field.attname
        for field in model._meta.concrete_fields
        if isinstance(field, RichTextField)
    )


def clean_rich_text_on_save(sender, instance, raw=False, **kwargs) -> None:
    """Clean the rich-text fields of a model, or of the object a revision holds."""
    if raw:
        return
    from wagtail.models import Revision

    if isinstance(instance, Revision):
        model = (
            instance.content_type.model_class() if instance.content_type_id else None
        )
        content = instance.content if isinstance(instance.content, dict) else None
        if model is None or content is None:
            return
        for name in rich_text_fields(model):
            if isinstance(content.get(name), str):
                content[name] = clean_rich_text(content[name])
        return
    for name in rich_text_fields(sender):
        # Past modeltranslation's descriptors, which read and write the active
        # language's column (with fallbacks) under the field's own name.
        value = instance.__dict__.get(name)
        if isinstance(value, str):
            instance.__dict__[name] = clean_rich_text(value)


class DraftailRichTextArea(draftail.DraftailRichTextArea):
    """Wagtail's rich-text editor, for which an empty editor holds "".

    Until Draftail's script has started, the form carries the server's rendering
    of an empty field: one empty paragraph. Sent like that (an approver clicking
    Approve as the editor opens, a slow device) it read as a change, so the
    approval saved a new revision and restarted moderation instead of publishing.
    Content without any text or embedded object is stored as "".
    """

    def value_from_datadict(self, data, files, name):
        raw = data.get(name)
        if raw is not None and _is_blank_contentstate(raw):
            return ""
        return super().value_from_datadict(data, files, name)


def _is_blank_contentstate(raw: str) -> bool:
    try:
        state = json.loads(raw)
    except (TypeError, ValueError):
        return False
    if not isinstance(state, dict) or state.get("entityMap"):
        return False
    blocks = state.get("blocks")
    return isinstance(blocks, list) and all(
        isinstance(block, dict) and not str(block.get("text", "")).strip()
        for block in blocks
    )
