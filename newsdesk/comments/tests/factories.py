"""factory_boy factories for comments; stories come from the articles factories."""

import factory
from factory.django import DjangoModelFactory

from newsdesk.articles.tests.factories import ArticlePageFactory
from newsdesk.comments.identity import email_hash
from newsdesk.comments.models import Comment, Report


class CommentFactory(DjangoModelFactory):
    """An approved comment by default; pass status= for the others."""

    class Meta:
        model = Comment

    page = factory.SubFactory(ArticlePageFactory)
    name = factory.Faker("first_name")
    email = factory.LazyAttribute(lambda o: f"{o.name.lower()}@readers.example")
    email_hash = factory.LazyAttribute(lambda o: email_hash(email=o.email))
    visitor_hash = factory.Sequence(lambda n: f"visitor-{n:056d}")
    text = factory.Faker("sentence", nb_words=14)
    status = Comment.Status.APPROVED
    idempotency_key = factory.Sequence(lambda n: f"factory-{n}")


class ReportFactory(DjangoModelFactory):
    class Meta:
        model = Report

    comment = factory.SubFactory(CommentFactory)
    reporter_hash = factory.Sequence(lambda n: f"reporter-{n}")
    reason = Report.Reason.ABUSIVE


def bulk_comments(story, count):
    """Give a story `count` approved threads, every other one with a reply, in two queries."""
    Comment.objects.bulk_create(
        Comment(
            page=story,
            name=f"Reader {n}",
            email="r@readers.example",
            email_hash="e",
            visitor_hash="v",
            text=f"Comment {n}",
            status="approved",
            idempotency_key=f"bulk-{story.pk}-{n}",
        )
        for n in range(count)
    )
    tops = list(Comment.objects.filter(page=story)[:count])
    Comment.objects.bulk_create(
        Comment(
            page=story,
            parent=top,
            name="Replier",
            email="r@readers.example",
            email_hash="e",
            visitor_hash="v",
            text="A reply",
            status="approved",
            idempotency_key=f"bulk-reply-{top.pk}",
        )
        for top in tops[::2]
    )
