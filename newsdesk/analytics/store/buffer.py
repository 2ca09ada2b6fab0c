"""Reads this process acknowledged but has not yet handed to its store.

Neither store turns every beacon into a write: an app process keeps accepted
reads here and a daemon thread hands them over in batches (one database
transaction, or Redis script calls of NEWSDESK_ANALYTICS_BUFFER_SIZE reads)
every NEWSDESK_ANALYTICS_BUFFER_MS milliseconds, or as soon as a batch is full.
Request threads only append, unless four batches wait. A process killed with -9
loses what waits here: at most one interval's reads or four batches. A clean stop drains at exit.
"""

import atexit
import logging
import threading
from abc import abstractmethod
from multiprocessing import util as multiprocessing_util

from django.conf import settings
from django.db import close_old_connections

from .base import Read, ReadBatch, ReadStore

logger = logging.getLogger(__name__)
# Past this, a database that keeps failing costs reads, not the process's memory.
MAX_WAITING = 50_000
# Batches waiting beyond which requests help write them.
BEHIND_BATCHES = 4


class ReadBuffer:
    def __init__(self):
        self._lock = threading.Lock()
        # One drain at a time per process, so the drain at exit waits for one in flight
        # instead of finding the buffer empty while that batch is still being written.
        self._drain_lock = threading.Lock()
        self._reads: list[Read] = []
        self._tallies = ReadBatch()
        self._thread: threading.Thread | None = None
        self._full = threading.Event()

    def add(self, read: Read) -> int:
        with self._lock:
            if len(self._reads) < MAX_WAITING:
                self._reads.append(read)
            else:
                self._tallies.add_tally(reason="dropped", at=read.at)
            return len(self._reads)

    def add_tally(self, *, reason: str, at: float) -> None:
        with self._lock:
            self._tallies.add_tally(reason=reason, at=at)

    def take(self, limit: int | None = None) -> tuple[list[Read], ReadBatch]:
        """Take up to limit reads (all when None), oldest first, and every tally."""
        with self._lock:
            reads = self._reads[:limit]
            del self._reads[: len(reads)]
            tallies, self._tallies = self._tallies, ReadBatch()
            return reads, tallies

    def drain(self, apply, *, batches: int | None = None) -> None:
        """Hand what waits to apply(reads, tallies) a batch at a time (all of it, or that
        many batches), so no write is huge; apply puts back a batch it fails to write."""
        with self._drain_lock:
            while batches is None or batches > 0:
                reads, tallies = self.take(max(settings.NEWSDESK_ANALYTICS_BUFFER_SIZE, 1))
                if not reads and not tallies:
                    return
                reads.sort(key=lambda read: read.at)
                apply(reads, tallies)
                batches = None if batches is None else batches - 1

    def put_back(self, reads: list[Read], tallies: ReadBatch) -> None:
        """Return a batch whose write failed, ahead of newer reads, for the next try."""
        with self._lock:
            self._reads = (reads + self._reads)[:MAX_WAITING]
            for (day, reason), count in tallies.tallies.items():
                key = (day, reason)
                self._tallies.tallies[key] = self._tallies.tallies.get(key, 0) + count

    def drainer_wake(self) -> None:
        self._full.set()

    def drainer_wait(self, seconds: float) -> None:
        """Sleep until the next tick or until a batch is full."""
        self._full.wait(seconds)
        self._full.clear()

    def drainer_ensure(self) -> None:
        """Start the thread that drains a quiet process, once per process."""
        if self._thread is not None and self._thread.is_alive():
            return
        with self._lock:
            if self._thread is not None and self._thread.is_alive():
                return
            self._thread = threading.Thread(
                target=_drain_forever, name="analytics-drain", daemon=True
            )
            self._thread.start()
            # A clean stop drains: atexit for a plain process; granian's workers are
            # multiprocessing children, which skip atexit but run these finalizers.
            atexit.register(_drain)
            multiprocessing_util.Finalize(None, _drain, exitpriority=10)


def _drain() -> None:
    from . import read_store  # the store for the current settings, which tests switch

    read_store().buffer_drain()


def _drain_forever() -> None:
    while True:
        read_buffer.drainer_wait(settings.NEWSDESK_ANALYTICS_BUFFER_MS / 1000)
        try:
            _drain()
        except Exception:
            # The reads went back into the buffer; the next tick tries again.
            logger.exception("Writing buffered reads failed")
        finally:
            close_old_connections()


read_buffer = ReadBuffer()


class BufferedStore(ReadStore):
    """A store that takes reads through this process's buffer and writes them in batches."""

    def record(self, *, read: Read) -> None:
        """Keep a read for the next batch, waking the drainer when a batch is full; with
        buffering off (NEWSDESK_ANALYTICS_BUFFER_MS <= 0) write it at once."""
        waiting = read_buffer.add(read)
        if settings.NEWSDESK_ANALYTICS_BUFFER_MS <= 0:
            self.buffer_drain()
            return
        read_buffer.drainer_ensure()
        batch = settings.NEWSDESK_ANALYTICS_BUFFER_SIZE
        if waiting >= batch:
            read_buffer.drainer_wake()
        if waiting >= BEHIND_BATCHES * batch:
            # The store takes reads slower than they come (SQLite under a burst): this
            # request writes a batch too, which slows intake to what the store can take
            # and keeps what a crash or stop could lose to a few batches.
            self.buffer_drain(batches=1)

    def tally(self, *, reason: str, at: float) -> None:
        read_buffer.add_tally(reason=reason, at=at)
        if settings.NEWSDESK_ANALYTICS_BUFFER_MS <= 0:
            self.buffer_drain()
        else:
            read_buffer.drainer_ensure()

    def buffer_drain(self, *, batches: int | None = None) -> None:
        read_buffer.drain(self.batch_write, batches=batches)

    @abstractmethod
    def batch_write(self, reads: list[Read], tallies: ReadBatch) -> None:
        """Write a batch, oldest read first; when that fails, put it back in the buffer
        and raise."""
