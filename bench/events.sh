#!/usr/bin/env bash
# The events benchmark of issue 3, on SQLite and on a private PostgreSQL: 2,000 guests register at once for an
# event with 500 seats (over HTTP, each with its own antiforgery token and cookie), the database is checked
# (exactly 500 confirmed, 1,500 waiting in arrival order, no failed request), and then wrk measures the
# anonymous event list /events and the calendar feed /events.ics with 5,000 events. The app runs from a Release
# publish in the Production environment. Prints one Markdown table per engine. See docs/benchmarks.md.
#
#   bench/events.sh                          # both engines, defaults below
#   BENCH_ENGINES=sqlite BENCH_DURATION=5s bench/events.sh   # a quick look
set -euo pipefail
cd "$(dirname "$0")/.."

engines=${BENCH_ENGINES:-sqlite postgres}
connections=${BENCH_CONNECTIONS:-32}
threads=${BENCH_THREADS:-2}
duration=${BENCH_DURATION:-15s}
warmup=${BENCH_WARMUP:-5s}
port=${BENCH_PORT:-5397}
pg_port=${BENCH_PG_PORT:-54397}
events=${BENCH_EVENTS:-5000}
attempts=${BENCH_ATTEMPTS:-2000}
seats=${BENCH_SEATS:-500}
concurrency=${BENCH_CONCURRENCY:-128}
base="http://127.0.0.1:$port"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v wrk >/dev/null; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
if [[ " $engines " == *" postgres "* ]] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

out=bench/results
mkdir -p "$out"
data= app_pid= pg_data=
if [ "$(id -u)" -eq 0 ]; then pg() { runuser -u postgres -- "$@"; }; else pg() { "$@"; }; fi
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
stop_all() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=; fi
  if [ -n "$pg_data" ]; then pg "$pg_bin/pg_ctl" -D "$pg_data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$pg_data"; pg_data=; fi
  if [ -n "$data" ]; then rm -rf "$data"; data=; fi
}
trap stop_all EXIT

echo "Building in Release…" >&2
dotnet publish src/Yhdessa/Yhdessa.csproj -c Release -o "$out/app" --nologo -v quiet >&2
dotnet build bench/Yhdessa.Bench/Yhdessa.Bench.csproj -c Release --nologo -v quiet >&2
bench_tool=bench/Yhdessa.Bench/bin/Release/net10.0/Yhdessa.Bench.dll

# measure URL [header…] → "req/s p50 p99 non2xx socket-errors"
measure() {
  local url=$1; shift
  wrk -t"$threads" -c"$connections" -d"$duration" --timeout 10s --latency "$@" "$url" >"$out/wrk.txt"
  awk '
    /Requests\/sec:/ { rps = $2 }
    /^ +50%/ { p50 = $2 }
    /^ +99%/ { p99 = $2 }
    /Non-2xx or 3xx responses:/ { non2xx += $NF }
    /Socket errors:/ { gsub(",", ""); sock = $4 + $6 + $8 + $10 }
    END { printf "%s %s %s %d %d\n", rps, p50, p99, non2xx, sock }' "$out/wrk.txt"
}

failed=0
for engine in $engines; do
  data=$(mktemp -d /tmp/yhdessa-evbench.XXXXXX)
  settings=(--Yhdessa:DataDirectory="$data" --Yhdessa:DemoData=false --Yhdessa:BaseUrl="$base")
  if [ "$engine" = postgres ]; then
    pg_data=$(mktemp -d /tmp/yhdessa-evbench-pg.XXXXXX)
    [ "$(id -u)" -eq 0 ] && chown postgres: "$pg_data"
    pg "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    # fsync stays on (unlike the test run): the registrations' commits are part of what is measured.
    pg "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w \
      -o "-p $pg_port -k $pg_data -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
    settings+=(--Yhdessa:Database:Provider=Postgres
      --ConnectionStrings:Yhdessa="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=yhdessa_bench")
    pg "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres yhdessa_bench
  fi

  echo "[$engine] Preparing $events events and the registration event…" >&2
  dotnet "$bench_tool" "${settings[@]}" --Bench:Organisations=0 --Bench:Events="$events" --Bench:Seats="$seats" >&2

  echo "[$engine] Starting the app on $base…" >&2
  # The guests' rate limit is per address and all guests come from 127.0.0.1: raised for this run only. The load
  # client plays the TLS proxy in front of the app (see BehindTlsProxy), as production has one.
  (cd "$out/app" && ASPNETCORE_ENVIRONMENT=Production exec dotnet Yhdessa.dll --urls "$base" "${settings[@]}" --Yhdessa:KnownProxies:0=127.0.0.1 \
    --Yhdessa:RateLimits:RegistrationPermitsPerMinute=1000000 --Logging:LogLevel:Default=Warning) >"$out/app-$engine.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 120); do
    if curl -fsS "$base/health/ready" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$app_pid" 2>/dev/null; then echo "The app stopped; see $out/app-$engine.log" >&2; exit 1; fi
    sleep 0.5
  done
  curl -fsS "$base/health/ready" >/dev/null

  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  echo "[$engine] $attempts registrations for $seats seats, $concurrency in flight…" >&2
  set +e
  dotnet "$bench_tool" "${settings[@]}" --Bench:Register="$base" --Bench:Attempts="$attempts" --Bench:Seats="$seats" \
    --Bench:Concurrency="$concurrency" | tee "$out/registration-$engine.txt" >&2
  [ "${PIPESTATUS[0]}" -eq 0 ] || failed=1
  set -e
  declare -A reg=()
  for pair in $(cat "$out/registration-$engine.txt"); do [[ $pair == *=* ]] && reg[${pair%%=*}]=${pair#*=}; done
  load_after_registrations=$(cut -d' ' -f1-3 /proc/loadavg)

  # Each row: label ; path ; cached/uncached/shared ; a string the answer must contain. "Uncached" sends
  # "Authorization: x", which the output cache neither serves nor stores for pages (see bench/run.sh); the feed is
  # the same for everyone, so such a request is answered from the shared cache ("shared", checked by its Age header).
  rows_spec=(
    "event list;/events;cached;<h1"
    "calendar feed;/events.ics;cached;BEGIN:VCALENDAR"
    "event list, uncached;/events;uncached;<h1"
    "calendar feed, with Authorization;/events.ics;shared;BEGIN:VCALENDAR"
  )
  rows=()
  for spec in "${rows_spec[@]}"; do
    IFS=';' read -r label path mode expect <<<"$spec"
    args=(); [ "$mode" != cached ] && args=(-H 'Authorization: x')
    curl -s -o /dev/null "${args[@]}" "$base$path"
    status=$(curl -s -D "$out/headers.txt" -o "$out/body.txt" -w '%{http_code}' "${args[@]}" "$base$path")
    if [ "$status" != 200 ] || ! grep -qF -- "$expect" "$out/body.txt"; then echo "$label: answers $status without $expect" >&2; exit 1; fi
    if [ "$mode" != uncached ] && ! grep -qi '^age:' "$out/headers.txt"; then echo "$label: not output-cached" >&2; exit 1; fi
    if [ "$mode" = uncached ] && grep -qi '^age:' "$out/headers.txt"; then echo "$label: served from the cache" >&2; exit 1; fi
    [ "$path" = /events.ics ] && feed_events=$(grep -c '^BEGIN:VEVENT' "$out/body.txt")
    bytes=$(wc -c <"$out/body.txt")
    echo "[$engine] Warming up $label for $warmup…" >&2
    wrk -t"$threads" -c"$connections" -d"$warmup" "${args[@]}" "$base$path" >/dev/null
    echo "[$engine] Measuring $label for $duration…" >&2
    read -r rps p50 p99 non2xx sock < <(measure "$base$path" "${args[@]}")
    { [ "$non2xx" -gt 0 ] || [ "$sock" -gt 0 ]; } && failed=1
    shown=\`$path\`; [ "$mode" != cached ] && shown="\`$path\` + \`Authorization: x\`"
    rows+=("| $label | $shown | $(printf '%.0f' "$rps") | $p50 | $p99 | $((bytes / 1024)) KiB | $non2xx | $sock |")
  done
  load_after=$(cut -d' ' -f1-3 /proc/loadavg)

  echo
  echo "#### $engine"
  echo
  echo "Registrations: $attempts guests for $seats seats, $concurrency POSTs in flight; $(nproc) cores; load average before:" \
    "$load_before, after the registrations: $load_after_registrations, after wrk: $load_after; $(date -u '+%Y-%m-%d %H:%M UTC');" \
    "commit $(git rev-parse --short HEAD)"
  echo
  echo "| Registration POSTs | answered 302 | confirmed | waiting | other status | order violations (server / client) | p50 | p99 | max | registrations/s |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  echo "| $attempts | $((attempts - ${reg[failed_requests]:-$attempts})) | ${reg[confirmed]:-?} | ${reg[waiting]:-?} | ${reg[other_status]:-?} |" \
    "${reg[server_order_violations]:-?}+${reg[confirmed_after_waiting]:-?} / ${reg[client_order_violations]:-?} |" \
    "${reg[p50_ms]:-?} ms | ${reg[p99_ms]:-?} ms | ${reg[max_ms]:-?} ms | ${reg[per_s]:-?} |"
  echo
  echo "wrk -t$threads -c$connections -d$duration --timeout 10s --latency after a $warmup warm-up; $events events (the feed holds $feed_events upcoming):"
  echo
  echo "| What | URL | req/s | p50 | p99 | body | non-2xx | socket errors |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
  printf '%s\n' "${rows[@]}"
  stop_all
  unset reg
done
if [ "$failed" -ne 0 ]; then echo "A check failed or some answers were not 2xx: the run does not count." >&2; exit 1; fi
