"""Fixtures of the roles and security tests: a site with secrets, and one login per role.

Every secret is a plain ASCII word so that a test can look for it in any body
(HTML, escaped HTML, JSON with escaped Unicode, CSV) after decoding.
"""

import contextlib
import datetime
import html
import json
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client

from wagtail.documents import get_document_model
from wagtail.users.models import UserProfile

import pytest
from bs4 import BeautifulSoup

from cooperation.models import VisitInternalNote
from home import roles
from memoranda import services as memoranda_services
from memoranda.models import MemorandumDocument

from .factories import NewsPageFactory
from .factories_cooperation import (
    DelegationMemberFactory,
    EventIndexPageFactory,
    HearingPageFactory,
    HearingSubmissionFactory,
    PartnerIndexPageFactory,
    RegionFactory,
    VisitPageFactory,
)
from .factories_memoranda import MemorandumIndexPageFactory, MemorandumPageFactory
from .factories_training import (
    RegistrationFactory,
    TrainerFactory,
    TrainingIndexPageFactory,
    TrainingProgrammePageFactory,
    TrainingSessionPageFactory,
)

# Secrets by who may see them.
MEMORANDA_SECRETS = (
    "SECRETDRAFTMEMO",
    "SECRETINTERNALNOTE",
    "SECRETPENDINGTITLE",
    "SECRETDOCTITLE",
)
DELEGATION_SECRETS = (
    "SECRETDELEGATE",
    "SECRETHOTEL",
    "SECRETVISITNOTE",
    "SECRETQUESTION",
)
REGISTRANT_A = "SECRETREGISTRANTA"
REGISTRANT_B = "SECRETREGISTRANTB"
NEWS_DRAFT = "SECRETNEWSDRAFT"
ALL_SECRETS = (
    *MEMORANDA_SECRETS,
    *DELEGATION_SECRETS,
    REGISTRANT_A,
    REGISTRANT_B,
    NEWS_DRAFT,
)

ROLES = (
    "anonymous",
    "nogroup",
    "trainer",
    "other_trainer",
    "editor",
    "approver",
    "staff",
    "superuser",
)
# What each role may read somewhere in the admin.
VISIBLE = {
    "anonymous": set(),
    "nogroup": set(),
    "trainer": {REGISTRANT_A},
    "other_trainer": {REGISTRANT_B},
    "editor": {NEWS_DRAFT},
    # Approvers review memoranda with their documents.
    "approver": {"SECRETDOCTITLE"},
    "staff": {
        *MEMORANDA_SECRETS,
        *DELEGATION_SECRETS,
        REGISTRANT_A,
        REGISTRANT_B,
    },
    "superuser": set(ALL_SECRETS),
}


def readable(response) -> str:
    """Return a response body as text a person would read, whatever its format."""
    if getattr(response, "streaming", False):
        raw = b"".join(response.streaming_content)
    else:
        raw = response.content
    text = raw.decode("utf-8", "replace")
    with contextlib.suppress(ValueError):
        text = json.dumps(json.loads(text), ensure_ascii=False)
    return html.unescape(text)


def leaked(body: str, role: str) -> list[str]:
    """Return the secrets in a readable body that the role must not read."""
    return [
        secret
        for secret in ALL_SECRETS
        if secret not in VISIBLE[role] and secret in body
    ]


def _user(username: str, *groups: str, superuser: bool = False):
    model = get_user_model()
    if superuser:
        user = model.objects.create_superuser(username, f"{username}@example.org", "pw")
    else:
        user = model.objects.create_user(username, f"{username}@example.org", "pw")
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def confidential_document(title: str, text: str = "confidential text"):
    """Return a document filed in the confidential memoranda collection."""
    document = get_document_model()(
        title=title, collection=memoranda_services.confidential_collection()
    )
    document.file.save("secret.txt", ContentFile(text.encode()), save=False)
    document.save()
    return document


@pytest.fixture
def world(home_page, news_index):
    """A site with one secret of each kind and the roles attached to its sections."""
    region = RegionFactory()
    memoranda_index = MemorandumIndexPageFactory(parent=home_page)
    events = EventIndexPageFactory(parent=home_page)
    PartnerIndexPageFactory(parent=home_page)
    training = TrainingIndexPageFactory(parent=home_page)

    published = MemorandumPageFactory(
        parent=memoranda_index,
        title="Open memorandum",
        title_ru="Open memorandum",
        title_en="Open memorandum",
        internal_notes="SECRETINTERNALNOTE",
    )
    published.save_revision().publish()
    published.refresh_from_db()
    first_revision = published.latest_revision
    published.title = "SECRETPENDINGTITLE"
    published.title_ru = "SECRETPENDINGTITLE"
    published.save_revision()
    published.refresh_from_db()

    draft = MemorandumPageFactory(
        parent=memoranda_index,
        live=False,
        title="SECRETDRAFTMEMO",
        title_ru="SECRETDRAFTMEMO",
        title_az="SECRETDRAFTMEMO",
        title_en="SECRETDRAFTMEMO",
        registration_number="DRAFT-1",
        internal_notes="SECRETINTERNALNOTE",
    )
    document = confidential_document("Budget SECRETDOCTITLE")
    MemorandumDocument.objects.create(memorandum=draft, document=document)
    draft.save_revision()
    draft.refresh_from_db()

    visit = VisitPageFactory(parent=events, hosts=[region])
    visit.save_revision().publish()
    visit.refresh_from_db()
    member = DelegationMemberFactory(
        visit=visit, name="SECRETDELEGATE", accommodation="SECRETHOTEL"
    )
    note = VisitInternalNote.objects.create(visit=visit, text="SECRETVISITNOTE")
    hearing = HearingPageFactory(
        parent=events,
        hosts=[region],
        start_date=datetime.date(2030, 5, 10),
        end_date=datetime.date(2030, 5, 10),
    )
    hearing.save_revision().publish()
    submission = HearingSubmissionFactory(hearing=hearing, text="SECRETQUESTION")

    programme = TrainingProgrammePageFactory(parent=training)
    programme.save_revision().publish()
    trainer_a = TrainerFactory(slug="trainer-a")
    trainer_b = TrainerFactory(slug="trainer-b")
    session_a = TrainingSessionPageFactory(parent=programme, trainers=[trainer_a])
    session_a.save_revision().publish()
    session_b = TrainingSessionPageFactory(parent=programme, trainers=[trainer_b])
    session_b.save_revision().publish()
    registration_a = RegistrationFactory(session=session_a, name=REGISTRANT_A)
    registration_b = RegistrationFactory(session=session_b, name=REGISTRANT_B)

    news_draft = NewsPageFactory(
        parent=news_index,
        live=False,
        title=NEWS_DRAFT,
        title_ru=NEWS_DRAFT,
        title_az=NEWS_DRAFT,
        title_en=NEWS_DRAFT,
    )
    news_draft.save_revision()

    call_command("setup_roles", verbosity=0)
    users = {
        "nogroup": _user("nogroup"),
        "trainer": _user("trainer", roles.TRAINERS),
        "other_trainer": _user("othertrainer", roles.TRAINERS),
        "editor": _user("editor", roles.NEWS_EDITORS),
        "approver": _user("approver", roles.APPROVERS),
        "staff": _user("staff", roles.INTERNATIONAL_DEPARTMENT),
        "superuser": _user("root", superuser=True),
    }
    trainer_a.user = users["trainer"]
    trainer_a.save()
    trainer_b.user = users["other_trainer"]
    trainer_b.save()
    return SimpleNamespace(
        home=home_page,
        news_index=news_index,
        memoranda_index=memoranda_index,
        published=published,
        published_first_revision=first_revision,
        draft=draft,
        document=document,
        events=events,
        visit=visit,
        member=member,
        note=note,
        hearing=hearing,
        submission=submission,
        training=training,
        programme=programme,
        trainer_a=trainer_a,
        trainer_b=trainer_b,
        session_a=session_a,
        session_b=session_b,
        registration_a=registration_a,
        registration_b=registration_b,
        news_draft=news_draft,
        users=users,
    )


def client_for(world, role: str) -> Client:
    """Return a client signed in as the role's user (or anonymous)."""
    client = Client()
    if role != "anonymous":
        client.force_login(world.users[role])
    return client


def form_values(html: bytes, field: str = "title_ru") -> dict:
    """Return what a browser would send for the form holding `field`, unchanged."""
    page = BeautifulSoup(html, "html.parser")
    form = page.find(attrs={"name": field}).find_parent("form")
    data: dict = {}
    for element in form.find_all(["input", "textarea", "select"]):
        name = element.get("name")
        if not name or "__prefix__" in name:
            continue
        if element.get("type") in {"submit", "button", "file"}:
            continue
        if element.name == "textarea":
            data[name] = element.get_text()
        elif element.name == "select":
            chosen = [
                o["value"] for o in element.find_all("option") if o.has_attr("selected")
            ]
            if element.has_attr("multiple"):
                data[name] = chosen
            elif chosen:
                data[name] = chosen[0]
        elif element.get("type") in {"checkbox", "radio"}:
            if element.has_attr("checked"):
                data.setdefault(name, []).append(element.get("value", "on"))
        else:
            data[name] = element.get("value", "")
    return data
