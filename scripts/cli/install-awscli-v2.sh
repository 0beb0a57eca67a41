#!/usr/bin/env bash
# Installs AWS CLI v2 privately (Debian's awscli package, 2.9.19, extracted to /opt/awscli-v2 or $1) beside the v1
# `aws` that stays first on PATH: the tests judge region/profile resolution against both. Its Python dependencies come
# from Debian and are used by Debian's /usr/bin/python3 only. Run it as root (CI does); a second run does nothing.
set -euo pipefail
target=${1:-/opt/awscli-v2}
# $target/aws: the CLI as an installed `aws` for the suite's v2 pass (test.sh). 2.9.19 predates AWS_ENDPOINT_URL (2.13
# reads it), so the launcher gives that variable as --endpoint-url, as later v2 versions read it.
write_launcher() {
  cat > "$target/aws" <<LAUNCHER
#!/bin/sh
export PYTHONPATH=$target/usr/lib/python3/dist-packages
if [ -n "\${AWS_ENDPOINT_URL:-}" ]; then
  exec /usr/bin/python3 $target/usr/bin/aws --endpoint-url "\$AWS_ENDPOINT_URL" "\$@"
fi
exec /usr/bin/python3 $target/usr/bin/aws "\$@"
LAUNCHER
  chmod 755 "$target/aws"
}
if [ -f "$target/usr/bin/aws" ]; then write_launcher; exit 0; fi
apt-get update -qq
# Depends, without python3 itself and without version constraints: "a, b (>= 1), python3:any" -> "a b"
mapfile -t deps < <(apt-cache show awscli | awk -F': ' '/^Depends:/ { print $2; exit }' | tr ',' '\n' |
  sed -e 's/([^)]*)//g' -e 's/^ *//' -e 's/ *$//' | grep -v -x -e python3 -e 'python3:any' | sort -u)
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${deps[@]}" >/dev/null
download=$(mktemp -d) && chmod 755 "$download" # apt downloads as _apt
(cd "$download" && apt-get download -qq awscli)
dpkg -x "$download"/awscli_*.deb "$target"
rm -rf "$download"
PYTHONPATH="$target/usr/lib/python3/dist-packages" /usr/bin/python3 "$target/usr/bin/aws" --version
write_launcher
