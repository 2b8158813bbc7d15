"""The demo content tests run against: the same ``manage.py load_demo`` a newcomer runs."""

import io

from django.core.management import call_command


def load_demo():
    call_command("load_demo", stdout=io.StringIO())
