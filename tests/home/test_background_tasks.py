"""The task framework is wired to the database backend and its worker runs what is enqueued."""

from django.test import TestCase, override_settings
from django_tasks import task
from django_tasks.base import TaskResultStatus

from tests.worker import DATABASE_TASKS, run_worker


@task()
def double(number):
    return number * 2


class DatabaseWorkerTests(TestCase):
    @override_settings(TASKS=DATABASE_TASKS)
    def test_enqueued_task_waits_for_the_worker_and_then_runs(self):
        """A request only enqueues: nothing runs until `db_worker` picks the task up."""
        result = double.enqueue(21)
        result.refresh()
        self.assertEqual(result.status, TaskResultStatus.READY)

        run_worker()

        result.refresh()
        self.assertEqual(result.status, TaskResultStatus.SUCCESSFUL)
        self.assertEqual(result.return_value, 42)
