"""Moderation as the roles meet it: submit, approve, publish; drafts until approved."""

# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811
import datetime

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext

from wagtail.models import Page
from wagtail.test.utils.form_data import rich_text

import pytest

from home.models import NewsPage
from memoranda.models import MemorandumPage
from training.models import TrainingSessionPage

from .factories import NewsPageFactory
from .factories_training import RegistrationFactory, TrainingSessionPageFactory, in_days
from .fixtures_security import client_for, form_values, readable, world

pytestmark = pytest.mark.django_db


def approve(client, page):
    """Approve the page's current task as the client's user."""
    task_state = Page.objects.get(pk=page.pk).specific.current_workflow_task_state
    url = f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/"
    return client.post(url, {"comment": ""})


def in_moderation(page) -> bool:
    return Page.objects.get(pk=page.pk).workflow_in_progress


def news_form(client, index, **values) -> dict:
    url = f"/admin/pages/add/home/newspage/{index.pk}/"
    data = form_values(client.get(url).content)
    data.update(
        {
            "title_ru": "Новость редактора",
            "title_az": "Redaktorun xəbəri",
            "title_en": "An editor's article",
            "slug_ru": "novost-redaktora",
            "slug_az": "redaktorun-xeberi",
            "slug_en": "editors-article",
            "date": "2025-03-01",
            "body_ru": rich_text("<p>Текст</p>"),
            "body_az": rich_text("<p>Mətn</p>"),
            "body_en": rich_text("<p>Text</p>"),
        }
    )
    data.update(values)
    return data


def test_the_moderation_workflow_applies_to_news_memoranda_and_training(world):
    for index in (world.news_index, world.memoranda_index, world.training):
        workflow = Page.objects.get(pk=index.pk).get_workflow()
        assert workflow is not None and workflow.name == "Moderation"
        task = workflow.tasks.get().specific
        assert [group.name for group in task.groups.all()] == ["Approvers"]
    assert settings.WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT is True


def test_a_news_editor_cannot_publish_but_submits_and_an_approver_publishes(world):
    editor = client_for(world, "editor")
    url = f"/admin/pages/add/home/newspage/{world.news_index.pk}/"
    response = editor.post(
        url, news_form(editor, world.news_index, **{"action-publish": "1"})
    )
    assert response.status_code == 302
    article = NewsPage.objects.get(slug_en="editors-article")
    assert not article.live, "an editor's publish button must only save a draft"

    edit = f"/admin/pages/{article.pk}/edit/"
    data = form_values(editor.get(edit).content)
    data["action-submit"] = "1"
    assert editor.post(edit, data).status_code == 302
    assert in_moderation(article)

    approver = client_for(world, "approver")
    assert "An editor's article" in readable(approver.get("/admin/"))
    # Staff are no approvers: their approval is refused and changes nothing.
    approve(client_for(world, "staff"), article)
    assert not NewsPage.objects.get(pk=article.pk).live

    assert approve(approver, article).status_code in (200, 302)
    article.refresh_from_db()
    assert article.live
    assert client_for(world, "anonymous").get(article.url).status_code == 200


def test_editing_a_live_article_keeps_the_published_text_until_approved_again(world):
    article = NewsPageFactory(parent=world.news_index, title="Старый заголовок")
    article.title_ru = "Старый заголовок"
    article.save_revision().publish()
    editor = client_for(world, "editor")
    edit = f"/admin/pages/{article.pk}/edit/"
    data = form_values(editor.get(edit).content)
    data.update({"title_ru": "Новый заголовок", "action-submit": "1"})
    assert editor.post(edit, data).status_code == 302

    article.refresh_from_db()
    assert article.live and article.has_unpublished_changes
    assert article.title_ru == "Старый заголовок"
    public = readable(client_for(world, "anonymous").get(article.url))
    assert "Старый заголовок" in public and "Новый заголовок" not in public

    approve(client_for(world, "approver"), article)
    article.refresh_from_db()
    assert article.title_ru == "Новый заголовок"


def test_international_department_submits_memoranda_for_approval(world):
    staff = client_for(world, "staff")
    edit = f"/admin/pages/{world.draft.pk}/edit/"
    data = form_values(staff.get(edit).content)
    data["action-publish"] = "1"
    staff.post(edit, data)
    assert not MemorandumPage.objects.get(pk=world.draft.pk).live

    data = form_values(staff.get(edit).content)
    data["action-submit"] = "1"
    assert staff.post(edit, data).status_code == 302
    assert in_moderation(world.draft)

    approver = client_for(world, "approver")
    # While it waits for them, the approver reads the draft and its documents.
    assert approver.get(edit).status_code == 200
    assert approver.get(world.document.url).status_code == 200
    # A trainer still reads nothing of it.
    trainer = client_for(world, "trainer")
    assert trainer.get(edit).status_code == 302
    assert trainer.get(world.document.url).status_code == 404

    approve(approver, world.draft)
    assert MemorandumPage.objects.get(pk=world.draft.pk).live


def test_editing_a_published_memorandum_needs_approval_again(world):
    staff = client_for(world, "staff")
    page = world.published
    edit = f"/admin/pages/{page.pk}/edit/"
    data = form_values(staff.get(edit).content)
    data.update({"title_ru": "Переименованный", "action-submit": "1"})
    assert staff.post(edit, data).status_code == 302
    page.refresh_from_db()
    assert page.live and page.title_ru == "Open memorandum"
    assert in_moderation(page)
    approve(client_for(world, "approver"), page)
    page.refresh_from_db()
    assert page.title_ru == "Переименованный"


def session_data(client, programme, trainer, **values) -> dict:
    url = f"/admin/pages/add/training/trainingsessionpage/{programme.pk}/"
    data = form_values(client.get(url).content)
    day = in_days(60)
    data.update(
        {
            "title_ru": "Занятие тренера",
            "title_az": "Təlimçinin məşğələsi",
            "title_en": "A trainer's session",
            "slug_ru": "zanyatie-trenera",
            "slug_az": "telimcinin-meshgelesi",
            "slug_en": "trainers-session",
            "time_zone": "Asia/Baku",
            "trainers": [str(trainer.pk)],
            "capacity": "12",
            "language": "ru",
            "opens_at": timezone.now().strftime("%Y-%m-%d %H:%M"),
            "closes_at": (timezone.now() + datetime.timedelta(days=30)).strftime(
                "%Y-%m-%d %H:%M"
            ),
            "status": "scheduled",
            "slots-TOTAL_FORMS": "1",
            "slots-INITIAL_FORMS": "0",
            "slots-0-date": day.isoformat(),
            "slots-0-start_time": "10:00",
            "slots-0-end_time": "12:00",
            "slots-0-ORDER": "1",
            "slots-0-DELETE": "",
            "slots-0-id": "",
            "materials-TOTAL_FORMS": "0",
            "materials-INITIAL_FORMS": "0",
        }
    )
    data.update(values)
    return {key: value for key, value in data.items() if value is not None}


def test_a_trainer_creates_a_session_and_edits_only_their_own(world):
    trainer = client_for(world, "trainer")
    url = f"/admin/pages/add/training/trainingsessionpage/{world.programme.pk}/"
    data = session_data(trainer, world.programme, world.trainer_a)
    data["action-submit"] = "1"
    response = trainer.post(url, data)
    assert response.status_code == 302, readable(response)[-3000:]
    session = TrainingSessionPage.objects.get(slug_en="trainers-session")
    assert session.owner == world.users["trainer"]
    assert not session.live and in_moderation(session)

    assert trainer.get(f"/admin/pages/{session.pk}/edit/").status_code == 200
    # A session they teach is theirs too, whoever created it.
    assert trainer.get(f"/admin/pages/{world.session_a.pk}/edit/").status_code == 200
    # Sessions of others, the programme and the index stay out of reach.
    for page in (world.session_b, world.programme, world.training):
        assert trainer.get(f"/admin/pages/{page.pk}/edit/").status_code == 302
    other = client_for(world, "other_trainer")
    assert other.get(f"/admin/pages/{session.pk}/edit/").status_code == 302


def test_only_the_department_creates_programmes(world):
    url = f"/admin/pages/add/training/trainingprogrammepage/{world.training.pk}/"
    response = client_for(world, "trainer").get(url, follow=True)
    refusal = "Only the international department creates training programmes."
    with translation.override("ru"):
        in_russian = gettext(refusal)
    text = readable(response)
    assert refusal in text or in_russian in text
    assert response.redirect_chain[0][1] == 302
    assert client_for(world, "staff").get(url).status_code == 200


def test_a_trainer_sees_registrations_of_a_session_they_created(world):
    session = TrainingSessionPageFactory(
        parent=world.programme,
        trainers=[world.trainer_b],
        owner=world.users["trainer"],
        slots=[(in_days(45), datetime.time(10), datetime.time(12))],
    )
    RegistrationFactory(session=session, name="CreatorRegistrant")
    body = readable(client_for(world, "trainer").get("/admin/training_registration/"))
    assert "CreatorRegistrant" in body
    attendance = f"/admin/training/sessions/{session.pk}/attendance/"
    assert client_for(world, "trainer").get(attendance).status_code == 200
    assert "CreatorRegistrant" not in readable(
        client_for(world, "editor").get("/admin/training_registration/")
    )


def test_a_trainer_guessing_addresses_reaches_no_memorandum_or_delegation(world):
    trainer = client_for(world, "trainer")
    views = (
        "edit/",
        "view_draft/",
        "history/",
        "workflow_history/",
        "revisions/",
        "usage/",
        "copy/",
        "delete/",
        "move/",
        "unpublish/",
    )
    for page in MemorandumPage.objects.all():
        for view in views:
            response = trainer.get(f"/admin/pages/{page.pk}/{view}")
            assert response.status_code in (302, 403, 404), (page, view)
        assert trainer.get(f"/admin/memoranda/{page.pk}/status/").status_code in (
            302,
            403,
        )
    for pk in range(1, world.member.pk + 3):
        for prefix in ("delegation_members", "visit_notes", "hearing_submissions"):
            for view in ("edit", "delete", "history", "usage"):
                response = trainer.get(f"/admin/{prefix}/{view}/{pk}/")
                assert response.status_code in (302, 403, 404), (prefix, view, pk)


def test_an_approver_reviews_a_memorandum_but_cannot_change_its_status(world):
    staff = client_for(world, "staff")
    edit = f"/admin/pages/{world.draft.pk}/edit/"
    data = form_values(staff.get(edit).content)
    data["action-submit"] = "1"
    assert staff.post(edit, data).status_code == 302
    status = f"/admin/memoranda/{world.draft.pk}/status/"
    approver = client_for(world, "approver")
    editor_page = readable(approver.get(edit))
    assert "SECRETDRAFTMEMO" in editor_page
    assert status not in editor_page
    assert approver.get(status).status_code == 302
    assert approver.post(status, {"to_status": "drafting"}).status_code == 302
    assert MemorandumPage.objects.get(pk=world.draft.pk).status == "idea"
    assert status in readable(staff.get(edit))
    assert staff.get(status).status_code == 200
