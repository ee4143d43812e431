#!/usr/bin/env bash
# Runs every test project against real servers this script starts on 127.0.0.1 (Redis, PostgreSQL, an SMTP
# server, Dovecot IMAP; Chromium for the end-to-end tests), then prints the totals of all projects as its last line:
#   N passed, N failed
# and exits non-zero when anything failed. Usage: scripts/test.sh [extra dotnet test args]
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source scripts/lib/install.sh
source scripts/lib/servers.sh
source scripts/lib/smtp-sink.sh
source scripts/lib/mail-servers.sh

ensure_packages tests

run="$root/.run/test"
redis_port=${CONTACTHUB_TEST_REDIS_PORT:-16390}
postgres_port=${CONTACTHUB_TEST_POSTGRES_PORT:-15490}
smtp_port=${CONTACTHUB_TEST_SMTP_PORT:-12590}
imap_port=${CONTACTHUB_TEST_IMAP_PORT:-14390}
imap_user=support@example.net
imap_password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
postgres_password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
smtp_password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')

cleanup() {
    stop_redis "$redis_port" "$run/redis"
    stop_postgres "$run/postgres"
    stop_smtp_sink "$run/smtp"
    stop_dovecot "$run/dovecot" "$imap_port"
}
trap cleanup EXIT
cleanup
rm -rf "$run/redis" "$run/smtp"

echo "==> starting Redis on 127.0.0.1:$redis_port and PostgreSQL on 127.0.0.1:$postgres_port"
start_redis "$redis_port" "$run/redis" || { echo "0 passed, 1 failed"; exit 1; }
start_postgres "$postgres_port" "$run/postgres" "$postgres_password" || { echo "0 passed, 1 failed"; exit 1; }
echo "==> starting the SMTP sink on 127.0.0.1:$smtp_port"
start_smtp_sink "$smtp_port" "$run/smtp" contacthub "$smtp_password" || { echo "0 passed, 1 failed"; exit 1; }
export CONTACTHUB_TEST_SMTP="127.0.0.1:$smtp_port" CONTACTHUB_TEST_SMTP_USER=contacthub
export CONTACTHUB_TEST_SMTP_PASSWORD="$smtp_password" CONTACTHUB_TEST_SMTP_MAILDIR="$run/smtp/Maildir"
echo "==> starting Dovecot (IMAP) on 127.0.0.1:$imap_port"
start_dovecot "$imap_port" "$run/dovecot" "$imap_user" "$imap_password" || { echo "0 passed, 1 failed"; exit 1; }
eval "$(imap_test_env "$run/dovecot" "$imap_port" "$imap_user" "$imap_password")"
export CONTACTHUB_TEST_REDIS="127.0.0.1:$redis_port"
export CONTACTHUB_TEST_POSTGRES="Host=127.0.0.1;Port=$postgres_port;Username=contacthub;Password=$postgres_password;Database=postgres"
export CONTACTHUB_REPO_ROOT="$root"

echo "==> building"
if ! dotnet build ContactHub.sln -c Release -nologo -v q -clp:ErrorsOnly; then
    echo "build failed"
    echo "0 passed, 1 failed"
    exit 1
fi

passed=0
failed=0
mkdir -p "$run/logs"
for project in tests/*/*.csproj; do
    name=$(basename "$project" .csproj)
    log="$run/logs/$name.log"
    echo "==> $name"
    dotnet test "$project" -c Release --no-build -nologo "$@" 2>&1 | tee "$log"
    summary=$(grep -E '(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+' "$log" | tail -1)
    if [ -z "$summary" ]; then
        echo "!! $name produced no test summary (crashed or ran nothing): counted as one failure"
        failed=$((failed + 1))
        continue
    fi
    p=$(sed -E 's/.*Passed: +([0-9]+).*/\1/' <<<"$summary")
    f=$(sed -E 's/.*Failed: +([0-9]+), Passed.*/\1/' <<<"$summary")
    passed=$((passed + p))
    failed=$((failed + f))
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
