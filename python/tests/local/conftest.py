import pytest

import numspark
from support import numspark_jar


@pytest.fixture(scope="session")
def spark():
    session = numspark.session("local[2]", "numspark-pytest", jars=numspark_jar(), config={
        "spark.ui.enabled": "false", "spark.sql.shuffle.partitions": "4"})
    yield session
    session.stop()
