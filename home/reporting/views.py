"""Admin reports: translation completeness and cooperation activity, with exports."""

from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import Button

import django_filters

from cooperation.models import Region

from . import access, activity, charts, completeness

# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class RowFilterSet(WagtailFilterSet):
    """Filters over the rows a report builds from several models, not a queryset."""

    def filter_queryset(self, rows):
        for name, value in self.form.cleaned_data.items():
            rows = self.filters[name].filter(rows, value)
        return rows


def content_type_choices() -> list[tuple[str, str]]:
    return [
        (model._meta.label_lower, capfirst(model._meta.verbose_name_plural))
        for model, _kind in completeness.translatable_models()
    ]


def language_choices() -> list[tuple[str, str]]:
    return [(code, capfirst(name)) for code, name in settings.LANGUAGES]


class CompletenessFilterSet(RowFilterSet):
    content_type = django_filters.ChoiceFilter(
        label=_("Content type"),
        choices=content_type_choices,
        method="filter_content_type",
        empty_label=_("All"),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Pages or snippets"),
        choices=[("page", _("Pages")), ("snippet", _("Snippets"))],
        method="filter_kind",
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    incomplete_in = django_filters.ChoiceFilter(
        label=_("Not complete in"),
        choices=language_choices,
        method="filter_incomplete_in",
        empty_label=_("Any language or none"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = ContentType
        fields: list[str] = []

    def filter_content_type(self, rows, name, value):
        return [row for row in rows if row.model._meta.label_lower == value]

    def filter_kind(self, rows, name, value):
        return [row for row in rows if row.kind == value]

    def filter_incomplete_in(self, rows, name, value):
        return [row for row in rows if not row.is_complete(value)]

    def scope(self, rows):
        """Return the rows of the chosen types, whatever their completeness."""
        if not self.is_valid():
            return rows
        for name in ("content_type", "kind"):
            rows = self.filters[name].filter(rows, self.form.cleaned_data.get(name))
        return rows


def year_choices() -> list[tuple[str, str]]:
    return [(str(year), str(year)) for year in activity.known_years()]


class ActivityFilterSet(RowFilterSet):
    region = django_filters.ModelChoiceFilter(
        label=_("Partner region"),
        queryset=Region.objects.filter(is_home_region=False),
        method="filter_region",
        empty_label=_("All"),
    )
    year = django_filters.ChoiceFilter(
        label=_("Year"),
        choices=year_choices,
        method="filter_year",
        empty_label=_("All"),
    )

    class Meta:
        model = Region
        fields: list[str] = []

    def filter_region(self, rows, name, value):
        return [row for row in rows if row.region.pk == value.pk]

    def filter_year(self, rows, name, value):
        return [row for row in rows if row.year == int(value)]


class RowReportView(ReportView):
    """A report over Python rows, exported as CSV (Excel-ready) and XLSX."""

    chart_id = "report-chart"
    export_name = "report"

    def dispatch(self, request, *args, **kwargs):
        if not self.user_may_view(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def user_may_view(self, user) -> bool:
        raise NotImplementedError

    def get_queryset(self):
        return self.all_rows

    @cached_property
    def all_rows(self) -> list:
        return self.build_rows()

    def build_rows(self) -> list:
        raise NotImplementedError

    def get_filename(self) -> str:
        return f"{self.export_name}-{timezone.localdate():%Y-%m-%d}"

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        # XLSX cells are already stored as text; a CSV cell must be defused.
        if (
            export_format == self.FORMAT_CSV
            and isinstance(value, str)
            and value.startswith(FORMULA_STARTS)
        ):
            return f"'{value}"
        return value

    def write_csv_response(self, queryset):
        # Written at once, not streamed: a stream would be written after the view
        # has left the user's admin language. Excel reads UTF-8 (Cyrillic, ə ğ ı)
        # correctly only after a byte order mark.
        response = HttpResponse(
            "\ufeff".encode() + b"".join(self.stream_csv(queryset)),
            content_type="text/csv; charset=utf-8",
        )
        response["Content-Disposition"] = (
            f'attachment; filename="{self.get_filename()}.csv"'
        )
        return response

    def chart(self, rows):
        raise NotImplementedError

    @property
    def chart_url(self) -> str:
        params = self.request.GET.copy()
        params.pop("export", None)
        params.pop("p", None)
        params["chart"] = "svg"
        return f"{self.index_url}?{params.urlencode()}"

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons.copy()
        buttons.append(
            Button(
                _("Download chart (SVG)"),
                url=self.chart_url,
                icon_name="download",
                priority=95,
            )
        )
        return buttons

    def render_to_response(self, context, **response_kwargs):
        if self.request.GET.get("chart") == "svg":
            response = HttpResponse(
                charts.svg_document(self.chart(self.object_list)),
                content_type="image/svg+xml; charset=utf-8",
            )
            response["Content-Disposition"] = (
                f'attachment; filename="{self.get_filename()}.svg"'
            )
            return response
        return super().render_to_response(context, **response_kwargs)

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        if not self.is_export:
            context["chart"] = self.chart(self.object_list)
            context["chart_url"] = self.chart_url
        return context


class MissingColumn(Column):
    cell_template_name = "home/reporting/cells/missing.html"


class LanguagesColumn(Column):
    cell_template_name = "home/reporting/cells/languages.html"


class TranslationCompletenessView(RowReportView):
    """Which pages and snippets lack which translations, and the share complete."""

    page_title = _("Translation completeness")
    header_icon = "globe"
    results_template_name = "home/reporting/completeness_results.html"
    filterset_class = CompletenessFilterSet
    index_url_name = "reporting_completeness"
    index_results_url_name = "reporting_completeness_results"
    chart_id = "completeness-chart"
    export_name = "translation-completeness"
    columns = [
        TitleColumn(
            "title",
            label=_("Title"),
            get_url=lambda row: row.edit_url,
        ),
        Column("content_type_label", label=_("Content type")),
        Column("status_label", label=_("Status")),
        LanguagesColumn("complete_languages", label=_("Complete in")),
        MissingColumn("missing", label=_("Missing fields")),
    ]
    list_export = [
        "content_type_label",
        "kind_label",
        "pk",
        "title",
        "status_label",
        "complete_language_names",
        "missing_ru",
        "missing_az",
        "missing_en",
        "edit_url",
    ]
    export_headings = {
        "content_type_label": _("Content type"),
        "kind_label": _("Page or snippet"),
        "pk": _("ID"),
        "title": _("Title"),
        "status_label": _("Status"),
        "complete_language_names": _("Complete in"),
        "missing_ru": _("Missing in Russian"),
        "missing_az": _("Missing in Azerbaijani"),
        "missing_en": _("Missing in English"),
        "edit_url": _("Edit link"),
    }

    def user_may_view(self, user) -> bool:
        return completeness.may_view(user)

    def build_rows(self) -> list:
        rows = completeness.collect(user=self.request.user)
        return sorted(rows, key=lambda row: (row.is_complete_everywhere,))

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        if row.get("edit_url"):
            row["edit_url"] = self.request.build_absolute_uri(row["edit_url"])
        return row

    def summary(self):
        scope = self.filters.scope(self.all_rows) if self.filters else self.all_rows
        return completeness.summarise(scope)

    def chart(self, rows):
        summary = self.summary()
        shares = [summary["overall"], *summary["types"]]
        return charts.bar_chart(
            chart_id=self.chart_id,
            title=str(_("Share of items complete in each language")),
            description=str(
                _(
                    "For all content and for each content type, the percentage of "
                    "items with every field translated into the language."
                )
            ),
            groups=[
                charts.Group(
                    label=share.label,
                    values={code: share.percent(code) for code in share.complete},
                )
                for share in shares
            ],
            series=[
                charts.Series(key=code, label=str(capfirst(name)))
                for code, name in settings.LANGUAGES
            ],
            unit="%",
            max_value=100,
        )

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        if not self.is_export:
            context["summary"] = self.summary()
        return context


class ActivityReportView(RowReportView):
    """The cooperation's activity per partner region and year."""

    page_title = _("Cooperation activity")
    header_icon = "table"
    results_template_name = "home/reporting/activity_results.html"
    filterset_class = ActivityFilterSet
    index_url_name = "reporting_activity"
    index_results_url_name = "reporting_activity_results"
    chart_id = "activity-chart"
    export_name = "cooperation-activity"
    paginate_by = 100
    columns = [
        Column("region_name", label=_("Partner region")),
        Column("year", label=_("Year")),
        Column("memoranda_signed", label=_("Memoranda signed")),
        Column("memoranda_in_force", label=_("Memoranda in force")),
        Column("visits_incoming", label=_("Incoming visits")),
        Column("visits_outgoing", label=_("Outgoing visits")),
        Column("meetings", label=_("Meetings")),
        Column("hearings", label=_("Public hearings")),
        Column("sessions_held", label=_("Training sessions held")),
        Column("people_trained", label=_("People trained")),
        Column("attendance_rate_label", label=_("Attendance rate")),
        Column("commitments_label", label=_("Commitments done / due")),
    ]
    list_export = [
        "region_name",
        "year",
        "memoranda_signed",
        "memoranda_in_force",
        "visits_incoming",
        "visits_outgoing",
        "meetings",
        "hearings",
        "sessions_held",
        "people_trained",
        "attendance_rate",
        "commitments_due",
        "commitments_done",
    ]
    export_headings = {
        "region_name": _("Partner region"),
        "year": _("Year"),
        "memoranda_signed": _("Memoranda signed"),
        "memoranda_in_force": _("Memoranda in force"),
        "visits_incoming": _("Incoming visits"),
        "visits_outgoing": _("Outgoing visits"),
        "meetings": _("Meetings"),
        "hearings": _("Public hearings"),
        "sessions_held": _("Training sessions held"),
        "people_trained": _("People trained"),
        "attendance_rate": _("Attendance rate, %"),
        "commitments_due": _("Commitments due"),
        "commitments_done": _("Commitments done"),
    }

    def user_may_view(self, user) -> bool:
        return access.can_see_activity(user)

    def build_rows(self) -> list:
        return activity.collect(now=timezone.now())

    def get_filename(self) -> str:
        parts = [self.export_name]
        if self.filters and self.filters.is_valid():
            region = self.filters.form.cleaned_data.get("region")
            year = self.filters.form.cleaned_data.get("year")
            if region:
                parts.append(region.slug)
            if year:
                parts.append(str(year))
        parts.append(f"{timezone.localdate():%Y-%m-%d}")
        return "-".join(parts)

    def chart(self, rows):
        totals = activity.totals_by_year(rows)
        return charts.bar_chart(
            chart_id=self.chart_id,
            title=str(_("Cooperation activity by year")),
            description=str(
                _(
                    "For each year, the number of memoranda signed and in force, "
                    "visits, meetings, public hearings and training sessions held "
                    "with the partner regions shown in the table."
                )
            ),
            groups=[
                charts.Group(
                    label=str(total.year),
                    values={
                        key: getattr(total, key) for key, _l in activity.CHART_KINDS
                    },
                )
                for total in totals
            ],
            series=[
                charts.Series(key=key, label=str(label))
                for key, label in activity.CHART_KINDS
            ],
            vertical=True,
        )
