"""The languages of a page, for the status side panel of the page editor.

Press staff asked which languages a news item exists in and where "Translate" is: the
panel lists every content language with the translation's state and offers "Translate"
(wagtail-localize) and, for a translation under review, "Submit for review".
"""

from django import template
from django.urls import reverse
from wagtail.models import Locale, Page

from news.translation_review import can_submit_translation_for_review, translation_of

register = template.Library()


@register.simple_tag(takes_context=True)
def page_languages(context, obj):
    """None for anything but a saved page; else its languages and the actions open to the user."""
    request = context.get("request")
    if not isinstance(obj, Page) or not obj.pk or request is None:
        return None
    user = request.user
    pages = {page.locale_id: page for page in obj.get_translations(inclusive=True).select_related("locale")}
    languages = []
    for locale in Locale.objects.all():
        page = pages.get(locale.pk)
        languages.append(
            {
                "locale": locale,
                "current": page is not None and page.pk == obj.pk,
                "exists": page is not None,
                "live": page is not None and page.live,
                "url": reverse("wagtailadmin_pages:edit", args=(page.pk,))
                if page is not None and page.pk != obj.pk and page.permissions_for_user(user).can_edit()
                else "",
            }
        )
    translate_url = ""
    if (
        user.has_perm("wagtail_localize.submit_translation")
        and len(pages) < len(languages)
        and obj.permissions_for_user(user).can_edit()
        and not obj.is_root()
    ):
        translate_url = reverse("wagtail_localize:submit_page_translation", args=(obj.alias_of_id or obj.pk,))
    review_url = ""
    if can_submit_translation_for_review(user, obj) and translation_of(obj) is not None:
        review_url = reverse("news_submit_translation_for_review", args=(obj.pk,))
    return {"languages": languages, "translate_url": translate_url, "review_url": review_url}
