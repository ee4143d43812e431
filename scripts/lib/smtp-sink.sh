# Starts and stops scripts/smtp-sink.py (STARTTLS + AUTH + Maildir) on 127.0.0.1 for the e-mail tests.
# Needs Debian's python3-aiosmtpd and /usr/bin/python3 (not a pyenv python) plus openssl.

SMTP_SINK_SCRIPT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/smtp-sink.py"

# start_smtp_sink PORT DIR USER PASSWORD [TLS_PORT]: self-signed cert in DIR, mail in DIR/Maildir, PID in DIR/smtp-sink.pid.
start_smtp_sink() {
    local port=$1 dir=$2 user=$3 password=$4 tls_port=${5:-0}
    mkdir -p "$dir"
    if [ ! -f "$dir/cert.pem" ]; then
        openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=localhost" \
            -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
            -keyout "$dir/key.pem" -out "$dir/cert.pem" >"$dir/openssl.log" 2>&1 \
            || { cat "$dir/openssl.log" >&2; return 1; }
    fi
    setsid /usr/bin/python3 "$SMTP_SINK_SCRIPT" --host 127.0.0.1 --port "$port" --tls-port "$tls_port" \
        --maildir "$dir/Maildir" --user "$user" --password "$password" \
        --cert "$dir/cert.pem" --key "$dir/key.pem" >"$dir/smtp-sink.log" 2>&1 < /dev/null &
    echo $! > "$dir/smtp-sink.pid"
    echo "$port" > "$dir/smtp-sink.port"
    for _ in $(seq 1 100); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
        kill -0 "$(cat "$dir/smtp-sink.pid")" 2>/dev/null || break
        sleep 0.05
    done
    echo "smtp-sink did not start on $port; see $dir/smtp-sink.log" >&2
    cat "$dir/smtp-sink.log" >&2
    return 1
}

# stop_smtp_sink DIR: stops by recorded PID and waits until the port is closed.
stop_smtp_sink() {
    local dir=$1 port
    [ -f "$dir/smtp-sink.pid" ] || return 0
    kill "$(cat "$dir/smtp-sink.pid")" 2>/dev/null
    port=$(cat "$dir/smtp-sink.port" 2>/dev/null)
    if [ -n "$port" ]; then
        for _ in $(seq 1 100); do
            (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
            sleep 0.1
        done
    fi
    rm -f "$dir/smtp-sink.pid"
}
