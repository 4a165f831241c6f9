"""A list of language codes stored as JSON and edited as checkboxes."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .choices import AUTHENTIC_LANGUAGES


def validate_language_codes(value: object) -> None:
    """Refuse anything but a list of known language codes."""
    known = {code for code, _label in AUTHENTIC_LANGUAGES}
    if not isinstance(value, list) or any(code not in known for code in value):
        raise ValidationError(
            _("Choose languages from the list."), code="invalid_language"
        )


class LanguagesField(models.JSONField):
    """Language codes, e.g. ["ru", "az"], picked from AUTHENTIC_LANGUAGES."""

    default_validators = [validate_language_codes]

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=AUTHENTIC_LANGUAGES,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
        )
