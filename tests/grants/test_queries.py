"""Every public page of the grants section in at most 12 SQL queries (the project rule).

Each page is measured on its first request: nothing of it is cached (calls and form
steps are never stored whole); only what every page of the site shares once per
process is warm (Wagtail's site root paths), as in tests/news and tests/home.
"""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from grants.models import GrantIndexPage
from tests.worker import DATABASE_TASKS, run_worker

from .factories import Applicant, make_call

MAX_QUERIES = 12
STEPS = ["eligibility", "applicant", "project", "plan", "budget", "attachments", "check"]


def count(action):
    with CaptureQueriesContext(connection) as queries:
        response = action()
    assert response.status_code < 400, response.status_code
    return len(queries), [q["sql"][q["sql"].find(" FROM ") :][:150] for q in queries]


def assert_cheap(label, action, limit=MAX_QUERIES):
    number, sql = count(action)
    assert number <= limit, "\n".join([label, str(number), *sql])
    return number


@pytest.fixture
def warm(client, call):
    client.get("/ru/")  # the site's root paths, shared by every page, are read once per process
    return call


@pytest.mark.django_db
def test_pages_an_anonymous_visitor_sees(client, warm):
    """Grants index, call page and the apply start page each cost <= 12 queries."""
    call = warm
    index = GrantIndexPage.objects.get()
    make_call(title="Past call", slug="past-call", opens=-60, closes=-30)
    assert_cheap("index", lambda: client.get(index.url))
    assert_cheap("call", lambda: client.get(call.url))
    assert_cheap("start", lambda: client.get(call.multistep_url()))
    applicant = Applicant(client, call)
    assert_cheap("link sent", lambda: client.get(call.multistep_url() + "?sent=1"))
    with override_settings(TASKS=DATABASE_TASKS):  # production's backend: the request only enqueues
        assert_cheap("start (post)", applicant.ask_for_link)
        run_worker()  # sends the link
    assert_cheap("the emailed link, first opened", applicant.open_link)


@pytest.mark.django_db
def test_every_step_get_and_post_for_an_applicant_with_a_draft(client, warm):
    """Every step (GET and POST), the task list and the call page cost <= 12 queries with a draft."""
    call = warm
    applicant = Applicant(client, call)
    applicant.start()
    assert_cheap("call with draft", lambda: client.get(call.url))
    assert_cheap("start with draft", lambda: client.get(call.multistep_url()))
    assert_cheap("tasks", lambda: client.get(call.multistep_url("tasks")))
    for step in STEPS:
        files = applicant.attachments() if step == "attachments" else None
        assert_cheap(f"GET {step}", lambda step=step: client.get(call.multistep_url(step)))
        assert_cheap(f"POST {step}", lambda step=step, files=files: applicant.post_step(step, files=files))
        # again, with the answer stored: what is typed is shown back at the same cost
        assert_cheap(f"GET {step} again", lambda step=step: client.get(call.multistep_url(step)))
    assert_cheap("GET declaration", lambda: client.get(call.multistep_url("declaration")))
    assert_cheap("tasks, all done", lambda: client.get(call.multistep_url("tasks")))


@pytest.mark.django_db
def test_submitting_status_and_resume_link(client, warm, mailoutbox, settings):
    """Submitting writes the application in a bounded number; status page and resume link <= 12."""
    from .factories import resume_link_from

    call = warm
    applicant = Applicant(client, call)
    applicant.start()
    link = resume_link_from(mailoutbox[-1])
    applicant.fill_all()
    # measured with the database task backend production runs (the tests' immediate one
    # would send the mail inside the request); the submission also numbers and stores the
    # application, checks the one-application-per-BIN rule (1) and stores the confirmation
    # with its task row (2), in the same transaction: 16, 18 for the year's first
    settings.TASKS = DATABASE_TASKS
    assert_cheap("submit", applicant.submit, limit=18)
    assert_cheap("submitted", lambda: client.get(call.multistep_url("submitted")))
    assert_cheap("call after submitting", lambda: client.get(call.url))
    assert_cheap("resume link", lambda: client.get(link))
    fresh = type(client)()
    assert_cheap("resume link, new device", lambda: fresh.get(link))
    assert_cheap("status, new device", lambda: fresh.get(call.multistep_url("submitted")))


@pytest.mark.django_db
def test_other_languages_cost_the_same(client, warm):
    """A step in Kazakh costs no more than in Russian (no per-language lookups)."""
    from .factories import translate

    call = translate(warm, "kk")
    applicant = Applicant(client, call)
    applicant.start()
    assert_cheap("kk call", lambda: client.get(call.url))
    for step in ["eligibility", "applicant", "check"]:
        assert_cheap(f"kk GET {step}", lambda step=step: client.get(call.multistep_url(step)))
