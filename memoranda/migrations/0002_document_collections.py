"""Create the private and the public collection of memoranda documents."""

from django.db import migrations

CONFIDENTIAL = "Confidential memoranda documents"
PUBLIC = "Memoranda documents"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4


def _step(number: int) -> str:
    digits = ""
    while number:
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
    return digits.rjust(STEPLEN, "0")


def _add_child(Collection, root, name):
    # Historical models lack treebeard's methods: compute the path by hand.
    last = (
        Collection.objects.filter(depth=root.depth + 1, path__startswith=root.path)
        .order_by("-path")
        .first()
    )
    number = int(last.path[-STEPLEN:], len(ALPHABET)) + 1 if last else 1
    child = Collection.objects.create(
        name=name, depth=root.depth + 1, path=root.path + _step(number), numchild=0
    )
    root.numchild += 1
    root.save(update_fields=["numchild"])
    return child


def create_collections(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    Restriction = apps.get_model("wagtailcore", "CollectionViewRestriction")
    root = Collection.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return
    confidential = Collection.objects.filter(name=CONFIDENTIAL).first()
    if confidential is None:
        confidential = _add_child(Collection, root, CONFIDENTIAL)
        root.refresh_from_db()
    if not Restriction.objects.filter(collection=confidential).exists():
        # "login": only signed-in staff; the public site has no visitor accounts.
        Restriction.objects.create(collection=confidential, restriction_type="login")
    if not Collection.objects.filter(name=PUBLIC).exists():
        _add_child(Collection, root, PUBLIC)


def remove_collections(apps, schema_editor):
    # Documents may have been filed there since; leave the collections alone.
    pass


class Migration(migrations.Migration):
    dependencies = [
        ("memoranda", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_collections, remove_collections)]
