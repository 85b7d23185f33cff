import pytest

import numspark
import watchdog
from support import numspark_jar

# The local session's JVM, once started: what the watchdog dumps when a test hangs.
_jvm_pid = []


@pytest.fixture(scope="session")
def spark():
    session = numspark.session("local[2]", "numspark-pytest", jars=numspark_jar(), config={
        "spark.ui.enabled": "false", "spark.sql.shuffle.partitions": "4"})
    _jvm_pid.append(session._jvm.java.lang.ProcessHandle.current().pid())
    yield session
    session.stop()


@pytest.fixture(autouse=True)
def deadline(request):
    """A test that hangs ends the run with the JVM's threads (see watchdog.py)."""
    timer = watchdog.guard(request, lambda: _jvm_pid[-1] if _jvm_pid else None)
    yield
    timer.cancel()
