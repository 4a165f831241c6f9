"""Public views of the cooperation app."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_protect

from . import services
from .forms import HearingSubmissionForm


@csrf_protect
def hearing_page(request: HttpRequest, hearing) -> HttpResponse:
    """Show a hearing; take a question or comment by POST, then redirect."""
    now = timezone.now()
    accepts = services.hearing_accepts_submissions(hearing=hearing, now=now)
    form = HearingSubmissionForm()
    if request.method == "POST" and not getattr(request, "is_preview", False):
        form = HearingSubmissionForm(request.POST)
        if accepts and form.is_valid():
            if not form.is_bot:
                try:
                    services.submit_hearing_comment(
                        hearing=hearing,
                        name=form.cleaned_data["name"],
                        email=form.cleaned_data["email"],
                        text=form.cleaned_data["text"],
                        consent=form.cleaned_data["consent"],
                        language=translation.get_language() or "",
                        now=now,
                    )
                except services.CooperationError as error:
                    for field, field_errors in error.error_dict.items():
                        form.add_error(
                            field if field in form.fields else None, field_errors
                        )
            if not form.errors:
                messages.success(
                    request,
                    _(
                        "Thank you! Your question or comment will appear here once "
                        "the moderators approve it."
                    ),
                )
                return HttpResponseRedirect(hearing.get_url(request) + "#participation")
        elif not accepts:
            form.is_valid()
            form.add_error(
                None, _("This hearing does not accept questions and comments now.")
            )
    context = hearing.get_context(request)
    page_url = request.build_absolute_uri(hearing.get_url(request) or "/")
    context.update(
        form=form,
        accepts_submissions=accepts,
        share_links=hearing.share_links(page_url),
        submissions=hearing.approved_submissions(),
    )
    return TemplateResponse(request, hearing.get_template(request), context)
