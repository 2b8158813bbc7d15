"""No admin page press staff or coordinators use requests another host (issue 15): avatars do
not come from gravatar.com (staff e-mail hashes would leave the country), and no script, style,
font or image is loaded from elsewhere."""

import html as htmllib
import re

import pytest
from django.contrib.auth.models import Group, User
from django.test import override_settings
from django.urls import reverse

from tests.grants.factories import make_call

from .conftest import add_news

# Attributes through which a page makes the browser fetch something by itself.
FETCHED = re.compile(
    r"""<(?:img|script|iframe|source|video|audio|link)\b[^>]*?\s(?:src|srcset|href)=["']([^"']+)""", re.I
)
ABSOLUTE = re.compile(r"""(?:https?:)?//[^/"'\s]+""")


def foreign_requests(content):
    found = [url for url in FETCHED.findall(content) if ABSOLUTE.match(url.strip()) and "testserver" not in url]
    unescaped = htmllib.unescape(content)
    found += re.findall(r"https?://[^\s\"']*gravatar[^\s\"']*", unescaped)
    found += [url for url in re.findall(r'"avatarUrl":\s*"([^"]+)"', unescaped) if ABSOLUTE.match(url)]
    return found


def member(group, name):
    user = User.objects.create_user(name, email=f"{name}@example.kz", password="x" * 12)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.mark.django_db
def test_admin_pages_of_press_and_coordinators_request_no_other_host(client, site):
    news = add_news(site["indexes"]["ru"], "Новость")
    call = make_call()
    screens = {
        "Press": [
            reverse("wagtailadmin_home"),
            reverse("wagtailadmin_pages:edit", args=(news.pk,)),
            reverse("wagtailadmin_pages:add", args=("news", "newspage", site["indexes"]["ru"].pk)),
            reverse("wagtailadmin_explore", args=(site["indexes"]["ru"].pk,)),
            reverse("wagtailimages:index"),
            reverse("wagtaildocs:index"),
            reverse("wagtailadmin_account"),
        ],
        "Coordinators": [
            reverse("wagtailadmin_home"),
            reverse("wagtailadmin_pages:edit", args=(call.pk,)),
            reverse("wagtailadmin_explore", args=(call.get_parent().pk,)),
            reverse("wagtailadmin_workflows:index"),
            reverse("wagtailadmin_account"),
        ],
    }
    problems = {}
    for group, urls in screens.items():
        client.force_login(member(group, group.lower()))
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, (group, url)
            if found := foreign_requests(response.content.decode()):
                problems[(group, url)] = found
    client.logout()
    if found := foreign_requests(client.get(reverse("wagtailadmin_login")).content.decode()):
        problems["login"] = found
    assert not problems, problems


@pytest.mark.django_db
def test_the_check_sees_gravatar_when_it_is_on(client, site):
    """The check above can fail: with Wagtail's default provider the avatar comes from gravatar.com."""
    client.force_login(member("Press", "press"))
    with override_settings(WAGTAIL_GRAVATAR_PROVIDER_URL="//www.gravatar.com/avatar"):
        assert foreign_requests(client.get(reverse("wagtailadmin_home")).content.decode())
