"""Every change to a memorandum, visit, session or registration is in the audit log
with who and when, and administrators read it in Reports → Site history."""

# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811
import datetime

from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry, PageLogEntry

import pytest
from freezegun import freeze_time

from cooperation import services as cooperation_services
from cooperation.models import DelegationMember
from training import services as training_services

from .fixtures_security import client_for, form_values, readable, world

pytestmark = pytest.mark.django_db


def page_log(page, action: str):
    return PageLogEntry.objects.filter(page_id=page.pk, action=action)


def model_log(instance, action: str):
    return ModelLogEntry.objects.filter(
        object_id=str(instance.pk),
        content_type__model=instance._meta.model_name,
        action=action,
    )


def test_a_memorandum_status_change_is_logged_with_who_and_when(world):
    staff = client_for(world, "staff")
    url = reverse("memoranda_transition", args=[world.draft.pk])
    before = timezone.now()
    response = staff.post(url, {"to_status": "drafting", "comment": "", "on": ""})
    assert response.status_code == 302
    entry = page_log(world.draft, "memoranda.status_change").get()
    assert entry.user == world.users["staff"]
    assert entry.timestamp >= before
    assert entry.data["from"] == "idea" and entry.data["to"] == "drafting"
    history = readable(
        client_for(world, "superuser").get("/admin/reports/site-history/")
    )
    assert "Status changed from" in history


def test_editing_a_memorandum_and_a_visit_in_the_admin_is_logged(world):
    staff = client_for(world, "staff")
    for page in (world.draft, world.visit):
        url = f"/admin/pages/{page.pk}/edit/"
        data = form_values(staff.get(url).content)
        assert staff.post(url, data).status_code == 302
        assert page_log(page, "wagtail.edit").filter(user=world.users["staff"])


def test_cancelling_a_visit_is_logged(world):
    cooperation_services.cancel_event(event=world.visit, user=world.users["staff"])
    assert page_log(world.visit, "wagtail.publish").filter(user=world.users["staff"])


def test_delegation_members_are_logged_when_added_changed_and_deleted(world):
    staff = client_for(world, "staff")
    add = reverse("delegation_members:add") + f"?visit={world.visit.pk}"
    data = form_values(staff.get(add).content, field="name")
    data.update({"visit": str(world.visit.pk), "name": "Audited Delegate"})
    assert staff.post(add, data).status_code == 302
    member = DelegationMember.objects.get(name="Audited Delegate")
    assert model_log(member, "wagtail.create").get().user == world.users["staff"]

    edit = reverse("delegation_members:edit", args=[member.pk])
    data = form_values(staff.get(edit).content, field="name")
    data["accommodation"] = "Hotel Audit"
    assert staff.post(edit, data).status_code == 302
    assert model_log(member, "wagtail.edit").get().user == world.users["staff"]

    pk = member.pk
    staff.post(reverse("delegation_members:delete", args=[pk]))
    assert ModelLogEntry.objects.filter(
        object_id=str(pk), action="wagtail.delete", user=world.users["staff"]
    ).exists()


def test_registrations_are_logged_from_the_form_to_attendance(world):
    session = world.session_a
    now = timezone.now()
    registration = training_services.register_participant(
        session=session,
        name="Audited Participant",
        email="audited@example.org",
        organisation="ЦОУ",
        language="ru",
        consent=True,
        now=now,
        notify=False,
    )
    created = model_log(registration, "training.registration.create").get()
    assert created.user is None  # the public form: nobody signed in
    assert created.data["status"] == "confirmed"

    start = datetime.datetime.combine(
        session.slots.first().date, datetime.time(12), tzinfo=datetime.UTC
    )
    with freeze_time(start + datetime.timedelta(hours=2)):
        trainer = client_for(world, "trainer")
        url = reverse("training_attendance", args=[session.pk])
        response = trainer.post(url, {f"attended-{registration.pk}": "yes"})
        assert response.status_code == 302
    entry = model_log(registration, "training.registration.attendance").get()
    assert entry.user == world.users["trainer"]
    assert entry.data == {"attended": True}

    training_services.cancel_registration(
        registration=registration, now=timezone.now(), notify=False
    )
    assert model_log(registration, "training.registration.cancel").exists()


def test_a_trainers_session_is_logged_as_theirs(world):
    trainer = client_for(world, "trainer")
    url = f"/admin/pages/{world.session_a.pk}/edit/"
    world.session_a.owner = world.users["trainer"]
    world.session_a.save()
    data = form_values(trainer.get(url).content)
    assert trainer.post(url, data).status_code == 302
    assert page_log(world.session_a, "wagtail.edit").filter(user=world.users["trainer"])


def test_site_history_shows_each_role_only_its_own_records(world):
    training_services.register_participant(
        session=world.session_b,
        name="SECRETLOGGEDB",
        email="logged-b@example.org",
        organisation="ЦОУ",
        language="ru",
        consent=True,
        now=timezone.now(),
        notify=False,
    )
    client_for(world, "staff").post(
        reverse("memoranda_transition", args=[world.draft.pk]),
        {"to_status": "drafting", "comment": "", "on": ""},
    )
    url = "/admin/reports/site-history/"
    assert "SECRETLOGGEDB" in readable(client_for(world, "superuser").get(url))
    assert "SECRETLOGGEDB" in readable(client_for(world, "staff").get(url))
    for role in ("trainer", "editor", "approver"):
        body = readable(client_for(world, role).get(url))
        assert "SECRETLOGGEDB" not in body, role
        assert "SECRETDRAFTMEMO" not in body, role
