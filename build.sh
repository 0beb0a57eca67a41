#!/usr/bin/env bash
# Builds everything (Release) and runs a short demo of the catalogue with the built awsmcp.
# The MCP server (stdio/HTTP) and a moto demo arrive with later issues; this script will run them.
set -euo pipefail
cd "$(dirname "$0")"
dotnet build AwsMcpTyped.sln -c Release -nologo -v:q
awsmcp=(dotnet src/AwsMcpTyped.Cli/bin/Release/net10.0/awsmcp.dll)
echo "== awsmcp describe s3 ls (first lines) =="
"${awsmcp[@]}" describe s3 ls | head -20
echo "== awsmcp describe dynamodb create-table --parameter key-schema (first lines) =="
"${awsmcp[@]}" describe dynamodb create-table --parameter key-schema | head -25
echo "== catalogue =="
"${awsmcp[@]}" catalogue export | python3 -c 'import json,sys; d=json.load(sys.stdin); print("botocore", d["botocore"] + ":", len(d["services"]), "top-level commands,", sum(len(s["commands"]) for s in d["services"]), "commands")'
