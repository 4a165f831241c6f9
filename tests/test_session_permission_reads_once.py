"""A trainer's edit rights over a list of sessions read their sessions once."""

# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .fixtures_security import world


def test_taught_sessions_are_read_once_for_many_sessions(world):
    user = get_user_model().objects.get(pk=world.users["trainer"].pk)
    world.session_a.permissions_for_user(user).can_edit()

    with CaptureQueriesContext(connection) as queries:
        answers = [
            session.permissions_for_user(user).can_edit()
            for session in (world.session_a, world.session_b) * 3
        ]

    assert answers == [True, False] * 3
    assert not [q for q in queries if "training_trainer" in q["sql"]]
