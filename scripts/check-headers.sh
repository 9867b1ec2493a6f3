#!/usr/bin/env bash
# Checks Bulwark's recommended security headers with the tools browsers' users trust:
#   1. Google's CSP evaluator (npm csp_evaluator): no HIGH (or SYNTAX) finding on the CSP of
#      SecurityHeadersPolicies.recommended() and recommendedWithNonce();
#   2. the MDN HTTP Observatory scanner (npm @mdn/mdn-http-observatory): grade A+ for a test
#      server with the recommended preset over HTTPS.
# Needs: node + npm, openssl, java, and a finished build (./mvnw verify or -DskipTests install:
# core and servlet-filters target/ directories). Run from anywhere; .ci/run calls it after
# ./mvnw verify. Everything listens on 127.0.0.1 only and is stopped by PID on exit.
#
# The Observatory always scans https://<host>/ and http://<host>/ on the default ports, so the
# test server must listen on 127.0.0.1:443 and :80, which needs root or CAP_NET_BIND_SERVICE.
# Where those ports cannot be bound, only the CSP evaluator runs and the script says so; under
# CI=true that is a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
tools="$root/scripts/headers-check"
work=$(mktemp -d)
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

for tool in node npm openssl java; do
  command -v "$tool" >/dev/null || { echo "check-headers: $tool is not on PATH" >&2; exit 1; }
done

# The npm packages, exactly as locked; install scripts are not run (they would download the
# HSTS preload list and the TLD list). The scanner reads conf/hsts-preload.json, so an empty
# list is written: no host is preloaded, which costs nothing in the grade.
(cd "$tools" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
observatory_conf="$tools/node_modules/@mdn/mdn-http-observatory/conf"
[[ -f "$observatory_conf/hsts-preload.json" ]] || echo '{}' > "$observatory_conf/hsts-preload.json"

# A self-signed certificate for localhost, made now and trusted by node for this run only.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
  -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
  -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
password=$(openssl rand -hex 16)
openssl pkcs12 -export -in "$work/cert.pem" -inkey "$work/key.pem" -name localhost \
  -out "$work/server.p12" -passout "pass:$password"

# The test server's class path: Bulwark's classes from target/, the rest from Maven.
./mvnw -B -ntp -q -pl servlet-filters \
  org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath \
  -Dmdep.includeScope=test -Dmdep.excludeGroupIds=dev.bulwark \
  -Dmdep.excludeArtifactIds=tomcat-embed-core -Dmdep.outputFile="$work/cp.txt" >/dev/null
classpath="$root/servlet-filters/target/test-classes:$root/servlet-filters/target/classes"
classpath="$classpath:$root/core/target/classes:$(cat "$work/cp.txt")"
for dir in servlet-filters/target/test-classes core/target/classes; do
  [[ -d "$dir" ]] || { echo "check-headers: $dir missing; run ./mvnw verify first" >&2; exit 1; }
done

start_server() {  # http-port https-port
  : > "$work/server.log"
  java -cp "$classpath" dev.bulwark.servlet.HeadersCheckServer "$1" "$2" "$work/server.p12" \
    "$password" > "$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do
    if grep -q '^READY' "$work/server.log"; then return 0; fi
    if ! kill -0 "$server_pid" 2>/dev/null; then server_pid=""; return 1; fi
    sleep 0.2
  done
  return 1
}

observatory=yes
https_port=443
if ! start_server 80 443; then
  echo "check-headers: cannot listen on 127.0.0.1:80 and :443 (not root, or in use):"
  sed -n '1,3p' "$work/server.log"
  echo "check-headers: the MDN Observatory scan needs the default ports; it is NOT run."
  observatory=no
  start_server 0 0 || { cat "$work/server.log" >&2; exit 1; }
  https_port=$(sed -n 's/^READY http=[0-9]* https=\([0-9]*\)$/\1/p' "$work/server.log")
fi

# The scanner resolves "localhost" to 127.0.0.1 and verifies the certificate against this CA.
status=0
NODE_EXTRA_CA_CERTS="$work/cert.pem" node "$tools/check.mjs" localhost "$https_port" "$observatory" || status=$?
if [[ "$observatory" == no && "${CI:-}" == true ]]; then
  echo "check-headers: under CI=true the Observatory scan must run" >&2
  status=1
fi
exit "$status"
