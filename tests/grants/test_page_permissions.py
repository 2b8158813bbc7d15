"""Coordinators manage calls in the page tree; Press cannot create or edit them."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from wagtail.models import GroupPagePermission

from grants.models import GrantCallPage, GrantIndexPage

from .factories import translate


def user_in(*groups, name="user"):
    user = User.objects.create_user(name, password="x" * 12)
    for group in groups:
        user.groups.add(Group.objects.get(name=group))
    return user


def add_call_url(index):
    return reverse("wagtailadmin_pages:add", args=("grants", "grantcallpage", index.pk))


@pytest.mark.django_db
def test_every_new_grants_index_lets_coordinators_add_change_publish(call):
    """Each grants index (every language, however it was made) carries the Coordinators' rights."""
    translate(call, "kk")
    for index in GrantIndexPage.objects.all():
        codenames = set(
            GroupPagePermission.objects.filter(group__name="Coordinators", page=index).values_list(
                "permission__codename", flat=True
            )
        )
        assert codenames == {"add_page", "change_page", "publish_page"}, index.locale


@pytest.mark.django_db
def test_coordinator_opens_the_add_and_edit_forms_of_a_call(client, call):
    """A coordinator reaches the call's add and edit forms and may publish it."""
    client.force_login(user_in("Coordinators"))
    index = call.get_parent()
    assert client.get(add_call_url(index)).status_code == 200
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(call.pk,)))
    assert edit.status_code == 200
    assert 'name="action-publish"' in edit.content.decode()
    perms = call.permissions_for_user(User.objects.get(username="user"))
    assert perms.can_publish() and perms.can_edit()


@pytest.mark.django_db
def test_coordinator_publishes_a_new_call_through_the_admin(client, call):
    """A coordinator's posted call form becomes a live call page."""
    client.force_login(user_in("Coordinators"))
    response = client.post(add_call_url(call.get_parent()), call_form_data("Coordinated call", "coordinated"))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert GrantCallPage.objects.get(slug="coordinated").live


@pytest.mark.django_db
def test_press_cannot_create_or_edit_calls(client, call):
    """Press staff are turned away from a call's add and edit forms, and their posts create nothing."""
    client.force_login(user_in("Press"))
    index = call.get_parent()
    response = client.get(add_call_url(index))
    assert response.status_code in (302, 403)
    response = client.post(add_call_url(index), call_form_data("Press call", "press-call"))
    assert response.status_code in (302, 403)
    assert not GrantCallPage.objects.filter(slug="press-call").exists()
    response = client.get(reverse("wagtailadmin_pages:edit", args=(call.pk,)))
    assert response.status_code in (302, 403)


@pytest.mark.django_db
def test_experts_cannot_add_calls(client, call):
    """Experts score applications; they get no page rights on the grants index."""
    client.force_login(user_in("Experts"))
    assert client.get(add_call_url(call.get_parent())).status_code in (302, 403)


def call_form_data(title, slug):
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "intro": "Кратко.",
            "body": rich_text(""),
            "eligibility": rich_text(""),
            "accepts_ngos": "on",
            "number_of_grants": "5",
            "amount_per_grant": "570000",
            "opens_at": "2026-01-01 09:00",
            "closes_at": "2026-02-01 18:00",
            "review_stage": "",
            "documents": streamfield([]),
            "faq": streamfield([]),
            "rubric": streamfield([]),
            "report_steps": streamfield([]),
            "disagreement_threshold": "10",
            "results": rich_text(""),
            "form_steps": streamfield([]),
            "consent_text": rich_text("<p>Согласие</p>"),
            "consent_version": "1",
            "action-publish": "action-publish",
        }
    )
