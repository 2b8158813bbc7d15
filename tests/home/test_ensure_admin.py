import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def run():
    out = io.StringIO()
    call_command("ensure_admin", stdout=out)
    return out.getvalue()


def test_first_run_creates_admin_with_the_printed_password():
    """Protects the set-up promise: an admin exists and the printed password signs in."""
    output = run()
    password = output.split("password: ", 1)[1].split()[0]
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    assert admin.check_password(password)
    assert len(password) >= 16


def test_passwords_differ_between_installations():
    """Protects against a fixed, guessable default password."""
    first = run().split("password: ", 1)[1].split()[0]
    get_user_model().objects.all().delete()
    second = run().split("password: ", 1)[1].split()[0]
    assert first != second


def test_second_run_keeps_the_account_and_explains_how_to_reset():
    """Protects idempotent `make run`: a second run neither changes nor reveals the password."""
    run()
    before = get_user_model().objects.get(username="admin").password
    output = run()
    assert "already exists" in output
    assert "changepassword admin" in output
    assert "password: " not in output
    assert get_user_model().objects.get(username="admin").password == before
