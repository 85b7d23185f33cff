#!/bin/bash
# Databricks cluster init script for numspark (Compute > your cluster > Advanced options >
# Init scripts; store this file in a Unity Catalog volume or the workspace).
#  1. Native OpenBLAS (pthreads build), which numspark's BLAS/LAPACK calls use and the numspark
#     plugin limits to each task's CPUs (spark.task.cpus), so tasks never oversubscribe cores.
#  2. The numspark jar on the driver's and executors' class path before Spark starts: needed for
#     spark.plugins and spark.sql.extensions (a cluster library is installed too late for them).
#     Set NUMSPARK_JAR in the cluster's environment variables to where you uploaded the jar.
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive
if ! dpkg -s libopenblas0-pthread >/dev/null 2>&1; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends libopenblas0-pthread
fi

NUMSPARK_JAR=${NUMSPARK_JAR:-/Volumes/main/default/libs/numspark-spark-4.0_2.13-0.2.0.jar}
if [[ ! -f $NUMSPARK_JAR ]]; then
  echo "init-numspark.sh: $NUMSPARK_JAR not found; set NUMSPARK_JAR to the uploaded jar" >&2
  exit 1
fi
cp "$NUMSPARK_JAR" /databricks/jars/
