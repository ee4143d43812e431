#!/usr/bin/env bash
# The live demo on the embedded defaults: a local Redis, the hub on SQLite, the Twilio stand-in, and a
# simulator that plays customers texting in through the real, signed webhook. Ctrl+C stops everything.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source scripts/lib/install.sh
source scripts/lib/servers.sh

ensure_packages
command -v dotnet >/dev/null || { echo "The .NET SDK is required (dotnet on PATH)." >&2; exit 1; }

run="$root/.run/demo"
redis_port=${CONTACTHUB_DEMO_REDIS_PORT:-6391}
hub_port=${CONTACTHUB_DEMO_PORT:-5080}
standin_port=${CONTACTHUB_DEMO_STANDIN_PORT:-5081}
hub_url="http://127.0.0.1:$hub_port"
standin_url="http://127.0.0.1:$standin_port"
mkdir -p "$run"

echo "==> building (Release)"
dotnet build ContactHub.sln -c Release -nologo -v q -clp:ErrorsOnly

pids=()
stop_all() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    stop_redis "$redis_port" "$run/redis"
}
trap stop_all EXIT INT TERM

stop_redis "$redis_port" "$run/redis"
# Routing state is derived: the hub rebuilds it from the store, so the demo starts Redis empty every time.
rm -rf "$run/redis"
start_redis "$redis_port" "$run/redis"

secret() { head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c "${1:-20}"; }
# Fresh credentials every run: nothing secret is committed, and the seed step resets the passwords.
account_sid="AC$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
auth_token=$(secret 32)
agent_password=$(secret 12)
supervisor_password=$(secret 12)
admin_password=$(secret 12)
api_token=$(secret 32)
our_number="+15555550100"

export StandIn__Twilio__AccountSid="$account_sid" StandIn__Twilio__AuthToken="$auth_token" StandIn__Twilio__PhoneNumbers__0="$our_number"
export StandIn__Simulator__Enabled=true StandIn__Simulator__HubBaseUrl="$hub_url" StandIn__Simulator__HubPublicBaseUrl="$hub_url" StandIn__Simulator__IntervalSeconds=6
# Started from their own folders so each finds its appsettings.json.
(cd "$root/src/StandIns/bin/Release/net9.0/linux-x64" && exec ./ContactHub.StandIns --urls "$standin_url") >"$run/standins.log" 2>&1 &
pids+=($!)

(
    cd "$root/src/Hub.Server/bin/Release/net9.0/linux-x64"
    export ASPNETCORE_URLS="$hub_url" ASPNETCORE_ENVIRONMENT=Production
    export ConnectionStrings__Store="$run/contacthub.db" ConnectionStrings__Redis="127.0.0.1:$redis_port"
    export DataProtection__KeysPath="$run/keys" Hub__PublicBaseUrl="$hub_url"
    export Twilio__AccountSid="$account_sid" Twilio__AuthToken="$auth_token" Twilio__PhoneNumber="$our_number" Twilio__ApiBaseUrl="$standin_url"
    export Seed__Users__0__UserName=agent Seed__Users__0__DisplayName="Avery Agent" Seed__Users__0__Role=agent Seed__Users__0__Password="$agent_password"
    export Seed__Users__1__UserName=supervisor Seed__Users__1__DisplayName="Sam Supervisor" Seed__Users__1__Role=supervisor Seed__Users__1__Password="$supervisor_password"
    export Seed__Users__2__UserName=admin Seed__Users__2__DisplayName="Ada Admin" Seed__Users__2__Role=admin Seed__Users__2__Password="$admin_password"
    export Api__Tokens__0__Name=demo Api__Tokens__0__Token="$api_token" Api__Tokens__0__Role=supervisor
    exec ./Hub.Server
) >"$run/hub.log" 2>&1 &
pids+=($!)

for _ in $(seq 1 150); do
    curl -fs "$hub_url/health/ready" >/dev/null 2>&1 && break
    sleep 0.2
done
curl -fs "$hub_url/health/ready" >/dev/null || { echo "The hub did not become ready; see $run/hub.log" >&2; tail -20 "$run/hub.log" >&2; exit 1; }

cat <<INFO

  ContactHub is running: $hub_url

  Sign in as          password
    agent             $agent_password
    supervisor        $supervisor_password
    admin             $admin_password

  Go "Available" and simulated customers' SMS arrive as offers within seconds.
  REST API:  curl -H "Authorization: Bearer $api_token" "$hub_url/api/agents"
  Sent SMS (Twilio stand-in): $standin_url/_standin/messages
  Logs: $run/hub.log, $run/standins.log      Ctrl+C stops everything.

INFO
wait -n "${pids[@]}"
