#!/usr/bin/env bash
# Dialog engine throughput: steps per second on one thread (JMH). See docs/PERFORMANCE.md.
# Usage: bench/engine.sh [extra JMH options]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.openjdk.jmh.Main EngineBench -f 1 -wi 2 -i 3 -t 1 "$@"
