"""The public register of memoranda: filters, sort and downloads."""

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page

from cooperation.models import CooperationArea, Organisation, Region

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
        items = self.published_memoranda()
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
        result = list(items.distinct())
        if filters.in_force:
            result = [page for page in result if page.is_in_force(today)]
        result.sort(key=_sort_key(filters.sort))
        return result

    def filter_choices(self) -> dict:
        """Return what the filters offer: only values some published item has."""
        items = self.published_memoranda()
        ids = list(items.values_list("pk", flat=True))
        parties = Organisation.objects.filter(
            memorandum_parties__memorandum_id__in=ids
        ).distinct()
        statuses = set(items.values_list("status", flat=True))
        return {
            "regions": Region.objects.filter(organisations__in=parties).distinct(),
            "organisations": parties,
            "areas": CooperationArea.objects.filter(memoranda__in=ids).distinct(),
            "statuses": [
                (value, label)
                for value, label in MemorandumStatus.choices
                if value in statuses
            ],
            "years": sorted(
                {day.year for day in items.values_list("signed_on", flat=True) if day},
                reverse=True,
            ),
            "sorts": list(SORTS.items()),
        }

    @staticmethod
    def consolidated(items: list[MemorandumPage]) -> list[dict]:
        """Group listed amendments under their listed original, in date order."""
        listed = {page.pk for page in items}
        roots = {}
        for page in items:
            original = page.chain()[0] if page.amends_id else page
            roots[page.pk] = original.pk if original.pk in listed else page.pk
        groups = []
        for page in items:
            if roots[page.pk] != page.pk:
                continue
            amendments = sorted(
                (
                    other
                    for other in items
                    if other.pk != page.pk and roots[other.pk] == page.pk
                ),
                key=chain_order,
            )
            groups.append({"memorandum": page, "amendments": amendments})
        return groups

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        filters = RegisterFilters.from_query(request.GET)
        items = self.filtered_memoranda(filters, today)
        context.update(
            today=today,
            filters=filters,
            filter_query=filters.as_query(),
            memoranda=items,
            groups=self.consolidated(items),
            choices=self.filter_choices(),
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
