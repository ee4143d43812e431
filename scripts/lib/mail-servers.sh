# Starts a private Dovecot (IMAP with STARTTLS) on 127.0.0.1 for the tests, and stops it by PID.
# Recipe: /work/shared/PLATFORM.md. Every start waits until the IMAP greeting arrives.
# The test project reads CONTACTHUB_TEST_IMAP, _USER, _PASSWORD and CONTACTHUB_TEST_DOVECOT_CONF;
# imap_test_env DIR PORT USER PASSWORD prints the export lines for them.

_mail_wait_port_closed() {
    local port=$1
    for _ in $(seq 1 100); do
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || return 0
        sleep 0.1
    done
}

# start_dovecot PORT DIR USER PASSWORD
start_dovecot() {
    local port=$1 dir=$2 user=$3 password=$4
    stop_dovecot "$dir" "$port"
    rm -rf "$dir" && mkdir -p "$dir/run" "$dir/state" "$dir/home"
    openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=127.0.0.1" \
        -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
        -keyout "$dir/key.pem" -out "$dir/cert.pem" >"$dir/openssl.log" 2>&1 \
        || { cat "$dir/openssl.log" >&2; return 1; }
    chmod 600 "$dir/key.pem"
    # Mail users cannot be uid 0; nobody (65534) owns the mail homes.
    printf '%s:{PLAIN}%s:65534:65534::%s/home/%s::\n' "$user" "$password" "$dir" "$user" > "$dir/passwd"
    mkdir -p "$dir/home/$user" && chown -R 65534:65534 "$dir/home"
    chmod 755 "$dir" "$dir/home"
    cat > "$dir/dovecot.conf" <<CONF
base_dir = $dir/run
state_dir = $dir/state
log_path = $dir/dovecot.log
info_log_path = $dir/dovecot.log
listen = 127.0.0.1
protocols = imap
disable_plaintext_auth = no
auth_failure_delay = 0
auth_mechanisms = plain login
ssl = yes
ssl_cert = <$dir/cert.pem
ssl_key = <$dir/key.pem
mail_location = maildir:~/Maildir
first_valid_uid = 65534
default_login_user = nobody
default_internal_user = nobody
default_internal_group = nogroup
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $dir/passwd
}
userdb {
  driver = passwd-file
  args = username_format=%u $dir/passwd
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $port
  }
  inet_listener imaps {
    port = 0
  }
  # No chroot: the private base_dir is not laid out for it.
  chroot =
}
service anvil {
  chroot =
}
CONF
    setsid dovecot -c "$dir/dovecot.conf" >"$dir/stdout.log" 2>"$dir/stderr.log" </dev/null
    for _ in $(seq 1 100); do
        if exec 3<>"/dev/tcp/127.0.0.1/$port" 2>/dev/null; then
            local greeting=""
            read -r -t 2 greeting <&3 || true
            exec 3>&-
            case "$greeting" in "* OK"*) return 0 ;; esac
        fi
        sleep 0.05
    done
    echo "dovecot did not start on $port; see $dir/dovecot.log and $dir/stderr.log" >&2
    cat "$dir/stderr.log" "$dir/dovecot.log" >&2 2>/dev/null
    return 1
}

# stop_dovecot DIR [PORT]
stop_dovecot() {
    local dir=$1 port=${2:-}
    if [ -f "$dir/run/master.pid" ]; then
        kill "$(cat "$dir/run/master.pid")" 2>/dev/null
        rm -f "$dir/run/master.pid"
    fi
    [ -n "$port" ] && _mail_wait_port_closed "$port"
    return 0
}

# deliver_mail DIR USER FILE [FOLDER]
deliver_mail() {
    local dir=$1 user=$2 file=$3 folder=${4:-INBOX}
    doveadm -c "$dir/dovecot.conf" save -u "$user" -m "$folder" < "$file"
}

# imap_test_env DIR PORT USER PASSWORD: export lines for the test project.
imap_test_env() {
    local dir=$1 port=$2 user=$3 password=$4
    printf 'export CONTACTHUB_TEST_IMAP=127.0.0.1:%s\n' "$port"
    printf 'export CONTACTHUB_TEST_IMAP_USER=%s\n' "$user"
    printf 'export CONTACTHUB_TEST_IMAP_PASSWORD=%s\n' "$password"
    printf 'export CONTACTHUB_TEST_DOVECOT_CONF=%s\n' "$dir/dovecot.conf"
}
