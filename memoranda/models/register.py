"""The public register of memoranda: filters, sort and downloads."""

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page

from config import page_cache
from cooperation.i18n import fallback_chain, is_empty
from cooperation.models import CooperationArea, Organisation, Region

from .. import terms
from .choices import MemorandumStatus
from .memorandum import MemorandumPage, chain_order

SORTS = {
    "signed": pgettext_lazy("sort the register by", "signing date"),
    "title": pgettext_lazy("sort the register by", "title"),
    "number": pgettext_lazy("sort the register by", "registration number"),
}


@dataclass
class RegisterFilters:
    """The register's filters and sort as read from the query string."""

    region: Region | None = None
    organisation: Organisation | None = None
    area: CooperationArea | None = None
    status: str = ""
    year: int | None = None
    in_force: bool = False
    sort: str = "signed"

    @classmethod
    def from_query(cls, query) -> "RegisterFilters":
        year = query.get("year", "").strip()
        status = query.get("status", "").strip()
        sort = query.get("sort", "").strip()
        return cls(
            region=_by_slug(Region, query.get("region")),
            organisation=_by_slug(Organisation, query.get("organisation")),
            area=_by_slug(CooperationArea, query.get("area")),
            status=status if status in MemorandumStatus.values else "",
            year=int(year) if year.isdigit() and len(year) == 4 else None,
            in_force=query.get("in_force", "") in {"1", "on", "true"},
            sort=sort if sort in SORTS else "signed",
        )

    def as_query(self, *, with_sort: bool = True) -> str:
        """Return the filters as a query string (for links and downloads)."""
        values = {
            "region": self.region.slug if self.region else "",
            "organisation": self.organisation.slug if self.organisation else "",
            "area": self.area.slug if self.area else "",
            "status": self.status,
            "year": self.year or "",
            "in_force": "1" if self.in_force else "",
        }
        if with_sort and self.sort != "signed":
            values["sort"] = self.sort
        return urlencode({key: value for key, value in values.items() if value})

    @property
    def active(self) -> bool:
        return bool(self.as_query(with_sort=False))


# Groups (an original with its listed amendments) per page of the register.
REGISTER_PER_PAGE = 20


@dataclass
class RegisterRow:
    """What sorting, grouping and the in-force filter read of one memorandum."""

    pk: int
    amends_id: int | None
    title: str
    registration_number: str | None
    status: str
    signed_on: datetime.date | None
    in_force_from: datetime.date | None
    term_years: int | None
    expires_on: datetime.date | None
    renews_for_years: int | None
    first_published_at: datetime.datetime | None

    def is_in_force(self, today: datetime.date) -> bool:
        return terms.is_in_force(self, today=today)


def _by_slug(model, slug: str | None):
    slug = (slug or "").strip()
    return model.objects.filter(slug=slug).first() if slug else None


def _sort_key(sort: str):
    if sort == "title":
        return lambda page: (page.title or "").casefold()
    if sort == "number":
        return lambda page: (page.registration_number or "").casefold()
    return lambda page: (
        page.signed_on is None,
        -(page.signed_on or datetime.date.min).toordinal(),
    )


class MemorandumIndexPage(Page):
    """The public register of published memoranda."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    public_search_fields = ("intro",)
    api_fields = [APIField("intro")]
    translated_content_fields = ("title", "intro")

    parent_page_types = ["home.HomePage"]
    subpage_types = ["memoranda.MemorandumPage"]

    class Meta:
        verbose_name = _("memoranda register")
        verbose_name_plural = _("memoranda registers")

    def published_memoranda(self):
        """Return the memoranda of this register a visitor may see."""
        return (
            MemorandumPage.objects.published()
            .child_of(self)
            .select_related("amends")
            .prefetch_related(
                "parties__organisation__region",
                "signatories__person",
                "signatories__organisation",
                "commitments",
                "areas",
            )
        )

    def filtered_memoranda(
        self, filters: RegisterFilters, today: datetime.date
    ) -> list[MemorandumPage]:
        """Return the published memoranda that pass the filters, sorted."""
        result = list(self._filtered(self.published_memoranda(), filters))
        if filters.in_force:
            result = [page for page in result if page.is_in_force(today)]
        result.sort(key=_sort_key(filters.sort))
        return result

    def register_rows(
        self, filters: RegisterFilters, today: datetime.date
    ) -> list[RegisterRow]:
        """Return the filtered register as light rows, sorted: one query."""
        language = translation.get_language() or "ru"
        titles = [f"title_{code}" for code in fallback_chain(language)]
        fields = [name for name in RegisterRow.__dataclass_fields__ if name != "title"]
        items = self._filtered(
            MemorandumPage.objects.published().child_of(self), filters
        )
        rows = []
        for values in items.values(*fields, *titles):
            title = next(
                (values[name] for name in titles if not is_empty(values[name])), ""
            )
            rows.append(
                RegisterRow(title=title, **{name: values[name] for name in fields})
            )
        if filters.in_force:
            rows = [row for row in rows if row.is_in_force(today)]
        rows.sort(key=_sort_key(filters.sort))
        return rows

    @staticmethod
    def _filtered(items, filters: RegisterFilters):
        if filters.region:
            items = items.filter(parties__organisation__region=filters.region)
        if filters.organisation:
            items = items.filter(parties__organisation=filters.organisation)
        if filters.area:
            items = items.filter(areas=filters.area)
        if filters.status:
            items = items.filter(status=filters.status)
        if filters.year:
            items = items.filter(signed_on__year=filters.year)
        return items.distinct()

    def filter_choices(self) -> dict:
        """Return what the filters offer: only values some published item has."""
        items = MemorandumPage.objects.published().child_of(self).order_by()
        ids = items.values("pk")
        parties = Organisation.objects.filter(
            memorandum_parties__memorandum_id__in=ids
        ).distinct()
        statuses = set(items.values_list("status", flat=True).distinct())
        return {
            "regions": Region.objects.filter(organisations__in=parties).distinct(),
            "organisations": parties,
            "areas": CooperationArea.objects.filter(memoranda__in=ids).distinct(),
            "statuses": [
                (value, label)
                for value, label in MemorandumStatus.choices
                if value in statuses
            ],
            "years": [day.year for day in items.dates("signed_on", "year", "DESC")],
            "sorts": list(SORTS.items()),
        }

    @staticmethod
    def consolidated(items: list) -> list[dict]:
        """Group listed amendments under their listed original, in date order.

        Works on pages and on register rows alike: an amendment's original is
        found by following `amends_id` links, read in one query.
        """
        listed = {item.pk: item for item in items}
        links = dict(
            MemorandumPage.objects.filter(amends__isnull=False).values_list(
                "pk", "amends_id"
            )
        )

        def root(pk: int) -> int:
            seen = {pk}
            while links.get(pk) and links[pk] not in seen:
                pk = links[pk]
                seen.add(pk)
            return pk

        amendments: dict[int, list] = {}
        for item in items:
            original = root(item.pk) if item.amends_id else item.pk
            if original != item.pk and original in listed:
                amendments.setdefault(original, []).append(item)
        nested = {item.pk for group in amendments.values() for item in group}
        return [
            {
                "memorandum": item,
                "amendments": sorted(amendments.get(item.pk, []), key=chain_order),
            }
            for item in items
            if item.pk not in nested
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        filters = RegisterFilters.from_query(request.GET)
        language = translation.get_language()

        def listing() -> tuple[list[tuple[int, tuple[int, ...]]], int]:
            rows = self.register_rows(filters, today)
            groups = [
                (group["memorandum"].pk, tuple(row.pk for row in group["amendments"]))
                for group in self.consolidated(rows)
            ]
            return groups, len(rows)

        # The filtered, sorted and grouped register reads every memorandum: it is
        # worked out once per content version (and day), not per request, and
        # kept as ids; only a page rendered afresh reads them back.
        filtered = f"{self.pk}:{language}:{today}:{filters.as_query()}"

        def grouped() -> tuple[list[tuple[int, tuple[int, ...]]], int]:
            return page_cache.until_changed(f"register-groups:{filtered}", listing)

        def size() -> tuple[int, int]:
            groups, rows = grouped()
            return len(groups), rows

        group_count, count = page_cache.until_changed(f"register-size:{filtered}", size)
        # A page number that is not a number or past the end shows the first or
        # last page: the number shown, worked out without the groups.
        number = (
            Paginator(range(group_count), REGISTER_PER_PAGE)
            .get_page(request.GET.get("page"))
            .number
        )
        page_obj = SimpleLazyObject(
            lambda: Paginator(grouped()[0], REGISTER_PER_PAGE).get_page(number)
        )
        # Only the memoranda on this page are read whole, with their parts, and
        # kept (parts included) until content changes.

        def shown_groups() -> list[dict]:
            shown = [
                pk
                for original, amendments in page_obj.object_list
                for pk in [original, *amendments]
            ]
            pages = {
                page.pk: page
                for page in self.published_memoranda().filter(pk__in=shown)
            }
            return [
                {
                    "memorandum": pages[original],
                    "amendments": [pages[pk] for pk in amendments],
                }
                for original, amendments in page_obj.object_list
            ]

        listed = f"{filtered}:{number}"
        # Read only if the rendered register is not kept already.
        groups = SimpleLazyObject(
            lambda: page_cache.until_changed(f"register-page:{listed}", shown_groups)
        )
        # The rendered register is kept until content changes too; a preview's
        # never.
        kept = page_cache.kept_body(request, listed)
        context.update(
            today=today,
            filters=filters,
            filter_query=filters.as_query(),
            result_count=count,
            page_obj=page_obj,
            groups=groups,
            kept_body=kept,
            choices=SimpleLazyObject(
                lambda: page_cache.until_changed(
                    f"register-choices:{self.pk}",
                    lambda: {
                        name: list(values)
                        for name, values in self.filter_choices().items()
                    },
                )
            ),
        )
        return context

    def serve(self, request, *args, **kwargs):
        # The filtered register downloads from the same address: ?format=csv|json.
        export = request.GET.get("format", "")
        if export in ("csv", "json"):
            from ..exports import csv_response, json_response

            filters = RegisterFilters.from_query(request.GET)
            today = timezone.localdate()
            items = self.filtered_memoranda(filters, today)
            if export == "csv":
                return csv_response(items, request, today)
            return json_response(items, request, today, filters)
        return super().serve(request, *args, **kwargs)
