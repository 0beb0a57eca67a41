#!/usr/bin/env bash
# Builds everything (Release), then runs the built MCP server against a local moto_server and talks to it as an MCP
# client would (scripts/demo/mcp_demo.py): initialize, tools/list, suggest/describe/execute, a typed tool, a refusal,
# a resource. Needs the AWS CLI v1 and moto_server (both on this kind of machine).
set -euo pipefail
cd "$(dirname "$0")"
dotnet build AwsMcpTyped.sln -c Release -nologo -v:q
python3 scripts/demo/mcp_demo.py src/AwsMcpTyped.Cli/bin/Release/net10.0/awsmcp.dll
echo
echo "Use it from an MCP client: command \"dotnet\", args [\"$(pwd)/src/AwsMcpTyped.Cli/bin/Release/net10.0/awsmcp.dll\", \"serve\"]"
