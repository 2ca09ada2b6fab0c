"""Periodic jobs for the background worker.

Jobs are named in settings.NEWSDESK_WORKER_JOBS (dotted path -> interval in
seconds), so a feature app adds its job without core importing it.
"""

import logging
import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


@dataclass
class PeriodicJob:
    path: str
    interval: float
    last_run: float = float("-inf")

    def is_due(self, now: float) -> bool:
        return now - self.last_run >= self.interval

    def run(self, now: float) -> None:
        self.last_run = now
        _connections_refresh()
        try:
            import_string(self.path)()
        except Exception:
            # One failing job must not stop the others, nor the next attempt.
            logger.exception("Worker job %s failed", self.path)
        finally:
            _connections_refresh()


def _connections_refresh() -> None:
    # Inside a transaction (a caller's atomic block, as in tests) Django would see
    # autocommit off and close the connection under the caller; leave it alone there.
    if not connection.in_atomic_block:
        close_old_connections()


def jobs_from_settings() -> list[PeriodicJob]:
    return [
        PeriodicJob(path=path, interval=interval)
        for path, interval in settings.NEWSDESK_WORKER_JOBS.items()
    ]


def worker_run(*, jobs: list[PeriodicJob], stop: threading.Event, tick: float = 1.0) -> None:
    """Run each job when due until stop is set; a job never runs twice at once."""
    while not stop.is_set():
        now = time.monotonic()
        for job in jobs:
            if job.is_due(now):
                job.run(now)
        stop.wait(tick)
