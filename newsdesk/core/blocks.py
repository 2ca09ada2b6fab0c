"""StreamField blocks any page type can use; no news concepts here."""

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "superscript", "subscript"]


class PullQuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(max_length=400)
    attribution = blocks.CharBlock(max_length=120, required=False)

    class Meta:
        icon = "openquote"
        template = "components/blocks/pull_quote.html"


class InlineImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    caption = blocks.CharBlock(
        max_length=300, required=False, help_text="Leave empty to use the image's own caption."
    )
    credit = blocks.CharBlock(
        max_length=120, required=False, help_text="Leave empty to use the image's own credit."
    )

    class Meta:
        icon = "image"
        template = "components/blocks/inline_image.html"


class LinkEmbedBlock(blocks.StructBlock):
    """A link shown as a card; built from what the editor types, so nothing is fetched."""

    url = blocks.URLBlock()
    title = blocks.CharBlock(max_length=200)
    summary = blocks.TextBlock(max_length=400, required=False)

    class Meta:
        icon = "link"
        template = "components/blocks/link_embed.html"


class StoryBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, template="components/blocks/paragraph.html"
    )
    subheading = blocks.CharBlock(
        max_length=150, icon="title", template="components/blocks/subheading.html"
    )
    pull_quote = PullQuoteBlock()
    image = InlineImageBlock()
    link_embed = LinkEmbedBlock()
