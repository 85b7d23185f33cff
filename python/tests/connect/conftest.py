"""A real Spark Connect server, started from pyspark's own distribution on loopback with the
numspark jar and extension, and a remote session to it. This suite runs in its own pytest process:
a Python process that has used Spark Connect keeps pyspark in Connect mode."""
import os
import socket
import subprocess
import time

import pytest

import numspark
import watchdog
from numspark._session import EXTENSION, JVM_OPTIONS, PLUGIN
from support import numspark_jar

STARTUP_SECONDS = 180


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def connect_server(tmp_path_factory):
    import pyspark
    home = os.path.dirname(pyspark.__file__)
    port = _free_port()
    log_path = tmp_path_factory.mktemp("connect") / "server.log"
    command = [
        os.path.join(home, "bin", "spark-submit"),
        "--class", "org.apache.spark.sql.connect.service.SparkConnectServer",
        "--master", "local[2]", "--jars", numspark_jar(),
        "--driver-java-options", " ".join(JVM_OPTIONS),
        "--conf", f"spark.sql.extensions={EXTENSION}", "--conf", f"spark.plugins={PLUGIN}",
        "--conf", "spark.connect.grpc.binding.address=127.0.0.1",
        "--conf", f"spark.connect.grpc.binding.port={port}",
        "--conf", "spark.ui.enabled=false", "--conf", "spark.sql.shuffle.partitions=4"]
    with open(log_path, "w") as log:
        server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT,
                                  env={**os.environ, "SPARK_HOME": home}, start_new_session=True)
    try:
        deadline = time.time() + STARTUP_SECONDS
        while "Spark Connect server started" not in log_path.read_text():
            if server.poll() is not None or time.time() > deadline:
                pytest.fail(f"Spark Connect server did not start:\n{log_path.read_text()[-3000:]}")
            time.sleep(0.5)
        # spark-submit execs the JVM, so the child's pid is the server's.
        yield {"url": f"sc://127.0.0.1:{port}", "pid": server.pid, "log": str(log_path),
               "kill": server.kill}
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


@pytest.fixture(scope="session")
def spark(connect_server):
    session = numspark.session(remote=connect_server["url"])
    yield session
    session.stop()


@pytest.fixture(autouse=True)
def deadline(request, connect_server):
    """A test that hangs ends the run with the server's threads and log (see watchdog.py)."""
    timer = watchdog.guard(request, lambda: connect_server["pid"],
                           connect_server["log"], connect_server["kill"])
    yield
    timer.cancel()
