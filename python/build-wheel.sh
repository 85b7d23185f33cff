#!/usr/bin/env bash
# Builds python/dist/numspark-<version>-py3-none-any.whl with the numspark Spark library jar inside.
#
#   python/build-wheel.sh            # runs the Maven package first if the jar is missing
#   PYTHON=/path/to/python MVN_ARGS=-o python/build-wheel.sh
#
# The Maven version (the parent pom.xml's <version>) is the one place the version is set; the
# package's numspark/_version.py must name the same (checked here), and the wheel's version is
# derived from it (0.1.0-SNAPSHOT -> 0.1.0.dev0).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
python="${PYTHON:-python3}"

maven_version="$("$python" - "$root/pom.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"m": "http://maven.apache.org/POM/4.0.0"}
print(ET.parse(sys.argv[1]).getroot().find("m:version", ns).text.strip())
PY
)"
python_jar_version="$(sed -n 's/^JAR_VERSION = "\(.*\)"$/\1/p' "$here/src/numspark/_version.py")"
if [[ "$maven_version" != "$python_jar_version" ]]; then
  echo "build-wheel: pom.xml says $maven_version but python/src/numspark/_version.py says" \
       "JAR_VERSION = \"$python_jar_version\"; make them equal" >&2
  exit 1
fi

# Today one Spark line: 4.0 / Scala 2.13 (numspark/_version.py SPARK_LINES lists what is shipped).
jar="$root/spark-library/target/numspark-spark-4.0_2.13-$maven_version.jar"
if [[ ! -f "$jar" ]]; then
  (cd "$root" && mvn -B -q ${MVN_ARGS:-} -DskipTests -pl spark-library -am package)
fi

rm -f "$here"/src/numspark/jars/*.jar
cp "$jar" "$here/src/numspark/jars/"
rm -rf "$here/build" "$here"/src/*.egg-info "$here"/dist/numspark-*.whl
"$python" -m pip wheel -q --disable-pip-version-check --no-deps -w "$here/dist" "$here"
ls "$here"/dist/numspark-*.whl
