import threading
import time

import pytest

from newsdesk.core.worker import PeriodicJob, worker_run

CALLS = []


def record_call():
    CALLS.append(1)


def fail():
    raise RuntimeError("boom")


@pytest.fixture(autouse=True)
def _reset_calls():
    CALLS.clear()


@pytest.mark.django_db
def test_job_is_due_only_after_its_interval():
    job = PeriodicJob(path=f"{__name__}.record_call", interval=10)
    assert job.is_due(now=0)
    job.run(now=0)
    assert not job.is_due(now=9.9)
    assert job.is_due(now=10)
    assert CALLS == [1]


@pytest.mark.django_db
def test_a_failing_job_does_not_stop_the_others():
    stop = threading.Event()
    jobs = [
        PeriodicJob(path=f"{__name__}.fail", interval=0),
        PeriodicJob(path=f"{__name__}.record_call", interval=0),
    ]
    thread = threading.Thread(target=worker_run, kwargs={"jobs": jobs, "stop": stop, "tick": 0.01})
    thread.start()
    deadline = time.monotonic() + 5
    while len(CALLS) < 3 and time.monotonic() < deadline:
        time.sleep(0.01)
    stop.set()
    thread.join()
    assert len(CALLS) >= 3
