#!/usr/bin/env bash
# The newsletter benchmark of issue 16, on SQLite and on a private PostgreSQL: an issue to 50,000 subscribers is sent
# through a local SMTP sink (aiosmtpd, which appends each message's recipients to a file), three times per engine:
#   clean     — undisturbed: messages per second, the app's peak memory (RSS), the progress view's response time
#               while sending (a coordinator's request every second);
#   kill      — the app is killed with SIGKILL half-way and started again;
#   db-restart (PostgreSQL) — the database is restarted (immediate stop) half-way while the app keeps running.
# Each run checks the sink: every address exactly once (0 duplicates, 0 missing). The app runs from a Release publish
# in the Production environment, unthrottled (Yhdessa:Newsletter:MessagesPerSecond=100000) to measure what it can do.
# Prints one Markdown table. See docs/benchmarks.md.
#
#   bench/newsletter.sh                                          # both engines, 50,000 subscribers, the recorded figures
#   BENCH_ENGINES=sqlite BENCH_SUBSCRIBERS=5000 bench/newsletter.sh   # a quick look
#   BENCH_ENGINES=postgres BENCH_RUNS=db-restart bench/newsletter.sh  # one kind of run
set -euo pipefail
cd "$(dirname "$0")/.."

engines=${BENCH_ENGINES:-sqlite postgres}
subscribers=${BENCH_SUBSCRIBERS:-50000}
connections=${BENCH_SMTP_CONNECTIONS:-4}
port=${BENCH_PORT:-5399}
smtp_port=${BENCH_SMTP_PORT:-2599}
pg_port=${BENCH_PG_PORT:-54399}
base="http://127.0.0.1:$port"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-aiosmtpd >/dev/null
fi
if [[ " $engines " == *" postgres "* ]] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

out=bench/results/newsletter
mkdir -p "$out"
data= app_pid= pg_data= sink_pid= sampler_pid=
if [ "$(id -u)" -eq 0 ]; then pg() { runuser -u postgres -- "$@"; }; else pg() { "$@"; }; fi
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
stop_app() { if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=; fi; }
stop_all() {
  if [ -n "$sampler_pid" ]; then kill "$sampler_pid" 2>/dev/null || true; sampler_pid=; fi
  stop_app
  if [ -n "$sink_pid" ]; then kill "$sink_pid" 2>/dev/null || true; wait "$sink_pid" 2>/dev/null || true; sink_pid=; fi
  if [ -n "$pg_data" ]; then pg "$pg_bin/pg_ctl" -D "$pg_data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$pg_data"; pg_data=; fi
  if [ -n "$data" ]; then rm -rf "$data"; data=; fi
}
trap stop_all EXIT

echo "Building in Release…" >&2
dotnet publish src/Yhdessa/Yhdessa.csproj -c Release -o bench/results/app --nologo -v quiet >&2
dotnet build bench/Yhdessa.Bench/Yhdessa.Bench.csproj -c Release --nologo -v quiet >&2
bench_tool=bench/Yhdessa.Bench/bin/Release/net10.0/Yhdessa.Bench.dll

# The sink: takes every message and appends its recipients to a file, one per line. Counting them afterwards finds any
# address that got the issue twice or not at all.
cat >"$out/newsletter_sink.py" <<'EOF'
class CountingSink:
    def __init__(self, path):
        self.path = path
    @classmethod
    def from_cli(cls, parser, *args):
        return cls(args[0])
    async def handle_DATA(self, server, session, envelope):
        with open(self.path, 'a') as f:
            f.write(''.join(r + '\n' for r in envelope.rcpt_tos))
        return '250 OK'
EOF

start_sink() {
  rm -f "$out/received.txt"; touch "$out/received.txt"
  PYTHONPATH="$out" /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$smtp_port" -c newsletter_sink.CountingSink "$out/received.txt" &
  sink_pid=$!
  for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$smtp_port") 2>/dev/null && return 0; sleep 0.1; done
  echo "The SMTP sink did not start" >&2; exit 1
}
received() { wc -l <"$out/received.txt"; }

start_app() {
  (cd bench/results/app && ASPNETCORE_ENVIRONMENT=Production exec dotnet Yhdessa.dll --urls "$base" "${settings[@]}" \
    --Yhdessa:KnownProxies:0=127.0.0.1 --Logging:LogLevel:Default=Warning \
    --Yhdessa:Smtp:Host=127.0.0.1 --Yhdessa:Smtp:Port="$smtp_port" --Yhdessa:Smtp:Security=None --Yhdessa:Smtp:From=uutiskirje@bench.example \
    --Yhdessa:Newsletter:MessagesPerSecond=100000 --Yhdessa:Newsletter:Connections="$connections" --Yhdessa:Newsletter:PollInterval=00:00:01 \
    --Yhdessa:Jobs:LeaseSeconds=5 --Yhdessa:Jobs:PollInterval=00:00:01) >>"$out/app-$engine-$run.log" 2>&1 &
  app_pid=$!
}

# The issue is done when the progress view says so.
figures() { curl -s -H 'X-Forwarded-Proto: https' -H "Cookie: $cookie" "$base/newsletter/issues/$issue/progress?handler=Figures"; }
wait_until_sent() {
  for _ in $(seq 1 3600); do
    if figures | grep -q '"done":true'; then return 0; fi
    sleep 1
  done
  echo "[$engine/$run] the issue was not sent within an hour" >&2; exit 1
}

check_sink() {
  local dup missing total
  total=$(received)
  dup=$(sort "$out/received.txt" | uniq -d | wc -l)
  missing=$((subscribers - $(sort -u "$out/received.txt" | wc -l)))
  echo "$total $dup $missing"
}

prepare() {
  stop_all
  data=$(mktemp -d /tmp/yhdessa-newsletterbench.XXXXXX)
  settings=(--Yhdessa:DataDirectory="$data" --Yhdessa:DemoData=false --Yhdessa:BaseUrl="$base")
  if [ "$engine" = postgres ]; then
    pg_data=$(mktemp -d /tmp/yhdessa-newsletterbench-pg.XXXXXX)
    [ "$(id -u)" -eq 0 ] && chown postgres: "$pg_data"
    pg "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    # fsync stays on: every delivery's mark is a commit, and that is part of what is measured.
    pg "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w -o "-p $pg_port -k $pg_data -c listen_addresses=127.0.0.1" start >/dev/null
    settings+=(--Yhdessa:Database:Provider=Postgres --ConnectionStrings:Yhdessa="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=yhdessa_bench")
    pg "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres yhdessa_bench
  fi
  echo "[$engine/$run] Writing $subscribers subscribers and starting the issue…" >&2
  dotnet "$bench_tool" "${settings[@]}" --Bench:Organisations=0 --Bench:Subscribers="$subscribers" --Bench:Out="$out" \
    | tee "$out/prepare-$engine-$run.txt" >&2
  issue=$(cat "$out/issue.txt")
  cookie=$(cat "$out/coordinator-cookie.txt")
  start_sink
}

rows=()
failed=0
for engine in $engines; do
  runs="clean kill"; [ "$engine" = postgres ] && runs="clean kill db-restart"
  [ -n "${BENCH_RUNS:-}" ] && runs=$BENCH_RUNS
  for run in $runs; do
    rm -f "$out/app-$engine-$run.log"
    prepare
    started=$(date +%s.%N)
    start_app
    peak_rss=0; latencies=()
    # While it sends: the app's memory and the progress view's response time, once a second.
    first_at= ; disturbed=
    while true; do
      n=$(received)
      [ -z "$first_at" ] && [ "$n" -gt 0 ] && first_at=$(date +%s.%N)
      if [ -n "$app_pid" ] && [ -r "/proc/$app_pid/status" ]; then
        rss=$(awk '/VmRSS/ { print $2 }' "/proc/$app_pid/status" 2>/dev/null || echo 0)
        [ "${rss:-0}" -gt "$peak_rss" ] && peak_rss=$rss
      fi
      if [ "$n" -gt 0 ] && [ "$n" -lt "$subscribers" ]; then
        t=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H 'X-Forwarded-Proto: https' -H "Cookie: $cookie" \
          "$base/newsletter/issues/$issue/progress" || true)
        [ "${t%% *}" = 200 ] && latencies+=("${t#* }")
      fi
      if [ -z "$disturbed" ] && [ "$n" -ge $((subscribers / 2)) ]; then
        if [ "$run" = kill ]; then
          echo "[$engine/$run] SIGKILL at $n messages" >&2
          kill -9 "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=
          disturbed=$n; start_app
        elif [ "$run" = db-restart ]; then
          echo "[$engine/$run] PostgreSQL restarted (immediate stop) at $n messages" >&2
          pg "$pg_bin/pg_ctl" -D "$pg_data" -m immediate -w restart -o "-p $pg_port -k $pg_data -c listen_addresses=127.0.0.1" -l "$pg_data/server.log" >/dev/null
          disturbed=$n
        fi
      fi
      if figures | grep -q '"done":true'; then break; fi
      sleep 1
    done
    finished=$(date +%s.%N)
    read -r total dup missing < <(check_sink)
    rate=$(awk -v n="$subscribers" -v a="${first_at:-$started}" -v b="$finished" 'BEGIN { printf "%.0f", n / (b - a) }')
    lat=$(printf '%s\n' "${latencies[@]:-0}" | sort -n | awk '{ v[NR] = $1 } END {
      m = int(NR * 0.5 + 0.5); if (m < 1) m = 1; p = int(NR * 0.95 + 0.5); if (p > NR) p = NR; if (p < 1) p = 1
      printf "%.0f / %.0f ms", 1000 * v[m], 1000 * v[p] }')
    note=; [ -n "$disturbed" ] && note=" (at $disturbed)"
    rows+=("| $engine | $run$note | $subscribers | $total | $dup | $missing | $rate | $((peak_rss / 1024)) MB | $lat (${#latencies[@]}) |")
    [ "$dup" -eq 0 ] && [ "$missing" -eq 0 ] && [ "$total" -eq "$subscribers" ] || failed=1
    echo "[$engine/$run] $total received, $dup duplicates, $missing missing, $rate msg/s, peak RSS $((peak_rss / 1024)) MB, progress view $lat" >&2
    stop_app
  done
done

echo
echo "Newsletter sending, $subscribers subscribers, $connections SMTP connections, $(nproc) cores, $(date -u +%Y-%m-%d):"
echo
echo "| Engine | Run | Subscribers | Messages at the sink | Duplicates | Missing | Messages/s | Peak RSS | Progress view p50 / p95 (requests) |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
printf '%s\n' "${rows[@]}"
exit "$failed"
