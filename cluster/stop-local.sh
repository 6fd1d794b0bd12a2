#!/usr/bin/env bash
# Stops what cluster/start-local.sh started (by the pids it recorded), and the executors its workers started.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
state=${SPARK_STATE:-${MUONSCOPE_CLUSTER:-$here/target}/spark-state}
[ -d "$state" ] || exit 0
for f in "$state"/worker-*.pid "$state"/master.pid; do
  [ -e "$f" ] || continue
  pid=$(cat "$f")
  rm -f "$f"
  # the pid may be gone (a worker killed by a test) and reused: stop only Spark's own daemons
  [ -r /proc/"$pid"/cmdline ] && tr '\0' ' ' < /proc/"$pid"/cmdline | grep -q "org.apache.spark.deploy" || continue
  # a worker's executors are its children: stop them too, by parent pid
  for child in $(cat /proc/"$pid"/task/*/children 2>/dev/null); do kill "$child" 2>/dev/null; done
  kill "$pid" 2>/dev/null
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null
done
