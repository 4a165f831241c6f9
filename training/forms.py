"""Forms of the training app: the session editor and public registration."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm

from .models.fields import LANGUAGE_CHOICES

LANGUAGES = ("ru", "az", "en")


class TrainingSessionPageForm(WagtailAdminPageForm):
    """Refuse a session plan the scheduling rules forbid, naming the conflict."""

    def _field_for(self, name: str | None) -> str | None:
        if name is None or name in self.fields:
            return name
        for code in LANGUAGES:
            if f"{name}_{code}" in self.fields:
                return f"{name}_{code}"
        return None

    def _slots(self) -> list[tuple] | None:
        formset = self.formsets.get("slots")
        if formset is None:
            return []
        if not formset.is_valid():
            return None
        slots = []
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if not data or data.get("DELETE"):
                continue
            values = (data.get("date"), data.get("start_time"), data.get("end_time"))
            if all(values):
                slots.append(values)
        return slots

    def _rooms(self, cleaned: dict) -> list[str]:
        names = [cleaned.get("room")] + [cleaned.get(f"room_{c}") for c in LANGUAGES]
        return [name for name in names if name]

    def clean(self):
        cleaned = super().clean()
        from .services import TrainingError, check_session_plan

        slots = self._slots()
        needed = ("time_zone", "capacity", "opens_at", "closes_at", "status")
        if slots is None or any(name not in cleaned for name in needed):
            return cleaned
        try:
            check_session_plan(
                session_pk=self.instance.pk,
                time_zone=cleaned["time_zone"],
                slots=slots,
                trainers=list(cleaned.get("trainers") or []),
                venue=cleaned.get("venue"),
                rooms=self._rooms(cleaned),
                online=bool(cleaned.get("online")),
                online_link=cleaned.get("online_link") or "",
                capacity=cleaned["capacity"],
                room_capacity=cleaned.get("room_capacity"),
                opens_at=cleaned["opens_at"],
                closes_at=cleaned["closes_at"],
                status=cleaned["status"],
            )
        except TrainingError as error:
            for field, message in error.errors:
                self.add_error(self._field_for(field), message)
        return cleaned

    def save(self, commit=True):
        from .models import TrainingSessionPage

        page = self.instance
        before = TrainingSessionPage.objects.filter(pk=page.pk).first()
        slots = self._slots() or []
        # Calendars only take an update whose SEQUENCE grew.
        if before is not None and before.schedule_signature() != (
            page.schedule_signature(slots=slots)
        ):
            page.sequence = max(before.sequence, page.sequence) + 1
        return super().save(commit=commit)


class RegistrationForm(forms.Form):
    """A member of the public asks for a seat in a session."""

    name = forms.CharField(label=_("Full name"), max_length=200)
    email = forms.EmailField(label=_("E-mail"), max_length=254)
    organisation = forms.CharField(label=_("Organisation"), max_length=200)
    phone = forms.CharField(
        label=_("Phone (optional)"),
        max_length=40,
        required=False,
        validators=[
            RegexValidator(
                r"^\+?[0-9()\-\s]{5,40}$",
                _("Enter a phone number: digits, spaces, “+”, “-” and brackets."),
            )
        ],
    )
    language = forms.ChoiceField(
        label=_("Language of our e-mails to you"), choices=LANGUAGE_CHOICES
    )
    consent = forms.BooleanField(
        label=_(
            "I agree to the processing of my personal data for organising this "
            "training session."
        ),
        error_messages={
            "required": _(
                "We can register you only with your consent to the processing of "
                "personal data."
            )
        },
    )

    def clean_name(self) -> str:
        return " ".join(self.cleaned_data["name"].split())

    def clean_organisation(self) -> str:
        return " ".join(self.cleaned_data["organisation"].split())
