"""CSV and JSON downloads of the (filtered) public register.

The register's own address with `?format=csv` or `?format=json` added to its
filters, e.g. /en/memoranda/?region=azerbaijan&in_force=1&format=csv.

Both are UTF-8; the CSV starts with a byte-order mark so that Excel reads Cyrillic
and Azerbaijani letters correctly. Values are in the language of the URL
(/ru/, /az/, /en/). Only published memoranda are ever passed in; internal notes,
responsible staff, comments and documents of any kind are never exported.

Columns, in order (CSV header row in the URL's language; JSON keys as here):

    registration_number  registration number
    title                title
    kind                 kind (memorandum of understanding, cooperation agreement, ...)
    status               status (idea ... in force, expired, terminated)
    parties              parties, "Organisation (Region)", separated by "; "
    regions              the parties' regions, separated by "; "
    signatories          "Person, position (Organisation)", separated by "; "
    place_of_signing     place of signing
    signed_on            signing date, YYYY-MM-DD
    in_force_from        date of entry into force, YYYY-MM-DD
    expires_on           end of the initial term, YYYY-MM-DD
    next_expiry          next expiry after automatic renewals, YYYY-MM-DD
    notice_deadline      next last day to give notice against renewal, YYYY-MM-DD
    renews_for_years     automatic renewal, years (empty: no renewal)
    notice_months        notice period, months
    in_force_now         "yes"/"no" (translated) on the day of the download
    authentic_languages  authentic languages, separated by "; "
    areas                cooperation areas, separated by "; "
    amends               registration number of the memorandum it amends
    commitments_done     commitments done
    commitments_total    commitments in total (dropped ones not counted)
    url                  the memorandum's page

In JSON, `parties` and `signatories` are lists of objects
(`{"organisation", "region", "role"}`, `{"person", "position", "organisation"}`),
`regions`, `authentic_languages` and `areas` are lists, numbers are numbers, empty
dates are null and `in_force_now` is a boolean. The document also carries
`language`, `generated_on`, `filters`, `count` and `columns` (key -> label).
"""

import csv
import datetime
import io
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import MemorandumPage, RegisterFilters

SEPARATOR = "; "
COLUMNS = [
    ("registration_number", gettext_lazy("Registration number")),
    ("title", gettext_lazy("Title")),
    ("kind", gettext_lazy("Kind")),
    ("status", gettext_lazy("Status")),
    ("parties", gettext_lazy("Parties")),
    ("regions", gettext_lazy("Regions")),
    ("signatories", gettext_lazy("Signatories")),
    ("place_of_signing", gettext_lazy("Place of signing")),
    ("signed_on", gettext_lazy("Signed on")),
    ("in_force_from", gettext_lazy("In force from")),
    ("expires_on", gettext_lazy("Initial term ends")),
    ("next_expiry", gettext_lazy("Next expiry")),
    ("notice_deadline", gettext_lazy("Notice deadline")),
    ("renews_for_years", gettext_lazy("Renews for (years)")),
    ("notice_months", gettext_lazy("Notice period (months)")),
    ("in_force_now", gettext_lazy("In force now")),
    ("authentic_languages", gettext_lazy("Authentic languages")),
    ("areas", gettext_lazy("Cooperation areas")),
    ("amends", gettext_lazy("Amends")),
    ("commitments_done", gettext_lazy("Commitments done")),
    ("commitments_total", gettext_lazy("Commitments in total")),
    ("url", gettext_lazy("Page")),
]


def _iso(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


def memorandum_record(
    page: MemorandumPage, request: HttpRequest | None, today: datetime.date
) -> dict:
    """Return one memorandum's public data, structured, in the active language."""
    parties = [
        {
            "organisation": str(party.organisation),
            "region": str(party.organisation.region),
            "role": party.role or "",
        }
        for party in page.parties.all()
    ]
    signatories = [
        {
            "person": str(signatory.person),
            "position": signatory.position or "",
            "organisation": str(signatory.organisation),
        }
        for signatory in page.signatories.all()
    ]
    done, total = page.commitment_progress()
    url = page.get_url(request=request) or ""
    if request is not None and url.startswith("/"):
        url = request.build_absolute_uri(url)
    return {
        "registration_number": page.registration_number or "",
        "title": page.title,
        "kind": page.get_kind_display(),
        "status": page.status_label,
        "parties": parties,
        "regions": list(dict.fromkeys(party["region"] for party in parties)),
        "signatories": signatories,
        "place_of_signing": page.place_of_signing or "",
        "signed_on": _iso(page.signed_on),
        "in_force_from": _iso(page.in_force_from),
        "expires_on": _iso(page.first_expiry()),
        "next_expiry": _iso(page.next_expiry(today)),
        "notice_deadline": _iso(page.notice_deadline(today)),
        "renews_for_years": page.renews_for_years,
        "notice_months": page.notice_months,
        "in_force_now": page.is_in_force(today),
        "authentic_languages": page.authentic_language_labels(),
        "areas": [area.name for area in page.areas.all()],
        "amends": (page.amends.registration_number or "") if page.amends_id else "",
        "commitments_done": done,
        "commitments_total": total,
        "url": url,
    }


def _flat(record: dict) -> list[str]:
    """Return a record as CSV cells."""
    cells = []
    for key, _label in COLUMNS:
        value = record[key]
        if key == "parties":
            value = SEPARATOR.join(
                f"{party['organisation']} ({party['region']})" for party in value
            )
        elif key == "signatories":
            value = SEPARATOR.join(
                ", ".join(filter(None, [item["person"], item["position"]]))
                + f" ({item['organisation']})"
                for item in value
            )
        elif isinstance(value, list):
            value = SEPARATOR.join(value)
        elif isinstance(value, bool):
            value = _("yes") if value else _("no")
        elif value is None:
            value = ""
        cells.append(str(value))
    return cells


def _filename(extension: str, today: datetime.date) -> str:
    return f"memoranda-{translation.get_language()}-{today:%Y-%m-%d}.{extension}"


def csv_response(
    pages: list[MemorandumPage], request: HttpRequest, today: datetime.date
) -> HttpResponse:
    """Return the register as a CSV download (UTF-8 with BOM)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([str(label) for _key, label in COLUMNS])
    for page in pages:
        writer.writerow(_flat(memorandum_record(page, request, today)))
    response = HttpResponse(
        "\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{_filename("csv", today)}"'
    )
    response["Content-Language"] = translation.get_language()
    return response


def json_response(
    pages: list[MemorandumPage],
    request: HttpRequest,
    today: datetime.date,
    filters: RegisterFilters,
) -> HttpResponse:
    """Return the register as a JSON download."""
    document = {
        "language": translation.get_language(),
        "generated_on": today.isoformat(),
        "filters": filters.as_query(),
        "count": len(pages),
        "columns": {key: str(label) for key, label in COLUMNS},
        "memoranda": [memorandum_record(page, request, today) for page in pages],
    }
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2, cls=DjangoJSONEncoder),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{_filename("json", today)}"'
    )
    response["Content-Language"] = translation.get_language()
    return response
