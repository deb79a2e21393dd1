#!/usr/bin/env bash
# Adds a migration for both database engines: tools/migrations.sh NameOfChange
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: tools/migrations.sh NameOfChange}
command -v dotnet-ef >/dev/null || dotnet tool restore
for engine in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project src/Yhdessa --context "${engine}YhdessaDb" \
    --output-dir "Platform/Data/Migrations/$engine" --namespace "Yhdessa.Platform.Data.Migrations.$engine"
done
# dotnet-ef writes the model snapshot under src/Yhdessa/Yhdessa/…; keep it beside its migrations.
for engine in Sqlite Postgres; do
  stray="src/Yhdessa/Yhdessa/Platform/Data/Migrations/$engine/${engine}YhdessaDbModelSnapshot.cs"
  [ -f "$stray" ] && mv "$stray" "src/Yhdessa/Platform/Data/Migrations/$engine/"
done
rm -rf src/Yhdessa/Yhdessa
