#!/usr/bin/env bash
# Runs every test of Yhdessä. Installs what the tests need when it is missing.
set -euo pipefail
cd "$(dirname "$0")"
dotnet test Yhdessa.slnx --logger "console;verbosity=normal" 2>&1 | tee /tmp/yhdessa-test.log
status=${PIPESTATUS[0]}
passed=$(grep -cE '^\s+Passed ' /tmp/yhdessa-test.log || true)
failed=$(grep -cE '^\s+Failed ' /tmp/yhdessa-test.log || true)
echo "Tests: $passed passed, $failed failed"
exit "$status"
