#!/usr/bin/env bash
# Measures the monitoring import over HTTP: a generated CSV of BENCH_ROWS (default 100,000) stays is posted to
# /monitoring/import by a reporter signed in with password and authenticator code, on SQLite and on PostgreSQL.
# Reports the time of the first import (all rows new), of the same file again (nothing added), and the app's
# resident memory before and its peak (VmHWM) after, which shows that the file is streamed, not held.
# PostgreSQL gets a private server on BENCH_PG_PORT (default 54394). See docs/benchmarks.md.
#
#   bench/monitoring-import.sh                         # the figures in docs/benchmarks.md
#   BENCH_ROWS=10000 bench/monitoring-import.sh        # a quick look
set -euo pipefail
cd "$(dirname "$0")/.."

rows=${BENCH_ROWS:-100000}
port=${BENCH_PORT:-5394}
pg_port=${BENCH_PG_PORT:-54394}
engines=${BENCH_ENGINES:-"Sqlite Postgres"}
base="http://127.0.0.1:$port"
out=bench/results
mkdir -p "$out"

echo "Building in Release…" >&2
dotnet publish src/Yhdessa/Yhdessa.csproj -c Release -o "$out/app" --nologo -v quiet >&2
dotnet build bench/Yhdessa.Bench/Yhdessa.Bench.csproj -c Release --nologo -v quiet >&2
bench_tool=bench/Yhdessa.Bench/bin/Release/net10.0/Yhdessa.Bench.dll

app_pid=
pg_data=
data=
cleanup() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  if [ -n "$pg_data" ]; then pg "$pg_bin/pg_ctl" -D "$pg_data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$pg_data"; fi
  [ -n "$data" ] && rm -rf "$data"
  return 0
}
trap cleanup EXIT

if [ "$(id -u)" -eq 0 ]; then pg() { runuser -u postgres -- "$@"; }; else pg() { "$@"; }; fi
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)

file="$out/stays-$rows.csv"
dotnet "$bench_tool" import-file "$file" "$rows"
size=$(du -h "$file" | cut -f1)
echo "Generated $file ($size)." >&2

results=()
for engine in $engines; do
  data=$(mktemp -d /tmp/yhdessa-import.XXXXXX)
  settings=(--Yhdessa:DataDirectory="$data" --Yhdessa:DemoData=false --Yhdessa:BaseUrl="$base")
  if [ "$engine" = Postgres ]; then
    pg_data=$(mktemp -d /tmp/yhdessa-bench-pg.XXXXXX)
    [ "$(id -u)" -eq 0 ] && chown postgres: "$pg_data"
    pg "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    pg "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w -o "-p $pg_port -k $pg_data -c listen_addresses=127.0.0.1" start >/dev/null
    settings+=(--Yhdessa:Database:Provider=Postgres "--ConnectionStrings:Yhdessa=Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=yhdessa_bench")
  fi

  setup=$(dotnet "$bench_tool" "${settings[@]}" --Bench:Organisations=0 --Bench:ImportSetup=true | sed -n 's/^Import setup: //p')
  read -r round unit key <<<"$setup"

  echo "[$engine] Starting the app…" >&2
  # The bench client acts as the TLS proxy in front of the app (X-Forwarded-Proto), as production has one.
  (cd "$out/app" && ASPNETCORE_ENVIRONMENT=Production exec dotnet Yhdessa.dll --urls "$base" "${settings[@]}" --Yhdessa:KnownProxies:0=127.0.0.1 \
    --Logging:LogLevel:Default=Warning --Logging:LogLevel:Yhdessa.Features.Monitoring.Import=Information) >"$out/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 120); do curl -fsS "$base/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
  before=$(awk '/VmRSS/ { printf "%.0f MB", $2 / 1024 }' "/proc/$app_pid/status")
  load=$(cut -d' ' -f1-3 /proc/loadavg)

  first=$(dotnet "$bench_tool" import "$base" "$key" "$round" "$unit" "$file")
  echo "[$engine] first import: $first" >&2
  again=$(dotnet "$bench_tool" import "$base" "$key" "$round" "$unit" "$file")
  echo "[$engine] same file again: $again" >&2
  peak=$(awk '/VmHWM/ { printf "%.0f MB", $2 / 1024 }' "/proc/$app_pid/status")
  # The importer logs how long it read and checked the file and how long it wrote: first import, then again.
  echo "[$engine] phases: $(grep -o 'read and checked in [0-9]* ms, saved in [0-9]* ms' "$out/app.log" | paste -sd';' -)" >&2
  results+=("| $engine | ${first%%;*} | ${again%%;*} | $before | $peak | $load |")

  kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=
  if [ "$engine" = Postgres ]; then pg "$pg_bin/pg_ctl" -D "$pg_data" -m fast stop >/dev/null; rm -rf "$pg_data"; pg_data=; fi
  rm -rf "$data"; data=
done

echo
echo "$rows rows ($size CSV), over HTTP as a signed-in reporter; $(nproc) cores; $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git rev-parse --short HEAD)"
echo
echo "| Engine | first import (all new) | same file again | app memory before | app peak (VmHWM) | load average at start |"
echo "| --- | ---: | ---: | ---: | ---: | --- |"
printf '%s\n' "${results[@]}"
