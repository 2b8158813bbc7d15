"""Build (or bring up to date) a believable demo site in kk, ru and en.

Idempotent: running it twice leaves one copy of everything. Each app adds its own
content through a ``demo`` module with a ``load(command)`` function; they run in the
order of INSTALLED_APPS, so home (the page tree) comes first.
"""

from importlib import import_module

from django.apps import apps
from django.core.cache import cache
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Create or update the demo content in all three languages."

    def add_arguments(self, parser):
        parser.add_argument(
            "--users",
            action="store_true",
            help="Also let the demo accounts coordinator, press, expert1 and expert2 sign in, with the password "
            "in AUYL_DEMO_PASSWORD (refused when it is unset, and under production settings).",
        )

    def handle(self, *args, **options):
        if options["users"]:
            from home.demo_accounts import check_allowed

            check_allowed()
        for config in apps.get_app_configs():
            try:
                demo = import_module(f"{config.name}.demo")
            except ModuleNotFoundError as error:
                if error.name != f"{config.name}.demo":
                    raise
                continue
            with transaction.atomic():
                demo.load(self)
            self.stdout.write(f"demo content: {config.label} ready")
        if options["users"]:
            from home.demo_accounts import ensure_accounts

            for username, group in ensure_accounts():
                self.stdout.write(f"demo account: {username} ({group})")
        # Cached fragments may describe content this command just replaced.
        cache.clear()
