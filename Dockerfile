# syntax=docker/dockerfile:1
# awsmcp: the MCP server with the pinned AWS CLI v2 it validates commands against.
#   docker build -t awsmcp .
#   docker run -i --rm -v ~/.aws:/home/awsmcp/.aws:ro -e AWS_PROFILE -e AWS_DEFAULT_REGION awsmcp          (stdio)
#   docker run --rm -p 127.0.0.1:8000:8000 -e AWS_MCP_HTTP_TOKEN ... awsmcp serve --http --host 0.0.0.0 --port 8000
# No HEALTHCHECK: the default transport is stdio, where there is nothing to probe; for --http the orchestrator can
# probe /mcp (GET answers 405 once the server is up).

# The AWS CLI v2 release the catalogue was generated from (generators/data/v2/cli-customizations.json "awscli"; its
# models equal botocore-data/). Declared before the first FROM so the installer stage and the runtime stage share it.
ARG AWS_CLI_VERSION=2.34.50

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

# AWS CLI v2 from AWS's official installer, in a stage of its own so the download and verification tools (curl, gnupg,
# unzip) never reach the runtime image. The same base as the runtime stage: the installer runs the bundled executable,
# so this also proves it starts on the libc it will run on.
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble AS awscli
ARG TARGETARCH
ARG AWS_CLI_VERSION
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl gnupg unzip \
    && rm -rf /var/lib/apt/lists/*
# The AWS CLI team's public key (docker/aws-cli-public-key.asc). The build trusts one fingerprint, the one the AWS CLI
# user guide publishes, rather than whatever the file holds; tests/AwsMcpTyped.Tests/Packaging checks the two agree.
COPY docker/aws-cli-public-key.asc /tmp/awscli/aws-cli-public-key.asc
WORKDIR /tmp/awscli
# The versioned zip (the unversioned one is whatever AWS released last) and its detached signature, over https only.
# gpg's exit code alone would also accept a signature by any key that happens to be in the keyring, so the keyring is
# a scratch one holding exactly the AWS key, and the status lines must report VALIDSIG for that fingerprint.
RUN case "$TARGETARCH" in \
        amd64) arch=x86_64 ;; \
        arm64) arch=aarch64 ;; \
        *) echo "unsupported architecture $TARGETARCH" >&2; exit 1 ;; \
    esac \
    && fingerprint=FB5DB77FD5C118B80511ADA8A6310ACC4672475C \
    && url="https://awscli.amazonaws.com/awscli-exe-linux-${arch}-${AWS_CLI_VERSION}.zip" \
    && curl --proto '=https' --tlsv1.2 -fsSL -o awscli.zip "$url" \
    && curl --proto '=https' --tlsv1.2 -fsSL -o awscli.zip.sig "$url.sig" \
    && GNUPGHOME="$(mktemp -d)" \
    && export GNUPGHOME \
    && gpg --batch --quiet --import aws-cli-public-key.asc \
    && keys="$(gpg --batch --with-colons --list-keys | awk -F: '$1 == "pub" { primary = 1; next } $1 == "fpr" && primary { print $10; primary = 0 }')" \
    && if [ "$keys" != "$fingerprint" ]; then echo "keyring holds [$keys], expected exactly $fingerprint" >&2; exit 1; fi \
    && status="$(gpg --batch --status-fd 1 --verify awscli.zip.sig awscli.zip)" \
    && if ! printf '%s\n' "$status" | awk -v fpr="$fingerprint" '$1 == "[GNUPG:]" && $2 == "VALIDSIG" && $NF == fpr { found = 1 } END { exit !found }'; then \
        echo "the signature is not one made by $fingerprint: $status" >&2; exit 1; \
    fi
# The installer names its directory v2/<the version its executable reports>; the runtime stage copies
# v2/${AWS_CLI_VERSION}, so a zip of another version fails here, saying so, rather than at that COPY.
RUN unzip -q awscli.zip \
    && ./aws/install --install-dir /usr/local/aws-cli --bin-dir /usr/local/bin \
    && version="$(aws --version 2>&1)" \
    && case "$version" in \
        "aws-cli/${AWS_CLI_VERSION} "*) echo "$version" ;; \
        *) echo "expected aws-cli/${AWS_CLI_VERSION}, got: $version" >&2; exit 1 ;; \
    esac

# runtime-deps: the app is self-contained (ASP.NET Core for `serve --http` included); only native dependencies here.
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble AS runtime
ARG SOURCE_URL=""
ARG AWS_CLI_VERSION
LABEL org.opencontainers.image.title="awsmcp" \
      org.opencontainers.image.description="MCP server that runs validated AWS CLI v2 commands" \
      org.opencontainers.image.source="${SOURCE_URL}" \
      org.opencontainers.image.licenses="MIT"

SHELL ["/bin/bash", "-o", "pipefail", "-c"]

# jq and column (bsdextrautils) are execute_command filters the base image lacks (grep, sed, awk, sort, head, tail, wc,
# cut, uniq, tr are there). No python3: AWS CLI v2 carries its own interpreter.
RUN apt-get update \
    && apt-get install -y --no-install-recommends jq bsdextrautils \
    && rm -rf /var/lib/apt/lists/*

# Only the installer's real files (dist/); its links (bin/aws -> ../dist/aws, v2/current, /usr/local/bin/aws) are made
# again here, so the layout is the installer's whether or not COPY keeps symlinks (a dereferenced bin/aws would run
# the executable away from the libraries beside it). The CLI then runs from /usr, which the sandbox lets the aws stage
# read and execute.
COPY --from=awscli /usr/local/aws-cli/v2/${AWS_CLI_VERSION}/dist /usr/local/aws-cli/v2/${AWS_CLI_VERSION}/dist
RUN install -d "/usr/local/aws-cli/v2/${AWS_CLI_VERSION}/bin" \
    && ln -s ../dist/aws "/usr/local/aws-cli/v2/${AWS_CLI_VERSION}/bin/aws" \
    && ln -s ../dist/aws_completer "/usr/local/aws-cli/v2/${AWS_CLI_VERSION}/bin/aws_completer" \
    && ln -s "/usr/local/aws-cli/v2/${AWS_CLI_VERSION}" /usr/local/aws-cli/v2/current \
    && ln -s /usr/local/aws-cli/v2/current/bin/aws /usr/local/bin/aws \
    && ln -s /usr/local/aws-cli/v2/current/bin/aws_completer /usr/local/bin/aws_completer \
    && version="$(aws --version 2>&1)" \
    && case "$version" in \
        "aws-cli/${AWS_CLI_VERSION} "*) echo "$version" ;; \
        *) echo "expected aws-cli/${AWS_CLI_VERSION}, got: $version" >&2; exit 1 ;; \
    esac

# A fixed non-root UID, so a mounted ~/.aws can be made readable for it; -l: no huge lastlog for a high UID.
RUN groupadd --gid 10001 awsmcp \
    && useradd -l --uid 10001 --gid 10001 --create-home --home-dir /home/awsmcp --shell /usr/sbin/nologin awsmcp \
    && install -d -o awsmcp -g awsmcp -m 0700 /home/awsmcp/work

COPY --from=build /app /app

# HOME explicit: the CLI finds ~/.aws (mounted read-only) there even under `docker run --user`.
ENV HOME=/home/awsmcp \
    AWS_MCP_WORKDIR=/home/awsmcp/work \
    DOTNET_NOLOGO=1
# The only directory commands may read or write local files in (file://, s3 cp, ...), and the CLI's current directory.
WORKDIR /home/awsmcp/work
USER 10001:10001

# Only used by `serve --http --host 0.0.0.0 --port 8000` (which then requires AWS_MCP_HTTP_TOKEN).
EXPOSE 8000
ENTRYPOINT ["/app/awsmcp"]
CMD ["serve"]
