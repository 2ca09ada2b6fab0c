#!/bin/sh
# Start Debian's nginx with deploy/nginx.conf.template in front of a running app,
# on a spare port, and check what the config promises: a public page comes back
# from nginx's cache on the second request with one set of security headers, a
# request with a session cookie and a POST go through to the app. Stops nginx and
# removes its files when done.
#
#   deploy/nginx-check.sh [APP_ADDRESS] [PAGE_PATH]     (defaults: 127.0.0.1:8000 /)
#
# Start the app first (`make run`). STATIC_ROOT and MEDIA_ROOT default to var/.
set -eu

APP=${1:-127.0.0.1:8000}
PAGE=${2:-/}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
STATIC_ROOT=${STATIC_ROOT:-$ROOT/var/static}
MEDIA_ROOT=${MEDIA_ROOT:-$ROOT/var/media}

if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
    apt-get install -y nginx
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

if ! curl -s -o /dev/null "http://$APP$PAGE"; then
    echo "Nothing answers at http://$APP$PAGE: start the app first (make run)." >&2
    exit 2
fi

PREFIX=$(mktemp -d)
chmod 755 "$PREFIX"  # nginx's workers run as another user and write the cache here
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
sed -e "s|@PREFIX@|$PREFIX|g" -e "s|@APP@|$APP|g" -e "s|@LISTEN@|127.0.0.1:$PORT|g" \
    -e "s|@STATIC_ROOT@|$STATIC_ROOT|g" -e "s|@MEDIA_ROOT@|$MEDIA_ROOT|g" \
    "$HERE/nginx.conf.template" >"$PREFIX/nginx.conf"

"$NGINX" -q -t -p "$PREFIX" -c "$PREFIX/nginx.conf"
"$NGINX" -p "$PREFIX" -c "$PREFIX/nginx.conf"
stop() {
    [ -f "$PREFIX/nginx.pid" ] && kill "$(cat "$PREFIX/nginx.pid")" 2>/dev/null || true
    sleep 0.2
    rm -rf "$PREFIX"
}
trap stop EXIT INT TERM HUP PIPE  # PIPE: its output piped into a reader that stopped

FRONT="http://127.0.0.1:$PORT"
status_of() { curl -s -o /dev/null -D - "$@" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-cache-status" { print $2 }'; }
failed=0
check() {  # description, expected, got
    if [ "$2" = "$3" ]; then echo "ok    $1: $3"; else echo "FAIL  $1: expected $2, got ${3:-nothing}"; failed=1; fi
}

status_of "$FRONT$PAGE" >/dev/null
sleep 0.2  # nginx finishes writing the copy just after the reader has it
check "second GET of $PAGE" HIT "$(status_of "$FRONT$PAGE")"
csp_count=$(curl -s -o /dev/null -D - "$FRONT$PAGE" | tr -d '\r' | grep -ci '^content-security-policy:' || true)
check "Content-Security-Policy headers on $PAGE" 1 "$csp_count"
check "GET with a session cookie" BYPASS "$(status_of -H 'Cookie: sessionid=not-a-session' "$FRONT$PAGE")"
post_code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: text/plain' --data 'x' "$FRONT/analytics/read/")
post_cache=$(status_of -X POST -H 'Content-Type: text/plain' --data 'x' "$FRONT/analytics/read/")
check "POST reaches the app (its 400 for a bad beacon)" 400 "$post_code"
check "POST is not cached" "" "$post_cache"
exit $failed
