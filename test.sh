#!/usr/bin/env bash
# Builds everything and runs every test (the command .ci/run uses).
set -euo pipefail
cd "$(dirname "$0")"
dotnet test AwsMcpTyped.sln -c Release -nologo "$@"
