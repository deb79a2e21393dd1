#!/usr/bin/env bash
# The needs benchmark of issue 15, on SQLite and on a private PostgreSQL: 10,000 needs, 200,000 supports by 20,000
# members and 50,000 answers to events' feedback surveys are generated straight into the app's tables; then wrk
# measures the needs list and "you said, we did" as visitors get them (output cache) beside plaintext, the same pages
# built for signed-in members, a need's page and the similar-needs lookup while typing; last, 1,000 members support one
# need at once over HTTP and the count is checked. The app runs from a Release publish in the Production environment
# behind the TLS proxy that the load plays. Prints one Markdown table per engine. See docs/benchmarks.md.
#
#   bench/needs.sh                                                  # both engines, full size, the recorded figures
#   BENCH_INDEXES=1 bench/needs.sh                                  # the same with the recommended indexes made by hand
#   BENCH_ENGINES=sqlite BENCH_NEEDS=2000 BENCH_SUPPORTS=20000 BENCH_MEMBERS=4000 BENCH_FEEDBACK=5000 \
#     BENCH_DURATION=5s BENCH_WARMUP=2s bench/needs.sh             # a quick look
set -euo pipefail
cd "$(dirname "$0")/.."

engines=${BENCH_ENGINES:-sqlite postgres}
connections=${BENCH_CONNECTIONS:-32}
light=${BENCH_LIGHT_CONNECTIONS:-4}
threads=${BENCH_THREADS:-2}
duration=${BENCH_DURATION:-15s}
warmup=${BENCH_WARMUP:-5s}
port=${BENCH_PORT:-5398}
pg_port=${BENCH_PG_PORT:-54398}
needs=${BENCH_NEEDS:-10000}
supports=${BENCH_SUPPORTS:-200000}
members=${BENCH_MEMBERS:-20000}
feedback=${BENCH_FEEDBACK:-50000}
events=${BENCH_EVENTS:-2000}
supporters=${BENCH_SUPPORTERS:-1000}
support_concurrency=${BENCH_SUPPORT_CONCURRENCY:-1000}
indexes=${BENCH_INDEXES:-0}
base="http://127.0.0.1:$port"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v wrk >/dev/null; then
  echo "Installing wrk…" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
if [[ " $engines " == *" postgres "* ]] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

out=bench/results/needs
mkdir -p "$out"
data= app_pid= pg_data=
if [ "$(id -u)" -eq 0 ]; then pg() { runuser -u postgres -- "$@"; }; else pg() { "$@"; }; fi
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
stop_all() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=; fi
  if [ -n "$pg_data" ]; then pg "$pg_bin/pg_ctl" -D "$pg_data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$pg_data"; pg_data=; fi
  if [ -n "$data" ]; then rm -rf "$data"; data=; fi
}
trap stop_all EXIT

echo "Building in Release…" >&2
dotnet publish src/Yhdessa/Yhdessa.csproj -c Release -o bench/results/app --nologo -v quiet >&2
dotnet build bench/Yhdessa.Bench/Yhdessa.Bench.csproj -c Release --nologo -v quiet >&2
bench_tool=bench/Yhdessa.Bench/bin/Release/net10.0/Yhdessa.Bench.dll
lua=$PWD/bench/needs.lua

# The app's CPU time (user + system, clock ticks) from /proc: the CPU a request costs does not depend on what else the
# machine runs, as its latency does.
app_cpu() { awk '{ print $14 + $15 }' "/proc/$app_pid/stat"; }

# run CONNECTIONS DURATION MODE URL [PATHS-FILE] → the RESULT line of bench/needs.lua, without "RESULT"
run() {
  local c=$1 d=$2 mode=$3 url=$4 paths=${5:-} cookies= forwarded=
  [ "$mode" = member ] && cookies=$out/sessions.txt
  [ "$mode" = typing ] && forwarded=1
  BENCH_PATHS=$paths BENCH_COOKIES=$cookies BENCH_FORWARDED=$forwarded \
    wrk -t"$threads" -c"$c" -d"$d" --timeout 10s -H 'X-Forwarded-Proto: https' -s "$lua" "$url" >"$out/wrk.txt"
  grep '^RESULT ' "$out/wrk.txt" | cut -d' ' -f2-
}

failed=0
tables=()
for engine in $engines; do
  data=$(mktemp -d /tmp/yhdessa-needsbench.XXXXXX)
  settings=(--Yhdessa:DataDirectory="$data" --Yhdessa:DemoData=false --Yhdessa:BaseUrl="$base")
  if [ "$engine" = postgres ]; then
    pg_data=$(mktemp -d /tmp/yhdessa-needsbench-pg.XXXXXX)
    [ "$(id -u)" -eq 0 ] && chown postgres: "$pg_data"
    pg "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    # fsync stays on (unlike the test run): the supports' commits are part of what is measured.
    pg "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w \
      -o "-p $pg_port -k $pg_data -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
    settings+=(--Yhdessa:Database:Provider=Postgres
      --ConnectionStrings:Yhdessa="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=yhdessa_bench")
    pg "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres yhdessa_bench
  fi

  echo "[$engine] Generating $needs needs, $supports supports by $members members, $feedback feedback answers…" >&2
  started=$(date +%s)
  dotnet "$bench_tool" "${settings[@]}" --Bench:Organisations=300 --Bench:Events="$events" --Bench:Needs="$needs" \
    --Bench:Supports="$supports" --Bench:Members="$members" --Bench:Feedback="$feedback" --Bench:Out="$out" \
    --Bench:NeedIndexes="$([ "$indexes" = 1 ] && echo true || echo false)" | tee "$out/prepare-$engine.txt" >&2
  prepared_in=$(($(date +%s) - started))
  load_need=$(cat "$out/load-need.txt")

  echo "[$engine] Starting the app on $base…" >&2
  (cd bench/results/app && ASPNETCORE_ENVIRONMENT=Production exec dotnet Yhdessa.dll --urls "$base" "${settings[@]}" \
    --Yhdessa:KnownProxies:0=127.0.0.1 --Yhdessa:Bench:Plaintext=true --Logging:LogLevel:Default=Warning) >"$out/app-$engine.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 120); do
    if curl -fsS "$base/health/ready" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$app_pid" 2>/dev/null; then echo "The app stopped; see $out/app-$engine.log" >&2; exit 1; fi
    sleep 0.5
  done
  curl -fsS "$base/health/ready" >/dev/null
  dotnet "$bench_tool" "${settings[@]}" --Bench:Sessions="$out/sessions.txt" --Bench:SessionCount="$supporters" >&2
  member_cookie=$(head -n 1 "$out/sessions.txt" | cut -f2)
  year=$(date -u +%Y)

  # Each row: label ; path or @file of paths ; who ; a string the answer must contain.
  # anonymous: a visitor, served from the output cache (checked by its Age header); member: each request from the next
  # of the signed-in members, built for her (no Age; her page has the sign-out form); typing: the lookup's JSON, each
  # request from the next of 20,000 forwarded addresses.
  rows_spec=(
    "plaintext;/bench/plaintext;anonymous;Hello, World!"
    "needs list;/needs;anonymous;<ul class=\"cards needs\">"
    "you said, we did (latest year);/needs/answered;anonymous;aria-current=\"page\">$year</a>"
    "needs list, signed-in;/needs;member;<ul class=\"cards needs\">"
    "you said, we did, signed-in;/needs/answered;member;aria-current=\"page\">$year</a>"
    "a need's page, 1,000 needs, signed-in;@$out/need-paths.txt;member;<h1"
    "similar needs while typing, 2,000 texts;@$out/similar-paths.txt;typing;\"supports\":"
  )
  ok=()
  for spec in "${rows_spec[@]}"; do
    IFS=';' read -r label path mode expect <<<"$spec"
    # The first path of a file; for the lookup the last, a whole title, which surely finds needs.
    first=$path; [[ $path == @* ]] && first=$(head -n 1 "${path#@}")
    [ "$mode" = typing ] && first=$(tail -n 1 "${path#@}")
    args=(-H 'X-Forwarded-Proto: https')
    [ "$mode" = member ] && args+=(-H "Cookie: $member_cookie")
    [ "$mode" = typing ] && args+=(-H 'X-Forwarded-For: 10.255.0.1')
    curl -s -o /dev/null "${args[@]}" "$base$first"   # the first request fills the cache when the page is cacheable
    status=$(curl -s -D "$out/headers.txt" -o "$out/body.html" -w '%{http_code}' "${args[@]}" "$base$first")
    problem=
    if [ "$status" != 200 ]; then problem="answers $status"
    elif ! grep -qF -- "$expect" "$out/body.html"; then problem="answer lacks: $expect"
    elif [ "$mode" = anonymous ] && [ "$first" != /bench/plaintext ] && ! grep -qi '^age:' "$out/headers.txt"; then problem="not served from the output cache"
    elif [ "$mode" = member ] && grep -qi '^age:' "$out/headers.txt"; then problem="served from the output cache"
    elif [ "$mode" = member ] && ! grep -qF 'action="/account/sign-out"' "$out/body.html"; then problem="not signed in"
    fi
    if [ -n "$problem" ]; then echo "[$engine] $label ($first): $problem" >&2; exit 1; fi
    cp "$out/body.html" "$out/body-$engine-$(echo "$label" | tr -c 'a-z0-9' '-').html"
    ok+=("$spec")
  done

  # Every row is warmed up before any is measured, so that the JIT has settled for all alike.
  for spec in "${ok[@]}"; do
    IFS=';' read -r label path mode expect <<<"$spec"
    paths=; url=$base$path
    [[ $path == @* ]] && { paths=${path#@}; url=$base/; }
    echo "[$engine] Warming up $label for $warmup…" >&2
    run "$connections" "$warmup" "$mode" "$url" "$paths" >/dev/null
  done

  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  plaintext_rps=
  rows=()
  for spec in "${ok[@]}"; do
    IFS=';' read -r label path mode expect <<<"$spec"
    paths=; url=$base$path; shown="\`$path\`"
    [[ $path == @* ]] && { paths=${path#@}; url=$base/; shown="\`$(head -n 1 "$paths" | sed 's/?text=.*/?text=…/; s/[0-9][0-9]*$/{id}/')\` ×$(wc -l <"$paths")"; }
    widths=("$connections"); [ "$mode" != anonymous ] && widths+=("$light")
    for c in "${widths[@]}"; do
      load=$(cut -d' ' -f1 /proc/loadavg)
      echo "[$engine] Measuring $label, $c connections, for $duration (load $load)…" >&2
      cpu_before=$(app_cpu)
      read -r rps p50 p95 p99 non2xx errors count < <(run "$c" "$duration" "$mode" "$url" "$paths")
      cpu=$(awk -v t="$(($(app_cpu) - cpu_before))" -v n="$count" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", (n > 0 ? t * 1000 / hz / n : 0) }')
      [ -z "$plaintext_rps" ] && plaintext_rps=$rps
      share=$(awk -v a="$rps" -v b="$plaintext_rps" 'BEGIN { printf "%.1f %%", 100 * a / b }')
      { [ "$non2xx" -gt 0 ] || [ "$errors" -gt 0 ]; } && failed=1
      rows+=("| $label | $shown | $mode | $c | $rps | $p50 | $p95 | $p99 | $share | $cpu | $non2xx | $errors | $load |")
    done
  done
  load_after=$(cut -d' ' -f1-3 /proc/loadavg)

  # The rate limit of the lookup stays: 125 requests from one address, of which the last ones are refused.
  limited=0
  for _ in $(seq 1 125); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H 'X-Forwarded-For: 10.254.0.1' "$base/api/v1/needs/similar?text=asunnottomuus")
    [ "$code" = 429 ] && limited=$((limited + 1))
  done
  [ "$limited" -ge 1 ] || { echo "[$engine] The lookup's rate limit refused none of 125 requests from one address" >&2; failed=1; }

  echo "[$engine] $supporters members support need $load_need at once, $support_concurrency in flight…" >&2
  load_before_supports=$(cut -d' ' -f1-3 /proc/loadavg)
  set +e
  dotnet "$bench_tool" "${settings[@]}" --Bench:Support="$base" --Bench:SupportNeed="$load_need" --Bench:SessionFile="$out/sessions.txt" \
    --Bench:Concurrency="$support_concurrency" | tee "$out/supports-$engine.txt" >&2
  [ "${PIPESTATUS[0]}" -eq 0 ] || failed=1
  set -e
  declare -A sup=()
  for pair in $(cat "$out/supports-$engine.txt"); do [[ $pair == *=* ]] && sup[${pair%%=*}]=${pair#*=}; done
  load_after_supports=$(cut -d' ' -f1-3 /proc/loadavg)

  table=$(
    echo "#### $engine, $([ "$indexes" = 1 ] && echo "with the recommended indexes made by hand" || echo "schema as migrated")"
    echo
    echo "Data: $(grep -E '^(Members|Needs|Supports|Event feedback|Indexes): ' "$out/prepare-$engine.txt" | sed 's/\.$//' | paste -sd ';' | sed 's/;/; /g')."
    echo "Generated in ${prepared_in} s in all (the app's migrations, 300 organisations and $events events included)."
    echo
    echo "wrk -t$threads -d$duration --timeout 10s -s bench/needs.lua after a $warmup warm-up of every row; $(nproc) cores; load average before:" \
      "$load_before, after: $load_after; $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git rev-parse --short HEAD)"
    echo
    echo "| What | URL | who | connections | req/s | p50 ms | p95 ms | p99 ms | % of plaintext | app CPU ms/request | non-2xx | socket errors | load |"
    echo "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    printf '%s\n' "${rows[@]}"
    echo
    echo "The lookup's rate limit: $limited of 125 requests from one address refused (429)."
    echo
    echo "Supports: $supporters members support need $load_need at once, $support_concurrency POSTs in flight; load average before:" \
      "$load_before_supports, after: $load_after_supports"
    echo
    echo "| POSTs | failed | SupportCount | support rows | followers | p50 | p95 | p99 | max | supports/s |"
    echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    echo "| ${sup[members]:-?} | ${sup[failed_requests]:-?} | ${sup[support_count]:-?} | ${sup[support_rows]:-?} | ${sup[followers]:-?} |" \
      "${sup[p50_ms]:-?} ms | ${sup[p95_ms]:-?} ms | ${sup[p99_ms]:-?} ms | ${sup[max_ms]:-?} ms | ${sup[per_s]:-?} |"
  )
  echo "$table"
  echo "$table" >"$out/table-$engine-indexes$indexes.md"
  tables+=("$table")
  unset sup
  stop_all
done
echo
printf '%s\n\n' "${tables[@]}"
if [ "$failed" -ne 0 ]; then echo "A check failed or some answers were not 2xx: the run does not count." >&2; exit 1; fi
