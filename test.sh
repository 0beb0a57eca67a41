#!/usr/bin/env bash
# Builds everything, runs every test, then the official MCP conformance suite against the built server
# (the command .ci/run uses).
set -euo pipefail
cd "$(dirname "$0")"
dotnet test AwsMcpTyped.sln -c Release -nologo "$@"
tests/conformance/run.sh Release
# The pass above runs on AWS CLI v1, first on PATH. The tests whose outcome depends on the installed CLI run again with
# AWS CLI v2 as the installed one (scripts/cli/install-awscli-v2.sh puts it at /opt/awscli-v2); AWSMCP_V2_PASS=full
# runs the whole suite on v2 (tests of one version's behaviour pin that version and pass on either).
if [ -x /opt/awscli-v2/aws ]; then
  filter=(--filter "Category=InstalledCli")
  [ "${AWSMCP_V2_PASS:-}" = full ] && filter=()
  AWS_MCP_AWS_CLI=/opt/awscli-v2/aws dotnet test tests/AwsMcpTyped.Tests -c Release --no-build -nologo "${filter[@]}"
else
  echo "test.sh: AWS CLI v2 is not at /opt/awscli-v2 (scripts/cli/install-awscli-v2.sh): the v2 pass is skipped" >&2
fi
# The validator against the real CLI on the parsing corpus: the installed CLI re-judges a sample of the checked-in
# verdicts, then the validator's figures on the whole corpus are printed (scripts/cli/parse-agreement.sh 0: all lines).
scripts/cli/parse-agreement.sh
