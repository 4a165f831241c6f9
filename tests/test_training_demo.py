import datetime

from django.utils import timezone

import pytest

from home.demo_content import site
from training import demo
from training.models import Registration, Trainer, TrainingSessionPage


def load_twice() -> tuple[dict, list[str]]:
    messages: list[str] = []
    pages = site.load(messages.append)
    made = demo.load(pages=dict(pages), report=messages.append)
    first = len(messages)
    again = demo.load(pages={**pages, **made}, report=messages.append)
    assert len(messages) == first, messages[first:]
    assert {key: page.pk for key, page in again.items()} == {
        key: page.pk for key, page in made.items()
    }
    return made, messages


@pytest.mark.django_db
def test_training_demo_twice_equals_once():
    load_twice()
    counts = (
        TrainingSessionPage.objects.count(),
        Trainer.objects.count(),
        Registration.objects.count(),
    )
    demo.load(pages=site.load(lambda message: None), report=lambda message: None)
    assert counts == (
        TrainingSessionPage.objects.count(),
        Trainer.objects.count(),
        Registration.objects.count(),
    )


@pytest.mark.django_db
def test_training_demo_has_upcoming_sessions_one_nearly_full_one_with_a_waitlist(
    client,
):
    made, _messages = load_twice()
    for key in ("training_index", "programme", "session_ulyanovsk", "session_baku"):
        assert made[key].live
    ulyanovsk = made["session_ulyanovsk"]
    baku = made["session_baku"]
    now = timezone.now()
    assert ulyanovsk.time_zone == "Europe/Ulyanovsk" and baku.time_zone == "Asia/Baku"
    assert ulyanovsk.first_day - timezone.localdate() == datetime.timedelta(days=20)
    assert len(baku.slot_list()) == 2
    assert ulyanovsk.registration_state(now) == "open"
    assert 0 < ulyanovsk.seats_left() <= 2
    assert baku.seats_left() == 0 and baku.waitlist_count() > 0
    assert all(r.email.endswith("@example.org") for r in Registration.objects.all())
    sides = {trainer.organisation.region.slug for trainer in Trainer.objects.all()}
    assert sides == {"ulyanovsk-oblast", "azerbaijan"}
    assert all(
        trainer.bio_en.startswith("Demo content") for trainer in Trainer.objects.all()
    )
    for language, slug in (("ru", "obuchenie"), ("az", "telim"), ("en", "training")):
        assert client.get(f"/{language}/{slug}/").status_code == 200
