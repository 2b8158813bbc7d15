import pytest
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Workflow
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cms_plugins.demo_images import steppe
from home.models import DistrictPage
from news.models import NewsPage

from .conftest import add_district_page, add_news


def user_in(*groups, name="press"):
    user = User.objects.create_user(name, password="press-password-1")
    for group in groups:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def press(client, db):
    user = user_in("Press")
    client.force_login(user)
    return user


def news_form(title="Отчёт", slug="report", action="action-publish"):
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "date": "2026-05-02",
            "category": "programme",
            "lead": "Коротко.",
            "body": streamfield([]),
            "gallery": streamfield([]),
            "villages": streamfield([]),
            "topics": streamfield([]),
            "related_links": inline_formset([]),
            "tags": "",
            "cover_alt": "",
        }
    )
    if action:
        data[action] = "1"
    return data


@pytest.mark.django_db
def test_press_creates_and_publishes_news(client, site, press):
    """Protects: press staff publish a news item on their own."""
    index = site["indexes"]["ru"]
    url = reverse("wagtailadmin_pages:add", args=("news", "newspage", index.pk))
    response = client.post(url, news_form())
    assert response.status_code == 302
    page = NewsPage.objects.get(slug="report")
    assert page.live and page.owner == press


@pytest.mark.django_db
def test_press_edits_standard_pages(client, site, press):
    """Protects: press staff also keep the standard pages (About, Contacts) up to date, and add
    pages inside them; a new top-level section under the home page is a coordinator's call."""
    from home.models import StandardPage

    about = site["homes"]["ru"].add_child(instance=StandardPage(title="О программе", slug="about"))
    assert client.get(reverse("wagtailadmin_pages:edit", args=(about.pk,))).status_code == 200
    url = reverse("wagtailadmin_pages:add", args=("home", "standardpage", about.pk))
    assert client.get(url).status_code == 200
    url = reverse("wagtailadmin_pages:add", args=("home", "standardpage", site["homes"]["ru"].pk))
    assert client.get(url).status_code == 302


@pytest.mark.django_db
def test_press_uploads_images(client, site, press):
    """Protects: press staff add photos to the library."""
    upload = SimpleUploadedFile("meeting.jpg", steppe(1, 320, 180), content_type="image/jpeg")
    response = client.post(reverse("wagtailimages:add"), {"title": "Встреча", "file": upload})
    assert response.status_code == 302
    assert get_image_model().objects.filter(title="Встреча").exists()


@pytest.mark.django_db
def test_press_reaches_documents_and_images_screens(client, site, press):
    """Protects: the media libraries press staff need are open to them."""
    assert client.get(reverse("wagtailimages:index")).status_code == 200
    assert client.get(reverse("wagtaildocs:index")).status_code == 200


@pytest.mark.parametrize(
    "url_name",
    [
        "wagtailusers_users:index",
        "wagtailsettings:edit",
        "wagtailsnippets_places_district:list",
        "wagtailadmin_workflows:index",
    ],
)
@pytest.mark.django_db
def test_press_cannot_reach_users_settings_snippets_or_workflows(client, site, press, url_name):
    """Protects: press staff see no users, settings, reference data or CRM."""
    args = ("home", "organisationsettings") if url_name == "wagtailsettings:edit" else ()
    response = client.get(reverse(url_name, args=args), follow=True)
    assert response.status_code == 403 or response.redirect_chain[-1][0] == reverse("wagtailadmin_home")


@pytest.mark.django_db
def test_press_cannot_edit_home_or_district_pages(client, site, press):
    """Protects: pages outside news and standard pages (home, districts, grant calls) stay with coordinators."""
    district_page = add_district_page(site["district_indexes"]["ru"], "burli")
    for page in (site["homes"]["ru"], district_page):
        response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
        assert response.status_code == 302
    response = client.post(reverse("wagtailadmin_pages:edit", args=(district_page.pk,)), {"title": "Взлом"})
    assert DistrictPage.objects.get(pk=district_page.pk).title != "Взлом"
    add_url = reverse("wagtailadmin_pages:add", args=("home", "districtpage", site["district_indexes"]["ru"].pk))
    assert client.get(add_url).status_code == 302
    delete_url = reverse("wagtailadmin_pages:delete", args=(district_page.pk,))
    client.post(delete_url)
    assert DistrictPage.objects.filter(pk=district_page.pk).exists()


@pytest.mark.django_db
def test_press_cannot_open_a_real_grant_call_in_the_editor(client, site, press):
    """Protects: with the grants app installed, its call pages stay closed to press staff."""
    add_url = reverse("wagtailadmin_pages:add", args=("grants", "grantcallpage", site["homes"]["ru"].pk))
    response = client.get(add_url)
    assert response.status_code in (302, 403)


@pytest.mark.django_db
def test_coordinators_may_edit_district_pages(client, site):
    """Protects: the restriction touches press staff only."""
    user = User.objects.create_superuser("boss", password="x" * 12)
    client.force_login(user)
    district_page = add_district_page(site["district_indexes"]["ru"], "burli")
    assert client.get(reverse("wagtailadmin_pages:edit", args=(district_page.pk,))).status_code == 200


@pytest.mark.django_db
def test_review_workflow_when_switched_on(client, site, press):
    """Protects: once a coordinator switches review on, press staff submit instead of publishing."""
    workflow = Workflow.objects.get(name="News review")
    assert workflow.active is False
    page = add_news(site["indexes"]["ru"], "Черновик", slug="draft", live=False)
    workflow.active = True
    workflow.save()
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    assert 'name="action-publish"' not in client.get(edit_url).content.decode()
    client.post(edit_url, news_form("Черновик", "draft"))
    assert NewsPage.objects.get(pk=page.pk).live is False
    client.post(edit_url, news_form("Черновик", "draft", action="action-submit"))
    page.refresh_from_db()
    assert page.workflow_in_progress
    coordinator = user_in("Coordinators", name="coordinator")
    assert page.current_workflow_task.user_can_access_editor(page, coordinator)


@pytest.mark.django_db
def test_coordinators_can_switch_review_on(client, site):
    """Protects: the workflow is a coordinator's switch (Settings → Workflows)."""
    coordinator = user_in("Coordinators", name="coordinator")
    assert coordinator.has_perm("wagtailcore.change_workflow")
