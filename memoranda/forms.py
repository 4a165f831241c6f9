"""Admin forms of the memoranda app; the rules themselves live in services."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.widgets import AdminDateInput

TERM_FIELDS = (
    "signed_on",
    "in_force_from",
    "term_years",
    "expires_on",
    "renews_for_years",
    "notice_months",
)


def _kept_forms(formset) -> list:
    """Return the filled-in, valid forms of an inline formset not marked deleted."""
    formset.is_valid()
    kept = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None)
        if data and not data.get("DELETE"):
            kept.append(form)
    return kept


class MemorandumPageForm(WagtailAdminPageForm):
    """Checks dates, amendments, parties and signatories through the services."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "registration_number" in self.fields:
            self.fields["registration_number"].required = True

    def clean_registration_number(self):
        value = (self.cleaned_data.get("registration_number") or "").strip()
        return value or None

    def clean(self):
        from .services import amendment_error, terms_errors

        cleaned = super().clean()
        values = {name: cleaned.get(name) for name in TERM_FIELDS}
        for name, messages in terms_errors(
            status=self.instance.status, **values
        ).items():
            for message in messages:
                self.add_error(name if name in self.fields else None, message)
        error = amendment_error(memorandum=self.instance, amends=cleaned.get("amends"))
        if error:
            self.add_error("amends", error)
        self._check_parties()
        return cleaned

    def _check_parties(self) -> None:
        parties = self.formsets.get("parties")
        signatories = self.formsets.get("signatories")
        if parties is None or signatories is None:
            return
        party_ids = set()
        for form in _kept_forms(parties):
            organisation = form.cleaned_data.get("organisation")
            if organisation is None:
                continue
            if organisation.pk in party_ids:
                form.add_error(
                    "organisation", _("This organisation is already a party.")
                )
            party_ids.add(organisation.pk)
        for form in _kept_forms(signatories):
            organisation = form.cleaned_data.get("organisation")
            if organisation is not None and organisation.pk not in party_ids:
                form.add_error(
                    "organisation",
                    _("Choose one of the parties listed under “Parties”."),
                )


class TransitionForm(forms.Form):
    """Pick the next status of a memorandum, the day it took effect and why."""

    to_status = forms.ChoiceField(label=_("New status"), widget=forms.RadioSelect)
    on = forms.DateField(
        label=_("Effective on"),
        required=False,
        widget=AdminDateInput,
        help_text=_(
            "The day of signing, of entry into force or of ending. Leave empty to "
            "use the dates given on the memorandum, or today."
        ),
    )
    comment = forms.CharField(
        label=pgettext_lazy("status change", "Comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Staff only. Required when suspending, terminating or abandoning."),
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_status"].choices = choices
