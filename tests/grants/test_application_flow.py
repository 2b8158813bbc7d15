"""An applicant goes through the whole form with the test client."""

import pytest
from django.core import mail

from cms_plugins.multistep.models import Draft
from grants.models import Application

from .factories import resume_link_from


@pytest.mark.django_db
def test_whole_application_is_submitted_with_reference_and_email(applicant, call, django_capture_on_commit_callbacks):
    """The vertical slice: start, every step, submit → application, reference, confirmation email."""
    applicant.start()
    assert len(mail.outbox) == 1 and resume_link_from(mail.outbox[0])
    applicant.fill_all()
    with django_capture_on_commit_callbacks(execute=True):
        response = applicant.submit()
    assert response.status_code == 302 and response["Location"].endswith("/apply/submitted/")
    application = Application.objects.get()
    assert application.reference.startswith("ZKO-") and application.reference.endswith("-0001")
    assert application.requested_amount == 570000
    assert application.phone == "+77011234567"
    assert application.consent_version == "2026-01"
    page = applicant.client.get(response["Location"])
    assert application.reference in page.content.decode()
    confirmation = mail.outbox[-1]
    assert application.reference in confirmation.subject
    assert "Детская площадка" in confirmation.body
    assert Draft.objects.get().is_submitted
