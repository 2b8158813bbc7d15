import os

from django.core.asgi import get_asgi_application

from .settling import settle

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "auyl.settings.production")
application = get_asgi_application()
settle()
