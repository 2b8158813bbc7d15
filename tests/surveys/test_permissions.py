"""Who reads survey answers: coordinators yes; press, experts and visitors no."""

import pytest
from django.contrib.auth.models import Group, User

from surveys.models import SurveyResponse

pytestmark = pytest.mark.django_db


def member_of(name):
    user = User.objects.create_user(name.lower(), password="x")
    user.groups.add(Group.objects.get(name=name))
    return user


def urls(page):
    return ["/admin/surveys/", f"/admin/surveys/{page.pk}/", f"/admin/surveys/{page.pk}/export/?format=xlsx"]


def test_coordinators_read_results_and_export(client, survey):
    """Protects the coordinators' work: the list, the results with a chart, the file."""
    SurveyResponse.objects.create(form_key=survey.translation_key, page=survey, answers={"topics": ["t_project"]})
    client.force_login(member_of("Coordinators"))
    listing, results, export = (client.get(url) for url in urls(survey))
    assert listing.status_code == 200 and "Опрос" in listing.content.decode()
    assert results.status_code == 200 and "<svg" in results.content.decode()
    assert export.status_code == 200 and export["Content-Type"].startswith("application/vnd.openxml")
    assert "/admin/surveys/" in client.get("/admin/").content.decode()  # the menu item


@pytest.mark.parametrize("group", ["Press", "Experts"])
def test_press_and_experts_cannot_read_answers(client, survey, group):
    """Protects respondents: answers may hold contacts, and press publishes; neither press nor experts see them."""
    client.force_login(member_of(group))
    for url in urls(survey):
        assert client.get(url).status_code in (302, 403), url
    home = client.get("/admin/").content.decode()
    assert "/admin/surveys/" not in home


def test_visitors_are_sent_to_log_in(client, survey):
    """Protects answers from the public."""
    for url in urls(survey):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_an_unknown_survey_or_format_is_404(client, survey):
    """Protects against 500s on hand-made admin URLs."""
    client.force_login(member_of("Coordinators"))
    # (Django's LocaleMiddleware first tries a 404's address under a language prefix)
    assert client.get("/admin/surveys/999999/", follow=True).status_code == 404
    assert client.get(f"/admin/surveys/{survey.pk}/export/?format=exe", follow=True).status_code == 404
