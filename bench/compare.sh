#!/usr/bin/env bash
# Pintu against a peer: the same first contact on grammY (bench/peer/), side by side.
# Builds what is needed, then runs each bot in its own process, one after the other, against
# a fresh Bot API double on loopback (long polling on both sides) and prints one table.
#   bench/compare.sh                       pintu, grammy-file, grammy-memory (about 8 min, build included)
#   bench/compare.sh bots=pintu,grammy-file rate=50 saturationSeconds=30
#   bench/compare.sh interleave=5          saturated windows in turns, pintu vs grammy-file (about 7 min):
#                                          the ratio per round, so the VM's drift cancels
# Options (key=value): bots, rate, rateSeconds, warmupSeconds, thinkMinMs, thinkMaxMs,
# saturationSeconds, concurrency, openFamilies, openSeconds, pintuJvm, pintuStoreSettings
# (appended to Pintu's H2 URL, e.g. ";CACHE_SIZE=32768"), node, samples (a folder: every latency with
# its push time, per bot and phase, to line the tail up with a GC log); interleave (rounds),
# settleSeconds, windowSeconds (warmupSeconds is 90 there, after the 10,000 opened).
# Output: the console and target/compare/result.txt; each bot's log in target/compare/<bot>.log.
# See docs/PERFORMANCE.md ("Pintu against a peer").
set -euo pipefail
cd "$(dirname "$0")/.."

die() { echo "compare.sh: $*" >&2; exit 2; }
command -v java >/dev/null || die "java is not on PATH (Java 17 or newer is needed)"
command -v mvn >/dev/null || die "mvn is not on PATH"
command -v node >/dev/null || die "node is not on PATH: install Node.js 18 or newer (e.g. apt-get install nodejs npm)"
command -v npm >/dev/null || die "npm is not on PATH: install npm (e.g. apt-get install npm)"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 18 ] || die "node $(node --version) is too old: grammY needs Node.js 18 or newer"

mkdir -p target/compare
echo "== building the peer (bench/peer: npm ci)"
( cd bench/peer && { npm ci --offline --no-audit --no-fund --loglevel=error >/dev/null 2>&1 \
    || npm ci --no-audit --no-fund --loglevel=error; } ) || die "npm ci failed in bench/peer"

echo "== building Pintu (target/pintu.jar) and the driver's class path"
# Offline first; the packaging plugins may not be in the local repository yet.
{ mvn -q -B -o package -DskipTests >/dev/null 2>&1 || mvn -q -B package -DskipTests; } || die "mvn package failed"
{ mvn -q -B -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null 2>&1 \
    || mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/cp.txt; } || die "mvn dependency:build-classpath failed"

echo "== $(date -u +%Y-%m-%dT%H:%MZ)  $(nproc) cores  $(free -m | awk '/Mem:/{print $2}') MB  $(uptime | sed 's/.*load/load/')"
echo "== $(java -version 2>&1 | head -1); node $(node --version); $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p')"

# The driver kills its children on exit (shutdown hook); the trap also stops the driver
# itself when this script is interrupted, and `timeout` bounds the whole run.
driver=""
cleanup() {
  [ -n "$driver" ] && kill "$driver" 2>/dev/null
  wait 2>/dev/null || true
  # A bot whose driver died without running its shutdown hook: its pid file is still there.
  for f in target/compare/*.log.pid; do
    [ -f "$f" ] || continue
    pid=$(cat "$f"); rm -f "$f"
    kill "$pid" 2>/dev/null && echo "compare.sh: stopped leftover bot process $pid ($f)" >&2
  done
  return 0
}
trap cleanup EXIT INT TERM
timeout --signal=TERM --kill-after=20 "${COMPARE_TIMEOUT_SECONDS:-540}" \
  java -Xms512m -Xmx3g -cp "target/test-classes:target/classes:$(cat target/cp.txt)" \
  id.pintu.bench.PeerCompare "$@" > >(tee target/compare/result.txt) 2>&1 &
driver=$!
set +e
wait "$driver"
code=$?
driver=""
set -e
[ "$code" -eq 124 ] && echo "compare.sh: stopped after ${COMPARE_TIMEOUT_SECONDS:-540} s" >&2
exit "$code"
