# Installs the Debian packages the demo and the tests need, only when something is missing.
# Sourced by scripts/demo.sh and scripts/test.sh; runs as root on a fresh Debian 12 machine.

ensure_packages() {
    local missing=()
    command -v redis-server >/dev/null || missing+=(redis-server redis-tools)
    command -v curl >/dev/null || missing+=(curl)
    # The demo runs a local mailbox and SMTP relay too, so the mail servers are needed either way.
    /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || missing+=(python3-aiosmtpd)
    command -v dovecot >/dev/null || missing+=(dovecot-imapd dovecot-lmtpd)
    command -v openssl >/dev/null || missing+=(openssl)
    # The console shows times in each agent's own zone (IANA ids from the browser), read from the system's zone files.
    [ -d /usr/share/zoneinfo/Europe ] || missing+=(tzdata)
    if [ "${1:-}" = "tests" ]; then
        [ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql)
        command -v chromium >/dev/null || missing+=(chromium)
        [ -d /usr/share/fonts/truetype/dejavu ] || missing+=(fonts-dejavu-core)
    fi
    if [ ${#missing[@]} -gt 0 ]; then
        echo "==> installing ${missing[*]}"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
}
