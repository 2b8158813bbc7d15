from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms_plugins import translation_access
from home import views as home_views
from home.sitemaps import TranslatedSitemap
from manuals import views as manual_views
from news import views as news_views

urlpatterns = [
    # wagtail-localize's two views that do not ask Wagtail about the page, page-aware.
    *translation_access.urlpatterns("admin/"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": TranslatedSitemap}}, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("healthz", home_views.healthz, name="healthz"),
    # Outside the page tree so that counting a view costs one UPDATE (see news/counter.py).
    path("views/<int:page_id>.gif", news_views.view_pixel, name="news_view_pixel"),
    # Counts a manual's download, then redirects to the file (see manuals/views.py).
    path("manuals/<int:manual_id>/download/", manual_views.download, name="manual_download"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
else:
    # Local media without a web server in front (the embedded default); a real
    # deployment serves media from object storage or nginx instead.
    from django.urls import re_path
    from django.views.static import serve

    if not settings.S3_BUCKET:
        urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})]

urlpatterns += i18n_patterns(
    path("search/", home_views.search, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
