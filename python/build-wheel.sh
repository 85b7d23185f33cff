#!/usr/bin/env bash
# Builds python/dist/numspark-<version>-py3-none-any.whl with numspark Spark library jars inside
# (numspark/jars/numspark-spark-LINE_SCALA-<version>.jar; numspark.session() picks the one of the
# running pyspark's Spark line and Scala version).
#
#   python/build-wheel.sh                      # the default line (4.0_2.13) only: the jar of the
#                                              # Maven build (spark-library/target), built if missing
#   python/build-wheel.sh --lines all          # the release wheel: every line, built here with
#                                              # bin/numspark dist into a temporary directory
#   python/build-wheel.sh --lines 3.5_2.12,4.1_2.13
#   python/build-wheel.sh --dist DIR           # every line's jar found in DIR, a directory that
#                                              # bin/numspark dist DIR [--lines ...] wrote
#   PYTHON=/path/to/python MVN_ARGS=-o python/build-wheel.sh
#
# Every wheel carries the default line's jar: when the lines asked for do not include it, it comes
# from the Maven build as without options. The Maven version (the parent pom.xml's <version>) is
# the one place the version is set; the package's numspark/_version.py must name the same (checked
# here), and the wheel's version is derived from it (0.1.0-SNAPSHOT -> 0.1.0.dev0).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
python="${PYTHON:-python3}"

usage() {
  echo "usage: python/build-wheel.sh [--lines all|LINE,LINE,... | --dist DIR]" >&2
  echo "  (lines: $(sed -n 's/^LINES = (\(.*\))$/\1/p' "$here/src/numspark/_version.py" | tr -d '" '))" >&2
  exit 2
}
lines=""
dist=""
while (($#)); do
  case "$1" in
    --lines) [[ $# -ge 2 ]] || usage; lines="$2"; shift 2 ;;
    --dist) [[ $# -ge 2 ]] || usage; dist="$2"; shift 2 ;;
    -h|--help) usage ;;
    *) echo "build-wheel: unknown argument '$1'" >&2; usage ;;
  esac
done
if [[ -n $lines && -n $dist ]]; then
  echo "build-wheel: give --lines or --dist, not both" >&2
  exit 2
fi

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
default_line="$(sed -n 's/^DEFAULT_LINE = "\(.*\)"$/\1/p' "$here/src/numspark/_version.py")"

# --lines: bin/numspark dist builds them (each line into its own target-LINE/ directories).
if [[ -n $lines ]]; then
  dist="$(mktemp -d)"
  trap 'rm -rf "$dist"' EXIT
  if [[ $lines == all ]]; then
    "$root/bin/numspark" dist "$dist"
  else
    "$root/bin/numspark" dist "$dist" --lines "$lines"
  fi
fi

jars=()
if [[ -n $dist ]]; then
  [[ -d $dist ]] || { echo "build-wheel: no directory $dist" >&2; exit 1; }
  shopt -s nullglob
  jars=("$dist"/dev/numspark/numspark-spark-*/"$maven_version"/numspark-spark-*_2.1?-"$maven_version".jar)
  shopt -u nullglob
  if ((${#jars[@]} == 0)); then
    echo "build-wheel: $dist has no numspark-spark-*-$maven_version.jar (write it with" \
         "bin/numspark dist $dist [--lines ...])" >&2
    exit 1
  fi
fi

# The default line's jar, unless the lines above have it: the Maven build's.
default_jar="numspark-spark-$default_line-$maven_version.jar"
if [[ " ${jars[*]##*/} " != *" $default_jar "* ]]; then
  jar="$root/spark-library/target/$default_jar"
  if [[ ! -f "$jar" ]]; then
    (cd "$root" && mvn -B -q ${MVN_ARGS:-} -DskipTests -pl spark-library -am package)
  fi
  jars+=("$jar")
fi

rm -f "$here"/src/numspark/jars/*.jar
cp "${jars[@]}" "$here/src/numspark/jars/"
rm -rf "$here/build" "$here"/src/*.egg-info "$here"/dist/numspark-*.whl
"$python" -m pip wheel -q --disable-pip-version-check --no-deps -w "$here/dist" "$here"
echo "build-wheel: jars in the wheel: $(cd "$here/src/numspark/jars" && echo *.jar)"
ls "$here"/dist/numspark-*.whl
