#!/usr/bin/env bash
# Crisis screen: microseconds per message with the default lexicon (JMH, one thread). See docs/PERFORMANCE.md.
# Usage: bench/screen.sh [extra JMH options]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.openjdk.jmh.Main ScreenBench -f 1 -wi 5 -w 1 -i 5 -r 1 -t 1 "$@"
