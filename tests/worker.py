"""The real task worker (django-tasks-db's `db_worker`), run inside a test."""

from unittest import mock

from django.core.management import call_command

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def run_worker():
    """Run every task waiting in the database, then return. The worker's connection
    clean-up would close the test's own transaction on PostgreSQL (autocommit is off
    inside a test), so it is held back."""
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", "--batch", "--verbosity", "0")
