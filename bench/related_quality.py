"""Print precision@5 of You May Also Like: same topic among the five stories shown.

1. The demo corpus, through the real pipeline: `related_rebuild` (unless
   --no-rebuild), then the five stories each published demo story shows. The
   demo generator knows every story's topic from its slug.
2. Labelled corpora the generator did not write, through the same engine,
   if gensim's wheel is installed (`pip install gensim==4.4.0`; only its data
   files are read, nothing is downloaded): 200 posts from two Usenet groups
   (alt.atheism, sci.space) labelled by group, and the Lee corpus of 50 news
   stories whose pairs 83 people rated for similarity (precision@5 against
   each story's five highest-rated others).

Run against a demo database:
    NEWSDESK_VAR_DIR=/tmp/demo .venv/bin/python bench/related_quality.py
"""

import argparse
import copyreg
import importlib.util
import io
import os
import pickle
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

import numpy as np  # noqa: E402
from django.conf import settings  # noqa: E402

from newsdesk.articles.demo.build import DEMO_SEED  # noqa: E402
from newsdesk.articles.demo.stories import story_index  # noqa: E402
from newsdesk.articles.demo.text import story_topic  # noqa: E402
from newsdesk.articles.models import ArticlePage  # noqa: E402
from newsdesk.recommendations.engine import Recency, StoryVectors, TextModel  # noqa: E402
from newsdesk.recommendations.index import DIMENSIONS  # noqa: E402
from newsdesk.recommendations.models import RelatedStory  # noqa: E402
from newsdesk.recommendations.services import related_rebuild  # noqa: E402

SHOWN = settings.NEWSDESK_RELATED_LIMIT


def demo_precision(*, seed: int) -> tuple[float, int]:
    """Return precision@5 over every published demo story, and how many were scored."""
    published = dict(ArticlePage.objects.published().values_list("pk", "slug"))
    topic_of = {
        pk: story_topic(seed=seed, index=index).slug
        for pk, slug in published.items()
        if (index := story_index(slug=slug)) is not None
    }
    shown: dict[int, list[int]] = {}
    rows = RelatedStory.objects.filter(related_id__in=published.keys()).order_by("story", "rank")
    for story_id, related_id in rows.values_list("story_id", "related_id").iterator(10_000):
        if len(shown.setdefault(story_id, [])) < SHOWN:
            shown[story_id].append(related_id)
    hits = total = 0
    for story_id, related in shown.items():
        if story_id in topic_of:
            hits += sum(topic_of.get(r) == topic_of[story_id] for r in related)
            total += SHOWN
    return hits / total, total // SHOWN


def engine_top(texts: list[str], *, dimensions: int) -> dict[int, list[int]]:
    model = TextModel.fit(texts, dimensions=dimensions)
    vectors = StoryVectors(model=model)
    vectors.put(ids=list(range(len(texts))), published=[0.0] * len(texts), texts=texts)
    found = vectors.related(ids=list(range(len(texts))), limit=SHOWN, recency=Recency())
    return {story: [pk for pk, _ in top] for story, top in found.items()}


def gensim_data(name: str) -> Path | None:
    spec = importlib.util.find_spec("gensim")
    if spec is None:
        return None
    return Path(spec.submodule_search_locations[0]) / "test" / "test_data" / name


class _BunchUnpickler(pickle.Unpickler):
    """Read the pickled scikit-learn Bunch as a dict; nothing else may be loaded."""

    ALLOWED = {
        ("copy_reg", "_reconstructor"): copyreg._reconstructor,
        ("__builtin__", "dict"): dict,
        ("__builtin__", "object"): object,
        ("sklearn.datasets.base", "Bunch"): dict,
        ("numpy.core.multiarray", "_reconstruct"): np._core.multiarray._reconstruct,
        ("numpy", "ndarray"): np.ndarray,
        ("numpy", "dtype"): np.dtype,
    }

    def find_class(self, module, name):
        if (module, name) not in self.ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed")
        return self.ALLOWED[module, name]


def newsgroups_precision(path: Path, *, dimensions: int) -> float:
    bunch = _BunchUnpickler(io.BytesIO(zlib.decompress(path.read_bytes())), encoding="latin1")
    data = bunch.load()
    labels = np.asarray(data["target"])
    top = engine_top(list(data["data"]), dimensions=dimensions)
    hits = sum((labels[related] == labels[story]).sum() for story, related in top.items())
    return hits / (SHOWN * len(top))


def lee_precision(corpus: Path, ratings: Path) -> float:
    texts = corpus.read_text(encoding="latin1").splitlines()
    similarity = np.loadtxt(ratings)
    np.fill_diagonal(similarity, -1)
    top = engine_top(texts, dimensions=DIMENSIONS)
    hits = 0
    for story, related in top.items():
        human = set(np.argsort(-similarity[story])[:SHOWN])
        hits += len(human & set(related))
    return hits / (SHOWN * len(top))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-rebuild", action="store_true", help="Score the stored lists.")
    parser.add_argument("--seed", type=int, default=DEMO_SEED, help="The demo's seed.")
    options = parser.parse_args()
    if not options.no_rebuild:
        report = related_rebuild()
        print(
            f"rebuild: {report.stories} stories, fit {report.fit_seconds:.1f} s, "
            f"lists {report.lists_seconds:.1f} s"
        )
    precision, scored = demo_precision(seed=options.seed)
    print(f"demo corpus: precision@5 (same topic) {precision:.3f} over {scored} stories")

    newsgroups = gensim_data("mini_newsgroup")
    if newsgroups is None:
        print("labelled corpora: skipped, gensim is not installed (pip install gensim==4.4.0)")
        return
    for dimensions in (DIMENSIONS, 100):
        precision = newsgroups_precision(newsgroups, dimensions=dimensions)
        mode = "word for word" if dimensions >= 200 else f"LSA, {dimensions} dimensions"
        print(f"20 Newsgroups sample (2 groups, 200 posts, {mode}): precision@5 {precision:.3f}")
    agreement = lee_precision(gensim_data("lee.cor"), gensim_data("similarities0-1.txt"))
    print(f"Lee corpus (50 stories, human ratings): precision@5 vs human top 5 {agreement:.3f}")


if __name__ == "__main__":
    main()
