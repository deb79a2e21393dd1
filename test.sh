#!/usr/bin/env bash
# Runs every test of Yhdessä: unit and HTTP integration tests on SQLite and on a real PostgreSQL server.
# Arguments go on to `dotnet test` (e.g. `--filter "FullyQualifiedName~Events"`); without any, the bench projects are
# built and the code style is checked too (`dotnet format whitespace --verify-no-changes` and, in the build, the style
# rules of .editorconfig).
# Installs the PostgreSQL server, Chromium (for the browser tests) and aiosmtpd (the SMTP server the
# email tests send to) from Debian's packages when they are missing, starts a private PostgreSQL
# instance for the run, and stops it at the end.
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "Installing PostgreSQL server…"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

# The browser tests drive Debian's headless Chromium through Playwright, which is never let to download a browser.
if [ ! -x /usr/bin/chromium-headless-shell ] || ! dpkg -s fonts-dejavu-core >/dev/null 2>&1; then
  echo "Installing Chromium…"
  as_root apt-get update -qq
  # DejaVu is the sans-serif font the layout falls back to; text widths in the tests depend on it.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell fonts-dejavu-core >/dev/null
fi

# The email tests receive the app's mail with aiosmtpd, run by Debian's Python (not one earlier on PATH).
if ! /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1; then
  echo "Installing aiosmtpd…"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-aiosmtpd >/dev/null
fi

# Finnish search takes base forms and compound parts from Voikko; without it the app falls back to a stemmer
# and the tests of Finnish search would fail.
if ! dpkg -s libvoikko1 voikko-fi >/dev/null 2>&1; then
  echo "Installing Voikko…"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libvoikko1 voikko-fi >/dev/null
fi

pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pg_port=${YHDESSA_TEST_PG_PORT:-54329}
pg_data=$(mktemp -d /tmp/yhdessa-pg.XXXXXX)
if [ "$(id -u)" -eq 0 ]; then
  chown postgres: "$pg_data"
  pg() { runuser -u postgres -- "$@"; }
else
  pg() { "$@"; }
fi
stop_postgres() { pg "$pg_bin/pg_ctl" -D "$pg_data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$pg_data"; }
trap stop_postgres EXIT
pg "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
# A port already in use (another PostgreSQL, another test run) moves the server to the next free one.
for attempt in 1 2 3 4 5 6 7 8 9 10; do
  if pg "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w \
    -o "-p $pg_port -k $pg_data -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null; then
    break
  fi
  if [ "$attempt" -eq 10 ]; then
    echo "PostgreSQL did not start; its log:" >&2
    cat "$pg_data/server.log" >&2
    exit 1
  fi
  pg_port=$((pg_port + 1))
done
export YHDESSA_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres"

log=$(mktemp /tmp/yhdessa-test.XXXXXX.log)
set +e
# The build comes first, once; the tests and the checks then use it. The compiler checks the style rules of
# .editorconfig there (EnforceCodeStyleInBuild): a tenth of what `dotnet format` took to check them again.
tests=tests/Yhdessa.Tests/Yhdessa.Tests.csproj
args=()
for arg in "$@"; do [ "$arg" = "--no-build" ] || args+=("$arg"); done
if [ "${#args[@]}" -eq "$#" ]; then
  build=(dotnet build "$tests" -v q -nologo -p:EnforceCodeStyleInBuild=true)
  "${build[@]}" >/dev/null 2>&1 || { "${build[@]}"; exit 1; }
fi
# The whole suite also checks, beside the tests, that the bench projects compile and the layout of the code
# (.editorconfig); a run of a part skips both. They run while the tests do, which leave a core idle now and then.
checks_log=$(mktemp /tmp/yhdessa-checks.XXXXXX.log)
checks_pid=""
if [ "$#" -eq 0 ]; then
  (
    for bench in bench/Yhdessa.Bench/Yhdessa.Bench.csproj bench/monitoring/MonitoringBench.csproj; do
      dotnet build "$bench" -v q -nologo -p:BuildProjectReferences=false -p:EnforceCodeStyleInBuild=true || exit 1
    done
    dotnet format whitespace Yhdessa.slnx --verify-no-changes -v q || exit 1
  ) >"$checks_log" 2>&1 &
  checks_pid=$!
fi
dotnet test "$tests" --no-build --logger "console;verbosity=normal" ${args[@]+"${args[@]}"} 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
checks_status=0
if [ -n "$checks_pid" ]; then wait "$checks_pid"; checks_status=$?; fi
set -e
passed=$(grep -cE '^\s+Passed ' "$log" || true)
failed=$(grep -cE '^\s+Failed ' "$log" || true)
# The console log of a whole run is long; the failures are repeated at its end, where a CI excerpt shows them.
if [ "$failed" -gt 0 ]; then
  echo "Failed tests:"
  grep -A 25 -E '^\s+Failed ' "$log" | grep -vE '^\{"EventId"' || true
fi
echo "Tests: $passed passed, $failed failed"
if [ "$checks_status" -ne 0 ]; then
  echo "A bench project does not compile, or the code does not follow .editorconfig (run: dotnet format Yhdessa.slnx):"
  cat "$checks_log"
  status=1
fi
rm -f "$checks_log"
exit "$status"
