"""Trainers edit the sessions they teach or created, and never anyone else's."""

# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811
import pytest

from home import roles
from training.models import TrainingSessionPage

from .factories_training import TrainingSessionPageFactory
from .fixtures_security import form_values, world


def edit_url(page) -> str:
    return f"/admin/pages/{page.pk}/edit/"


def save_draft(client, session, summary: str):
    data = form_values(client.get(edit_url(session)).content)
    data["summary_ru"] = summary
    return client.post(edit_url(session), data)


def test_trainer_edits_a_session_they_teach_but_someone_else_created(client, world):
    session = world.session_a
    assert session.owner_id != world.users["trainer"].pk
    client.force_login(world.users["trainer"])

    assert client.get(edit_url(session)).status_code == 200
    response = save_draft(client, session, "Новое описание от тренера")

    assert response.status_code == 302, response.content[:500]
    latest = TrainingSessionPage.objects.get(pk=session.pk).get_latest_revision()
    assert latest.content["summary_ru"] == "Новое описание от тренера"
    assert latest.user == world.users["trainer"]


@pytest.mark.parametrize(
    ("user", "session"),
    [("trainer", "session_b"), ("other_trainer", "session_a")],
)
def test_trainer_cannot_edit_a_session_of_another_trainer(client, world, user, session):
    page = getattr(world, session)
    before = page.get_latest_revision().pk
    client.force_login(world.users[user])

    assert not page.permissions_for_user(world.users[user]).can_edit()
    response = client.get(edit_url(page))
    assert response.status_code in {302, 403}
    assert response.get("Location", "/admin/") == "/admin/"
    response = client.post(edit_url(page), {"title_ru": "Захват", "summary_ru": "x"})
    assert response.status_code in {302, 403}
    assert page.get_latest_revision().pk == before


def test_trainer_still_edits_a_session_they_created_without_teaching_it(client, world):
    user = world.users["other_trainer"]
    created = TrainingSessionPageFactory(
        parent=world.programme, trainers=[world.trainer_a], owner=user
    )
    created.save_revision(user=user)
    client.force_login(user)

    assert created.permissions_for_user(user).can_edit()
    assert client.get(edit_url(created)).status_code == 200


def test_teaching_a_session_grants_nothing_outside_the_trainers_group(world):
    user = world.users["trainer"]
    user.groups.remove(world.users["trainer"].groups.get(name=roles.TRAINERS))
    user = type(user).objects.get(pk=user.pk)

    assert not world.session_a.permissions_for_user(user).can_edit()


def test_teaching_a_session_does_not_open_its_programme(world):
    user = world.users["trainer"]
    assert not world.programme.permissions_for_user(user).can_edit()
    assert world.session_a.permissions_for_user(user).can_edit()
    assert not world.session_a.permissions_for_user(user).can_publish()
