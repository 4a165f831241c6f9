"""How completely each page and snippet is translated, read from modeltranslation.

A field counts as missing in a language when another language has text for it
and this one has none: a field nobody wrote (an optional status note) is no gap.
Pages are judged as last saved (their latest revision), snippets as stored.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from modelcluster.models import ClusterableModel, get_all_child_relations
from modeltranslation.translator import translator
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import get_snippet_models

from config import page_cache
from cooperation.i18n import is_empty, language_codes

from .access import EDIT_ACTIONS, has_model_permission, visible_pages

# wagtail-modeltranslation derives these from the tree and the slug field; editors
# never see them as text to translate.
SKIPPED_FIELDS = frozenset({"slug", "url_path"})
KINDS = {"page": _("page"), "snippet": _("snippet")}


@dataclass(frozen=True)
class Gap:
    """A field (maybe of an inline item) without text of its own in a language."""

    field: str
    label: str


@dataclass
class CompletenessRow:
    """One page or snippet and the fields it lacks in each language."""

    obj: models.Model
    kind: str
    missing: dict[str, list[Gap]]
    finder: AdminURLFinder | None = None

    @cached_property
    def edit_url(self) -> str | None:
        return self.finder.get_edit_url(self.obj) if self.finder else None

    @property
    def model(self) -> type[models.Model]:
        return type(self.obj)

    @property
    def pk(self):
        return self.obj.pk

    @property
    def title(self) -> str:
        return str(self.obj.title if isinstance(self.obj, Page) else self.obj)

    @property
    def content_type_label(self) -> str:
        return capfirst(self.model._meta.verbose_name)

    @property
    def kind_label(self) -> str:
        return capfirst(KINDS[self.kind])

    @property
    def status_label(self) -> str:
        return self.obj.status_string if isinstance(self.obj, Page) else ""

    def is_complete(self, language: str) -> bool:
        return not self.missing.get(language)

    @property
    def is_complete_everywhere(self) -> bool:
        return all(self.is_complete(code) for code in language_codes())

    @property
    def complete_languages(self) -> list[str]:
        return [code for code in language_codes() if self.is_complete(code)]

    @property
    def incomplete_languages(self) -> list[str]:
        return [code for code in language_codes() if not self.is_complete(code)]

    def missing_labels(self, language: str) -> list[str]:
        return [gap.label for gap in self.missing.get(language, [])]

    @property
    def missing_ru(self) -> str:
        return "; ".join(self.missing_labels("ru"))

    @property
    def missing_az(self) -> str:
        return "; ".join(self.missing_labels("az"))

    @property
    def missing_en(self) -> str:
        return "; ".join(self.missing_labels("en"))

    @property
    def complete_language_names(self) -> str:
        names = dict(settings.LANGUAGES)
        return ", ".join(str(names[code]) for code in self.complete_languages)


@dataclass
class Share:
    """How many items of a content type are complete in each language."""

    label: str
    total: int = 0
    complete: dict[str, int] = field(default_factory=dict)

    def add(self, row: CompletenessRow) -> None:
        self.total += 1
        for code in language_codes():
            self.complete[code] = self.complete.get(code, 0) + row.is_complete(code)

    def percent(self, language: str) -> int:
        if not self.total:
            return 100
        return round(100 * self.complete.get(language, 0) / self.total)

    @cached_property
    def languages(self) -> list[dict]:
        names = dict(settings.LANGUAGES)
        return [
            {
                "code": code,
                "name": names[code],
                "complete": self.complete.get(code, 0),
                "percent": self.percent(code),
            }
            for code in language_codes()
        ]


@cache
def translated_fields(model: type[models.Model]) -> tuple[str, ...]:
    """Return the model's translatable fields that editors write, in model order."""
    names = set(translator.get_options_for_model(model).get_field_names())
    names -= SKIPPED_FIELDS
    ordered = [f.name for f in model._meta.get_fields() if f.name in names]
    return (*ordered, *sorted(names - set(ordered)))


def _registered() -> set[type[models.Model]]:
    return set(translator.get_registered_models())


def translatable_models() -> list[tuple[type[models.Model], str]]:
    """Return every page and snippet model with translatable fields, and its kind."""
    registered = _registered()
    snippets = set(get_snippet_models())
    found = []
    for model in registered:
        if model._meta.abstract or model._meta.proxy or model is Page:
            continue
        if not translated_fields(model):
            continue
        if issubclass(model, Page):
            found.append((model, "page"))
        elif model in snippets:
            found.append((model, "snippet"))
    return sorted(
        found, key=lambda item: (item[1], str(item[0]._meta.verbose_name).casefold())
    )


@cache
def _child_relations(model: type[models.Model]) -> tuple:
    if not issubclass(model, ClusterableModel):
        return []
    registered = _registered()
    return tuple(
        relation
        for relation in get_all_child_relations(model)
        if relation.related_model in registered
    )


def _field_label(model: type[models.Model], name: str) -> str:
    try:
        return str(capfirst(model._meta.get_field(name).verbose_name))
    except FieldDoesNotExist:
        return name


def field_gaps(
    obj: models.Model, fields: Iterable[str], languages: list[str]
) -> dict[str, list[str]]:
    """Return, per language, the fields another language has text for and it lacks."""
    missing: dict[str, list[str]] = {code: [] for code in languages}
    for name in fields:
        empty = {
            code: is_empty(getattr(obj, f"{name}_{code}", None)) for code in languages
        }
        if all(empty.values()):
            continue
        for code in languages:
            if empty[code]:
                missing[code].append(name)
    return missing


def object_gaps(obj: models.Model) -> dict[str, list[Gap]]:
    """Return the gaps of an object and of its translatable inline items."""
    languages = language_codes()
    model = type(obj)
    gaps: dict[str, list[Gap]] = {code: [] for code in languages}
    for code, names in field_gaps(obj, translated_fields(model), languages).items():
        gaps[code].extend(Gap(name, _field_label(model, name)) for name in names)
    for relation in _child_relations(model):
        child_model = relation.related_model
        fields = translated_fields(child_model)
        item_name = capfirst(child_model._meta.verbose_name)
        for number, child in enumerate(getattr(obj, relation.name).all(), start=1):
            for code, names in field_gaps(child, fields, languages).items():
                gaps[code].extend(
                    Gap(
                        f"{relation.name}.{number}.{name}",
                        f"{item_name} {number}: "
                        f"{_field_label(child_model, name).lower()}",
                    )
                    for name in names
                )
    return gaps


def required_gaps(page: models.Model, languages: list[str]) -> dict[str, list[Gap]]:
    """Return the required translated fields left empty in each of the languages."""
    model = type(page)
    if model not in _registered():
        return {}
    required = [
        name
        for name in translated_fields(model)
        if not getattr(model._meta.get_field(name), "blank", True)
    ]
    found: dict[str, list[Gap]] = {}
    for code in languages:
        empty = [
            Gap(name, _field_label(model, name))
            for name in required
            if is_empty(getattr(page, f"{name}_{code}", None))
        ]
        if empty:
            found[code] = empty
    return found


def _as_last_saved(page: Page) -> Page:
    if page.has_unpublished_changes and page.latest_revision_id:
        return page.get_latest_revision_as_object()
    return page


def _objects_as_last_saved(pages, model: type[models.Model]) -> list:
    relations = [relation.name for relation in _child_relations(model)]
    return [
        _as_last_saved(page)
        for page in pages.order_by("path").prefetch_related(*relations)
    ]


def _objects(user, model: type[models.Model], kind: str):
    if kind == "page":
        return _objects_as_last_saved(visible_pages(user, model), model)
    if user.is_superuser or has_model_permission(user, model):
        return list(model._default_manager.all())
    return []


def may_view(user) -> bool:
    """Return whether the user edits some pages or translatable snippets."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    if PagePermissionPolicy().user_has_any_permission(
        user, {"add", "change", "publish"}
    ):
        return True
    return any(
        has_model_permission(user, model)
        for model, kind in translatable_models()
        if kind == "snippet"
    )


def collect(*, user) -> list[CompletenessRow]:
    """Return the pages and snippets the user may see, with their gaps."""
    finder = AdminURLFinder(user)
    rows = []
    for model, kind in translatable_models():
        for obj in _objects(user, model, kind):
            rows.append(
                CompletenessRow(
                    obj=obj,
                    kind=kind,
                    missing=object_gaps(obj),
                    finder=finder,
                )
            )
    return rows


@dataclass
class KeptGaps:
    """A page's or snippet's gaps as kept in the cache: plain text, no instance."""

    model: str
    pk: int
    kind: str
    title: str
    content_type_label: str
    missing: dict[str, list[Gap]]
    edit_url: str | None = None

    def is_complete(self, language: str) -> bool:
        return not self.missing.get(language)

    @property
    def is_complete_everywhere(self) -> bool:
        return all(self.is_complete(code) for code in language_codes())


def _kept(row: CompletenessRow) -> KeptGaps:
    return KeptGaps(
        model=row.model._meta.label_lower,
        pk=row.pk,
        kind=row.kind,
        title=row.title,
        content_type_label=str(row.content_type_label),
        missing={
            code: [Gap(gap.field, str(gap.label)) for gap in gaps]
            for code, gaps in row.missing.items()
            if gaps
        },
    )


def _all_gaps() -> dict[str, list[KeptGaps]]:
    found: dict[str, list[KeptGaps]] = {}
    for model, kind in translatable_models():
        if kind == "page":
            objects = _objects_as_last_saved(model._default_manager.all(), model)
        else:
            objects = model._default_manager.all()
        found[model._meta.label_lower] = [
            _kept(CompletenessRow(obj=obj, kind=kind, missing=object_gaps(obj)))
            for obj in objects
        ]
    return found


def kept_gaps(*, user) -> list[KeptGaps]:
    """Return the gaps of the pages and snippets the user may see, as collect() does.

    Every item's gaps are read once per content version and admin language (a
    draft saved is a page saved, so a new version); what the user may see is
    then picked from them with one query at most.
    """
    if not user.is_active:
        return []
    every = page_cache.until_changed(f"translation-gaps:{get_language()}", _all_gaps)
    tree_pages: set[int] | None = None
    kept: list[KeptGaps] = []
    for model, kind in translatable_models():
        items = every.get(model._meta.label_lower, [])
        if not items:
            continue
        if user.is_superuser or has_model_permission(user, model):
            kept.extend(items)
        elif kind == "page":
            if tree_pages is None:
                tree_pages = set(
                    PagePermissionPolicy(Page)
                    .instances_user_has_any_permission_for(user, EDIT_ACTIONS)
                    .values_list("pk", flat=True)
                )
            kept.extend(item for item in items if item.pk in tree_pages)
    return kept


def with_edit_urls(user, items: list[KeptGaps]) -> list[KeptGaps]:
    """Return copies of a few kept items with the user's edit addresses."""
    finder = AdminURLFinder(user)
    page_ids = [item.pk for item in items if item.kind == "page"]
    objects = {
        ("page", page.pk): page
        for page in Page.objects.filter(pk__in=page_ids).specific()
    }
    by_model: dict[str, list[int]] = {}
    for item in items:
        if item.kind != "page":
            by_model.setdefault(item.model, []).append(item.pk)
    for label, pks in by_model.items():
        model = next(
            model
            for model, _kind in translatable_models()
            if model._meta.label_lower == label
        )
        objects.update(
            ((label, obj.pk), obj) for obj in model._default_manager.filter(pk__in=pks)
        )
    copies = []
    for item in items:
        obj = objects.get(
            ("page", item.pk) if item.kind == "page" else (item.model, item.pk)
        )
        copies.append(
            replace(
                item, edit_url=finder.get_edit_url(obj) if obj is not None else None
            )
        )
    return copies


def summarise(rows: list[CompletenessRow]) -> dict:
    """Return the share of complete items per content type and over all of them."""
    overall = Share(label=str(_("All content")))
    by_type: dict[type, Share] = {}
    for row in rows:
        overall.add(row)
        share = by_type.setdefault(row.model, Share(label=row.content_type_label))
        share.add(row)
    return {
        "overall": overall,
        "types": sorted(by_type.values(), key=lambda share: share.label.casefold()),
    }
