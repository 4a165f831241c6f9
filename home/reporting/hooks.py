"""Admin hooks of the reporting package: reports, dashboard panels, publish warnings."""

from django.conf import settings
from django.contrib import messages
from django.urls import path, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from cooperation.i18n import language_codes

from . import access, completeness, dashboard
from .views import ActivityReportView, TranslationCompletenessView


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "reporting/translation-completeness/",
            TranslationCompletenessView.as_view(),
            name="reporting_completeness",
        ),
        path(
            "reporting/translation-completeness/results/",
            TranslationCompletenessView.as_view(results_only=True),
            name="reporting_completeness_results",
        ),
        path(
            "reporting/cooperation-activity/",
            ActivityReportView.as_view(),
            name="reporting_activity",
        ),
        path(
            "reporting/cooperation-activity/results/",
            ActivityReportView.as_view(results_only=True),
            name="reporting_activity_results",
        ),
    ]


class CompletenessMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return completeness.may_view(request.user)


class ActivityMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return access.can_see_activity(request.user)


@hooks.register("register_reports_menu_item")
def register_completeness_menu_item():
    return CompletenessMenuItem(
        _("Translation completeness"),
        reverse("reporting_completeness"),
        name="translation-completeness",
        icon_name="globe",
        order=1300,
    )


@hooks.register("register_reports_menu_item")
def register_activity_menu_item():
    return ActivityMenuItem(
        _("Cooperation activity"),
        reverse("reporting_activity"),
        name="cooperation-activity",
        icon_name="table",
        order=1310,
    )


# After the apps' own panels are in (the memoranda app adds its deadlines panel).
hooks.register("construct_homepage_panels", dashboard.homepage_panels, order=100)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_about_empty_translations(request, page) -> None:
    """Warn, without blocking, when a page goes live with a required field untranslated."""
    if "action-publish" not in request.POST:
        return
    others = [code for code in language_codes() if code != settings.LANGUAGE_CODE]
    gaps = completeness.required_gaps(page.specific, others)
    if not gaps:
        return
    names = dict(settings.LANGUAGES)
    listed = "; ".join(
        f"{capfirst(names[code])}: "
        + ", ".join(str(gap.label).lower() for gap in gaps[code])
        for code in others
        if code in gaps
    )
    messages.warning(
        request,
        gettext(
            "Published with empty translations (%(gaps)s). Readers of these "
            "languages see the text in another language until it is translated."
        )
        % {"gaps": listed},
    )
