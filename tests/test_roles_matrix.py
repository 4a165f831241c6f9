"""The role × URL matrix: every admin view that touches memoranda, delegation data,
training registrations and documents, tried by every role.

Each role gets exactly the views it should (200); everyone else is refused
(302 to the login or the dashboard, 403, 404, or 400 from the admin API). No role
ever reads a secret it may not see, whatever the status.
"""

from django.urls import reverse

import pytest

from .fixtures_security import (  # noqa: F401
    REGISTRANT_A,
    REGISTRANT_B,
    ROLES,
    VISIBLE,
    client_for,
    leaked,
    readable,
    world,
)

ADMIN = {"trainer", "other_trainer", "editor", "approver", "staff", "superuser"}
STAFF = {"staff", "superuser"}
SUPERUSER = {"superuser"}
TRAINERS = {"trainer", "other_trainer"}
REFUSED = {302, 400, 403, 404}


def matrix(w) -> list[tuple[str, str, set[str]]]:
    """Return (name, URL, roles that get it) for every view of the matrix."""
    draft, published = w.draft, w.published
    revision = draft.latest_revision
    doc = w.document
    member, note, submission = w.member, w.note, w.submission
    reg_a, reg_b = w.registration_a, w.registration_b
    pages = "/admin/pages"
    api = "/admin/api/main/pages"
    return [
        # Memoranda: the explorer, editor and every secondary page view.
        ("explore register", f"{pages}/{w.memoranda_index.pk}/", STAFF),
        ("edit draft", f"{pages}/{draft.pk}/edit/", STAFF),
        ("view draft", f"{pages}/{draft.pk}/view_draft/", STAFF),
        ("preview on edit", f"{pages}/{draft.pk}/edit/preview/", STAFF),
        # The revisions index only redirects to the history.
        ("revisions index", f"{pages}/{draft.pk}/revisions/", set()),
        ("revision view", f"{pages}/{draft.pk}/revisions/{revision.pk}/view/", STAFF),
        (
            "revisions compare",
            f"{pages}/{published.pk}/revisions/compare/"
            f"{w.published_first_revision.pk}...latest/",
            STAFF,
        ),
        ("history", f"{pages}/{draft.pk}/history/", STAFF),
        ("history results", f"{pages}/{draft.pk}/history/results/", STAFF),
        ("workflow history", f"{pages}/{draft.pk}/workflow_history/", STAFF),
        ("copy", f"{pages}/{draft.pk}/copy/", STAFF),
        ("move", f"{pages}/{draft.pk}/move/", STAFF),
        ("delete", f"{pages}/{draft.pk}/delete/", STAFF),
        ("unpublish", f"{pages}/{published.pk}/unpublish/", SUPERUSER),
        ("usage", f"{pages}/{draft.pk}/usage/", STAFF),
        # Privacy settings need the publish permission, which only the workflow has.
        ("privacy", f"{pages}/{draft.pk}/privacy/", SUPERUSER),
        (
            "create memorandum",
            f"{pages}/add/memoranda/memorandumpage/{w.memoranda_index.pk}/",
            STAFF,
        ),
        ("change status", reverse("memoranda_transition", args=[draft.pk]), STAFF),
        ("page search", f"{pages}/search/?q=SECRET", ADMIN - {"approver"}),
        (
            "page search results",
            f"{pages}/search/results/?q=SECRET",
            ADMIN - {"approver"},
        ),
        # Bulk actions name every object they are given.
        ("bulk delete", f"/admin/bulk/wagtailcore/page/delete/?id={draft.pk}", STAFF),
        ("bulk move", f"/admin/bulk/wagtailcore/page/move/?id={draft.pk}", STAFF),
        (
            "bulk publish all",
            "/admin/bulk/wagtailcore/page/publish/"
            f"?id=all&childOf={w.memoranda_index.pk}",
            STAFF,
        ),
        (
            "bulk document delete",
            f"/admin/bulk/wagtaildocs/document/delete/?id={doc.pk}",
            STAFF | {"approver"},
        ),
        (
            "bulk document collection",
            f"/admin/bulk/wagtaildocs/document/add_to_collection/?id={doc.pk}",
            STAFF | {"approver"},
        ),
        # The page chooser: browsing, search and the chosen-page lookup.
        ("chooser", "/admin/choose-page/", ADMIN),
        ("chooser register", f"/admin/choose-page/{w.memoranda_index.pk}/", ADMIN),
        ("chooser into draft", f"/admin/choose-page/{draft.pk}/", STAFF),
        (
            "chooser memoranda",
            "/admin/choose-page/?page_type=memoranda.memorandumpage",
            ADMIN,
        ),
        ("chooser search", "/admin/choose-page/search/?q=SECRET", ADMIN),
        (
            "chooser search memoranda",
            "/admin/choose-page/search/?q=SECRET&page_type=memoranda.memorandumpage",
            ADMIN,
        ),
        (
            "chooser chosen",
            f"/admin/choose-page/chosen-multiple/?id={draft.pk}",
            STAFF,
        ),
        # The admin API behind the explorer menu.
        ("api listing", f"{api}/", ADMIN),
        ("api children", f"{api}/?child_of={w.memoranda_index.pk}", STAFF),
        ("api search", f"{api}/?search=SECRET", ADMIN),
        ("api detail", f"{api}/{draft.pk}/", STAFF),
        # Reports and the dashboard.
        ("dashboard", "/admin/", ADMIN),
        ("site history", "/admin/reports/site-history/", ADMIN),
        ("site history csv", "/admin/reports/site-history/?export=csv", ADMIN),
        ("aging pages", "/admin/reports/aging-pages/", ADMIN - {"approver"}),
        ("locked pages", "/admin/reports/locked/", STAFF),
        ("workflows", "/admin/reports/workflow/", ADMIN - {"approver"}),
        ("workflow tasks", "/admin/reports/workflow_tasks/", ADMIN - {"approver"}),
        ("page types", "/admin/reports/page-types-usage/", SUPERUSER),
        (
            "activity report",
            "/admin/reporting/cooperation-activity/",
            STAFF | TRAINERS,
        ),
        (
            "activity report csv",
            "/admin/reporting/cooperation-activity/?export=csv",
            STAFF | TRAINERS,
        ),
        (
            "translation report",
            "/admin/reporting/translation-completeness/",
            ADMIN - {"approver"},
        ),
        (
            "translation report csv",
            "/admin/reporting/translation-completeness/?export=csv",
            ADMIN - {"approver"},
        ),
        # Documents, the confidential collection's included.
        ("documents", "/admin/documents/", ADMIN - {"approver"}),
        (
            "documents search",
            "/admin/documents/?q=Budget",
            ADMIN - {"approver"},
        ),
        ("document edit", f"/admin/documents/edit/{doc.pk}/", STAFF),
        ("document usage", f"/admin/documents/usage/{doc.pk}/", STAFF),
        ("document delete", f"/admin/documents/delete/{doc.pk}/", STAFF),
        ("document chooser", "/admin/documents/chooser/", ADMIN),
        (
            "document chooser search",
            "/admin/documents/chooser/?q=Budget",
            ADMIN,
        ),
        ("document download", doc.url, STAFF | {"approver"}),
        # Delegation data, internal notes and hearing questions.
        ("delegation", reverse("delegation_members:index"), STAFF),
        (
            "delegation of a visit",
            reverse("delegation_members:index") + f"?visit={w.visit.pk}",
            STAFF,
        ),
        (
            "delegation export",
            reverse("delegation_members:index") + "?export=csv",
            STAFF,
        ),
        ("member edit", reverse("delegation_members:edit", args=[member.pk]), STAFF),
        (
            "member history",
            reverse("delegation_members:history", args=[member.pk]),
            STAFF,
        ),
        ("member usage", reverse("delegation_members:usage", args=[member.pk]), STAFF),
        (
            "member delete",
            reverse("delegation_members:delete", args=[member.pk]),
            STAFF,
        ),
        ("notes", reverse("visit_notes:index"), STAFF),
        ("note edit", reverse("visit_notes:edit", args=[note.pk]), STAFF),
        ("questions", reverse("hearing_submissions:index"), STAFF),
        (
            "question edit",
            reverse("hearing_submissions:edit", args=[submission.pk]),
            STAFF,
        ),
        ("visit edit", f"{pages}/{w.visit.pk}/edit/", STAFF),
        ("calendar import", reverse("cooperation_import_calendar"), STAFF),
        # Training registrations: trainers see their own sessions' only.
        ("registrations", reverse("training_registration:index"), STAFF | TRAINERS),
        (
            "registrations of B",
            reverse("training_registration:index") + f"?session={w.session_b.pk}",
            STAFF | TRAINERS,
        ),
        (
            "registrations search",
            reverse("training_registration:index") + "?q=SECRET",
            STAFF | TRAINERS,
        ),
        (
            "registration A",
            reverse("training_registration:inspect", args=[reg_a.pk]),
            STAFF | {"trainer"},
        ),
        (
            "registration B",
            reverse("training_registration:inspect", args=[reg_b.pk]),
            STAFF | {"other_trainer"},
        ),
        (
            "registration B edit",
            reverse("training_registration:edit", args=[reg_b.pk]),
            STAFF,
        ),
        (
            "registration B history",
            reverse("training_registration:history", args=[reg_b.pk]),
            STAFF,
        ),
        (
            "registration B delete",
            reverse("training_registration:delete", args=[reg_b.pk]),
            STAFF,
        ),
        ("overview", reverse("training_overview"), STAFF | TRAINERS),
        (
            "attendance A",
            reverse("training_attendance", args=[w.session_a.pk]),
            STAFF | {"trainer"},
        ),
        (
            "attendance B",
            reverse("training_attendance", args=[w.session_b.pk]),
            STAFF | {"other_trainer"},
        ),
        (
            "participants B",
            reverse("training_participants_csv", args=[w.session_b.pk]),
            STAFF | {"other_trainer"},
        ),
        # News drafts belong to the news editors.
        (
            "news draft edit",
            f"{pages}/{w.news_draft.pk}/edit/",
            {"editor", "superuser"},
        ),
    ]


# What a role that gets the view must read there: proof that the view shows the
# data at all, so that its absence elsewhere means something.
SHOWN = {
    "edit draft": "SECRETINTERNALNOTE",
    "revision view": "SECRETDRAFTMEMO",
    "revisions compare": "SECRETPENDINGTITLE",
    "history": "SECRETDRAFTMEMO",
    "chooser into draft": "SECRETDRAFTMEMO",
    "chooser search": "SECRETDRAFTMEMO",
    "api detail": "SECRETDRAFTMEMO",
    "document edit": "SECRETDOCTITLE",
    "document chooser search": "SECRETDOCTITLE",
    "delegation": "SECRETDELEGATE",
    "delegation export": "SECRETHOTEL",
    "member edit": "SECRETHOTEL",
    "note edit": "SECRETVISITNOTE",
    "question edit": "SECRETQUESTION",
    "registration A": REGISTRANT_A,
    "registration B": REGISTRANT_B,
    "participants B": REGISTRANT_B,
    "news draft edit": "SECRETNEWSDRAFT",
}


def test_the_matrix_covers_every_role_and_view(world):
    views = matrix(world)
    assert len({name for name, _url, _allowed in views}) == len(views)
    assert set(SHOWN) <= {name for name, _url, _allowed in views}
    # 82 views × 8 roles at the time of writing; fewer means a view was dropped.
    assert len(views) * len(ROLES) >= 650


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_exactly_its_views_and_never_a_secret(world, role):
    client = client_for(world, role)
    problems = []
    for name, url, allowed in matrix(world):
        response = client.get(url)
        body = readable(response)
        secrets = leaked(body, role)
        if secrets:
            problems.append(f"{name} {url}: {response.status_code} shows {secrets}")
        if role in allowed and response.status_code != 200:
            problems.append(f"{name} {url}: {response.status_code}, expected 200")
        elif (
            role in allowed
            and SHOWN.get(name) in VISIBLE[role]
            and SHOWN[name] not in body
        ):
            problems.append(f"{name} {url}: {SHOWN[name]} is missing")
        if role not in allowed and response.status_code not in REFUSED:
            problems.append(f"{name} {url}: {response.status_code}, expected a refusal")
    assert not problems, "\n".join(problems)
