"""Mentoring pairs: coordinators pair a mentor with a beginner organisation and log sessions;
both organisations' CRM timelines show them; Press cannot see them."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from cms_plugins.crm.models import Interaction, Organisation
from trainings.mentoring import MentoringPair

pytestmark = pytest.mark.django_db


def user_in(group, name):
    user = User.objects.create_user(name, password="x" * 12)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def organisations():
    mentor = Organisation.objects.create(name="ОО «Опытный Аксай»", bin="940140000385")
    mentee = Organisation.objects.create(name="Инициативная группа Пугачево", legal_form="initiative_group")
    return mentor, mentee


def pair_data(mentor, mentee, sessions, initial=0):
    today = timezone.localdate()
    return nested_form_data(
        {
            "mentor": mentor.pk,
            "mentee": mentee.pk,
            "starts_on": (today - datetime.timedelta(days=30)).isoformat(),
            "ends_on": "",
            "goals": "Первый проект и отчёт",
            "sessions": inline_formset(sessions, initial=initial),
        }
    )


def test_coordinator_pairs_organisations_and_sessions_reach_both_timelines(client, organisations):
    """Protects the mentoring record: the pair and each session appear once on both CRM timelines."""
    mentor, mentee = organisations
    client.force_login(user_in("Coordinators", "coordinator"))
    first = {"date": (timezone.localdate() - datetime.timedelta(days=20)).isoformat(), "summary": "План проекта"}
    response = client.post(reverse("trainings_mentoring:add"), pair_data(mentor, mentee, [first]))
    assert response.status_code == 302, response.content.decode()[:2000]
    pair = MentoringPair.objects.get()
    assert pair.is_active and list(MentoringPair.objects.active()) == [pair]
    for organisation in (mentor, mentee):
        assert Interaction.objects.filter(kind="mentoring", organisation=organisation).count() == 2
    session = pair.sessions.get()
    second = {"date": timezone.localdate().isoformat(), "summary": "Бюджет"}
    data = pair_data(mentor, mentee, [{"id": session.pk, **first}, second], initial=1)
    response = client.post(reverse("trainings_mentoring:edit", args=[pair.pk]), data)
    assert response.status_code == 302
    assert pair.sessions.count() == 2
    texts = list(Interaction.objects.filter(kind="mentoring", organisation=mentee).values_list("text", flat=True))
    assert len(texts) == 3 and any("Бюджет" in text for text in texts)
    assert "ОО «Опытный Аксай»" in client.get(reverse("trainings_mentoring:index")).content.decode()


def test_an_organisation_cannot_mentor_itself(client, organisations):
    """Protects the record from a slip of the chooser."""
    mentor, _mentee = organisations
    client.force_login(user_in("Coordinators", "coordinator"))
    response = client.post(reverse("trainings_mentoring:add"), pair_data(mentor, mentor, []))
    assert response.status_code == 200 and not MentoringPair.objects.exists()


def test_press_cannot_see_mentoring_pairs(client, organisations):
    """Protects CRM data: press staff reach neither the list nor the form."""
    client.force_login(user_in("Press", "press"))
    for url in (reverse("trainings_mentoring:index"), reverse("trainings_mentoring:add")):
        assert client.get(url).status_code in (302, 403), url
