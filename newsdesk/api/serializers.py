"""The API's fields, named for what a news app shows; every one reads data loaded in bulk."""

import datetime
from urllib.parse import urlencode

from django.urls import reverse
from rest_framework import serializers
from wagtail.api.utils import get_full_url
from wagtail.api.v2.utils import get_object_detail_url

from newsdesk.articles.models import ArticlePage, Author, SectionPage

from .body import body_data
from .images import PHOTO_RENDITIONS, image_data, renditions_data

UTC = datetime.UTC
utc_time = serializers.DateTimeField(default_timezone=UTC)


def _detail_url(serializer, model, pk) -> str:
    context = serializer.context
    return get_object_detail_url(context["router"], context["request"], model, pk)


def _stories_url(serializer, **filters) -> str:
    listing = get_full_url(serializer.context["request"], reverse("api:stories:listing"))
    return f"{listing}?{urlencode(filters)}"


class SectionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    detail_url = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()
    title = serializers.CharField()
    slug = serializers.CharField()
    intro = serializers.CharField()
    stories_url = serializers.SerializerMethodField()

    def get_detail_url(self, section):
        return _detail_url(self, SectionPage, section.pk)

    def get_url(self, section):
        return section.get_full_url(self.context["request"])

    def get_stories_url(self, section):
        return _stories_url(self, section=section.slug)


class AuthorSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    detail_url = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()
    name = serializers.CharField()
    slug = serializers.CharField()
    job_title = serializers.CharField()
    bio = serializers.CharField()
    photo = serializers.SerializerMethodField()
    stories_url = serializers.SerializerMethodField()

    def get_detail_url(self, author):
        return _detail_url(self, Author, author.pk)

    def get_url(self, author):
        return get_full_url(self.context["request"], author.get_absolute_url())

    def get_photo(self, author):
        if author.photo is None:
            return None
        request = self.context["request"]
        return {
            "alt": author.photo.default_alt_text,
            "renditions": renditions_data(
                image=author.photo, specs=PHOTO_RENDITIONS, request=request
            ),
        }

    def get_stories_url(self, author):
        return _stories_url(self, author=author.slug)


class StorySerializer(serializers.Serializer):
    """A story as a list shows it."""

    id = serializers.IntegerField()
    detail_url = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()
    headline = serializers.CharField(source="title")
    deck = serializers.CharField()
    section = serializers.SerializerMethodField()
    authors = serializers.SerializerMethodField()
    tags = serializers.SerializerMethodField()
    first_published_at = serializers.DateTimeField(default_timezone=UTC)
    updated_at = serializers.DateTimeField(default_timezone=UTC)
    lead_image = serializers.SerializerMethodField()
    notice = serializers.SerializerMethodField()

    def get_detail_url(self, story):
        return _detail_url(self, ArticlePage, story.pk)

    def get_url(self, story):
        return story.get_full_url(self.context["request"])

    def get_section(self, story):
        section = story.section
        if section is None:
            return None
        return {
            "id": section.pk,
            "title": section.title,
            "slug": section.slug,
            "url": section.get_full_url(self.context["request"]),
        }

    def get_authors(self, story):
        request = self.context["request"]
        return [
            {
                "id": link.author.pk,
                "name": link.author.name,
                "slug": link.author.slug,
                "url": get_full_url(request, link.author.get_absolute_url()),
            }
            for link in story.author_links
        ]

    def get_tags(self, story):
        request = self.context["request"]
        tags = sorted(story.tags.all(), key=lambda tag: tag.name.casefold())
        return [
            {
                "name": tag.name,
                "slug": tag.slug,
                "url": get_full_url(request, reverse("articles:tag", args=[tag.slug])),
            }
            for tag in tags
        ]

    def get_lead_image(self, story):
        if story.lead_image is None:
            return None
        return image_data(
            image=story.lead_image,
            caption=story.caption,
            credit=story.lead_image.credit,
            request=self.context["request"],
        )

    def get_notice(self, story):
        if not story.notice_kind:
            return None
        date = story.notice_date
        return {
            "kind": story.notice_kind,
            "text": story.notice_text,
            "date": utc_time.to_representation(date) if date else None,
        }


class StoryDetailSerializer(StorySerializer):
    """A story as its own page shows it: the list's fields and the body."""

    body = serializers.SerializerMethodField()

    def get_body(self, story):
        return body_data(story.body, context=self.context)
