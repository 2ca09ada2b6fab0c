from .abuse import Ban, RateLimit, SpamToken
from .comments import Comment, Report
from .settings import CommentSettings, CommentThread

__all__ = ["Ban", "Comment", "CommentSettings", "CommentThread", "RateLimit", "Report", "SpamToken"]
