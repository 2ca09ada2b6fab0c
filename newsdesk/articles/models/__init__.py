from .authors import Author
from .images import NewsImage, NewsRendition
from .pages import (
    ArticleAuthor,
    ArticlePage,
    ArticlePageQuerySet,
    ArticleTag,
    HomePage,
    SectionPage,
)
from .picks import MustReadItem, MustReads

__all__ = [
    "ArticleAuthor",
    "ArticlePage",
    "ArticlePageQuerySet",
    "ArticleTag",
    "Author",
    "HomePage",
    "MustReadItem",
    "MustReads",
    "NewsImage",
    "NewsRendition",
    "SectionPage",
]
