"""Database side of `make load`: add the load's sessions, list URLs, check the result.

Run with the load's environment (production settings, its own DATABASE_URL):
`python load/django_side.py seed OUT.json` or `... verify RESULTS.json OUT.json`.
"""

import datetime
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

import django  # noqa: E402

django.setup()

from django.db.models.functions import Lower  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone, translation  # noqa: E402

from wagtail.models import ModelLogEntry  # noqa: E402

from cooperation.models import EventIndexPage, VisitPage  # noqa: E402
from home.models import CalendarPage, HomePage, NewsIndexPage, NewsPage  # noqa: E402
from memoranda.models import MemorandumIndexPage  # noqa: E402
from training.models import (  # noqa: E402
    Registration,
    SessionSlot,
    TrainingProgrammePage,
    TrainingSessionPage,
)

LANGUAGES = ("ru", "az", "en")
# Small sessions fill up within seconds, so most registrations test the waiting list.
CAPACITIES = (2, 3, 5, 8)
# Sent to confirmed participants only: no public response may ever contain it.
SECRET_LINK = "https://meet.example.org/load-secret-joining-link-5f1c"  # noqa: S105


def _session(programme: TrainingProgrammePage, number: int, capacity: int):
    slug = f"load-session-{number}"
    existing = TrainingSessionPage.objects.child_of(programme).filter(slug=slug)
    if existing.exists():
        return existing.get()
    now = timezone.now()
    day = timezone.localdate(now) + datetime.timedelta(days=60 + number)
    titles = {
        "ru": f"Нагрузочная сессия {number}",
        "az": f"Yük sessiyası {number}",
        "en": f"Load session {number}",
    }
    online = number == 1
    page = TrainingSessionPage(
        title=titles["ru"],
        slug=slug,
        live=False,
        time_zone="Europe/Moscow",
        online=online,
        online_link=SECRET_LINK if online else "",
        capacity=capacity,
        language="ru",
        opens_at=now - datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=30),
        **{f"title_{code}": title for code, title in titles.items()},
        **{f"slug_{code}": f"{slug}-{code}" for code in LANGUAGES},
    )
    page.slots = [
        SessionSlot(
            date=day,
            start_time=datetime.time(10),
            end_time=datetime.time(12),
            sort_order=0,
        )
    ]
    programme.add_child(instance=page)
    page.save_revision().publish()
    return TrainingSessionPage.objects.get(pk=page.pk)


def _urls(page) -> dict[str, str]:
    urls = {}
    for code in LANGUAGES:
        with translation.override(code):
            urls[code] = page.specific.get_url()
    return urls


def seed(out: Path) -> None:
    """Add the load's small sessions and write every URL the driver reads."""
    programme = TrainingProgrammePage.objects.live().first()
    if programme is None:
        sys.exit("seed_demo made no training programme")
    sessions = [_session(programme, n + 1, c) for n, c in enumerate(CAPACITIES)]
    demo = (
        TrainingSessionPage.objects.live()
        .exclude(slug__startswith="load-session-")
        .exclude(slug__startswith="bulk-session-")
    )
    registering = sessions + list(demo)
    home = HomePage.objects.live().first()
    news_index = NewsIndexPage.objects.live().first()
    article = NewsPage.objects.live().order_by("-date").first()
    events = EventIndexPage.objects.live().first()
    visit = VisitPage.objects.live().first()
    register = MemorandumIndexPage.objects.live().first()
    calendar = CalendarPage.objects.live().first()
    reads: dict[str, dict[str, str]] = {
        "home": _urls(home),
        "news index": _urls(news_index),
        "news article": _urls(article),
        "events": _urls(events),
        "event": _urls(visit),
        "register": _urls(register),
        "calendar": _urls(calendar),
    }
    reads["register filtered"] = {
        code: url + "?region=azerbaijan" for code, url in reads["register"].items()
    }
    reads["calendar agenda"] = {
        code: url + "?view=agenda" for code, url in reads["calendar"].items()
    }
    feed, single = {}, {}
    for code in LANGUAGES:
        with translation.override(code):
            feed[code] = reverse("calendar_feed")
            single[code] = reverse(
                "calendar_event", kwargs={"key": str(registering[0].uid)}
            )
    reads[".ics feed"] = feed
    reads[".ics filtered"] = {code: url + "?kind=session" for code, url in feed.items()}
    reads[".ics event"] = single
    plan = {
        "reads": reads,
        "sessions": [
            {
                "pk": session.pk,
                "capacity": session.capacity,
                "urls": _urls(session),
                "load": session.slug.startswith("load-session-"),
            }
            for session in registering
        ],
        "secret": SECRET_LINK,
    }
    out.write_text(json.dumps(plan, indent=2, ensure_ascii=False))


def verify(results: Path, out: Path) -> None:
    """Check the registrations in the database against what the driver was told."""
    data = json.loads(results.read_text())
    attempts = data["attempts"]
    mails = data["mails"]
    problems: list[str] = []
    rows = {
        r.pk: r for r in Registration.objects.filter(session_id__in=data["session_pks"])
    }
    by_token = {r.cancel_token: r for r in rows.values()}
    by_key: dict[tuple[int, str], list[Registration]] = {}
    for row in rows.values():
        by_key.setdefault((row.session_id, row.email.lower()), []).append(row)
    logged = set(
        ModelLogEntry.objects.filter(
            action="training.registration.create",
            object_id__in=[str(pk) for pk in rows],
        ).values_list("object_id", flat=True)
    )
    counts = {"succeeded": 0, "refused": 0, "failed": 0, "failed_left_a_row": 0}

    # A repeated address may come from another visitor: any name sent with it.
    names: dict[tuple[int, str], set[str]] = {}
    for attempt in attempts:
        key = (attempt["session"], attempt["email"].lower())
        names.setdefault(key, set()).add(attempt["name"])

    def complete(row: Registration, attempt: dict) -> bool:
        return (
            row.status in ("confirmed", "waitlisted")
            and row.name in names[(row.session_id, row.email.lower())]
            and row.organisation == attempt["organisation"]
            and str(row.pk) in logged
        )

    for attempt in attempts:
        key = (attempt["session"], attempt["email"].lower())
        same = by_key.get(key, [])
        label = f"{attempt['email']} on session {attempt['session']}"
        if attempt["outcome"] == "succeeded":
            counts["succeeded"] += 1
            row = by_token.get(attempt["token"])
            if row is None:
                problems.append(f"lost: {label} was told it succeeded")
                continue
            if len(same) != 1:
                problems.append(f"{len(same)} rows for {label}")
            if not complete(row, attempt):
                problems.append(f"incomplete row for {label}")
            told = attempt.get("status")
            if told and told != row.status:
                problems.append(f"{label} was told {told}, is {row.status}")
            if told == "waitlisted" and attempt.get("position") is not None:
                position = row.waitlist_position()
                if position != attempt["position"]:
                    problems.append(
                        f"{label} was told place {attempt['position']} on the "
                        f"waiting list, is at place {position}"
                    )
        elif attempt["outcome"] == "refused":
            counts["refused"] += 1
            if attempt["intent"] in ("no consent", "bad phone") and same:
                problems.append(f"refused {label} ({attempt['intent']}) exists")
            if len(same) > 1:
                problems.append(f"{len(same)} rows for refused {label}")
        else:
            counts["failed"] += 1
            if len(same) > 1:
                problems.append(f"{len(same)} rows after failed {label}")
            for row in same:
                counts["failed_left_a_row"] += 1
                if not complete(row, attempt):
                    problems.append(f"half-written row after failed {label}")
    sessions = []
    for session in TrainingSessionPage.objects.filter(pk__in=data["session_pks"]):
        active = Registration.objects.active().filter(session=session)
        confirmed = active.confirmed().count()
        waitlisted = list(active.waitlisted())
        positions = [row.waitlist_position() for row in waitlisted]
        emails = list(active.annotate(e=Lower("email")).values_list("e", flat=True))
        duplicates = len(emails) - len(set(emails))
        if duplicates:
            problems.append(f"session {session.pk}: {duplicates} duplicate e-mails")
        if confirmed > session.capacity:
            problems.append(
                f"session {session.pk}: {confirmed} confirmed, capacity "
                f"{session.capacity}"
            )
        if waitlisted and confirmed < session.capacity:
            problems.append(
                f"session {session.pk}: {len(waitlisted)} waiting while "
                f"{session.capacity - confirmed} seats are free"
            )
        # First come, first served: nobody waits who registered before a person
        # who got a seat (no one cancels during the run, so no one was promoted).
        last_seat = (
            active.confirmed()
            .filter(promoted_at__isnull=True)
            .order_by("-created_at", "-pk")
            .first()
        )
        if (
            waitlisted
            and last_seat
            and (
                (waitlisted[0].created_at, waitlisted[0].pk)
                < (last_seat.created_at, last_seat.pk)
            )
        ):
            problems.append(
                f"session {session.pk}: {waitlisted[0].email} waits although "
                f"registered before {last_seat.email}, who has a seat"
            )
        if positions != list(range(1, len(waitlisted) + 1)):
            problems.append(f"session {session.pk}: waiting list places {positions}")
        sessions.append(
            {
                "pk": session.pk,
                "capacity": session.capacity,
                "confirmed": confirmed,
                "waitlisted": len(waitlisted),
                "duplicate_emails": duplicates,
            }
        )
    # Every registration the driver was told about had its e-mail sent once.
    sent: dict[str, int] = {}
    for address in mails:
        sent[address.lower()] = sent.get(address.lower(), 0) + 1
    unmailed = [
        a["email"]
        for a in attempts
        if a["outcome"] == "succeeded" and sent.get(a["email"].lower(), 0) != 1
    ]
    if unmailed:
        problems.append(
            f"{len(unmailed)} successful registrations without exactly one e-mail, "
            f"e.g. {unmailed[:3]}"
        )
    refused_mailed = [
        a["email"]
        for a in attempts
        if a["outcome"] == "refused"
        and a["intent"] in ("no consent", "bad phone")
        and sent.get(a["email"].lower())
    ]
    if refused_mailed:
        problems.append(f"refused registrations got e-mails: {refused_mailed[:3]}")
    out.write_text(
        json.dumps(
            {
                "attempts": counts,
                "rows": len(rows),
                "sessions": sessions,
                "mails": len(mails),
                "problems": list(dict.fromkeys(problems)),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    command, *paths = sys.argv[1:]
    {"seed": seed, "verify": verify}[command](*map(Path, paths))
