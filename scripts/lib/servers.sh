# Starts real servers on 127.0.0.1 for the demo and the tests, and stops them by PID.
# Every start waits until the server answers, so callers can use it at once.

wait_for_port_closed() {
    local port=$1
    for _ in $(seq 1 100); do
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || return 0
        sleep 0.1
    done
}

# start_redis PORT DIR
start_redis() {
    local port=$1 dir=$2
    mkdir -p "$dir"
    redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly yes --appendfsync everysec \
        --dir "$dir" --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
    for _ in $(seq 1 100); do
        [ "$(redis-cli -p "$port" ping 2>/dev/null)" = "PONG" ] && return 0
        sleep 0.05
    done
    echo "redis did not start on $port; see $dir/redis.log" >&2
    return 1
}

stop_redis() {
    local port=$1 dir=$2
    [ -f "$dir/redis.pid" ] && kill "$(cat "$dir/redis.pid")" 2>/dev/null
    wait_for_port_closed "$port"
}

# start_postgres PORT DIR PASSWORD: a private cluster owned by the postgres user (initdb refuses root).
start_postgres() {
    local port=$1 dir=$2 password=$3 bin=/usr/lib/postgresql/15/bin
    rm -rf "$dir" && mkdir -p "$dir" && chown postgres:postgres "$dir"
    local pwfile="$dir/.pw"
    printf '%s' "$password" > "$pwfile" && chown postgres:postgres "$pwfile" && chmod 600 "$pwfile"
    runuser -u postgres -- "$bin/initdb" -D "$dir/data" -U contacthub --pwfile="$pwfile" \
        --auth-host=scram-sha-256 --auth-local=trust -E UTF8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; return 1; }
    runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -o \
        "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off -c max_connections=200" start >/dev/null \
        || { cat "$dir/postgres.log" >&2; return 1; }
}

stop_postgres() {
    local dir=$1
    [ -d "$dir/data" ] && runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$dir/data" -m fast -w stop >/dev/null 2>&1
    return 0
}
