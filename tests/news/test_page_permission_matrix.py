"""Who may do what to which page, over every admin URL that takes a page id (issue 9, finding 1).

The URLs are enumerated from the admin's URL patterns, not hand-picked: a URL added by a
Wagtail upgrade or a plug-in without an expectation here fails ``test_every_page_url_is_classified``.
"""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.models import Page, PageViewRestriction, Workflow

from home.models import StandardPage
from tests.grants.factories import make_call

from .conftest import add_news, build_site

PAGE_PARAMS = {"page_id", "parent_page_id", "page_to_move_id", "page_pk", "pk"}


def admin_page_routes():
    """(name, route, parameter names) of every admin URL with a page id in it."""

    def walk(patterns, prefix="", namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern):
                yield prefix + str(pattern.pattern), namespace + (pattern.name or ""), pattern

    found = []
    for route, name, pattern in walk(get_resolver().url_patterns):
        params = set(pattern.pattern.regex.groupindex)
        if not route.startswith("admin/"):
            continue
        # Wagtail's admin API names its page id `pk`; elsewhere `pk` means another model.
        if params & (PAGE_PARAMS - {"pk"}) or ("pk" in params and "pages" in route):
            found.append((name, route, pattern))
    return found


def fill(route, page, extra):
    """The route with the page's id and real ids for the other parameters."""
    values = {
        "page_id": page.pk,
        "parent_page_id": page.pk,
        "page_to_move_id": page.pk,
        "page_pk": page.pk,
        "pk": page.pk,
        "content_type_app_name": page.specific_class._meta.app_label,
        "content_type_model_name": page.specific_class._meta.model_name,
        **extra(page),
    }
    if "/api/" in route:  # the admin API's page actions (workflow views take "approve")
        values["action_name"] = "publish"
    url = "/" + route.replace("^", "").replace("$", "")

    def value(match):
        return str(values[match.group(1)])

    url = re.sub(r"<(?:\w+:)?(\w+)>", value, url)
    return re.sub(r"\(\?P<(\w+)>[^)]*\)", value, url)


# Read-only screens Wagtail opens to every admin user by design (page choosers, the
# explorer's listing, the API behind them, and confirmation screens whose POST asks the
# permission); they show titles, change nothing.
BROWSING = {
    "wagtailadmin_api:pages:detail",
    "wagtailadmin_explore",
    "wagtailadmin_explore_results",
    "wagtailadmin_choose_page_child",
    "wagtailadmin_pages:move_confirm",
    "wagtailadmin_pages:confirm_workflow_cancellation",
}
INSIDE = ("news_index", "news", "about")
OUTSIDE = ("home", "call", "district_index")
# What press staff open on their own pages (each must answer 200).
PRESS_OPENS = {
    "wagtailadmin_pages:edit": INSIDE,
    "wagtailadmin_pages:set_privacy": INSIDE,
    "wagtailadmin_pages:history": INSIDE,
    "wagtailadmin_pages:revisions_view": INSIDE,
    "wagtailadmin_pages:copy": INSIDE,
    "wagtailadmin_pages:move": INSIDE,
    "wagtailadmin_pages:unpublish": INSIDE,
    "wagtailadmin_pages:delete": ("news", "about"),
    "wagtail_localize:submit_page_translation": INSIDE,
}


def user_in(group, name):
    user = User.objects.create_user(name, password="x" * 12)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def tree(db):
    site = build_site()
    home = site["homes"]["ru"]
    about = home.add_child(instance=StandardPage(title="О программе", slug="about"))
    pages = {
        "news_index": site["indexes"]["ru"],
        "news": add_news(site["indexes"]["ru"], "Новость"),
        "about": about,
        "home": home,
        "call": make_call(),
        "district_index": site["district_indexes"]["ru"],
    }
    for page in pages.values():
        page.save_revision().publish()  # every page has a revision to view and revert to
    return {key: Page.objects.get(pk=page.pk).specific for key, page in pages.items()}


def other_ids(page):
    return {
        "revision_id": page.latest_revision_id,
        "destination_id": page.get_parent().pk,
        "task_state_id": 1,
        "registration_id": 1,  # trainings: a participant and a session of an event (the page check comes first)
        "number": 1,
        "task_id": 1,
        "workflow_state_id": 1,
        "workflow_pk": Workflow.objects.get(name="News review").pk,
        "action_name": "approve",
    }


def snapshot():
    """What any admin action could change about the pages."""
    pages = list(Page.objects.order_by("pk").values_list("pk", "title", "slug", "live", "path", "locked"))
    return pages, PageViewRestriction.objects.count(), [p.revisions.count() for p in Page.objects.order_by("pk")]


def refused(response):
    """Wagtail's refusals: 403, a redirect to the login or the dashboard, 404 (or the redirect
    LocaleMiddleware makes of it) or 405."""
    if response.status_code in (403, 404, 405):
        return True
    if response.status_code == 302:
        final = response["Location"]
    elif getattr(response, "redirect_chain", None) and response.status_code == 200:
        final = response.redirect_chain[-1][0]
    else:
        return False
    if re.match(r"/(kk|ru|en)/admin/", final):
        return True  # a 404 that LocaleMiddleware turned into a redirect to the language's path
    return final.split("?")[0].rstrip("/").endswith(("/admin", "/admin/login"))


# Coordinators manage workflows (model permission change_workflow, news migration 0002),
# which includes taking a workflow off a page.
ROLE_SCREENS = {"coordinator": {"wagtailadmin_workflows:remove"}}
ROLES = {"press": "Press", "coordinator": "Coordinators", "expert": "Experts", "anonymous": None}


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_every_page_url_refuses_pages_outside_the_role(client, tree, role):
    """Protects: every admin URL that takes a page id refuses, in GET and POST, each page the
    role has no permission on (press: everything but news and standard pages; coordinators:
    everything but grant calls; experts and anonymous: every page), and nothing changes."""
    if ROLES[role]:
        client.force_login(user_in(ROLES[role], role))
    allowed_pages = {"press": INSIDE, "coordinator": ("call",)}.get(role, ())
    before = snapshot()
    checked = 0
    for name, route, _pattern in admin_page_routes():
        for key, page in tree.items():
            if key in allowed_pages:
                continue
            url = fill(route, page, other_ids)
            post = client.post(url, {"restriction_type": "password", "password": "hidden-1"})
            if post.status_code == 302 and not refused(post):  # e.g. revisions/ → history/: see where it leads
                post = client.get(post["Location"], follow=True)
            assert post.status_code != 500
            assert snapshot() == before, f"{role} changed something through POST {url} ({name})"
            if (name in BROWSING and role != "anonymous") or name in ROLE_SCREENS.get(role, ()):
                continue
            get = client.get(url, follow=True)
            assert refused(get), f"{role} was not refused GET {url} ({name}) on {key}: {get.status_code}"
            assert refused(post), f"{role} was not refused POST {url} ({name}) on {key}: {post.status_code}"
            checked += 1
    assert checked > 100


@pytest.mark.django_db
def test_press_opens_the_screens_of_its_own_pages(client, tree):
    """Protects the other way round: press staff reach edit, privacy, history, revisions, copy,
    move, unpublish, delete and "Translate" on news and standard pages."""
    client.force_login(user_in("Press", "press"))
    routes = {name: route for name, route, _pattern in admin_page_routes() if name}
    for name, keys in PRESS_OPENS.items():
        for key in keys:
            url = fill(routes[name], tree[key], other_ids)
            response = client.get(url)
            assert response.status_code == 200, f"press cannot open {url} ({name}) of {key}"


@pytest.mark.django_db
def test_press_sets_privacy_on_news_but_not_on_the_home_page_or_a_call(client, tree):
    """Protects finding 1 of issue 9 literally: the privacy form is Wagtail's, refused by Wagtail."""
    client.force_login(user_in("Press", "press"))
    data = {"restriction_type": "password", "password": "hidden-1"}
    for key in ("home", "call"):
        client.post(f"/admin/pages/{tree[key].pk}/privacy/", data)
        assert not PageViewRestriction.objects.filter(page=tree[key]).exists(), key
    client.post(f"/admin/pages/{tree['news'].pk}/privacy/", data)
    assert PageViewRestriction.objects.filter(page=tree["news"]).exists()


def test_every_page_url_is_classified():
    """A page URL a Wagtail upgrade or a plug-in adds shows up in the matrix (it is enumerated), and
    the screens press staff use are among the enumerated ones."""
    names = {name for name, _route, _pattern in admin_page_routes()}
    assert set(PRESS_OPENS) | BROWSING <= names
    assert {"wagtailadmin_pages:set_privacy", "wagtail_localize:convert_to_alias"} <= names
