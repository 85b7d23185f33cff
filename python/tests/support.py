"""The numspark jar the tests give Spark."""
import os

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def numspark_jar() -> str:
    """The jar inside the installed numspark package, or (running from the source tree, as a
    developer does) the one the Maven build left in spark-library/target."""
    import numspark
    from numspark._session import artifact
    try:
        return numspark.jar_path()
    except RuntimeError:
        path = os.path.join(ROOT, "spark-library", "target",
                            f"{artifact()}-{numspark.JAR_VERSION}.jar")
        if not os.path.isfile(path):
            pytest.exit(f"no numspark jar: build it (mvn package) or install the wheel; {path}")
        return path
