#!/usr/bin/env bash
# Measures anonymous reads of Yhdessä with wrk on loopback: the front page (cached and built, with its sections' queries)
# and the organisation directory (1,000 organisations), beside the framework's own plaintext answer in the same run.
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
# Each row: label ; path ; "cached" or "uncached" ; a string the answer must contain.
# "uncached" rows send "Authorization: x": ASP.NET Core's default output-cache policy (which PublicPages'
# policy builds on) neither serves nor stores a request with an Authorization header, while the page itself
# ignores the header (no scheme reads it) and answers the anonymous page, so each such request runs the
# database queries and renders the page. The script checks both halves: the same body, and no Age header.
directory=/network/organisations
search="$directory?q=s%C3%A4%C3%A4ti%C3%B6"   # ?q=säätiö
rows_spec=(
  "plaintext;/bench/plaintext;cached;Hello, World!"
  "front page;/;cached;<h2 id=\"section-0\">Tulevat koulutukset ja tapahtumat</h2>"
  "directory, first page;$directory;cached;<td><a href=\"/network/organisations/"
  "directory, search q=säätiö;$search;cached;value=\"säätiö\""
  "directory, sector=Ngo & municipality=091;$directory?sector=Ngo&municipality=091;cached;<option value=\"091\" selected=\"selected\">"
  "directory, page 10;$directory?page=10;cached;aria-current=\"page\" aria-label=\"Sivu 10\""
  "front page, uncached;/;uncached;<h2 id=\"section-0\">Tulevat koulutukset ja tapahtumat</h2>"
  "directory, first page, uncached;$directory;uncached;<td><a href=\"/network/organisations/"
  "directory, search, uncached;$search;uncached;value=\"säätiö\""
  "directory, page 10, uncached;$directory?page=10;uncached;aria-current=\"page\" aria-label=\"Sivu 10\""
)
header_args() { if [ "$1" = uncached ]; then printf '%s\n' -H 'Authorization: x'; fi; }

# measure MODE URL → "req/s p50 p99 non2xx socket-errors" (latencies as wrk prints them, e.g. 1.23ms)
measure() {
  local args; mapfile -t args < <(header_args "$1")
  wrk -t"$threads" -c"$connections" -d"$duration" --latency "${args[@]}" "$2" >"$out/wrk.txt"
  awk '
    /Requests\/sec:/ { rps = $2 }
    /^ +50%/ { p50 = $2 }
    /^ +99%/ { p99 = $2 }
    /Non-2xx or 3xx responses:/ { non2xx += $NF }
    /Socket errors:/ { gsub(",", ""); sock = $4 + $6 + $8 + $10 }
    END { printf "%s %s %s %d %d\n", rps, p50, p99, non2xx, sock }' "$out/wrk.txt"
}

# Check every URL before measuring: 200, the expected content, and cached/uncached as the row says.
ok=()
for spec in "${rows_spec[@]}"; do
  IFS=';' read -r label path mode expect <<<"$spec"
  mapfile -t args < <(header_args "$mode")
  curl -s -o /dev/null "${args[@]}" "$base$path"   # first request: fills the cache when cacheable
  status=$(curl -s -D "$out/headers.txt" -o "$out/body.html" -w '%{http_code}' "${args[@]}" "$base$path")
  problem=""
  if [ "$status" != 200 ]; then problem="answers $status"
  elif ! grep -qF -- "$expect" "$out/body.html"; then problem="answer lacks: $expect"
  elif [ "$path" != /bench/plaintext ] && [ "$mode" = cached ] && ! grep -qi '^age:' "$out/headers.txt"; then
    problem="not served from the output cache (no Age header)"
  elif [ "$mode" = uncached ] && grep -qi '^age:' "$out/headers.txt"; then problem="served from the output cache"
  elif [ "$mode" = uncached ] && ! cmp -s "$out/body.html" <(curl -s "$base$path"); then
    problem="answers differently with the Authorization header"
  fi
  if [ -n "$problem" ]; then echo "$label ($path): $problem" >&2; exit 1; fi
  ok+=("$spec")
done

# Every URL is warmed up before any is measured, so that the JIT has settled for all of them alike.
for spec in "${ok[@]}"; do
  IFS=';' read -r label path mode expect <<<"$spec"
  mapfile -t args < <(header_args "$mode")
  echo "Warming up $label for $warmup…" >&2
  wrk -t"$threads" -c"$connections" -d"$warmup" "${args[@]}" "$base$path" >/dev/null
done
# Other work on the machine shows up in the figures; the table says how busy it was.
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
plaintext_rps=
failed=0
measured_rows=()
for spec in "${ok[@]}"; do
  IFS=';' read -r label path mode expect <<<"$spec"
  echo "Measuring $label for $duration…" >&2
  read -r rps p50 p99 non2xx sock < <(measure "$mode" "$base$path")
  [ -z "$plaintext_rps" ] && plaintext_rps=$rps
  share=$(awk -v a="$rps" -v b="$plaintext_rps" 'BEGIN { printf "%.1f %%", 100 * a / b }')
  [ "$non2xx" -gt 0 ] || [ "$sock" -gt 0 ] && failed=1
  shown=$(printf '%s' "$path" | sed 's/%C3%A4/ä/g; s/%C3%B6/ö/g')
  [ "$mode" = uncached ] && shown="$shown\` + \`Authorization: x"
  measured_rows+=("| $label | \`$shown\` | $(printf '%.0f' "$rps") | $p50 | $p99 | $share | $non2xx | $sock |")
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

echo
echo "wrk -t$threads -c$connections -d$duration --latency after a $warmup warm-up of each URL; $(nproc) cores;" \
  "load average before: $load_before, after: $load_after; $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git rev-parse --short HEAD)"
echo
echo "| What | URL | req/s | p50 | p99 | % of plaintext | non-2xx | socket errors |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
printf '%s\n' "${measured_rows[@]}"
if [ "$failed" -ne 0 ]; then echo "Some answers were not 2xx or sockets failed: the run does not count." >&2; exit 1; fi
