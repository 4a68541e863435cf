#!/usr/bin/env bash
# Load driver for the Telegram service: the Bot API double and the real service in one JVM,
# H2 file in a fresh temp folder per run, loopback only. Each phase is bounded (<= 60 s).
#   bench/service-load.sh              every phase, each in its own JVM: long polling a, b, c; webhook a, b
#   bench/service-load.sh polling phases=b rate=500 rateSeconds=40
#   bench/service-load.sh webhook phases=a saturationFamilies=4000
#   bench/service-load.sh webhook store=postgres nodes=2 phases=a    two nodes on one PostgreSQL (PINTU_TEST_PG_URL)
#   bench/service-load.sh webhook store=postgres connections=40      one node, 40 deliveries in flight
# Phases: a = saturation updates/s, b = p50/p99 at a fixed rate, c = heap per 10,000 sessions.
# Extra JVM flags via JAVA_OPTS (e.g. JAVA_OPTS='-XX:StartFlightRecording=filename=target/bench.jfr').
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
echo "# $(date -u +%Y-%m-%dT%H:%MZ)  nproc=$(nproc)  mem=$(free -m | awk '/Mem:/{print $2}')MB  uptime:$(uptime)"
java -version 2>&1 | head -1
run() {
  env PINTU_LOG_LEVEL="${PINTU_LOG_LEVEL:-WARN}" java -Xms1g -Xmx1g ${JAVA_OPTS:-} \
    -cp "target/test-classes:target/classes:$(cat target/cp.txt)" \
    id.pintu.bench.ServiceLoadDriver "$@" 2>&1 | grep -v "newer than the version Flyway"
}
if [ $# -gt 0 ]; then
  run "$@"
else
  for args in "polling phases=a" "polling phases=b" "polling phases=c" "webhook phases=a" "webhook phases=b"; do
    # shellcheck disable=SC2086
    run $args
  done
fi
