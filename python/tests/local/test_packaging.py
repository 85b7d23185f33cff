"""The package's version follows the Maven build's, and the jar it names is the Maven build's."""
import os
import xml.etree.ElementTree as ET

import numspark
from numspark._version import python_version
from support import ROOT


def test_jar_version_is_the_maven_version():
    pom = ET.parse(os.path.join(ROOT, "pom.xml")).getroot()
    maven = pom.find("{http://maven.apache.org/POM/4.0.0}version").text.strip()
    assert numspark.JAR_VERSION == maven
    assert numspark.__version__ == python_version(maven)


def test_python_version_of_maven_versions():
    assert python_version("0.1.0-SNAPSHOT") == "0.1.0.dev0"
    assert python_version("0.2.0") == "0.2.0"


def test_maven_coordinates_name_the_library_artifact():
    assert numspark.maven_coordinates() == f"dev.numspark:numspark-spark-4.0_2.13:{numspark.JAR_VERSION}"
