"""Which pages a signed-in user may learn about in the admin beyond those they edit.

Wagtail's explorer, admin API and page search show only the pages a user may
explore, but its page chooser lists every page of the tree, drafts included, and
the page types report names the last edited page of every type. A trainer who
opened a chooser would read the titles of confidential memoranda; these helpers
keep such titles to the people who work on those pages.
"""

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet

from wagtail.models import Page
from wagtail.permissions import policy_registry


def pages_visible_to(user):
    """Return the pages whose titles a user may see in choosers and reports.

    Those the user may explore, plus those anyone may read on the site: live,
    without view restriction and without unpublished changes (a chooser shows
    the latest draft's title, which may not be public yet).
    """
    if user.is_active and user.is_superuser:
        return Page.objects.all()
    if not (user.is_authenticated and user.is_active):
        return Page.objects.none()
    explorable = policy_registry.get_by_type(Page).explorable_instances(user)
    public = Page.objects.live().public().filter(has_unpublished_changes=False)
    return Page.objects.filter(
        Q(pk__in=explorable.values("pk")) | Q(pk__in=public.values("pk"))
    )


def user_may_see_page(user, page_id) -> bool:
    """Return whether a user may see the title of the page with this id."""
    return pages_visible_to(user).filter(pk=page_id).exists()


def objects_visible_to(user, model) -> QuerySet:
    """Return the objects of a model that a user may see in the admin."""
    if issubclass(model, Page):
        return pages_visible_to(user)
    if user.is_active and user.is_superuser:
        return model._default_manager.all()
    policy = policy_registry.get_by_type(model)
    return policy.instances_user_has_any_permission_for(
        user, ["add", "change", "delete", "view", "choose", "publish"]
    )


def bulk_action_objects(model, query) -> QuerySet:
    """Return the objects a bulk action's query string names (ids, or "all")."""
    ids = query.getlist("id")
    if "all" in ids:
        if issubclass(model, Page):
            parent = query.get("childOf", "")
            if not parent.isdigit():
                return Page.objects.all()
            return Page.objects.get(pk=parent).get_children()
        return model._default_manager.all()
    return model._default_manager.filter(pk__in=ids)


def may_see_bulk_action_objects(user, model, query) -> bool:
    """Return whether a bulk action names only objects the user may see.

    Wagtail's bulk action screens list the objects a user may not act on, by
    title; so a guessed id would show a confidential title.
    """
    try:
        named = bulk_action_objects(model, query)
        hidden = named.exclude(pk__in=objects_visible_to(user, model).values("pk"))
        return not hidden.exists()
    except (ValueError, Page.DoesNotExist, ValidationError):
        return False
