"""Admin screen where staff import a partner's calendar file or address."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import ical_import
from .models import EventIndexPage, MeetingPage, Region
from .services import CooperationError

LANGUAGE_CHOICES = [
    ("ru", gettext_lazy("Russian")),
    ("az", gettext_lazy("Azerbaijani")),
    ("en", gettext_lazy("English")),
]


def importable_indexes(user):
    """Return the event indexes under which the user may add pages."""
    indexes = EventIndexPage.objects.all()
    return indexes.filter(
        pk__in=[
            index.pk
            for index in indexes
            if index.permissions_for_user(user).can_add_subpage()
        ]
    )


class CalendarImportForm(forms.Form):
    """A file or an address, and where and how its events are filed."""

    file = forms.FileField(label=gettext_lazy("iCalendar file (.ics)"), required=False)
    url = forms.URLField(
        label=gettext_lazy("or its address"),
        required=False,
        assume_scheme="https",
        max_length=500,
    )
    index = forms.ModelChoiceField(
        label=gettext_lazy("File the events under"),
        queryset=EventIndexPage.objects.all(),
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language of the file's texts"), choices=LANGUAGE_CHOICES
    )
    host = forms.ModelChoiceField(
        label=gettext_lazy("Host region of new events"), queryset=Region.objects.all()
    )
    guest = forms.ModelChoiceField(
        label=gettext_lazy("Guest region of new events"),
        queryset=Region.objects.all(),
        required=False,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["index"].queryset = importable_indexes(user)

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("file")) == bool(cleaned.get("url")):
            raise forms.ValidationError(
                _("Choose a file or give an address (one of the two).")
            )
        return cleaned


def import_calendar_view(request: HttpRequest) -> HttpResponse:
    """Import events; a refused file changes nothing and says why."""
    # Page permissions, not model ones: whoever may add events under an index
    # may import events into it.
    if not importable_indexes(request.user).exists():
        raise PermissionDenied
    form = CalendarImportForm(
        request.POST or None, request.FILES or None, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        try:
            upload = form.cleaned_data["file"]
            if upload:
                if upload.size > ical_import.MAX_BYTES:
                    raise CooperationError(
                        _("The calendar file is larger than 2 MB."), code="too_big"
                    )
                data = upload.read()
            else:
                data = ical_import.fetch(form.cleaned_data["url"])
            result = ical_import.import_calendar(
                data=data,
                index=form.cleaned_data["index"].specific,
                language=form.cleaned_data["language"],
                host=form.cleaned_data["host"],
                guest=form.cleaned_data["guest"],
                user=request.user,
            )
        except CooperationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(
                request,
                _(
                    "Calendar imported: %(created)d new events (saved as drafts), "
                    "%(updated)d updated, %(unchanged)d unchanged."
                )
                % {
                    "created": len(result.created),
                    "updated": len(result.updated),
                    "unchanged": len(result.unchanged),
                },
            )
            return redirect("cooperation_import_calendar")
    return TemplateResponse(
        request,
        "cooperation/admin/import_calendar.html",
        {
            "form": form,
            "page_title": _("Import a partner's calendar"),
            "imported": MeetingPage.objects.exclude(external_uid="").order_by(
                "-latest_revision_created_at"
            )[:20],
        },
    )
