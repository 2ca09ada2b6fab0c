"""The vectors of every published story, kept in this process and in one file.

Fitting the model reads every story (a minute or more at 100,000), so the
fitted index is saved to settings.NEWSDESK_RELATED_INDEX_PATH and reused. The
worker reloads the file when a rebuild has replaced it, refits once it is
older than NEWSDESK_RELATED_REFIT_HOURS (new names and words enter the
vocabulary only then), and before each use brings its copy level with the
database: stories published or edited since are embedded with the fitted
model, withdrawn ones dropped.
"""

import os
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import joblib
import sklearn
from django.conf import settings

from .engine import StoryVectors, TextModel
from .selectors import StoryDocument, stories_published_stamps, story_documents

# Latent dimensions: enough to keep topics apart, few enough for a fast full rebuild.
DIMENSIONS = 256


@dataclass
class StoryIndex:
    vectors: StoryVectors
    stamps: dict[int, datetime]
    fitted_at: float
    library_version: str = sklearn.__version__

    def put(self, documents: list[StoryDocument]) -> None:
        if not documents:
            return
        self.vectors.put(
            ids=[d.id for d in documents],
            published=[d.first_published_at.timestamp() for d in documents],
            texts=[d.text for d in documents],
        )
        self.stamps.update((d.id, d.last_published_at) for d in documents)

    def drop(self, ids: set[int]) -> None:
        if ids:
            self.vectors.drop(list(ids))
            for story_id in ids:
                self.stamps.pop(story_id, None)


_loaded: dict[str, tuple[float, StoryIndex]] = {}


def index_fit() -> StoryIndex:
    """Fit the model on every published story and embed them all."""
    documents = list(story_documents())
    model = TextModel.fit([d.text for d in documents], dimensions=DIMENSIONS)
    index = StoryIndex(vectors=StoryVectors(model=model), stamps={}, fitted_at=time.time())
    index.put(documents)
    return index


def index_save(index: StoryIndex) -> None:
    """Write the index where every process finds it, replacing the old file in one step."""
    path = Path(settings.NEWSDESK_RELATED_INDEX_PATH)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    joblib.dump(index, partial)
    os.replace(partial, path)
    _loaded[str(path)] = (path.stat().st_mtime, index)


def _index_load(path: Path) -> StoryIndex | None:
    if not path.exists():
        return None
    mtime = path.stat().st_mtime
    cached = _loaded.get(str(path))
    if cached and cached[0] == mtime:
        return cached[1]
    index = joblib.load(path)
    if index.library_version != sklearn.__version__:
        return None
    _loaded[str(path)] = (mtime, index)
    return index


def index_current() -> StoryIndex:
    """Return the index level with the database, loading or fitting it when needed."""
    path = Path(settings.NEWSDESK_RELATED_INDEX_PATH)
    index = _index_load(path)
    max_age = settings.NEWSDESK_RELATED_REFIT_HOURS * 3600
    if index is None or time.time() - index.fitted_at > max_age:
        index = index_fit()
        index_save(index)
        return index
    published = stories_published_stamps()
    index.drop(set(index.stamps) - set(published))
    changed = [pk for pk, stamp in published.items() if index.stamps.get(pk) != stamp]
    if changed:
        index.put(list(story_documents(ids=changed)))
    return index
