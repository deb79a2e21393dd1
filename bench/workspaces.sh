#!/usr/bin/env bash
# The workspaces benchmark of issue 17, on SQLite and on a private PostgreSQL: 500 workspaces with 20,000 participants,
# 10,000 meetings with approved memos, 50,000 actions and the year clock's milestones are generated straight into the
# app's tables; then wrk measures, as signed-in participants (each request from the next of 1,000 people), a workspace's
# page (/workspaces/{slug}, a workspace she takes part in; within her visit, and the first page of her visit, which
# notes the visit) and her actions list (/workspaces/actions), all built per request, and the year clock's calendar feed (/workspaces/calendar/{token}, the 500 feeds in turn; kept in the app's
# output cache since cd9d708, never by proxies) beside plaintext in the same run. The app runs from a Release publish
# in the Production environment behind the TLS proxy that the load plays. Prints one Markdown table per engine. See
# docs/benchmarks.md.
#
#   bench/workspaces.sh                                             # both engines, full size, the recorded figures
#   BENCH_ENGINES=sqlite BENCH_WORKSPACES=50 BENCH_PARTICIPANTS=2000 BENCH_PEOPLE=1200 BENCH_ACTIONS=5000 BENCH_MEMOS=1000 \
#     BENCH_SESSIONS=500 BENCH_DURATION=5s BENCH_WARMUP=2s bench/workspaces.sh    # a quick look
set -euo pipefail
cd "$(dirname "$0")/.."

engines=${BENCH_ENGINES:-sqlite postgres}
connections=${BENCH_CONNECTIONS:-32}
light=${BENCH_LIGHT_CONNECTIONS:-4}
threads=${BENCH_THREADS:-2}
duration=${BENCH_DURATION:-15s}
warmup=${BENCH_WARMUP:-5s}
port=${BENCH_PORT:-5399}
pg_port=${BENCH_PG_PORT:-54399}
workspaces=${BENCH_WORKSPACES:-500}
participants=${BENCH_PARTICIPANTS:-20000}
people=${BENCH_PEOPLE:-12000}
actions=${BENCH_ACTIONS:-50000}
memos=${BENCH_MEMOS:-10000}
events=${BENCH_EVENTS:-200}
signed_in=${BENCH_SESSIONS:-1000}
visit_limit=${BENCH_VISIT_LIMIT:-120s}   # the most that the first pages of the people's visits may take, each once
fresh=${BENCH_FRESH_SESSIONS:-1}         # 0: the sessions of the start for every row (each request then checks the stamp)
sessions_note="the signed-in rows with sessions issued anew just before each"
[ "$fresh" = 1 ] || sessions_note="the signed-in rows with the sessions of the start (each request checks the stamp)"
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

out=bench/results/workspaces
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
lua=$PWD/bench/workspaces.lua
# The commit measured, and whether the app was built with changes not yet committed.
commit=$(git rev-parse --short HEAD)
[ -n "$(git status --porcelain -- src)" ] && commit="$commit with uncommitted changes under src/"

# The app's CPU time (user + system, clock ticks) from /proc: the CPU a request costs does not depend on what else the
# machine runs, as its latency does.
app_cpu() { awk '{ print $14 + $15 }' "/proc/$app_pid/stat"; }

# The rows' modes: anonymous (plaintext), participant (each request from the next of the signed-in people), visit (each
# of them once: the first page of her visit, which notes it) and feed (the secret addresses in turn).
signed_in() { [ "$1" = participant ] || [ "$1" = visit ]; }

# run CONNECTIONS DURATION MODE PATH [PATHS-FILE] → the RESULT line of bench/workspaces.lua, without "RESULT"
run() {
  local c=$1 d=$2 mode=$3 path=$4 paths=${5:-} sessions= template= once= t=$threads
  signed_in "$mode" && { sessions=$out/sessions.txt; template=$path; path=/; }
  [ "$mode" = visit ] && { once=1; t=1; }
  BENCH_PATHS=$paths BENCH_SESSIONS=$sessions BENCH_TEMPLATE=$template BENCH_ONCE=$once \
    wrk -t"$t" -c"$c" -d"$d" --timeout 10s -H 'X-Forwarded-Proto: https' -s "$lua" "$base$path" >"$out/wrk.txt"
  grep '^RESULT ' "$out/wrk.txt" | cut -d' ' -f2-
}

# Issues the same people's sessions anew just before a signed-in row, as a browser holds them. The app checks a
# session's security stamp once its cookie is older than Yhdessa:Accounts:SessionCheckSeconds (60 s) and sends a
# renewed cookie, which a browser keeps, so that it checks again a minute later; wrk cannot keep cookies, and with the
# sessions of the start every request of a row would be such a check (about 1 ms of CPU more each, a user's roles and
# claims read and the cookie encrypted again). BENCH_FRESH_SESSIONS=0 measures that way, as the runs before cd9d708 did.
renew_sessions() {
  [ "$fresh" = 1 ] || return 0
  cut -f1,2 "$out/sessions.txt" >"$out/people.txt"
  dotnet "$bench_tool" "${settings[@]}" --Bench:WorkspaceSessions="$out/sessions.txt" --Bench:SessionCount="$signed_in" >/dev/null
  if ! cut -f1,2 "$out/sessions.txt" | cmp -s "$out/people.txt" -; then
    echo "[$engine] The renewed sessions are not the same people's" >&2; exit 1
  fi
}

# Takes back the visits that the signed-in people's first pages noted (LastVisitAt to what PreviousVisitAt kept, which
# the generator leaves empty), so that each one's next page of her workspace is again the first of a visit, with the
# same "changes since your last visit" as then. Prints how many participations it took back.
undo_visits() {
  local sql
  sql="UPDATE \"WorkspaceParticipants\" SET \"LastVisitAt\" = \"PreviousVisitAt\", \"PreviousVisitAt\" = NULL
    WHERE \"UserId\" || '/' || (SELECT w.\"Slug\" FROM \"Workspaces\" AS w WHERE w.\"Id\" = \"WorkspaceParticipants\".\"WorkspaceId\")
    IN ($(awk -F'\t' '{ printf "%s\047%s/%s\047", (NR > 1 ? "," : ""), $1, $2 }' "$out/sessions.txt")) RETURNING 1;"
  if [ "$engine" = postgres ]; then
    printf '%s\n' "$sql" | psql -qAt -h 127.0.0.1 -p "$pg_port" -U postgres -d yhdessa_bench | grep -c '^1$' || true
  else
    printf '.timeout 10000\n%s\n' "$sql" | sqlite3 "$data/yhdessa.db" | grep -c '^1$' || true
  fi
}

failed=0
tables=()
for engine in $engines; do
  data=$(mktemp -d /tmp/yhdessa-workspacesbench.XXXXXX)
  settings=(--Yhdessa:DataDirectory="$data" --Yhdessa:DemoData=false --Yhdessa:BaseUrl="$base")
  if [ "$engine" = postgres ]; then
    pg_data=$(mktemp -d /tmp/yhdessa-workspacesbench-pg.XXXXXX)
    [ "$(id -u)" -eq 0 ] && chown postgres: "$pg_data"
    pg "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    pg "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w \
      -o "-p $pg_port -k $pg_data -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
    settings+=(--Yhdessa:Database:Provider=Postgres
      --ConnectionStrings:Yhdessa="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=yhdessa_bench")
    pg "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres yhdessa_bench
  fi

  echo "[$engine] Generating $workspaces workspaces, $participants participants, $memos memos, $actions actions…" >&2
  started=$(date +%s)
  dotnet "$bench_tool" "${settings[@]}" --Bench:Organisations=300 --Bench:Events="$events" --Bench:Workspaces="$workspaces" \
    --Bench:Participants="$participants" --Bench:People="$people" --Bench:Actions="$actions" --Bench:Memos="$memos" \
    --Bench:Out="$out" | tee "$out/prepare-$engine.txt" >&2
  prepared_in=$(($(date +%s) - started))

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
  dotnet "$bench_tool" "${settings[@]}" --Bench:WorkspaceSessions="$out/sessions.txt" --Bench:SessionCount="$signed_in" \
    | tee "$out/sessions-$engine.txt" >&2

  # The feeds as a calendar program gets them: their sizes and entries.
  sizes=()
  for path in $(cat "$out/calendar-paths.txt"); do
    sizes+=("$(curl -s -o "$out/feed.ics" -w '%{http_code} %{size_download}' "$base$path") $(grep -c '^BEGIN:VEVENT' "$out/feed.ics" || true)")
  done
  median_of() { sort -n | awk '{ v[NR] = $1 } END { printf "%s %s %s\n", v[int((NR + 1) / 2)], v[1], v[NR] }'; }
  read -r b_med b_min b_max < <(printf '%s\n' "${sizes[@]}" | cut -d' ' -f2 | median_of)
  read -r e_med e_min e_max < <(printf '%s\n' "${sizes[@]}" | cut -d' ' -f3 | median_of)
  bad=$(printf '%s\n' "${sizes[@]}" | grep -vc '^200 ' || true)
  feeds=$(awk -v n="${#sizes[@]}" -v bad="$bad" -v bm="$b_med" -v b1="$b_min" -v b2="$b_max" -v em="$e_med" -v e1="$e_min" -v e2="$e_max" \
    'BEGIN { printf "%d feeds (%d not 200), %.1f KiB median (%.1f–%.1f KiB), %d entries median (%d–%d)", n, bad, bm / 1024, b1 / 1024, b2 / 1024, em, e1, e2 }')
  [ "$bad" -eq 0 ] || failed=1
  echo "[$engine] Calendar feeds: $feeds" >&2

  # Each row: label ; path, path with {slug}, or @file of paths ; who ; a string the answer must contain.
  # participant: each request from the next of the signed-in people, "{slug}" one of her own workspaces; the page is
  # built for her (no Age header; the page has her sign-out form). visit: the same page, each person once after her
  # visit was taken back (undo_visits), i.e. the first page of her visit, which notes it with one UPDATE. feed: a calendar program with the secret address,
  # each request the next of the 500 feeds; the app may answer it from its own output cache (an Age header: the design
  # since cd9d708, the feed cleared by every change of what it shows), but it tells everyone downstream not to store
  # it (Cache-Control private, no-store): the address is a secret.
  rows_spec=(
    "plaintext;/bench/plaintext;anonymous;Hello, World!"
    "a workspace's page, signed-in participant, within her visit;/workspaces/{slug};participant;id=\"digest-title\""
    "a workspace's page, signed-in participant, the first of her visit;/workspaces/{slug};visit;id=\"digest-title\""
    "her actions list, signed-in;/workspaces/actions;participant;<h1>Omat tehtäväni</h1>"
    "year-clock calendar feed, $workspaces workspaces;@$out/calendar-paths.txt;feed;BEGIN:VCALENDAR"
  )
  first_session=$(head -n 1 "$out/sessions.txt")
  first_slug=$(echo "$first_session" | cut -f2)
  first_cookie=$(echo "$first_session" | cut -f3)
  ok=() feed_cached="not checked"
  for spec in "${rows_spec[@]}"; do
    IFS=';' read -r label path mode expect <<<"$spec"
    first=${path//\{slug\}/$first_slug}
    [[ $path == @* ]] && first=$(head -n 1 "${path#@}")
    args=(-H 'X-Forwarded-Proto: https')
    signed_in "$mode" && args+=(-H "Cookie: $first_cookie")
    curl -s -o /dev/null "${args[@]}" "$base$first"   # a first request would fill a cache, if there were one
    status=$(curl -s -D "$out/headers.txt" -o "$out/body.html" -w '%{http_code}' "${args[@]}" "$base$first")
    problem=
    if [ "$status" != 200 ]; then problem="answers $status"
    elif ! grep -qF -- "$expect" "$out/body.html"; then problem="answer lacks: $expect"
    elif signed_in "$mode" && grep -qi '^age:' "$out/headers.txt"; then problem="served from the output cache"
    elif signed_in "$mode" && ! grep -qF 'action="/account/sign-out"' "$out/body.html"; then problem="not signed in"
    elif [ "$mode" = feed ] && ! grep -qi '^cache-control: private, no-store' "$out/headers.txt"; then problem="the feed may be stored downstream"
    fi
    # Whether the second request of the feed came from the app's output cache (for the record, not a check).
    if [ "$mode" = feed ]; then grep -qi '^age:' "$out/headers.txt" && feed_cached=yes || feed_cached=no; fi
    if [ -n "$problem" ]; then echo "[$engine] $label ($first): $problem" >&2; exit 1; fi
    cp "$out/body.html" "$out/body-$engine-$(echo "$label" | tr -c 'a-z0-9' '-').html"
    ok+=("$spec")
  done

  # Every person's visit is opened first (the first page of each, which notes it), so that the rows "within her visit"
  # write nothing; the rows "the first of her visit" take the visits back before they measure.
  sessions_count=$(wc -l <"$out/sessions.txt")
  echo "[$engine] Opening the visits of the $sessions_count people…" >&2
  renew_sessions
  read -r _ _ _ _ non2xx errors count < <(run "$light" "$visit_limit" visit "/workspaces/{slug}")
  if [ "$count" -lt "$sessions_count" ] || [ "$non2xx" -gt 0 ] || [ "$errors" -gt 0 ]; then
    echo "[$engine] Opening the visits: $count answers of $sessions_count, $non2xx not 2xx, $errors errors" >&2; exit 1
  fi

  # Every row is warmed up before any is measured, so that the JIT has settled for all alike.
  for spec in "${ok[@]}"; do
    IFS=';' read -r label path mode expect <<<"$spec"
    [ "$mode" = visit ] && continue   # the pages of a visit, warmed up just above and by the row before
    [ "$mode" = participant ] && renew_sessions
    paths=; [[ $path == @* ]] && { paths=${path#@}; path=/; }
    echo "[$engine] Warming up $label for $warmup…" >&2
    run "$connections" "$warmup" "$mode" "$path" "$paths" >/dev/null
  done

  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  plaintext_rps=
  rows=()
  for spec in "${ok[@]}"; do
    IFS=';' read -r label path mode expect <<<"$spec"
    paths=; shown="\`$path\`"
    [[ $path == @* ]] && { paths=${path#@}; path=/; shown="\`/workspaces/calendar/{token}\` ×$(wc -l <"$paths")"; }
    [ "$mode" = participant ] && shown="$shown ×$sessions_count people"
    [ "$mode" = visit ] && shown="$shown ×$sessions_count people, each once"
    widths=("$connections"); [ "$mode" != anonymous ] && widths+=("$light")
    for c in "${widths[@]}"; do
      load=$(cut -d' ' -f1 /proc/loadavg)
      d=$duration how="for $duration"
      [ "$mode" = visit ] && { d=$visit_limit how="each person once (at most $visit_limit)"; }
      echo "[$engine] Measuring $label, $c connections, $how (load $load)…" >&2
      if [ "$mode" = visit ]; then
        undone=$(undo_visits)
        [ "$undone" -eq "$sessions_count" ] || { echo "[$engine] $undone of $sessions_count visits taken back" >&2; failed=1; }
      fi
      signed_in "$mode" && renew_sessions
      cpu_before=$(app_cpu)
      read -r rps p50 p95 p99 non2xx errors count < <(run "$c" "$d" "$mode" "$path" "$paths")
      cpu=$(awk -v t="$(($(app_cpu) - cpu_before))" -v n="$count" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", (n > 0 ? t * 1000 / hz / n : 0) }')
      [ -z "$plaintext_rps" ] && plaintext_rps=$rps
      share=$(awk -v a="$rps" -v b="$plaintext_rps" 'BEGIN { printf "%.1f %%", 100 * a / b }')
      who=$mode
      if [ "$mode" = visit ]; then
        who=participant
        [ "$count" -ge "$sessions_count" ] || { echo "[$engine] $label: only $count of $sessions_count answered in $visit_limit" >&2; failed=1; }
      fi
      { [ "$non2xx" -gt 0 ] || [ "$errors" -gt 0 ]; } && failed=1
      rows+=("| $label | $shown | $who | $c | $rps | $p50 | $p95 | $p99 | $share | $cpu | $non2xx | $errors | $load |")
    done
  done
  load_after=$(cut -d' ' -f1-3 /proc/loadavg)

  # The sessions were still valid at the end (an expired one would have been answered with a redirect, which wrk does
  # not count as an error).
  status=$(curl -s -o "$out/body.html" -w '%{http_code}' -H 'X-Forwarded-Proto: https' -H "Cookie: $first_cookie" "$base/workspaces/actions")
  if [ "$status" != 200 ] || ! grep -qF 'action="/account/sign-out"' "$out/body.html"; then
    echo "[$engine] The sessions were no longer valid after the run ($status)" >&2; failed=1
  fi

  table=$(
    echo "#### $engine"
    echo
    echo "Data: $(grep -E '^(People|Workspaces|Sessions): ' "$out/prepare-$engine.txt" "$out/sessions-$engine.txt" | cut -d: -f2- | sed 's/^ *//; s/\.$//; s/ written to [^;]*;/;/' | paste -sd '\t' | sed 's/\t/; /g')."
    echo "Generated in ${prepared_in} s in all (the app's migrations, 300 organisations and $events network events included)."
    echo "Calendar feeds: $feeds; a feed's second request answered from the app's output cache (Age header): $feed_cached, with Cache-Control: private, no-store."
    echo
    echo "wrk -t$threads -d$duration --timeout 10s -s bench/workspaces.lua after a $warmup warm-up of every row (\"the first of her visit\":" \
      "-t1, each person once, her visit taken back before); $sessions_note; $(nproc) cores; load average before: $load_before, after: $load_after;" \
      "$(date -u '+%Y-%m-%d %H:%M UTC'); commit $commit"
    echo
    echo "| What | URL | who | connections | req/s | p50 ms | p95 ms | p99 ms | % of plaintext | app CPU ms/request | non-2xx | socket errors | load |"
    echo "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    printf '%s\n' "${rows[@]}"
  )
  echo "$table"
  echo "$table" >"$out/table-$engine.md"
  tables+=("$table")
  stop_all
done
echo
printf '%s\n\n' "${tables[@]}"
if [ "$failed" -ne 0 ]; then echo "A check failed or some answers were not 2xx: the run does not count." >&2; exit 1; fi
