#!/usr/bin/env bash
# The validator against the real AWS CLI on the parsing corpus (tests/golden/cli-parse-corpus-v1|v2.jsonl.gz):
#  1. the installed CLI re-judges a sample of the checked-in corpus (scripts/cli/referee.py corpus --check): the
#     verdicts the figures rest on must still be the CLI's;
#  2. the validator runs over the whole corpus of both versions and prints its figures (accepted examples, agreement
#     on broken variants by class, policy refusals, time per command) — the benchmark 'parse'.
# Usage: scripts/cli/parse-agreement.sh [SAMPLE]   SAMPLE lines per version to re-judge (default 150; 0: all, ~1 h).
# v1 is the CLI in python3; v2 is re-judged only when AWSCLI_V2_SOURCE names its source tree (scripts/cli/README.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
sample=${1:-150}
python3 scripts/cli/referee.py corpus --check --sample "$sample" --seed "${PARSE_SEED:-$RANDOM}"
if [ -n "${AWSCLI_V2_SOURCE:-}" ]; then
  /usr/bin/python3 scripts/cli/referee.py corpus --check --sample "$sample" --seed "${PARSE_SEED:-$RANDOM}"
fi
# The solution's test run does not build the benchmarks; build them (a no-op when they are up to date).
dotnet build benchmarks/AwsMcpTyped.Benchmarks -c Release -nologo -v:q >/dev/null
dotnet benchmarks/AwsMcpTyped.Benchmarks/bin/Release/net10.0/AwsMcpTyped.Benchmarks.dll parse
