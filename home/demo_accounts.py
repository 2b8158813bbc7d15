"""Demo accounts for trying each role (``load_demo --users``): one password for all, from the
environment, never under production settings."""

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management.base import CommandError

ACCOUNTS = [("coordinator", "Coordinators"), ("press", "Press"), ("expert1", "Experts"), ("expert2", "Experts")]


def check_allowed():
    if not getattr(settings, "DEMO_ACCOUNTS_ALLOWED", False):
        raise CommandError("Demo accounts are not created under these settings (production).")
    if not settings.DEMO_PASSWORD:
        raise CommandError("Set AUYL_DEMO_PASSWORD to the password the demo accounts should have.")


def ensure_accounts():
    """Create or update the accounts in their groups with the demo password; [(username, group)]."""
    check_allowed()
    for username, group in ACCOUNTS:
        user, _created = User.objects.get_or_create(username=username, defaults={"email": f"{username}@example.org"})
        user.set_password(settings.DEMO_PASSWORD)
        user.is_active = True
        user.save()
        user.groups.add(Group.objects.get(name=group))
    return ACCOUNTS
