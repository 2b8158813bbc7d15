"""Create the first administrator, "admin", with a generated password shown once.

Never a fixed password: the one printed here exists nowhere else. Running the command
again leaves an existing "admin" alone and says how to set a new password.
"""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

USERNAME = "admin"


class Command(BaseCommand):
    help = 'Create the superuser "admin" with a generated password, printed once.'

    def handle(self, *args, **options):
        User = get_user_model()
        if User.objects.filter(username=USERNAME).exists():
            self.stdout.write(
                f'The user "{USERNAME}" already exists; its password is not shown again. '
                f"To set a new one: python manage.py changepassword {USERNAME}"
            )
            return
        password = secrets.token_urlsafe(15)
        User.objects.create_superuser(USERNAME, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(f'Created the administrator "{USERNAME}" with the password: {password}')
            + "\nIt is shown only this once: keep it in your password manager. Sign in at /admin/."
        )
