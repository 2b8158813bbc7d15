"""The demo content tests run against: ``manage.py load_demo``.

Until an app's ``demo.py`` exists, ``load_demo`` may leave the page tree empty; then a
minimal tree is built here (ru home with kk and en translations, an "about" page) so the
site-wide tests still have live pages to look at.
"""

import io

from django.core.management import call_command
from wagtail.models import Locale, Page, Site

from home.models import HomePage, StandardPage


def load_demo():
    call_command("load_demo", stdout=io.StringIO())
    if not HomePage.objects.filter(locale__language_code="ru", live=True).exists():
        _minimal_tree()


def _minimal_tree():
    ru = Locale.objects.get(language_code="ru")
    root = Page.get_first_root_node()
    for placeholder in Page.objects.filter(depth=2).exclude(content_type__app_label="home"):
        placeholder.delete()
    home = root.add_child(instance=HomePage(title="Ауыл — гранты для сёл", slug="home", locale=ru))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Auyl"}
    )
    about = home.add_child(
        instance=StandardPage(title="О программе", slug="about", intro="Малые гранты сельским НКО.", show_in_menus=True)
    )
    titles = {"kk": ("Ауыл — ауылдарға гранттар", "Бағдарлама туралы"), "en": ("Auyl — village grants", "About")}
    for code, (home_title, about_title) in titles.items():
        locale = Locale.objects.get(language_code=code)
        for source, title in ((home, home_title), (about, about_title)):
            copy = source.copy_for_translation(locale)
            copy.title = title
            copy.save_revision().publish()
