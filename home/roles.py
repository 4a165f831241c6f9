"""The roles of the site: groups, their permissions and the moderation workflow.

The data migration creates the groups, their model permissions and the workflow;
`manage.py setup_roles` (re)attaches what needs pages and collections that exist
only after seeding. Both read the definitions below, so the two never disagree.
Administrators may change the groups afterwards; `setup_roles` only adds what is
missing and never removes what they granted.
"""

import secrets
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps as global_apps
from django.contrib.auth import get_user_model
from django.db import transaction

INTERNATIONAL_DEPARTMENT = "International department"
TRAINERS = "Trainers"
NEWS_EDITORS = "News editors"
APPROVERS = "Approvers"
GROUPS = (INTERNATIONAL_DEPARTMENT, TRAINERS, NEWS_EDITORS, APPROVERS)

WORKFLOW = "Moderation"
APPROVAL_TASK = "Approval"

ACCESS_ADMIN = "wagtailadmin.access_admin"


def _crud(app_label: str, *models: str, actions=("add", "change", "delete", "view")):
    return [f"{app_label}.{action}_{model}" for model in models for action in actions]


# Django model permissions ("app_label.codename") of each group.
MODEL_PERMISSIONS: dict[str, list[str]] = {
    INTERNATIONAL_DEPARTMENT: [
        ACCESS_ADMIN,
        *_crud("cooperation", "region", "organisation", "person", "cooperationarea"),
        *_crud("cooperation", "delegationmember", "visitinternalnote"),
        *_crud(
            "cooperation", "hearingsubmission", actions=("change", "delete", "view")
        ),
        *_crud("training", "trainer"),
        *_crud("training", "registration", actions=("change", "delete", "view")),
        "training.view_all_registrations",
    ],
    # No model permission on registrations: the registration permission policy
    # lets a user linked to a trainer see the registrations of the sessions they
    # teach or created, and nothing else (a model permission would also show
    # every registration's log entries in the site history).
    TRAINERS: [ACCESS_ADMIN],
    NEWS_EDITORS: [ACCESS_ADMIN, *_crud("home", "newstag", actions=("add", "change"))],
    # Approvers act through the workflow's task; they need nothing else.
    APPROVERS: [ACCESS_ADMIN],
}

# Page permissions on the section index pages, by the index's model. No group
# has "publish" where the workflow applies: publishing is the approvers' step.
PAGE_PERMISSIONS: dict[str, dict[str, tuple[str, ...]]] = {
    INTERNATIONAL_DEPARTMENT: {
        "memoranda.MemorandumIndexPage": ("add", "change", "lock", "unlock"),
        "cooperation.EventIndexPage": ("add", "change", "publish", "lock", "unlock"),
        "cooperation.PartnerIndexPage": ("add", "change", "publish"),
        "training.TrainingIndexPage": ("add", "change", "publish", "lock", "unlock"),
        "home.CalendarPage": ("change", "publish"),
    },
    # "add" alone: trainers create sessions and edit the ones they created.
    TRAINERS: {"training.TrainingIndexPage": ("add",)},
    NEWS_EDITORS: {"home.NewsIndexPage": ("add", "change")},
    APPROVERS: {},
}
# Sections whose pages are published only through the moderation workflow.
MODERATED_SECTIONS = (
    "memoranda.MemorandumIndexPage",
    "home.NewsIndexPage",
    "training.TrainingIndexPage",
)

ROOT_COLLECTION = ""  # the root collection, whatever its name
CONFIDENTIAL_COLLECTION = "Confidential memoranda documents"
NEWS_COLLECTION = "News"
TRAINING_COLLECTION = "Training materials"
DOCUMENTS = ("wagtaildocs", "document")
IMAGES = ("wagtailimages", "image")

# Collection permissions: group -> collection name -> (app, model, actions).
COLLECTION_PERMISSIONS: dict[str, dict[str, list[tuple[tuple[str, str], tuple]]]] = {
    # The root collection holds the confidential one: only this group (and
    # superusers) may see its documents.
    INTERNATIONAL_DEPARTMENT: {
        ROOT_COLLECTION: [
            (DOCUMENTS, ("add", "change", "delete", "choose")),
            (IMAGES, ("add", "change", "choose")),
        ],
    },
    NEWS_EDITORS: {
        ROOT_COLLECTION: [(IMAGES, ("add", "change", "choose"))],
        NEWS_COLLECTION: [(DOCUMENTS, ("add", "change", "choose"))],
    },
    TRAINERS: {TRAINING_COLLECTION: [(DOCUMENTS, ("add", "choose"))]},
    # Approvers read a memorandum's documents while they review it.
    APPROVERS: {CONFIDENTIAL_COLLECTION: [(DOCUMENTS, ("choose",))]},
}
# Who may download the confidential collection's documents (besides superusers).
CONFIDENTIAL_READERS = (INTERNATIONAL_DEPARTMENT, APPROVERS)

# Wagtail's starter groups may edit every page and open every document, the
# confidential ones included; they go while nobody belongs to them.
STARTER_GROUPS = ("Editors", "Moderators")

DEMO_USERS = {
    "staff": INTERNATIONAL_DEPARTMENT,
    "trainer": TRAINERS,
    "editor": NEWS_EDITORS,
    "approver": APPROVERS,
}
DEMO_TRAINER_SLUG = "aysel-mammadova"

Report = Callable[[str], None]


def _quiet(message: str) -> None:
    pass


def _permission(apps, label: str):
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = label.split(".", 1)
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_groups(apps=global_apps, report: Report = _quiet) -> dict:
    """Create the groups and add their model permissions; return them by name."""
    Group = apps.get_model("auth", "Group")
    groups = {}
    for name in GROUPS:
        group, created = Group.objects.get_or_create(name=name)
        if created:
            report(f"group: {name}")
        wanted = [_permission(apps, label) for label in MODEL_PERMISSIONS[name]]
        group.permissions.add(*wanted)
        groups[name] = group
    return groups


def ensure_workflow(apps=global_apps, report: Report = _quiet):
    """Create the moderation workflow with the approvers' task; return it."""
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    workflow, created = Workflow.objects.get_or_create(
        name=WORKFLOW, defaults={"active": True}
    )
    if created:
        report(f"workflow: {WORKFLOW}")
    task = GroupApprovalTask.objects.filter(name=APPROVAL_TASK).first()
    if task is None:
        # Set by hand: historical models lack Task.__init__, which sets it.
        content_type, _created = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(
            name=APPROVAL_TASK, active=True, content_type=content_type
        )
    task.groups.add(Group.objects.get(name=APPROVERS))
    if not WorkflowTask.objects.filter(workflow=workflow, task_id=task.pk).exists():
        WorkflowTask.objects.create(workflow=workflow, task_id=task.pk, sort_order=0)
    return workflow


def _section_pages(model_label: str):
    model = global_apps.get_model(model_label)
    return list(model.objects.all())


def _collection(name: str):
    from wagtail.models import Collection

    root = Collection.get_first_root_node()
    if name == ROOT_COLLECTION:
        return root
    if name == CONFIDENTIAL_COLLECTION:
        from memoranda.services import confidential_collection

        return confidential_collection()
    found = Collection.objects.filter(name=name).first()
    return found or root.add_child(name=name)


def attach_page_permissions(groups: dict, report: Report = _quiet) -> int:
    """Give each group its permissions on every section index page; return how many."""
    from wagtail.models import GroupPagePermission

    added = 0
    for name, sections in PAGE_PERMISSIONS.items():
        for model_label, actions in sections.items():
            for page in _section_pages(model_label):
                for action in actions:
                    _row, created = GroupPagePermission.objects.get_or_create(
                        group=groups[name],
                        page=page,
                        permission=_permission(
                            global_apps, f"wagtailcore.{action}_page"
                        ),
                    )
                    added += created
                    if created:
                        report(f"{name}: {action} on “{page.title}”")
    return added


def attach_collection_permissions(groups: dict, report: Report = _quiet) -> int:
    """Give each group its document and image permissions per collection."""
    from wagtail.models import GroupCollectionPermission

    added = 0
    for name, collections in COLLECTION_PERMISSIONS.items():
        for collection_name, grants in collections.items():
            collection = _collection(collection_name)
            for (app_label, model), actions in grants:
                for action in actions:
                    permission = _permission(
                        global_apps, f"{app_label}.{action}_{model}"
                    )
                    _row, created = GroupCollectionPermission.objects.get_or_create(
                        group=groups[name], collection=collection, permission=permission
                    )
                    added += created
                    if created:
                        report(f"{name}: {action} {model}s in “{collection.name}”")
    return added


def restrict_confidential_collection(groups: dict, report: Report = _quiet) -> None:
    """Let only the confidential readers (and superusers) download its documents."""
    from wagtail.models import CollectionViewRestriction

    collection = _collection(CONFIDENTIAL_COLLECTION)
    readers = [groups[name] for name in CONFIDENTIAL_READERS]
    restriction = collection.get_view_restrictions().first()
    if restriction is None:
        restriction = CollectionViewRestriction(collection=collection)
    if restriction.restriction_type != CollectionViewRestriction.GROUPS:
        # "Signed in" is not enough: trainers and editors sign in too.
        restriction.restriction_type = CollectionViewRestriction.GROUPS
        restriction.save()
        report(f"“{collection.name}”: only {', '.join(CONFIDENTIAL_READERS)}")
    restriction.groups.add(*readers)


def attach_workflow(workflow, report: Report = _quiet) -> int:
    """Put the moderated sections under the moderation workflow; return how many."""
    from wagtail.models import WorkflowPage

    attached = 0
    for model_label in MODERATED_SECTIONS:
        for page in _section_pages(model_label):
            link = WorkflowPage.objects.filter(page=page).first()
            if link is None:
                WorkflowPage.objects.create(page=page, workflow=workflow)
                attached += 1
                report(f"workflow “{workflow.name}” on “{page.title}”")
    return attached


def retire_starter_groups(report: Report = _quiet) -> list[str]:
    """Delete Wagtail's starter groups if empty; return the names of those kept."""
    from django.contrib.auth.models import Group

    kept = []
    for group in Group.objects.filter(name__in=STARTER_GROUPS):
        if group.user_set.exists():
            kept.append(group.name)
            report(f"kept “{group.name}”: its members may open confidential documents")
            continue
        group.delete()
        report(f"removed the empty starter group “{group.name}”")
    return kept


@dataclass
class DemoUser:
    """A demo login that was created, with its password if it was generated."""

    username: str
    group: str
    password: str | None


def ensure_demo_users(
    groups: dict, *, password: str | None, report: Report = _quiet
) -> list[DemoUser]:
    """Create one demo login per role once; never change an existing account."""
    from training.models import Trainer

    User = get_user_model()
    made = []
    for username, group_name in DEMO_USERS.items():
        if User.objects.filter(username=username).exists():
            continue
        generated = password is None
        secret = password or secrets.token_urlsafe(12)
        user = User.objects.create_user(
            username=username, email=f"{username}@example.org", password=secret
        )
        user.groups.add(groups[group_name])
        if group_name == TRAINERS:
            trainer = Trainer.objects.filter(
                slug=DEMO_TRAINER_SLUG, user__isnull=True
            ).first()
            if trainer is not None:
                trainer.user = user
                trainer.save(update_fields=["user"])
        made.append(DemoUser(username, group_name, secret if generated else None))
        report(f"user: {username} ({group_name})")
    return made


@transaction.atomic
def setup(
    *,
    demo_users: bool = False,
    password: str | None = None,
    report: Report = _quiet,
) -> list[DemoUser]:
    """Create or complete every role; idempotent. Return the demo users created."""
    groups = ensure_groups(report=report)
    retire_starter_groups(report=report)
    workflow = ensure_workflow(report=report)
    attach_page_permissions(groups, report=report)
    attach_collection_permissions(groups, report=report)
    restrict_confidential_collection(groups, report=report)
    attach_workflow(workflow, report=report)
    if demo_users:
        return ensure_demo_users(groups, password=password, report=report)
    return []


def in_group(user, *names: str) -> bool:
    """Return whether an active user belongs to one of the named groups."""
    return bool(
        user.is_authenticated
        and user.is_active
        and user.groups.filter(name__in=names).exists()
    )
