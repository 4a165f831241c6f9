"""Journey 4: a trainer schedules a session that clashes with one they teach, sees
the conflict named in the editor, moves it to a free time and saves it.

The demo login `trainer` (group Trainers) is linked to the trainer who teaches the
two-day demo session in Baku (Asia/Baku). The new session is planned in Moscow
time: its first slot overlaps the Baku session only as real instants (its wall
times do not), and the free slot it moves to overlaps it only as wall times.
"""

import datetime

from django.utils import timezone, translation

import pytest

from cooperation.timezones import in_zone
from training.models import Trainer, TrainingProgrammePage, TrainingSessionPage
from training.schedule import Slot
from training.services import _trainer_conflicts

from .conftest import screenshot
from .driver import Driver, admin_in, log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

OTHER = "elektronnye-uslugi-baku"
TITLE = "Очереди в МФЦ: разбор случаев"
ZONE = "Europe/Moscow"


def moscow_slot(other: Slot, hours: int) -> tuple[datetime.date, str, str]:
    """Return an hour-long Moscow slot starting `hours` after the other starts."""
    begins = in_zone(other.start, ZONE) + datetime.timedelta(hours=hours)
    ends = begins + datetime.timedelta(hours=1)
    return begins.date(), f"{begins:%H:%M}", f"{ends:%H:%M}"


def fill_slot(driver: Driver, page, slot: tuple[datetime.date, str, str]) -> None:
    day, start, end = slot
    driver.fill(page.locator("#id_slots-0-date"), f"{day:%Y-%m-%d}")
    driver.fill(page.locator("#id_slots-0-start_time"), start)
    driver.fill(page.locator("#id_slots-0-end_time"), end)


def choose_only(driver: Driver, select, label: str) -> None:
    """Select one option of a <select multiple> (a list box), and only it."""
    if not driver.keyboard:
        select.select_option(label=label)
    else:
        driver.focus(select)
        options = select.evaluate("el => Array.from(el.options).map(o => o.text)")
        # In a list box Home selects the first option alone, arrows move it.
        driver.page.keyboard.press("Home")
        for _ in range(options.index(label)):
            driver.page.keyboard.press("ArrowDown")
    chosen = "el => Array.from(el.selectedOptions).map(o => o.text)"
    assert select.evaluate(chosen) == [label]


@pytest.mark.parametrize(
    ("admin_language", "keyboard"),
    [("ru", False), ("en", True)],
    ids=["ru-admin-mouse", "en-admin-keyboard"],
)
def test_trainer_sees_the_clash_with_their_session_and_moves_the_new_one(
    demo_site, page, admin_language, keyboard
):
    page.set_viewport_size({"width": 1600, "height": 1000})
    driver = Driver(page, keyboard=keyboard)
    trainer = Trainer.objects.get(user__username="trainer")
    other = TrainingSessionPage.objects.get(slug_ru=OTHER, trainers=trainer)
    other_slot = other.slot_list()[0]
    clash = moscow_slot(other_slot, hours=0)  # the other's first hour, in Moscow
    free = moscow_slot(other_slot, hours=7)  # the hour after the other's first day
    assert clash[2] <= f"{other_slot.start_time:%H:%M}" <= free[1]
    programme = TrainingProgrammePage.objects.get()
    before = set(TrainingSessionPage.objects.values_list("pk", flat=True))

    log_in(driver, demo_site, admin_in("trainer", admin_language))
    page.goto(f"{demo_site}/admin/pages/{programme.pk}/")
    driver.follow(page.locator(f'a[href="/admin/pages/{programme.pk}/add_subpage/"]'))
    assert "/add/training/trainingsessionpage/" in page.url

    driver.fill(page.locator("#id_title_ru"), TITLE)
    fill_slot(driver, page, clash)
    driver.fill(page.locator("#id_time_zone"), ZONE)
    with translation.override(admin_language):
        choose_only(driver, page.locator("#id_trainers"), str(trainer))
    driver.fill(page.locator("#id_capacity"), "10")
    opens = timezone.localdate()
    driver.fill(page.locator("#id_opens_at"), f"{opens:%Y-%m-%d} 09:00")
    driver.fill(
        page.locator("#id_closes_at"),
        f"{clash[0] - datetime.timedelta(2):%Y-%m-%d} 18:00",
    )
    driver.save()

    # Refused: the trainer's field names the other session and when it is.
    planned = [
        Slot(clash[0], *(datetime.time.fromisoformat(t) for t in clash[1:]), ZONE)
    ]
    with translation.override(admin_language):
        [(field, message)] = _trainer_conflicts(None, planned, [trainer])
        message = str(message)
        other_title = other.title
    assert field == "trainers"
    assert other_title in message and other_slot.label() in message
    trainers_field = page.locator("[data-field-wrapper]").filter(
        has=page.locator("[name=trainers]")
    )
    assert message in trainers_field.inner_text()
    assert set(TrainingSessionPage.objects.values_list("pk", flat=True)) == before

    # Moved to a free hour: saved as a draft with that slot.
    fill_slot(driver, page, free)
    driver.save()
    created = TrainingSessionPage.objects.exclude(pk__in=before).get()
    assert page.url.endswith(f"/admin/pages/{created.pk}/edit/")
    assert created.title_ru == TITLE and not created.live
    assert created.get_parent().pk == programme.pk
    assert list(created.trainers.all()) == [trainer]
    [slot] = created.slot_list()
    assert (slot.date, f"{slot.start_time:%H:%M}", f"{slot.end_time:%H:%M}") == free
    assert not slot.overlaps(other_slot)
    screenshot(page, f"journey4-session-clash-{admin_language}")
