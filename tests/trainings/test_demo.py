import io

import pytest
from django.conf import settings
from django.core.management import call_command

from cms_plugins.crm.models import Interaction
from trainings.consultations import ConsultationRequest
from trainings.demo_data.events import EVENTS
from trainings.mentoring import MentoringPair
from trainings.models import TrainingPage
from trainings.registrations import Attendance, Registration


@pytest.mark.django_db
def test_demo_has_past_and_upcoming_events_a_waiting_list_and_attendance_and_loads_twice_without_copies(client):
    """Protects the newcomer's demo: events in every language and several districts, registrations with
    a waiting list, attendance in the CRM; a second run copies nothing."""
    call_command("load_demo", stdout=io.StringIO())
    counts = (TrainingPage.objects.count(), Registration.objects.count(), Attendance.objects.count())
    history = Interaction.objects.filter(kind="training").count()
    call_command("load_demo", stdout=io.StringIO())
    assert ConsultationRequest.objects.count() == 4
    assert MentoringPair.objects.count() == 2 and MentoringPair.objects.active().count() == 1
    assert Interaction.objects.filter(kind="mentoring").count() == 12
    assert (TrainingPage.objects.count(), Registration.objects.count(), Attendance.objects.count()) == counts
    assert Interaction.objects.filter(kind="training").count() == history == 2
    assert counts[0] == len(EVENTS) * len(settings.LANGUAGES)
    assert Registration.objects.waitlisted().count() == 2 and counts[2] == 3
    ru = TrainingPage.objects.live().filter(locale__language_code="ru")
    assert ru.upcoming().count() == 4 and ru.past().count() == 2
    assert len(set(ru.exclude(district=None).values_list("district__code", flat=True))) == 4
    statuses = sorted(ConsultationRequest.objects.values_list("status", flat=True))
    assert statuses == ["declined", "done", "new", "scheduled"]
    for language in ("kk", "ru", "en"):
        assert client.get(f"/{language}/trainings/").status_code == 200
        assert client.get(f"/{language}/trainings/fundraising-taskala/").status_code == 200
