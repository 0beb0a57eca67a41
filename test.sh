#!/usr/bin/env bash
# Builds everything, runs every test, then the official MCP conformance suite against the built server
# (the command .ci/run uses).
set -euo pipefail
cd "$(dirname "$0")"
dotnet test AwsMcpTyped.sln -c Release -nologo "$@"
tests/conformance/run.sh Release
