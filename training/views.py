"""Public views: session pages, registration, cancellation, trainer pages."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.views.decorators.http import require_http_methods

from .forms import RegistrationForm
from .models import Registration, Trainer, TrainingIndexPage, TrainingSessionPage
from .models.pages import LISTED, upcoming
from .services import (
    TrainingError,
    cancel_registration,
    register_participant,
    registration_for_token,
    registration_refusal,
    signed_token,
)


class RoutedPage:
    """A page seen at one of its routes: language links keep the route."""

    def __init__(self, page, route: str, kwargs: dict, title: str) -> None:
        self.page = page
        self.route = route
        self.kwargs = kwargs
        self.title = title
        self.pk = page.pk
        self.path = page.path
        self.seo_title = ""
        self.search_description = ""
        self.translated_content_fields: tuple[str, ...] = ()

    def get_url(self, request=None) -> str | None:
        url = self.page.get_url(request)
        if not url:
            return None
        return url + self.page.reverse_subpage(self.route, kwargs=self.kwargs)


def _language() -> str:
    language = translation.get_language() or "ru"
    return language if language in {"ru", "az", "en"} else "ru"


def session_page(
    request: HttpRequest,
    *,
    session: TrainingSessionPage,
    form: RegistrationForm | None = None,
) -> TemplateResponse:
    """Show the session with its registration form."""
    now = timezone.now()
    if form is None:
        form = RegistrationForm(initial={"language": _language()})
    refusal = registration_refusal(session, now)
    context = session.get_context(request)
    context.update(
        form=form,
        refusal=refusal,
        show_form=form.is_bound or not refusal,
        register_url=session.url + session.reverse_subpage("register"),
        seats_left=session.seats_left(),
        waitlist_length=session.waitlist_count(),
        trainers=session.trainers.select_related("person", "organisation"),
        trainer_index=TrainingIndexPage.objects.live().ancestor_of(session).first(),
        materials=session.materials.select_related("document"),
    )
    return TemplateResponse(request, session.get_template(request), context)


def register(request: HttpRequest, *, session: TrainingSessionPage) -> HttpResponse:
    """Register the person who sent the form, or show what is wrong."""
    if request.method != "POST":
        return redirect(session.url)
    form = RegistrationForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            registration = register_participant(
                session=session,
                name=data["name"],
                email=data["email"],
                organisation=data["organisation"],
                phone=data["phone"],
                language=data["language"],
                consent=data["consent"],
                now=timezone.now(),
            )
        except TrainingError as error:
            for field, message in error.errors:
                form.add_error(field if field in form.fields else None, message)
        else:
            return redirect(
                session.url
                + session.reverse_subpage(
                    "registered", kwargs={"token": registration.cancel_token}
                )
            )
    return session_page(request, session=session, form=form)


def registered(
    request: HttpRequest, *, session: TrainingSessionPage, token: str
) -> TemplateResponse:
    """Tell the person whether they have a seat or a place on the waiting list."""
    registration = Registration.objects.filter(
        session=session, cancel_token=token
    ).first()
    if registration is None:
        raise Http404
    context = session.get_context(request)
    context.update(
        registration=registration,
        position=registration.waitlist_position(),
        cancel_url=_cancel_path(signed_token(registration)),
    )
    return TemplateResponse(request, "training/registered.html", context)


def _cancel_path(signed: str) -> str:
    from django.urls import reverse

    return reverse("training_cancel_registration", kwargs={"signed": signed})


@require_http_methods(["GET", "POST"])
def cancel(request: HttpRequest, signed: str) -> TemplateResponse:
    """Ask to confirm a cancellation (GET) and cancel (POST)."""
    registration = registration_for_token(signed)
    if registration is None:
        return TemplateResponse(request, "training/cancel_invalid.html", {}, status=404)
    session = registration.session.specific
    context = {"registration": registration, "session": session, "done": False}
    if request.method == "POST":
        try:
            cancel_registration(registration=registration, now=timezone.now())
        except TrainingError as error:
            context["error"] = str(error)
        else:
            context["done"] = True
    context["already_cancelled"] = (
        registration.status == Registration.Status.CANCELLED and not context["done"]
    )
    return TemplateResponse(request, "training/cancel.html", context)


def trainer_page(
    request: HttpRequest, *, index: TrainingIndexPage, slug: str
) -> TemplateResponse:
    """Show a trainer and the upcoming public sessions they lead."""
    trainer = get_object_or_404(
        Trainer.objects.select_related("person", "organisation"), slug=slug
    )
    sessions = upcoming(
        TrainingSessionPage.objects.live()
        .public()
        .descendant_of(index)
        .filter(trainers=trainer)
        .distinct(),
        limit=LISTED,
    )
    context = index.get_context(request)
    context.update(
        page=RoutedPage(index, "trainer", {"slug": slug}, trainer.full_name),
        index=index,
        trainer=trainer,
        sessions=sessions,
    )
    return TemplateResponse(request, "training/trainer_page.html", context)
