#!/usr/bin/env bash
# Builds the JMH benchmarks (bench/jmh, enabled by the parent's -Pbench profile) and runs them with modest
# settings suited to a small shared machine. Extra arguments go to JMH, e.g. a benchmark regex:
#   bench/run-jmh.sh RequestDecodeBenchmark
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -Pbench -DskipTests package
exec java -jar bench/jmh/target/benchmarks.jar -f 1 -wi 3 -i 5 -w 1s -r 1s "$@"
