"""Topics and villages become lists (issue 15): each item its own translation segment.

They were text with one topic a line and villages separated by commas, which
wagtail-localize's editor cannot keep apart. The old text moves aside, the new
StreamFields are filled from it (pages and their revisions, so drafts and history open
in the new form), and the old columns go.
"""

import re
import uuid

import wagtail.fields
from django.db import migrations

FIELDS = {"topics": ("topic", r"[\r\n]+"), "villages": ("village", r"[\r\n,;]+")}


def as_stream(text, block_type, separator):
    items = [part.strip() for part in re.split(separator, text or "") if part.strip()]
    return [{"type": block_type, "value": item, "id": str(uuid.uuid4())} for item in items]


def as_text(stream, field):
    values = [item.get("value", "") for item in stream or [] if isinstance(item, dict)]
    return ("\n" if field == "topics" else ", ").join(values)


def _revisions(apps):
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    news_type = ContentType.objects.filter(app_label="news", model="newspage").first()
    return Revision.objects.filter(content_type=news_type) if news_type else Revision.objects.none()


def to_lists(apps, schema_editor):
    NewsPage = apps.get_model("news", "NewsPage")
    for page in NewsPage.objects.all():
        for field, (block_type, separator) in FIELDS.items():
            setattr(page, field, as_stream(getattr(page, f"{field}_text"), block_type, separator))
        page.save(update_fields=list(FIELDS))
    for revision in _revisions(apps):
        content = revision.content
        changed = False
        for field, (block_type, separator) in FIELDS.items():
            if isinstance(content.get(field), str):
                content[field] = as_stream(content[field], block_type, separator)
                changed = True
        if changed:
            revision.save(update_fields=["content"])


def to_text(apps, schema_editor):
    NewsPage = apps.get_model("news", "NewsPage")
    for page in NewsPage.objects.all():
        for field in FIELDS:
            raw = getattr(page, field).raw_data if getattr(page, field) else []
            setattr(page, f"{field}_text", as_text(list(raw), field))
        page.save(update_fields=[f"{field}_text" for field in FIELDS])
    for revision in _revisions(apps):
        content = revision.content
        for field in FIELDS:
            if isinstance(content.get(field), list):
                content[field] = as_text(content[field], field)
        revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0003_press_page_permissions_on_news_and_standard_pages"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.RenameField("newspage", "topics", "topics_text"),
        migrations.RenameField("newspage", "villages", "villages_text"),
        migrations.AddField(
            model_name="newspage",
            name="topics",
            field=wagtail.fields.StreamField(
                [("topic", 0)],
                blank=True,
                block_lookup={0: ("wagtail.blocks.CharBlock", (), {"label": "topic", "max_length": 200})},
                help_text="One topic an item, e.g. founding an NGO, writing a project.",
                verbose_name="topics discussed",
            ),
        ),
        migrations.AddField(
            model_name="newspage",
            name="villages",
            field=wagtail.fields.StreamField(
                [("village", 0)],
                blank=True,
                block_lookup={0: ("wagtail.blocks.CharBlock", (), {"label": "village", "max_length": 120})},
                help_text="Villages whose residents took part, one village an item.",
                verbose_name="villages",
            ),
        ),
        migrations.RunPython(to_lists, to_text),
        migrations.RemoveField("newspage", "topics_text"),
        migrations.RemoveField("newspage", "villages_text"),
    ]
