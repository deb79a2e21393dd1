#!/usr/bin/env bash
# Measures the material bank's search with BENCH_MATERIALS (default 50,000) generated materials of Finnish
# text, on SQLite and on PostgreSQL: the time to build the index from the database, from publishing to
# searchable, search latency (p50/p95/p99) under BENCH_CLIENTS (default 32) concurrent clients, material page
# throughput, and the app's peak memory. See docs/benchmarks.md.
# PostgreSQL gets a private server on BENCH_PG_PORT (default 54392); choose another when that port is taken.
#
#   bench/materials.sh                                  # the figures in docs/benchmarks.md
#   BENCH_MATERIALS=5000 BENCH_SECONDS=5 bench/materials.sh   # a quick look
set -euo pipefail
cd "$(dirname "$0")/.."

materials=${BENCH_MATERIALS:-50000}
clients=${BENCH_CLIENTS:-32}
seconds=${BENCH_SECONDS:-15}
warmup=${BENCH_WARMUP:-5}
port=${BENCH_PORT:-5392}
pg_port=${BENCH_PG_PORT:-54392}
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

# The query mix: a common word (a form of "asunnottomuus" is in half of all materials), inflected and compound
# forms, two words, a typo, a filter and sorting by date.
queries=(
  "q=asunnottomuuden" "q=asumisneuvonta" "q=h%C3%A4%C3%A4t%C3%B6jen%20ehk%C3%A4isy" "q=nuorten%20itsen%C3%A4istyminen"
  "q=asunottomuus" "q=p%C3%A4ihdepalvelut%20Tampereella" "q=kokemusasiantuntijat" "q=vertaistuki"
  "q=koulutukset&sort=newest" "q=asunnottomuus&type=ModelOrGuide"
)
printf '/api/v1/materials?%s\n' "${queries[@]}" >"$out/api-paths.txt"
printf '/materials?%s\n' "${queries[@]}" >"$out/page-paths.txt"
printf '/api/v1/materials?q=asunnottomuuden\n' >"$out/common-paths.txt"

rows=()
notes=()
for engine in $engines; do
  data=$(mktemp -d /tmp/yhdessa-materials.XXXXXX)
  settings=(--Yhdessa:DataDirectory="$data" --Yhdessa:DemoData=false --Yhdessa:BaseUrl="$base")
  if [ "$engine" = Postgres ]; then
    pg_data=$(mktemp -d /tmp/yhdessa-bench-pg.XXXXXX)
    [ "$(id -u)" -eq 0 ] && chown postgres: "$pg_data"
    pg "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    pg "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w -o "-p $pg_port -k $pg_data -c listen_addresses=127.0.0.1" start >/dev/null
    settings+=(--Yhdessa:Database:Provider=Postgres "--ConnectionStrings:Yhdessa=Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=yhdessa_bench")
  fi

  echo "[$engine] Preparing $materials materials…" >&2
  prepare=$(dotnet "$bench_tool" "${settings[@]}" --Bench:Organisations=100 --Bench:Materials="$materials" --Bench:SlugFile="$out/page-slugs.txt")
  echo "$prepare" >&2
  notes+=("**$engine**: $(echo "$prepare" | grep -E '^(Materials|Index|Publish)' | tr '\n' ' ')")

  echo "[$engine] Starting the app…" >&2
  (cd "$out/app" && ASPNETCORE_ENVIRONMENT=Production exec dotnet Yhdessa.dll --urls "$base" "${settings[@]}" \
    --Logging:LogLevel:Default=Warning) >"$out/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 120); do curl -fsS "$base/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fsS "$base/health/search" | grep -q '"finnish":"voikko"' || echo "Warning: Voikko is not in use" >&2
  # Every path must answer 200 before it is measured.
  for path in $(cat "$out/api-paths.txt" "$out/page-paths.txt") $(head -n 3 "$out/page-slugs.txt"); do
    status=$(curl -s -o /dev/null -w '%{http_code}' "$base$path")
    [ "$status" = 200 ] || { echo "$path answered $status" >&2; exit 1; }
  done

  # The app's CPU time (user + system, in clock ticks) from /proc: CPU per request does not depend on what else
  # the machine is running, as latency does.
  app_cpu() { awk '{ print $14 + $15 }' "/proc/$app_pid/stat"; }
  measure() { # label paths-file mode
    dotnet "$bench_tool" load "$base" "$clients" "$warmup" "$3" "$2" >/dev/null || true
    local before after
    before=$(app_cpu)
    read -r rps p50 p95 p99 errors count < <(dotnet "$bench_tool" load "$base" "$clients" "$seconds" "$3" "$2" || true)
    after=$(app_cpu)
    cpu=$(awk -v t="$((after - before))" -v n="$count" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", (n > 0 ? t * 1000 / hz / n : 0) }')
    rows+=("| $engine | $1 | $rps | $p50 | $p95 | $p99 | $errors | $cpu |")
    echo "[$engine] $1: $rps req/s, p50 $p50 ms, p95 $p95 ms, $cpu ms CPU per request; load $(cut -d' ' -f1 /proc/loadavg)" >&2
  }
  measure "search API, 10 queries in turn" "$out/api-paths.txt" uncached
  measure "search API, common word only (\`asunnottomuuden\`, ~50 % of materials)" "$out/common-paths.txt" uncached
  measure "search page \`/materials?q=…\`, uncached" "$out/page-paths.txt" uncached
  measure "material page, 1,000 different, uncached" "$out/page-slugs.txt" uncached
  peak=$(awk '/VmHWM/ { printf "%.0f MB", $2 / 1024 }' "/proc/$app_pid/status")
  notes+=("**$engine** app peak memory (VmHWM) after the runs: $peak.")

  kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=
  if [ "$engine" = Postgres ]; then pg "$pg_bin/pg_ctl" -D "$pg_data" -m fast stop >/dev/null; rm -rf "$pg_data"; pg_data=; fi
  rm -rf "$data"; data=
done

echo
echo "$materials materials, $clients concurrent clients, ${seconds} s per row after ${warmup} s warm-up; $(nproc) cores;" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git rev-parse --short HEAD)"
echo
echo "| Engine | What | req/s | p50 ms | p95 ms | p99 ms | errors | app CPU ms/request |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
printf '%s\n' "${rows[@]}"
echo
printf -- '- %s\n' "${notes[@]}"
