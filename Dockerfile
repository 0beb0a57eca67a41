# syntax=docker/dockerfile:1
# awsmcp: the MCP server with the pinned AWS CLI v1 it validates commands against.
#   docker build -t awsmcp .
#   docker run -i --rm -v ~/.aws:/home/awsmcp/.aws:ro -e AWS_PROFILE -e AWS_DEFAULT_REGION awsmcp          (stdio)
#   docker run --rm -p 127.0.0.1:8000:8000 -e AWS_MCP_HTTP_TOKEN ... awsmcp serve --http --host 0.0.0.0 --port 8000
# No HEALTHCHECK: the default transport is stdio, where there is nothing to probe; for --http the orchestrator can
# probe /mcp (GET answers 405 once the server is up).

# Build on the build machine's own architecture and cross-compile for the target (no emulated build); DL3029
# objects to any --platform, even this standard cross-build one.
# hadolint ignore=DL3029
FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build
ARG TARGETARCH
ARG BUILDARCH
# The sandbox launcher (src/AwsMcpTyped/Sandbox/Native/awsmcp-sandbox.c) is C, linked statically: a C compiler and
# libc for the target architecture (the native ones, or a cross compiler when building for the other architecture).
RUN case "$TARGETARCH" in \
        amd64) triple=x86_64-linux-gnu; cross="gcc-x86-64-linux-gnu libc6-dev-amd64-cross" ;; \
        arm64) triple=aarch64-linux-gnu; cross="gcc-aarch64-linux-gnu libc6-dev-arm64-cross" ;; \
        *) echo "unsupported architecture $TARGETARCH" >&2; exit 1 ;; \
    esac \
    && if [ "$TARGETARCH" = "$BUILDARCH" ]; then packages="gcc libc6-dev"; else packages="$cross"; fi \
    && apt-get update \
    && apt-get install -y --no-install-recommends $packages \
    && rm -rf /var/lib/apt/lists/* \
    && ln -s "$(command -v "$triple-gcc")" /usr/local/bin/target-cc
WORKDIR /src
# The whole tree: the catalogue and the suggest index are generated at build time from botocore-data/ and
# generators/ (.dockerignore keeps build outputs and tests out).
COPY . .
# Self-contained composite ReadyToRun: .NET and the app compiled together, so even the MCP SDK's generic
# instantiations are precompiled: ~90 ms to the initialize answer instead of ~160 ms (benchmarks/run.sh).
# The launcher lands next to the app (/app/awsmcp-sandbox); Landlock needs no privileges, so it contains every command
# inside a default container too (Docker 23+ allows the Landlock system calls).
RUN dotnet publish src/AwsMcpTyped.Cli -c Release -o /app --os linux -a "$TARGETARCH" --self-contained true \
        -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -p:SandboxCompiler=target-cc -nologo \
    && test -x /app/awsmcp-sandbox

# runtime-deps: the app is self-contained (ASP.NET Core for `serve --http` included); only native dependencies here.
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble AS runtime
ARG SOURCE_URL=""
LABEL org.opencontainers.image.title="awsmcp" \
      org.opencontainers.image.description="MCP server that runs validated AWS CLI v1 commands" \
      org.opencontainers.image.source="${SOURCE_URL}" \
      org.opencontainers.image.licenses="MIT"

SHELL ["/bin/bash", "-o", "pipefail", "-c"]

# python3 + venv for the AWS CLI (Ubuntu's Python is externally managed, PEP 668); jq and column (bsdextrautils)
# are execute_command filters the base image lacks (grep, sed, awk, sort, head, tail, wc, cut, uniq, tr are there).
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 python3-venv jq bsdextrautils \
    && rm -rf /var/lib/apt/lists/*

# The CLI version the catalogue, golden data and tests are pinned to.
RUN python3 -m venv /opt/awscli \
    && /opt/awscli/bin/pip install --no-cache-dir awscli==1.45.11 botocore==1.43.11 \
    && /opt/awscli/bin/aws --version

# A fixed non-root UID, so a mounted ~/.aws can be made readable for it; -l: no huge lastlog for a high UID.
RUN groupadd --gid 10001 awsmcp \
    && useradd -l --uid 10001 --gid 10001 --create-home --home-dir /home/awsmcp --shell /usr/sbin/nologin awsmcp \
    && install -d -o awsmcp -g awsmcp -m 0700 /home/awsmcp/work

COPY --from=build /app /app

# HOME explicit: the CLI finds ~/.aws (mounted read-only) there even under `docker run --user`.
ENV PATH="/opt/awscli/bin:${PATH}" \
    HOME=/home/awsmcp \
    AWS_MCP_WORKDIR=/home/awsmcp/work \
    DOTNET_NOLOGO=1
# The only directory commands may read or write local files in (file://, s3 cp, ...), and the CLI's current directory.
WORKDIR /home/awsmcp/work
USER 10001:10001

# Only used by `serve --http --host 0.0.0.0 --port 8000` (which then requires AWS_MCP_HTTP_TOKEN).
EXPOSE 8000
ENTRYPOINT ["/app/awsmcp"]
CMD ["serve"]
