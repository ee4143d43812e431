#!/usr/bin/env bash
# The live demo on the embedded defaults: a local Redis, the hub on SQLite, the Twilio stand-in, a local
# Dovecot (the support mailbox) and SMTP relay (a Maildir sink), and a simulator that plays customers texting in
# through the real, signed webhook, writing to the Telegram bot and e-mailing the support mailbox. Ctrl+C stops everything.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source scripts/lib/install.sh
source scripts/lib/servers.sh
source scripts/lib/smtp-sink.sh
source scripts/lib/mail-servers.sh

ensure_packages
command -v dotnet >/dev/null || { echo "The .NET SDK is required (dotnet on PATH)." >&2; exit 1; }

run="$root/.run/demo"
redis_port=${CONTACTHUB_DEMO_REDIS_PORT:-6391}
hub_port=${CONTACTHUB_DEMO_PORT:-5080}
standin_port=${CONTACTHUB_DEMO_STANDIN_PORT:-5081}
smtp_port=${CONTACTHUB_DEMO_SMTP_PORT:-5025}
imap_port=${CONTACTHUB_DEMO_IMAP_PORT:-5143}
support_address=support@example.net
hub_url="http://127.0.0.1:$hub_port"
standin_url="http://127.0.0.1:$standin_port"
mkdir -p "$run"

echo "==> building (Release)"
dotnet build ContactHub.sln -c Release -nologo -v q -clp:ErrorsOnly

pids=()
stop_all() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    # Only our own processes: a plain "wait" would also wait for the SMTP relay, which runs until stopped below.
    wait "${pids[@]}" 2>/dev/null || true
    # Each stop may find its server already gone; "|| true" keeps set -e from skipping the ones after it.
    stop_redis "$redis_port" "$run/redis" || true
    stop_smtp_sink "$run/smtp" || true
    stop_dovecot "$run/dovecot" "$imap_port" || true
}
trap stop_all EXIT INT TERM

stop_all
# Routing state is derived: the hub rebuilds it from the store, so the demo starts Redis empty every time.
# The mailbox and the relay's Maildir start empty too (start_dovecot recreates its directory).
rm -rf "$run/redis" "$run/smtp"
start_redis "$redis_port" "$run/redis"

secret() { head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c "${1:-20}"; }
# Fresh credentials every run: nothing secret is committed, and the seed step resets the passwords.
account_sid="AC$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
auth_token=$(secret 32)
agent_password=$(secret 12)
supervisor_password=$(secret 12)
admin_password=$(secret 12)
api_token=$(secret 32)
imap_password=$(secret 20)
smtp_password=$(secret 20)
whatsapp_token=$(secret 32)
whatsapp_app_secret=$(secret 32)
whatsapp_verify_token=$(secret 20)
whatsapp_number_id="100200300400500"
our_number="+15555550100"
# A bot token shaped as @BotFather issues them ("<bot id>:<35 characters>"), fresh every run like the others.
telegram_token="5550000001:$(secret 35)"

echo "==> starting the support mailbox (Dovecot IMAP) on 127.0.0.1:$imap_port and the SMTP relay on 127.0.0.1:$smtp_port"
start_dovecot "$imap_port" "$run/dovecot" "$support_address" "$imap_password"
start_smtp_sink "$smtp_port" "$run/smtp" contacthub "$smtp_password"

export StandIn__Twilio__AccountSid="$account_sid" StandIn__Twilio__AuthToken="$auth_token" StandIn__Twilio__PhoneNumbers__0="$our_number"
export StandIn__Simulator__Enabled=true StandIn__Simulator__HubBaseUrl="$hub_url" StandIn__Simulator__HubPublicBaseUrl="$hub_url" StandIn__Simulator__IntervalSeconds=6
# E-mail customers: delivered into the mailbox by IMAP APPEND; they answer the hub's replies found in the relay's Maildir.
export StandIn__Simulator__Email__Enabled=true StandIn__Simulator__Email__ImapHost=127.0.0.1 StandIn__Simulator__Email__ImapPort="$imap_port"
export StandIn__Simulator__Email__UserName="$support_address" StandIn__Simulator__Email__Password="$imap_password"
export StandIn__Simulator__Email__SupportAddress="$support_address" StandIn__Simulator__Email__AnswersMaildir="$run/smtp/Maildir"
export StandIn__Simulator__Email__IntervalSeconds="${CONTACTHUB_DEMO_EMAIL_INTERVAL:-15}"
# Callers: each holds, talks once an agent takes the call, or gives up (abandoned) when their patience runs out.
export StandIn__Simulator__Calls__Enabled=true StandIn__Simulator__Calls__IntervalSeconds="${CONTACTHUB_DEMO_CALL_INTERVAL:-40}"
# WhatsApp customers write through the Graph stand-in, which signs each webhook; two share a number with SMS customers.
export StandIn__WhatsApp__AccessToken="$whatsapp_token" StandIn__WhatsApp__AppSecret="$whatsapp_app_secret" StandIn__WhatsApp__PhoneNumberId="$whatsapp_number_id"
export StandIn__WhatsApp__HubWebhookUrl="$hub_url/webhooks/whatsapp" StandIn__WhatsApp__UndeliverableNumbers__0=15555550199
export StandIn__WhatsApp__Templates__0__Name=ticket_update StandIn__WhatsApp__Templates__0__Language=en_US
export StandIn__WhatsApp__Templates__0__Body="Hello, there is an update on your ticket {{1}}: {{2}}. Reply to continue the conversation."
export StandIn__WhatsApp__Templates__1__Name=follow_up StandIn__WhatsApp__Templates__1__Language=en_US
export StandIn__WhatsApp__Templates__1__Body="Hi {{1}}, we wanted to check your issue is solved. Reply to this message to talk to us."
export StandIn__Simulator__WhatsApp__Enabled=true StandIn__Simulator__WhatsApp__IntervalSeconds="${CONTACTHUB_DEMO_WHATSAPP_INTERVAL:-20}"
# Telegram customers write to the bot through the Bot API stand-in; some share an SMS customer's phone number.
export StandIn__Telegram__BotToken="$telegram_token"
export StandIn__Simulator__Telegram__Enabled=true StandIn__Simulator__Telegram__IntervalSeconds="${CONTACTHUB_DEMO_TELEGRAM_INTERVAL:-12}"
# Web chat visitors: pre-chat form, then the visitor SignalR hub as the widget uses it; nobody available = leave a message.
webchat_key="demo-webchat-key"
export StandIn__Simulator__WebChat__Enabled=true StandIn__Simulator__WebChat__ChannelKey="$webchat_key"
export StandIn__Simulator__WebChat__IntervalSeconds="${CONTACTHUB_DEMO_CHAT_INTERVAL:-45}"
# Started from their own folders so each finds its appsettings.json.
(cd "$root/src/StandIns/bin/Release/net9.0/linux-x64" && exec ./ContactHub.StandIns --urls "$standin_url") >"$run/standins.log" 2>&1 &
pids+=($!)

(
    cd "$root/src/Hub.Server/bin/Release/net9.0/linux-x64"
    export ASPNETCORE_URLS="$hub_url" ASPNETCORE_ENVIRONMENT=Production
    export ConnectionStrings__Store="$run/contacthub.db" ConnectionStrings__Redis="127.0.0.1:$redis_port"
    export DataProtection__KeysPath="$run/keys" Hub__PublicBaseUrl="$hub_url"
    export Twilio__AccountSid="$account_sid" Twilio__AuthToken="$auth_token" Twilio__PhoneNumber="$our_number" Twilio__ApiBaseUrl="$standin_url"
    export WhatsApp__AccessToken="$whatsapp_token" WhatsApp__AppSecret="$whatsapp_app_secret" WhatsApp__VerifyToken="$whatsapp_verify_token"
    export WhatsApp__PhoneNumberId="$whatsapp_number_id" WhatsApp__ApiBaseUrl="$standin_url" WhatsApp__RateLimitRetryDelay=00:00:02
    export WhatsApp__Templates__0__Name=ticket_update WhatsApp__Templates__0__Language=en_US
    export WhatsApp__Templates__0__Body="$StandIn__WhatsApp__Templates__0__Body"
    export WhatsApp__Templates__1__Name=follow_up WhatsApp__Templates__1__Language=en_US
    export WhatsApp__Templates__1__Body="$StandIn__WhatsApp__Templates__1__Body"
    # No https public URL here, so the hub long-polls getUpdates (no webhook secret needed).
    export Telegram__BotToken="$telegram_token" Telegram__ApiBaseUrl="$standin_url"
    export Email__Imap__Host=127.0.0.1 Email__Imap__Port="$imap_port" Email__Imap__Security=StartTls
    export Email__Imap__UserName="$support_address" Email__Imap__Password="$imap_password" Email__Imap__TrustedCertificateFile="$run/dovecot/cert.pem"
    export Email__Smtp__Host=127.0.0.1 Email__Smtp__Port="$smtp_port" Email__Smtp__Security=StartTls
    export Email__Smtp__UserName=contacthub Email__Smtp__Password="$smtp_password" Email__Smtp__TrustedCertificateFile="$run/smtp/cert.pem"
    export Email__Smtp__From="$support_address" Email__Smtp__FromName="Acme Support"
    export WebChat__ChannelKey="$webchat_key" WebChat__CompanyName="Acme Support"
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

  Go "Available" and simulated customers' SMS, Telegram messages and e-mails arrive as offers within seconds.
  E-mail customers write to $support_address (Dovecot IMAP on 127.0.0.1:$imap_port) and answer your replies;
  mail to gone@example.org comes back as a bounce.
  Web chat: open $hub_url/webchat/demo (a demo shop with the widget) and chat with yourself in the console;
  simulated visitors chat there too.
  REST API:  curl -H "Authorization: Bearer $api_token" "$hub_url/api/agents"
  Sent SMS (Twilio stand-in): $standin_url/_standin/messages
  WhatsApp customers write through the Graph stand-in (+1 555-555-0123 and -0145 also text by SMS: one timeline);
  +1 555-555-0192 last wrote 50 h ago, so only approved templates can reach them. Sent: $standin_url/_standin/whatsapp/messages
  Sent Telegram messages (Bot API stand-in): $standin_url/_standin/telegram/sent
  Sent e-mails (SMTP relay's Maildir): $run/smtp/Maildir/new
  Logs: $run/hub.log, $run/standins.log, $run/dovecot/dovecot.log, $run/smtp/smtp-sink.log      Ctrl+C stops everything.

INFO
wait -n "${pids[@]}"
