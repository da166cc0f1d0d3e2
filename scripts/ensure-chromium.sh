#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the end-to-end tests (Playwright cannot download its own here).
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/sbin/nginx ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
	echo "Chromium is missing: installing Debian's chromium package (needed by the end-to-end tests)…"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium nginx >/dev/null
	exit 0
fi
echo "The end-to-end tests need Chromium at /usr/bin/chromium." >&2
echo "Install it as root with: apt-get update && apt-get install -y chromium" >&2
exit 1
