"""Create the four roles with their model permissions and the moderation workflow.

Page and collection permissions need the section pages, which exist only after
seeding: `manage.py setup_roles` attaches them (seed_demo runs it).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from home import roles


def create_roles(apps, schema_editor):
    # Permissions of models are normally created after the last migration; the
    # groups need them now.
    for app_config in apps.get_app_configs():
        # Historical app configs have no models module; create_permissions
        # skips those.
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    roles.ensure_groups(apps)
    roles.ensure_workflow(apps)


def keep_roles(apps, schema_editor):
    # Users may belong to the groups by now; unapplying leaves them alone.
    pass


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_newspage_partner_organisations_and_more"),
        ("cooperation", "0003_external_uid"),
        ("memoranda", "0002_document_collections"),
        ("training", "0001_initial"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, keep_roles)]
