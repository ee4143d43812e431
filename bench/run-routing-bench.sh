#!/usr/bin/env bash
# Runs the routing benchmark against a Redis of its own (127.0.0.1, a free port), then stops that Redis.
# Usage: bench/run-routing-bench.sh [--tasks N] [--agents M] [--queues Q] [--workers W] [--rate R] [--seconds S] [--only throughput|latency]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dir="$(mktemp -d /tmp/routing-bench.XXXXXX)"

port=""
for candidate in $(seq 16500 16600); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[ -n "$port" ] || { echo "no free port in 16500-16600" >&2; exit 1; }

redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --daemonize yes \
  --dir "$dir" --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
stop() {
  if [ -f "$dir/redis.pid" ]; then kill "$(cat "$dir/redis.pid")" 2>/dev/null || true; fi
  # Wait for the port to close rather than for the pid.
  for _ in $(seq 50); do redis-cli -p "$port" ping >/dev/null 2>&1 || break; sleep 0.1; done
  rm -rf "$dir"
}
trap stop EXIT
for _ in $(seq 50); do [ "$(redis-cli -p "$port" ping 2>/dev/null)" = PONG ] && break; sleep 0.1; done

dotnet build -c Release "$here/Routing.Bench" -nologo -v q >/dev/null
"$here/Routing.Bench/bin/Release/net9.0/linux-x64/Routing.Bench" --port "$port" "$@"
