"""The roles: created by the data migration, attached to the sections by setup_roles."""

# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811
import io
import re

from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.utils import translation

from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
)

import pytest

from home import roles
from memoranda.services import confidential_collection

from .factories_training import TrainerFactory
from .fixtures_security import world

pytestmark = pytest.mark.django_db


def model_permissions(name: str) -> set[str]:
    group = Group.objects.get(name=name)
    return {
        f"{permission.content_type.app_label}.{permission.codename}"
        for permission in group.permissions.select_related("content_type")
    }


def page_permissions(name: str, page) -> set[str]:
    return {
        row.permission.codename.removesuffix("_page")
        for row in GroupPagePermission.objects.filter(group__name=name, page=page)
    }


def test_the_migration_creates_four_roles_with_their_model_permissions():
    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.GROUPS)
    staff = model_permissions(roles.INTERNATIONAL_DEPARTMENT)
    assert {
        "wagtailadmin.access_admin",
        "cooperation.change_delegationmember",
        "cooperation.view_visitinternalnote",
        "cooperation.change_hearingsubmission",
        "training.view_all_registrations",
    } <= staff
    # Trainers reach registrations only through the trainer link, approvers
    # only through the workflow's task.
    assert model_permissions(roles.TRAINERS) == {"wagtailadmin.access_admin"}
    assert model_permissions(roles.APPROVERS) == {"wagtailadmin.access_admin"}
    editors = model_permissions(roles.NEWS_EDITORS)
    assert "home.add_newstag" in editors
    assert not {p for p in editors if p.split(".")[0] in {"cooperation", "training"}}


def test_the_migration_creates_the_moderation_workflow_of_the_approvers():
    workflow = Workflow.objects.get(name=roles.WORKFLOW)
    assert workflow.active
    task = workflow.tasks.get().specific
    assert [group.name for group in task.groups.all()] == [roles.APPROVERS]


def test_setup_roles_gives_each_role_its_sections(world):
    staff, trainers, editors = (
        roles.INTERNATIONAL_DEPARTMENT,
        roles.TRAINERS,
        roles.NEWS_EDITORS,
    )
    # No publish where the workflow decides.
    assert page_permissions(staff, world.memoranda_index) == {
        "add",
        "change",
        "lock",
        "unlock",
    }
    assert "publish" in page_permissions(staff, world.events)
    assert page_permissions(trainers, world.training) == {"add"}
    assert page_permissions(editors, world.news_index) == {"add", "change"}
    assert not GroupPagePermission.objects.filter(group__name=roles.APPROVERS).exists()
    assert not page_permissions(trainers, world.memoranda_index)
    assert not page_permissions(editors, world.memoranda_index)
    moderated = set(
        WorkflowPage.objects.filter(workflow__name=roles.WORKFLOW).values_list(
            "page_id", flat=True
        )
    )
    assert moderated == {
        world.memoranda_index.pk,
        world.news_index.pk,
        world.training.pk,
    }


def test_only_the_department_and_approvers_may_open_confidential_documents(world):
    confidential = confidential_collection()
    restriction = confidential.get_view_restrictions().get()
    assert restriction.restriction_type == CollectionViewRestriction.GROUPS
    assert {group.name for group in restriction.groups.all()} == {
        roles.INTERNATIONAL_DEPARTMENT,
        roles.APPROVERS,
    }
    with_documents = {
        row.group.name
        for row in GroupCollectionPermission.objects.filter(
            permission__content_type__app_label="wagtaildocs"
        )
        if confidential.path.startswith(row.collection.path)
    }
    assert with_documents == {roles.INTERNATIONAL_DEPARTMENT, roles.APPROVERS}
    training = Collection.objects.get(name=roles.TRAINING_COLLECTION)
    assert GroupCollectionPermission.objects.filter(
        group__name=roles.TRAINERS, collection=training
    ).exists()


def snapshot() -> tuple:
    return (
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
        WorkflowPage.objects.count(),
        Workflow.objects.count(),
        Collection.objects.count(),
        Permission.objects.filter(group__isnull=False).count(),
    )


def test_setup_roles_twice_equals_once_and_keeps_what_administrators_added(world):
    before = snapshot()
    publish = Permission.objects.get(
        content_type__app_label="wagtailcore", codename="publish_page"
    )
    extra = GroupPagePermission.objects.create(
        group=Group.objects.get(name=roles.NEWS_EDITORS),
        page=world.news_index,
        permission=publish,
    )
    call_command("setup_roles", verbosity=0)
    assert GroupPagePermission.objects.filter(pk=extra.pk).exists()
    extra.delete()
    assert snapshot() == before


def test_demo_users_take_the_password_from_the_environment(db, monkeypatch):
    demo_trainer = TrainerFactory(slug=roles.DEMO_TRAINER_SLUG)
    monkeypatch.setenv("DJANGO_DEMO_PASSWORD", "demo-pass-4711")
    out = io.StringIO()
    call_command("setup_roles", demo_users=True, stdout=out)
    assert "demo-pass-4711" not in out.getvalue()
    for username, group in roles.DEMO_USERS.items():
        user = authenticate(username=username, password="demo-pass-4711")
        assert user is not None, username
        assert list(user.groups.values_list("name", flat=True)) == [group]
        assert not user.is_superuser
    demo_trainer.refresh_from_db()
    assert demo_trainer.user.username == "trainer"


def test_generated_demo_passwords_are_shown_once_and_never_changed(db, monkeypatch):
    monkeypatch.delenv("DJANGO_DEMO_PASSWORD", raising=False)
    out = io.StringIO()
    with translation.override("en"):
        call_command("setup_roles", demo_users=True, stdout=out)
    passwords = dict(re.findall(r"Password of “(\w+)”: (\S+)", out.getvalue()))
    assert set(passwords) == set(roles.DEMO_USERS)
    assert authenticate(username="editor", password=passwords["editor"])
    again = io.StringIO()
    call_command("setup_roles", demo_users=True, stdout=again)
    assert "Password" not in again.getvalue()
    assert authenticate(username="editor", password=passwords["editor"])


def test_seed_demo_sets_up_the_roles_and_the_demo_logins(db, monkeypatch):
    monkeypatch.setenv("DJANGO_DEMO_PASSWORD", "demo-pass-4711")
    call_command("seed_demo", stdout=io.StringIO())
    users = get_user_model().objects.filter(username__in=roles.DEMO_USERS)
    assert users.count() == len(roles.DEMO_USERS)
    assert GroupPagePermission.objects.filter(
        group__name=roles.INTERNATIONAL_DEPARTMENT,
        page__content_type__model="memorandumindexpage",
    ).exists()
    trainer = get_user_model().objects.get(username="trainer")
    assert trainer.trainer.slug == roles.DEMO_TRAINER_SLUG


def test_wagtails_empty_starter_groups_go_and_used_ones_stay(db):
    user = get_user_model().objects.create_user("moderator", password="pw")
    user.groups.add(Group.objects.get(name="Moderators"))
    out = io.StringIO()
    call_command("setup_roles", stdout=out)
    assert not Group.objects.filter(name="Editors").exists()
    assert Group.objects.filter(name="Moderators").exists()
    assert "Moderators" in out.getvalue()
