import datetime
import uuid

import pytest
from django.utils import timezone

from cms_plugins.crm.models import Interaction, Organisation
from cms_plugins.multistep.models import Draft
from grants.applications import Application
from grants.grant_records import Grant, Tranche
from grants.grant_reports import GrantReport
from grants.history import ApplicationEvent
from news.models import Category
from tests.grants.factories import make_call
from tests.news.conftest import add_news, build_site, district
from tests.trainings.conftest import add_event, add_index
from trainings.registrations import Attendance, Registration


def aware(year, month, day):
    return timezone.make_aware(datetime.datetime(year, month, day, 12, 0))


def add_application(call, code, status="submitted", when=None, number=1):
    draft = Draft.objects.create(form_key=call.translation_key, email=f"a{number}@example.org")
    return Application.objects.create(
        reference=f"ZKO-2026-{number:04d}",
        call=call,
        call_key=call.translation_key,
        draft=draft,
        status=status,
        applicant_type="initiative_group",
        organisation_name=f"Группа {number}",
        district_code=code,
        contact_name="Айгуль",
        email=f"a{number}@example.org",
        phone="+77012345678",
        requested_amount=570000,
        consent_version="1",
        consent_at=when or aware(2026, 5, 1),
        submitted_at=when or aware(2026, 5, 1),
    )


@pytest.fixture
def known(db):
    """A known data set; the figures the tests expect are worked out beside each item."""
    tree = build_site()
    index = tree["indexes"]["ru"]
    # meetings: Burli 30 people (Q1), Taskala 20 (Q2) also in Kazakh (counted once), Burli again 10 (Q3);
    # one draft report (not counted), one meeting in 2025 (Syrym, 15)
    add_news(
        index,
        "Бурли 1",
        category=Category.DISTRICT_MEETING,
        districts=["burli"],
        meeting_date=datetime.date(2026, 2, 10),
        participants=30,
    )
    taskala = add_news(
        index,
        "Таскала",
        category=Category.DISTRICT_MEETING,
        districts=["taskala"],
        meeting_date=datetime.date(2026, 4, 5),
        participants=20,
    )
    kk = taskala.copy_for_translation(tree["locales"]["kk"])
    kk.save_revision().publish()
    add_news(
        index,
        "Бурли 2",
        category=Category.DISTRICT_MEETING,
        districts=["burli"],
        meeting_date=datetime.date(2026, 8, 1),
        participants=10,
    )
    add_news(
        index,
        "Черновик",
        category=Category.DISTRICT_MEETING,
        districts=["syrym"],
        meeting_date=datetime.date(2026, 3, 1),
        participants=99,
        live=False,
    )
    add_news(
        index,
        "Сырым 2025",
        category=Category.DISTRICT_MEETING,
        districts=["syrym"],
        meeting_date=datetime.date(2025, 11, 1),
        participants=15,
    )
    add_news(index, "Просто новость", districts=["burli"])
    # organisations: 4 known (1 closed, not counted): Burli active, Burli dormant, Uralsk active (city), no district
    orgs = [
        Organisation.objects.create(
            name="ОО Бурли",
            district=district("burli"),
            status="active",
            created_at=aware(2026, 1, 15),
            registration_date=datetime.date(2026, 3, 3),
        ),
        Organisation.objects.create(
            name="ОФ Бурли", district=district("burli"), status="dormant", created_at=aware(2026, 5, 15)
        ),
        Organisation.objects.create(
            name="ОО Орал",
            district=district("uralsk"),
            status="active",
            created_at=aware(2025, 6, 1),
            registration_date=datetime.date(2019, 1, 1),
        ),
        Organisation.objects.create(
            name="ОО Закрытое", district=district("taskala"), status="closed", created_at=aware(2026, 1, 1)
        ),
    ]
    Interaction.objects.create(
        kind="consultation", text="Консультация", organisation=orgs[0], date=datetime.date(2026, 2, 1)
    )
    Interaction.objects.create(
        kind="consultation", text="Консультация", organisation=orgs[2], date=datetime.date(2026, 11, 1)
    )
    Interaction.objects.create(kind="note", text="Заметка", organisation=orgs[0], date=datetime.date(2026, 2, 1))
    call = make_call()
    add_application(call, "burli", number=1)
    add_application(call, "taskala", number=2, when=aware(2026, 10, 1))
    add_application(call, "burli", status="withdrawn", number=3)
    # awards: one standing (Taskala, 570 000 ₸, decided in July), one reversed (not counted)
    for number, (code, status) in enumerate([("taskala", "awarded"), ("burli", "not_awarded")], start=4):
        application = add_application(call, code, status=status, number=number)
        application.awarded_amount = 570000 if status == "awarded" else None
        application.save(update_fields=["awarded_amount"])
        ApplicationEvent.objects.create(
            application=application, kind="status", from_status="shortlisted", to_status="awarded", at=aware(2026, 7, 1)
        )
        if status == "awarded":  # the grant: two tranches, one paid in August; the interim report accepted in November
            grant = Grant.objects.create(application=application, agreement_number="G-1")
            Tranche.objects.create(
                grant=grant, amount=342000, planned_on=datetime.date(2026, 8, 1), paid_on=datetime.date(2026, 8, 5)
            )
            Tranche.objects.create(grant=grant, amount=228000, planned_on=datetime.date(2026, 12, 1))
            GrantReport.objects.create(grant=grant, kind="interim", status="accepted", decided_at=aware(2026, 11, 2))
            GrantReport.objects.create(grant=grant, kind="final", status="submitted")
    # trainings: a training over (Burli, two sessions; two people, one at both), a future webinar
    index = add_index(tree["homes"]["ru"], "ru")
    held = add_event(index, "Проектный менеджмент", days=-40, sessions=2, code="burli", kind="training")
    add_event(index, "Вебинар", days=20, code="taskala", kind="webinar")
    sessions = [session.starts_at for session in held.sessions.all()]
    for email, attended in (("a@example.org", sessions), ("b@example.org", sessions[:1])):
        registration = Registration.objects.create(
            training=held,
            event_key=held.translation_key,
            full_name="Участник",
            phone="+77012345678",
            email=email,
            language="ru",
            consent_version="1",
            consent_at=timezone.now(),
            status="confirmed",
        )
        for start in attended:
            Attendance.objects.create(registration=registration, session_starts_at=start)
    return tree


def by_key(values):
    return {value.key: value for value in values}


__all__ = ["aware", "by_key", "uuid"]
