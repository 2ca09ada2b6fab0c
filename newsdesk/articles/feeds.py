"""RSS 2.0 and Atom feeds of the newest stories: site-wide, per section, author and tag."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed, Enclosure
from taggit.models import Tag

from newsdesk.core.visibility import without_view_restrictions

from .models import Author, SectionPage
from .selectors import (
    articles_by_author,
    articles_by_tag,
    articles_for_feed,
    articles_published,
)

FEED_LENGTH = 50
ENCLOSURE_FILTER = "width-1200"


class StoryFeed(Feed):
    """The site's newest stories; subclasses narrow the stories and name the feed."""

    description_template = None

    def title(self, obj=None):
        return settings.WAGTAIL_SITE_NAME

    def link(self, obj=None):
        return "/"

    def description(self, obj=None):
        return f"The newest stories from {settings.WAGTAIL_SITE_NAME}."

    def stories(self, obj):
        return articles_published()

    def items(self, obj=None):
        return articles_for_feed(
            stories=self.stories(obj), limit=FEED_LENGTH, image_filter=ENCLOSURE_FILTER
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.deck

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at

    def item_author_name(self, item):
        return " and ".join(link.author.name for link in item.author_links) or None

    def item_categories(self, item):
        labels = [item.section.title] if item.section else []
        return labels + [tag.name for tag in item.tags.all()]

    def item_enclosures(self, item):
        if not item.lead_image:
            return []
        rendition = item.lead_image.get_rendition(ENCLOSURE_FILTER)
        return [Enclosure(rendition.full_url, str(rendition.file.size), "image/jpeg")]


class AtomStoryFeed(StoryFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj=None):
        return self.description(obj)


class SectionFeedMixin:
    def get_object(self, request, slug):
        return get_object_or_404(without_view_restrictions(SectionPage.objects.live()), slug=slug)

    def title(self, obj=None):
        return f"{obj.title} | {settings.WAGTAIL_SITE_NAME}"

    def link(self, obj=None):
        return obj.url

    def stories(self, obj):
        return articles_published().filter(section=obj)


class AuthorFeedMixin:
    def get_object(self, request, slug):
        return get_object_or_404(Author, slug=slug)

    def title(self, obj=None):
        return f"Stories by {obj.name} | {settings.WAGTAIL_SITE_NAME}"

    def link(self, obj=None):
        return obj.get_absolute_url()

    def stories(self, obj):
        return articles_by_author(author=obj)


class TagFeedMixin:
    def get_object(self, request, slug):
        return get_object_or_404(Tag, slug=slug)

    def title(self, obj=None):
        return f"{obj.name} | {settings.WAGTAIL_SITE_NAME}"

    def link(self, obj=None):
        return f"/tags/{obj.slug}/"

    def stories(self, obj):
        return articles_by_tag(slug=obj.slug)


class SectionRssFeed(SectionFeedMixin, StoryFeed):
    pass


class SectionAtomFeed(SectionFeedMixin, AtomStoryFeed):
    pass


class AuthorRssFeed(AuthorFeedMixin, StoryFeed):
    pass


class AuthorAtomFeed(AuthorFeedMixin, AtomStoryFeed):
    pass


class TagRssFeed(TagFeedMixin, StoryFeed):
    pass


class TagAtomFeed(TagFeedMixin, AtomStoryFeed):
    pass
