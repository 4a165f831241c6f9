"""A set of the site's languages stored in one column."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

LANGUAGE_CHOICES = [
    ("ru", _("Russian")),
    ("az", _("Azerbaijani")),
    ("en", _("English")),
]
LANGUAGE_CODES = [code for code, _label in LANGUAGE_CHOICES]


def language_names(codes: list[str]) -> list[str]:
    """Return the names of language codes in the active language."""
    names = dict(LANGUAGE_CHOICES)
    return [str(names[code]) for code in codes if code in names]


class LanguageListField(models.CharField):
    """Language codes kept as "ru,az" and edited as checkboxes."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["blank"] = self.blank
        return name, path, args, kwargs

    @staticmethod
    def _codes(value) -> list[str]:
        if value is None or value == "":
            return []
        if isinstance(value, str):
            return [code for code in value.split(",") if code]
        return [code for code in value if code]

    def from_db_value(self, value, expression, connection):
        return self._codes(value)

    def to_python(self, value):
        return self._codes(value)

    def get_prep_value(self, value):
        ordered = [code for code in LANGUAGE_CODES if code in self._codes(value)]
        return ",".join(ordered)

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        codes = self._codes(value)
        if not codes and not self.blank:
            raise ValidationError(self.error_messages["blank"], code="blank")
        for code in codes:
            if code not in LANGUAGE_CODES:
                raise ValidationError(
                    _("“%(code)s” is not one of the site's languages."),
                    code="invalid_choice",
                    params={"code": code},
                )

    def run_validators(self, value):
        # The stored text is short by construction; max_length checks the list.
        return super().run_validators(self.get_prep_value(value))

    def formfield(self, **kwargs):
        defaults = {
            "choices": LANGUAGE_CHOICES,
            "required": not self.blank,
            "widget": forms.CheckboxSelectMultiple,
            "label": capfirst(self.verbose_name),
            "help_text": self.help_text,
        }
        defaults.update(kwargs)
        defaults.pop("max_length", None)
        defaults.pop("empty_value", None)
        defaults.pop("form_class", None)
        defaults.pop("choices_form_class", None)
        return forms.MultipleChoiceField(**defaults)
