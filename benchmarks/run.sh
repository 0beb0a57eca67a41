#!/usr/bin/env bash
# Benchmarks: clean build, no-op rebuild, catalogue run-time figures (load, describe p50/p99, size, RSS),
# and the executor's overhead over the raw aws CLI on a local moto_server.
# Usage: benchmarks/run.sh        (takes a few minutes; run on an otherwise idle machine)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds() { local start=$1; echo "$(( $(date +%s%N) - start ))" | awk '{printf "%.1f", $1/1e9}'; }

dotnet build-server shutdown >/dev/null 2>&1 || true
find . -path ./node_modules -prune -o \( -name bin -o -name obj \) -type d -prune -exec rm -rf {} + 2>/dev/null || true
dotnet restore AwsMcpTyped.sln >/dev/null

start=$(date +%s%N)
dotnet build AwsMcpTyped.sln -c Release --no-restore -nologo -v:q >/dev/null
clean=$(seconds "$start")

start=$(date +%s%N)
dotnet build AwsMcpTyped.sln -c Release --no-restore -nologo -v:q >/dev/null
noop=$(seconds "$start")

# The two fast-start builds (start-up figures): framework-dependent ReadyToRun, and self-contained composite
# ReadyToRun (framework and app in one version bubble, so the SDK's generic instantiations are precompiled too).
# They share obj/…/linux-x64, which must not carry one's images into the other: cleaned between them.
publish() {
  find src generators -path '*/obj/Release/net10.0/linux-x64' -type d -prune -exec rm -rf {} +
  rm -rf "artifacts/$1"
  dotnet publish src/AwsMcpTyped.Cli -c Release -r linux-x64 -p:PublishReadyToRun=true "${@:2}" -o "artifacts/$1" -nologo -v:q >/dev/null
}
publish awsmcp-r2r --self-contained false
publish awsmcp-composite --self-contained true -p:PublishReadyToRunComposite=true
find src generators -path '*/obj/Release/net10.0/linux-x64' -type d -prune -exec rm -rf {} +

echo "clean build (restore excluded)     ${clean} s"
echo "no-op rebuild                       ${noop} s"
dotnet benchmarks/AwsMcpTyped.Benchmarks/bin/Release/net10.0/AwsMcpTyped.Benchmarks.dll all
