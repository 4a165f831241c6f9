"""An approval is carried out once, by the approver's click, never by an autosave.

Wagtail's workflow buttons add hidden `action-workflow-action` inputs to the
editor form before it is sent; the editor's autosave sees the form change and,
when the real submission takes longer than its interval, posts a background
copy of the form with those inputs. That copy must not approve (or save) again.
"""

# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811
from django.utils import translation

from wagtail.models import Page

import pytest

from memoranda.models import MemorandumPage

from .fixtures_security import client_for, form_values, world

pytestmark = pytest.mark.django_db

APPROVE = {"action-workflow-action": "true", "workflow-action-name": "approve"}


def submitted(world) -> str:
    """Submit the draft memorandum for moderation; return its edit URL."""
    staff = client_for(world, "staff")
    edit = f"/admin/pages/{world.draft.pk}/edit/"
    data = form_values(staff.get(edit).content)
    data["action-submit"] = "1"
    assert staff.post(edit, data).status_code == 302
    return edit


def approval(client, edit: str) -> dict:
    """Return what the editor sends on Approve: the form as rendered, plus the action."""
    data = form_values(client.get(edit).content)
    data.update(APPROVE)
    return data


def background_copy(client, edit: str):
    """Post the approver's form with the approval inputs, as the autosave does."""
    return client.post(edit, approval(client, edit), HTTP_ACCEPT="application/json")


def test_an_autosave_carrying_the_approval_changes_nothing(world):
    edit = submitted(world)
    approver = client_for(world, "approver")
    revisions = world.draft.revisions.count()

    response = background_copy(approver, edit)

    assert response.status_code == 400
    body = response.json()
    assert body["success"] is False
    with translation.override("en"):
        assert body["error_message"] == (
            "Not autosaved: the form is being sent with your action."
        )
    page = MemorandumPage.objects.get(pk=world.draft.pk)
    assert not page.live and page.workflow_in_progress
    assert page.revisions.count() == revisions


def test_the_approvers_own_submission_still_publishes(world):
    edit = submitted(world)
    approver = client_for(world, "approver")
    background_copy(approver, edit)

    assert approver.post(edit, approval(approver, edit)).status_code == 302

    page = MemorandumPage.objects.get(pk=world.draft.pk)
    assert page.live and not page.workflow_in_progress
    assert not page.has_unpublished_changes


def test_a_late_autosave_after_the_approval_saves_no_draft(world):
    edit = submitted(world)
    # Unlike an approver, a superuser may still edit the page once it is live.
    approver = client_for(world, "superuser")
    data = approval(approver, edit)
    assert approver.post(edit, data).status_code == 302
    revisions = world.draft.revisions.count()

    # The copy the autosave had prepared before the page went away.
    approver.post(edit, data, HTTP_ACCEPT="application/json")

    page = Page.objects.get(pk=world.draft.pk)
    assert page.live and not page.has_unpublished_changes
    assert page.revisions.count() == revisions


def test_an_ordinary_autosave_still_saves(world):
    staff = client_for(world, "staff")
    edit = f"/admin/pages/{world.draft.pk}/edit/"
    data = form_values(staff.get(edit).content)
    data["title_en"] = "Autosaved title"
    response = staff.post(edit, data, HTTP_ACCEPT="application/json")
    assert response.status_code == 200 and response.json()["success"] is True
    latest = Page.objects.get(pk=world.draft.pk).get_latest_revision_as_object()
    assert latest.title_en == "Autosaved title"


def test_an_approval_sent_before_the_editor_started_publishes(world):
    """An empty rich-text field sent as the server rendered it is not a change.

    Until Draftail's script has started, an empty editor's input holds one empty
    paragraph; an approver clicking Approve at once sent it, the approval saved
    a "changed" revision and restarted moderation instead of publishing.
    """
    world.draft.public_summary_en = ""
    world.draft.save_revision()
    edit = submitted(world)
    approver = client_for(world, "approver")
    data = approval(approver, edit)
    assert '"blocks"' in data["public_summary_en"]  # the server's rendering

    assert approver.post(edit, data).status_code == 302

    page = MemorandumPage.objects.get(pk=world.draft.pk)
    assert page.live and not page.workflow_in_progress
    assert page.public_summary_en == ""
    assert not page.revisions.filter(user__username="approver").exists()


def test_after_approving_the_approver_is_back_on_the_dashboard(world):
    """Approvers may not open the section's listing Wagtail would show next."""
    edit = submitted(world)
    approver = client_for(world, "approver")

    response = approver.post(edit, approval(approver, edit))

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    dashboard = approver.get("/admin/")
    with translation.override("en"):
        shown = [str(message) for message in dashboard.context["messages"]]
    assert not any("permission" in message for message in shown)


def test_staff_who_may_explore_the_register_still_go_to_it(world):
    """Someone with rights on the section keeps Wagtail's usual next page."""
    edit = submitted(world)
    superuser = client_for(world, "superuser")

    response = superuser.post(edit, approval(superuser, edit))

    parent = MemorandumPage.objects.get(pk=world.draft.pk).get_parent()
    assert response["Location"] == f"/admin/pages/{parent.pk}/"
