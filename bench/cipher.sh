#!/usr/bin/env bash
# Encryption at rest: microseconds to seal and open one value (JMH, one thread). See docs/PERFORMANCE.md.
# Usage: bench/cipher.sh [extra JMH options]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.openjdk.jmh.Main CipherBench -f 1 -wi 3 -w 1 -i 5 -r 2 -t 1 "$@"
