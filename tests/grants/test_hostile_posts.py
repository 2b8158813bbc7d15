"""Random and hostile data posted to every step never causes a server error."""

import os

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .factories import Applicant, step_post, upload

STEPS = ["eligibility", "applicant", "project", "plan", "budget", "attachments", "check", "declaration"]
FIELDS = {
    "eligibility": ["applicant_type", "rural", "project_in_region"],
    "applicant": ["organisation_name", "bin", "district", "settlement", "contact_name", "phone", "email"],
    "project": ["project_title", "problem", "people", "start", "topic", "partners", "first_time"],
    "plan": ["activities-0-what", "activities-0-month", "activities-999-what", "own_contribution", "photo"],
    "budget": ["requested_amount", "lines-0-item", "lines-0-amount", "lines-5-amount"],
    "attachments": ["registration", "registration-clear"],
    "check": [],
    "declaration": ["consent_version", "consent", "truthful"],
}
hostile_text = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "\x00",
            "a\x00b",
            "' OR 1=1 --",
            "<script>alert(1)</script>",
            "9" * 400,
            "-1",
            "1e309",
            "２０２６-１３-４０",
            "٣",
            "𝟓𝟕𝟎𝟎𝟎𝟎",
            "\ud7ff",
            "NaN",
            "0x10",
            " ",
            "940140000385",
            "+7 701 123 45 67",
        ]
    ),
)
values = st.one_of(hostile_text, st.lists(hostile_text, max_size=4))


@pytest.mark.django_db
@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(
    step=st.sampled_from(STEPS),
    answers=st.dictionaries(
        st.one_of(st.sampled_from([name for names in FIELDS.values() for name in names]), st.text(max_size=30)),
        values,
        max_size=8,
    ),
    goto=st.one_of(st.none(), st.sampled_from([*STEPS, "tasks", "nonsense", ""])),
    current=st.one_of(st.none(), st.sampled_from([*STEPS, "x" * 50, "", "../../etc"])),
    more_rows=st.booleans(),
    file=st.one_of(
        st.none(),
        st.tuples(st.text(max_size=40), st.binary(max_size=2000)),
        st.tuples(
            st.sampled_from(["a\x00b.pdf", "..\\..\\x.pdf", "скан.pdf", "x" * 300 + ".pdf"]), st.just(b"%PDF-1.4\n")
        ),
    ),
)
def test_no_step_answers_hostile_posts_with_a_server_error(
    call, step, answers, goto, current, more_rows, file, settings_override
):
    """Whatever is posted to whichever step, the answer is never a 5xx."""
    from cms_plugins.multistep.models import Draft

    Draft.objects.filter(email="fuzz@example.com").delete()  # a failed example leaves its draft
    client = Client(raise_request_exception=False)
    applicant = Applicant(client, call, email="fuzz@example.com")
    applicant.start()
    data = step_post(call, step, answers)
    if current is not None:
        data[next(iter(data))] = current
    if goto is not None:
        data["wizard_goto_step"] = goto
    if more_rows:
        data["multistep_more_rows"] = "1"
    if file is not None:
        name, content = file
        if os.path.basename(name) in {"", ".", ".."}:
            name = "x"  # the test client itself cannot send such a name (Django refuses to build it)
        data[f"{step}-registration" if step == "attachments" else f"{step}-photo"] = upload(name or "x", content)
    response = client.post(call.multistep_url(step), data)
    assert response.status_code < 500, response.content[:500]
    again = client.get(call.multistep_url(step))
    assert again.status_code < 500
    tasks = client.get(call.multistep_url("tasks"))
    assert tasks.status_code < 500
    Draft.objects.filter(email="fuzz@example.com").delete()


@pytest.fixture
def settings_override(settings):
    settings.MULTISTEP_START_RATE = (100000, 3600)
    return settings
