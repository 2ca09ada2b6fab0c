"""Relatedness from text: latent semantic analysis (TF-IDF, then truncated SVD) and cosine.

Pure scikit-learn and numpy, no Django, so the bench scripts can measure the
same code on any corpus. A story's score for a candidate is

    score = cosine(story, candidate) * ((1 - w) + w * 2 ** (-age / h))

where age is how many days the candidate was published *before* the story
(0 when it came out the same day or later), w the recency weight and h the
half-life in days. With w = 0.5 and h = 30 an equally close story from a month
earlier scores 0.75 of a same-day one, and nothing falls below half: recency
breaks near-ties but cannot make an unrelated story related. Measuring age
from the story's own date, not from today, keeps a stored score true forever,
so lists need recomputing only when the stories change.
"""

from dataclasses import dataclass, field

import numpy as np
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize
from threadpoolctl import threadpool_limits

DAY = 86_400.0
# Candidates are first taken by plain cosine, then re-ordered with recency.
CANDIDATES = 100
# Rows of similarities computed at once: bounds memory to rows x stories floats.
CHUNK = 512
# One BLAS thread: the worker shares the cores with the web processes, and with
# more runnable threads than cores OpenBLAS's spinning threads made a small fit
# 20-30 times slower (measured on 2 cores under load).
single_threaded = threadpool_limits.wrap(limits=1, user_api="blas")


@dataclass(frozen=True)
class Recency:
    weight: float = 0.5
    half_life_days: float = 30.0

    def factor(self, age_days: np.ndarray) -> np.ndarray:
        decay = np.exp2(-np.maximum(age_days, 0.0) / self.half_life_days)
        return (1.0 - self.weight) + self.weight * decay


@dataclass
class TextModel:
    """Turns texts into unit vectors; fitted once on the corpus, then applied to new stories."""

    vectorizer: TfidfVectorizer
    svd: TruncatedSVD | None

    @classmethod
    @single_threaded
    def fit(cls, texts: list[str], *, dimensions: int) -> "TextModel":
        # Words in half the stories say nothing about a story; words in one alone match nothing.
        vectorizer = TfidfVectorizer(
            sublinear_tf=True,
            stop_words="english",
            min_df=2 if len(texts) > 20 else 1,
            max_df=0.5 if len(texts) > 20 else 1.0,
            dtype=np.float32,
        )
        matrix = vectorizer.fit_transform(texts)
        svd = None
        # A corpus smaller than the reduction is compared word for word instead.
        if min(matrix.shape) > dimensions:
            svd = TruncatedSVD(n_components=dimensions, random_state=0).fit(matrix)
        return cls(vectorizer=vectorizer, svd=svd)

    @single_threaded
    def embed(self, texts: list[str]) -> np.ndarray:
        matrix = self.vectorizer.transform(texts)
        vectors = self.svd.transform(matrix) if self.svd is not None else matrix.toarray()
        return normalize(vectors).astype(np.float32)


@dataclass
class StoryVectors:
    """Every published story's vector and publication time, row by row."""

    model: TextModel
    ids: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))
    published: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.float64))
    vectors: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.ids)

    def rows_of(self, ids) -> np.ndarray:
        """Return the row of each id, -1 for ids not held."""
        position = {int(story_id): row for row, story_id in enumerate(self.ids)}
        return np.array([position.get(int(i), -1) for i in ids], dtype=np.int64)

    def drop(self, ids) -> None:
        keep = ~np.isin(self.ids, ids)
        self.ids, self.published = self.ids[keep], self.published[keep]
        if self.vectors is not None:
            self.vectors = self.vectors[keep]

    def put(self, *, ids, published, texts: list[str]) -> None:
        """Add stories, or replace them when already held."""
        self.drop(ids)
        vectors = self.model.embed(texts)
        self.ids = np.concatenate([self.ids, np.asarray(ids, dtype=np.int64)])
        self.published = np.concatenate([self.published, np.asarray(published, dtype=np.float64)])
        self.vectors = vectors if self.vectors is None else np.vstack([self.vectors, vectors])

    @single_threaded
    def related(self, *, ids, limit: int, recency: Recency) -> dict[int, list[tuple[int, float]]]:
        """Return each held story's best `limit` others as (id, score), best first."""
        rows = self.rows_of(ids)
        rows = rows[rows >= 0]
        found: dict[int, list[tuple[int, float]]] = {}
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start : start + CHUNK]
            similarity = self.vectors[chunk] @ self.vectors.T
            similarity[np.arange(len(chunk)), chunk] = -np.inf
            for row, scores in zip(chunk, similarity, strict=True):
                found[int(self.ids[row])] = self._best(row, scores, limit, recency)
        return found

    def _best(
        self, row: int, scores: np.ndarray, limit: int, recency: Recency
    ) -> list[tuple[int, float]]:
        count = min(CANDIDATES, len(scores) - 1)
        if count <= 0:
            return []
        candidates = np.argpartition(scores, -count)[-count:]
        cosine = scores[candidates]
        age_days = (self.published[row] - self.published[candidates]) / DAY
        blended = cosine * recency.factor(age_days)
        best = np.argsort(-blended, kind="stable")[:limit]
        return [(int(self.ids[candidates[i]]), float(blended[i])) for i in best if cosine[i] > 0]
