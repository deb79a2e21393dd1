#!/usr/bin/env bash
# Measures anonymous reads of Yhdessä with wrk on loopback: the front page and the organisation
# directory (1,000 organisations), beside the framework's own plaintext answer in the same run.
# Builds the app in Release, starts it as in production (Production environment, no demo data) on a
# fresh SQLite data directory, and prints a Markdown table. See docs/benchmarks.md.
#
#   bench/run.sh                     # 32 connections, 2 threads, 15 s per URL after a 5 s warm-up
#   BENCH_DURATION=5s bench/run.sh   # a quick look
set -euo pipefail
cd "$(dirname "$0")/.."

connections=${BENCH_CONNECTIONS:-32}
threads=${BENCH_THREADS:-2}
duration=${BENCH_DURATION:-15s}
warmup=${BENCH_WARMUP:-5s}
port=${BENCH_PORT:-5391}
organisations=${BENCH_ORGANISATIONS:-1000}
base="http://127.0.0.1:$port"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v wrk >/dev/null; then
  echo "Installing wrk…" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

out=bench/results
mkdir -p "$out"
data=$(mktemp -d /tmp/yhdessa-bench.XXXXXX)
app_pid=
cleanup() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  rm -rf "$data"
}
trap cleanup EXIT

echo "Building in Release…" >&2
dotnet publish src/Yhdessa/Yhdessa.csproj -c Release -o "$out/app" --nologo -v quiet >&2
dotnet build bench/Yhdessa.Bench/Yhdessa.Bench.csproj -c Release --nologo -v quiet >&2

settings=(--Yhdessa:DataDirectory="$data" --Yhdessa:DemoData=false --Yhdessa:BaseUrl="$base")
echo "Preparing the database in $data…" >&2
dotnet bench/Yhdessa.Bench/bin/Release/net10.0/Yhdessa.Bench.dll "${settings[@]}" --Bench:Organisations="$organisations" >&2

echo "Starting the app on $base…" >&2
# From the publish folder, so that wwwroot and appsettings.json are found as in a deployment.
(cd "$out/app" && ASPNETCORE_ENVIRONMENT=Production exec dotnet Yhdessa.dll --urls "$base" \
  "${settings[@]}" --Yhdessa:Bench:Plaintext=true --Logging:LogLevel:Default=Warning) >"$out/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 60); do
  if curl -fsS "$base/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$app_pid" 2>/dev/null; then echo "The app stopped; see $out/app.log" >&2; exit 1; fi
  sleep 0.5
done
curl -fsS "$base/health/ready" >/dev/null
# Other work on the machine shows up in the figures; the table says how busy it was.
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# measure URL → "req/s p50 p99 errors" (latencies as wrk prints them, e.g. 1.23ms)
measure() {
  wrk -t"$threads" -c"$connections" -d"$duration" --latency "$1" >"$out/wrk.txt"
  awk '
    /Requests\/sec:/ { rps = $2 }
    /^ +50%/ { p50 = $2 }
    /^ +99%/ { p99 = $2 }
    /Non-2xx or 3xx responses:/ { errors += $NF }
    /Socket errors:/ { errors += 1 }
    END { printf "%s %s %s %d\n", rps, p50, p99, errors }' "$out/wrk.txt"
}

paths=(/bench/plaintext / /network/organisations)
measured=()
rows=()
for path in "${paths[@]}"; do
  status=$(curl -s -o /dev/null -w '%{http_code}' "$base$path")
  if [ "$status" = 200 ]; then
    measured+=("$path")
  else
    rows+=("| \`$path\` | – | – | – | not measured: answers $status |")
  fi
done
if [ "${measured[0]:-}" != /bench/plaintext ]; then
  echo "/bench/plaintext does not answer: the yardstick is missing (Yhdessa:Bench:Plaintext)." >&2
  exit 1
fi
# Every URL is warmed up before any is measured, so that the JIT has settled for all of them alike.
for path in "${measured[@]}"; do
  echo "Warming up $path for $warmup…" >&2
  wrk -t"$threads" -c"$connections" -d"$warmup" "$base$path" >/dev/null
done
plaintext_rps=
measured_rows=()
for path in "${measured[@]}"; do
  echo "Measuring $path for $duration…" >&2
  read -r rps p50 p99 errors < <(measure "$base$path")
  [ -z "$plaintext_rps" ] && plaintext_rps=$rps
  share=$(awk -v a="$rps" -v b="$plaintext_rps" 'BEGIN { printf "%.0f %%", 100 * a / b }')
  note=""
  [ "$errors" -gt 0 ] && note="$errors errors or non-2xx answers"
  measured_rows+=("| \`$path\` | $(printf '%.0f' "$rps") | $p50 | $p99 | $share $note |")
done

echo
echo "wrk -t$threads -c$connections -d$duration --latency after a $warmup warm-up of each URL; $(nproc) cores;" \
  "load average before: $load_before; $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "| URL | req/s | p50 | p99 | % of plaintext |"
echo "| --- | ---: | ---: | ---: | ---: |"
printf '%s\n' "${measured_rows[@]}" "${rows[@]}"
