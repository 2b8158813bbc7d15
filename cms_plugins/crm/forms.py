from django.conf import settings
from wagtail.admin.forms import WagtailAdminModelForm


class OrganisationForm(WagtailAdminModelForm):
    """A district chosen in any language is stored as the default language's row,
    as imports store it, so lists, filters and counts see one district, not three."""

    def clean_district(self):
        district = self.cleaned_data.get("district")
        if district is None or district.locale.language_code == settings.LANGUAGE_CODE:
            return district
        sibling = (
            type(district)
            .objects.filter(translation_key=district.translation_key, locale__language_code=settings.LANGUAGE_CODE)
            .first()
        )
        return sibling or district
