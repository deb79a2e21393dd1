#!/usr/bin/env bash
# The monitoring benchmark: 11 cities × 15 years of generated stays (just over 1,000,000 with the default
# BENCH_MOVES=5660 new residents per city and year) in the app's migrated schema, on SQLite and on PostgreSQL,
# and the national and municipal dashboard figures computed BENCH_RUNS (default 20) times each: p50, p95, max.
# PostgreSQL gets a private server on BENCH_PG_PORT (default 54445). See docs/benchmarks.md.
#
#   bench/monitoring.sh                                    # the figures in docs/benchmarks.md
#   BENCH_MOVES=500 BENCH_RUNS=5 bench/monitoring.sh       # a quick look
set -euo pipefail
cd "$(dirname "$0")/.."

moves=${BENCH_MOVES:-5660}
runs=${BENCH_RUNS:-20}
pg_port=${BENCH_PG_PORT:-54445}
engines=${BENCH_ENGINES:-"Sqlite Postgres"}

dotnet build bench/monitoring/MonitoringBench.csproj -c Release --nologo -v quiet >&2
tool=bench/monitoring/bin/Release/net10.0/MonitoringBench.dll

pg_data=
data=
cleanup() {
  if [ -n "$pg_data" ]; then pg "$pg_bin/pg_ctl" -D "$pg_data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$pg_data"; fi
  [ -n "$data" ] && rm -rf "$data"
  return 0
}
trap cleanup EXIT
if [ "$(id -u)" -eq 0 ]; then pg() { runuser -u postgres -- "$@"; }; else pg() { "$@"; }; fi
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)

echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
for engine in $engines; do
  data=$(mktemp -d /tmp/yhdessa-monitoring.XXXXXX)
  settings=(--Yhdessa:DataDirectory="$data" --Yhdessa:DemoData=false --Bench:Moves="$moves" --Bench:Runs="$runs")
  if [ "$engine" = Postgres ]; then
    pg_data=$(mktemp -d /tmp/yhdessa-monitoring-pg.XXXXXX)
    [ "$(id -u)" -eq 0 ] && chown postgres: "$pg_data"
    pg "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    pg "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w \
      -o "-p $pg_port -k $pg_data -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
    settings+=(--Yhdessa:Database:Provider=Postgres "--ConnectionStrings:Yhdessa=Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=bench")
    pg "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres bench
  fi
  echo "== $engine"
  dotnet "$tool" "${settings[@]}"
  echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ "$engine" = Postgres ]; then pg "$pg_bin/pg_ctl" -D "$pg_data" -m fast stop >/dev/null; rm -rf "$pg_data"; pg_data=; fi
  rm -rf "$data"; data=
done
