#!/usr/bin/env bash
# Starts a Spark standalone master on 127.0.0.1 and N workers (1 core, 1 GiB each) from the Maven-resolved jars of
# the cluster module (cluster/target/lib, made by 'mvn -B -q -DskipTests -Pcluster package'); downloads nothing.
# Prints the master URL on stdout. Ports are chosen free by Spark; logs, pids and work folders go to
# $SPARK_STATE (default cluster/target/spark-state). Stop with cluster/stop-local.sh.
set -euo pipefail
n=${1:-2}
here=$(cd "$(dirname "$0")" && pwd)
target=${MUONSCOPE_CLUSTER:-$here/target}
state=${SPARK_STATE:-$target/spark-state}
lib=$target/lib
if [ ! -d "$lib" ] || [ ! -f "$target/muonscope-spark.jar" ]; then
  echo "start-local.sh: $lib is missing: build the cluster module first (mvn -B -q -DskipTests -Pcluster package)" >&2
  exit 1
fi
if [ -e "$state/master.pid" ] && kill -0 "$(cat "$state/master.pid")" 2>/dev/null; then
  echo "start-local.sh: a cluster of this folder runs already ($state); stop it with stop-local.sh" >&2
  exit 1
fi
rm -rf "$state"
mkdir -p "$state/home" "$state/logs"
# SPARK_HOME's jars/ must be exactly the driver's Spark: executors are started from it, and classes of two Spark
# versions fail to deserialize each other
ln -s "$lib" "$state/home/jars"
export SPARK_HOME=$state/home SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_DIRS=$state/tmp
mkdir -p "$SPARK_LOCAL_DIRS"
opens="-XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector"
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
         java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  opens="$opens --add-opens=java.base/$p=ALL-UNNAMED"
done
# a killed worker is declared lost after this many seconds (Spark's default is a minute)
jvm="$opens -Xmx256m -Dspark.worker.timeout=10 -Dlog4j2.configurationFile=$here/local-log4j2.properties"

wait_for() { # file, text, what: bounded wait for a line in a log (the daemon writes it when it is up)
  for _ in $(seq 1 600); do
    if grep -q "$2" "$1" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "start-local.sh: $3 did not start in 60 s; see $1" >&2
  exit 1
}

java $jvm -cp "$lib/*" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 0 --webui-port 0 \
  > "$state/logs/master.log" 2>&1 &
echo $! > "$state/master.pid"
wait_for "$state/logs/master.log" "Starting Spark master at spark://" "the master"
url=$(grep -o "spark://127.0.0.1:[0-9]*" "$state/logs/master.log" | head -1)
for i in $(seq 1 "$n"); do
  mkdir -p "$state/work-$i"
  java $jvm -cp "$lib/*" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --port 0 --webui-port 0 \
    --cores 1 --memory 1g --work-dir "$state/work-$i" "$url" > "$state/logs/worker-$i.log" 2>&1 &
  echo $! > "$state/worker-$i.pid"
done
for i in $(seq 1 "$n"); do
  wait_for "$state/logs/worker-$i.log" "Successfully registered with master" "worker $i"
done
echo "$url"
