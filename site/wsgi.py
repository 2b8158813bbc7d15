import os

from django.core.wsgi import get_wsgi_application

from .settling import settle

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "auyl.settings.production")
application = get_wsgi_application()
settle()
