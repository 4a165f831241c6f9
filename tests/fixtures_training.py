"""Fixtures of the training tests, imported by name into each test module."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

import pytest

from .factories_cooperation import OrganisationFactory
from .factories_training import (
    TrainerFactory,
    TrainingIndexPageFactory,
    TrainingProgrammePageFactory,
    TrainingSessionPageFactory,
    in_days,
)


@pytest.fixture
def training_index(home_page):
    return TrainingIndexPageFactory(parent=home_page)


@pytest.fixture
def programme(training_index):
    return TrainingProgrammePageFactory(parent=training_index)


@pytest.fixture
def venue(db):
    return OrganisationFactory(
        slug="asan-training-centre",
        short_name="Учебный центр АСАН",
        short_name_ru="Учебный центр АСАН",
        short_name_az="ASAN Təlim Mərkəzi",
        short_name_en="ASAN Training Centre",
    )


@pytest.fixture
def trainer(db):
    return TrainerFactory(
        slug="elnur-gumbatov",
        person__full_name_ru="Эльнур Акиф оглы Гумбатов",
        person__short_name_ru="Э. Гумбатов",
        person__short_name="Э. Гумбатов",
        person__short_name_az="E. Qumbatov",
        person__short_name_en="E. Gumbatov",
    )


@pytest.fixture
def session(programme, venue, trainer):
    """A Baku session in 30 days, 10:00–12:00, two seats, registration open."""
    return TrainingSessionPageFactory(
        parent=programme, venue=venue, capacity=2, trainers=[trainer]
    )


@pytest.fixture
def two_day_session(programme, venue, trainer):
    return TrainingSessionPageFactory(
        parent=programme,
        venue=venue,
        trainers=[trainer],
        slots=[
            (in_days(40), datetime.time(10), datetime.time(17)),
            (in_days(41), datetime.time(10), datetime.time(17)),
        ],
    )


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser(
        "admin", "admin@example.org", "secret-pass"
    )


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def trainer_user(trainer):
    """The trainer's own admin login: admin access, no registration permissions."""
    user = get_user_model().objects.create_user(
        "gumbatov", "gumbatov@example.org", "secret-pass"
    )
    group, _created = Group.objects.get_or_create(name="Trainers")
    group.permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    user.groups.add(group)
    trainer.user = user
    trainer.save()
    return user
