"""Admin page forms that enforce the cooperation rules through the services."""

from collections.abc import Callable

from django import forms

from wagtail.admin.forms import WagtailAdminPageForm

from . import services


def apply_rule(form: forms.BaseForm, rule: Callable[..., None], **values) -> None:
    """Run a service rule and put its messages on the form's fields."""
    try:
        rule(**values)
    except services.CooperationError as error:
        for field, messages in error.error_dict.items():
            if field in form.fields and field not in form.errors:
                form.add_error(field, messages)
            elif field not in form.fields:
                form.add_error(None, messages)


class EventPageForm(WagtailAdminPageForm):
    """Refuse an event with no host (times are checked by the page's `clean`)."""

    def clean(self):
        cleaned_data = super().clean()
        if (
            "host_regions" not in self.errors
            and "host_organisations" not in self.errors
        ):
            apply_rule(
                self,
                services.validate_hosts,
                host_regions=cleaned_data.get("host_regions") or [],
                host_organisations=cleaned_data.get("host_organisations") or [],
            )
        return cleaned_data


class VisitPageForm(EventPageForm):
    """Also refuse programme items outside the visit's dates."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("programme_items")
        if formset is None:
            return cleaned_data
        for item_form in formset.forms:
            if not item_form.has_changed() and not item_form.instance.pk:
                continue
            # Child forms are validated after the page form; validate this one now.
            item_form.full_clean()
            item = getattr(item_form, "cleaned_data", None) or {}
            if item.get("DELETE"):
                continue
            apply_rule(
                item_form,
                services.validate_programme_item,
                day=item.get("date"),
                start_time=item.get("start_time"),
                end_time=item.get("end_time"),
                visit_start=cleaned_data.get("start_date"),
                visit_end=cleaned_data.get("end_date"),
            )
        return cleaned_data
