"""Public forms of the cooperation app."""

from django import forms
from django.utils.translation import gettext_lazy as _


class HearingSubmissionForm(forms.Form):
    """A question or comment from the public to a hearing."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=120,
        help_text=_("Shown with your question or comment once it is approved."),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_("Never published. We use it only to answer you."),
    )
    text = forms.CharField(
        label=_("Question or comment"),
        min_length=10,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that my name and e-mail are stored to handle my question; only "
            "my name and text are published, after moderation."
        ),
        error_messages={
            "required": _("Please agree to the processing of your name and e-mail.")
        },
    )
    # Left empty by people; bots that fill every field are ignored.
    website = forms.CharField(
        label=_("Leave this field empty"), required=False, max_length=200
    )

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Please write your name."), code="blank")
        return name

    def clean_text(self) -> str:
        return self.cleaned_data["text"].strip()

    @property
    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))
