"""StreamField blocks every page type shares.

Each block carries its icon, template, label and a preview value so that editors see
it in the block picker's preview.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from cms_plugins.locales import localized

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class RichTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "blocks/rich_text.html"
        preview_value = "<p>Текст абзаца с <b>выделением</b> и ссылкой.</p>"


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading")), ("h3", _("Subsection heading"))],
        default="h2",
        help_text=_("Pages have one main title; use these for sections inside it."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading.html"
        preview_value = {"text": "Как подать заявку", "level": "h2"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        required=False,
        help_text=_("What the image shows, for people who cannot see it. Leave empty only if it is decoration."),
    )
    decorative = blocks.BooleanBlock(
        label=_("Decorative only"), required=False, help_text=_("Tick if the image adds nothing to the text.")
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=250, required=False)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("alt") and not value.get("decorative"):
            raise StructBlockValidationError(
                block_errors={"alt": ValidationError(_("Describe the image, or mark it as decorative."))}
            )
        return value

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image.html"


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120, required=False)
    images = blocks.ListBlock(ImageBlock(), label=_("Images"), min_num=1, max_num=24)

    class Meta:
        icon = "image"
        label = _("Gallery")
        template = "blocks/gallery.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"), max_length=800)
    author = blocks.CharBlock(label=_("Who said it"), max_length=120, required=False)
    role = blocks.CharBlock(label=pgettext_lazy("quote author", "Their role"), max_length=160, required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote.html"
        preview_value = {"text": "Нам нужны знания о том, как писать проекты.", "author": "Участница встречи"}


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Video link"), help_text=_("A YouTube or Vimeo address."))
    title = blocks.CharBlock(
        label=_("Video title"), max_length=160, help_text=_("Read out by screen readers; say what the video is.")
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=250, required=False)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video.html"


class DocumentItemBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Title"), max_length=200, required=False, help_text=_("Leave empty to use the document's own title.")
    )


class DocumentListBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120, required=False)
    documents = blocks.ListBlock(DocumentItemBlock(), label=_("Documents"), min_num=1)

    class Meta:
        icon = "doc-full"
        label = _("Documents")
        template = "blocks/document_list.html"


class LinkStructValue(blocks.StructValue):
    def url(self):
        page = self.get("page")
        return localized(page).url if page else self.get("link_url")


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), max_length=400, required=False)
    button_label = blocks.CharBlock(label=_("Button label"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    link_url = blocks.URLBlock(label=_("Or an address"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("link_url")):
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or give an address, not both."))}
            )
        return value

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "blocks/call_to_action.html"
        value_class = LinkStructValue
        preview_value = {
            "title": "Конкурс малых грантов",
            "text": "Приём заявок открыт.",
            "button_label": "Подать заявку",
            "link_url": "https://example.org/",
        }


class FaqItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=250)
    answer = RichTextBlock(label=_("Answer"))


class FaqBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120, required=False)
    items = blocks.ListBlock(FaqItemBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "help"
        label = _("Questions and answers")
        template = "blocks/faq.html"
        preview_value = {
            "title": "Частые вопросы",
            "items": [{"question": "Кто может подать заявку?", "answer": "<p>Сельские НПО и инициативные группы.</p>"}],
        }


class FigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("Figure"), max_length=30, help_text=_("For example 655 or 570 000 ₸."))
    label = blocks.CharBlock(label=_("What it counts"), max_length=120)


class KeyFiguresBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120, required=False)
    figures = blocks.ListBlock(FigureBlock(), label=_("Figures"), min_num=1, max_num=8)

    class Meta:
        icon = "table"
        label = _("Key figures")
        template = "blocks/key_figures.html"
        preview_value = {
            "title": "Программа в цифрах",
            "figures": [{"value": "655", "label": "общественных объединений"}, {"value": "13", "label": "районов"}],
        }


class BaseContentBlock(blocks.StreamBlock):
    """The blocks every page body offers; page types may add their own."""

    rich_text = RichTextBlock()
    heading = HeadingBlock()
    image = ImageBlock()
    gallery = GalleryBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    documents = DocumentListBlock()
    call_to_action = CallToActionBlock()
    faq = FaqBlock()
    key_figures = KeyFiguresBlock()
