#!/usr/bin/env bash
# Load driver for the Telegram service: the Bot API double and the real service in one JVM,
# H2 file in a temp folder, loopback only. Each phase is bounded (<= 60 s).
#   bench/service-load.sh                 long polling, all phases (a saturation, b 500/s latency, c heap)
#   bench/service-load.sh webhook phases=ab
#   bench/service-load.sh polling rate=500 rateSeconds=40 saturationFamilies=8000
# Extra JVM flags via JAVA_OPTS (e.g. JAVA_OPTS='-XX:StartFlightRecording=duration=60s,filename=target/bench.jfr').
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
echo "# $(date -u +%Y-%m-%dT%H:%MZ)  nproc=$(nproc)  mem=$(free -m | awk '/Mem:/{print $2}')MB  uptime:$(uptime)"
java -version 2>&1 | head -1
exec env PINTU_LOG_LEVEL="${PINTU_LOG_LEVEL:-WARN}" java -Xms1g -Xmx1g ${JAVA_OPTS:-} \
  -cp "target/test-classes:target/classes:$(cat target/cp.txt)" \
  id.pintu.bench.ServiceLoadDriver "${@:-polling}"
