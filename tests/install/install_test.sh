#!/usr/bin/env bash
# Usage: install_test.sh BUILD_DIR SOURCE_DIR WORK_DIR (tests/install/CMakeLists.txt).
# Each check prints what it did; the first failure ends the test with the output that shows why.
set -euo pipefail
build=$1 source=$2 work=$3
rm -rf "$work"
mkdir -p "$work"

fail() { echo "FAIL: $*" >&2; exit 1; }
server_pid=""
trap '[ -z "$server_pid" ] || kill "$server_pid" 2>/dev/null' EXIT
expect() { # expect TEXT PATTERN WHAT
    grep -Eq -- "$2" <<<"$1" || { printf '%s\n' "$1" >&2; fail "$3: no /$2/ in the output above"; }
}
# The installed program runs with a bare environment: no NEWSSEARCH_* variables, a home of its own,
# and the source tree out of sight (it must find everything in its own installation).
home=$work/home
run() { env -i PATH=/usr/bin:/bin HOME="$home" LANG=C.UTF-8 "$@"; }

check_root() { # check_root NAME PREFIX
    local name=$1 prefix=$2 out
    echo "== $name: $prefix"
    local program=$prefix/bin/newssearch data=$prefix/share/newssearch
    home=$work/$name-home # a home of its own: its first search finds no index
    [ -x "$program" ] || fail "$name: no $program"

    out=$(run "$program" --version)
    expect "$out" "^data: $data\$" "$name: the program finds its data beside it"

    # The first search at the default location indexes the bundled corpus from share/newssearch.
    out=$(run "$program" "Anchorage agreements" 2>&1)
    expect "$out" "indexing the bundled corpus \\($data/raw\\)" "$name: first search"
    expect "$out" "Lavrov offers face-to-face meeting with Rubio" "$name: first search answers"

    out=$(run "$program" index --db "$work/$name-db" "$data/raw" 2>&1)
    expect "$out" "4 articles" "$name: index"
    out=$(run "$program" search --db "$work/$name-db" --json "Kuala Lumpur")
    expect "$out" '"total": 2,' "$name: search"
    # Entities come from the installed gazetteer and tagger model.
    out=$(run "$program" search --db "$work/$name-db" "entity:Lavrov")
    expect "$out" "Lavrov" "$name: entity search"

    # serve on a free loopback port with a settings file; /healthz; stop; the log says it all.
    local port
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    printf '[serve]\ndb = "%s"\nport = %s\nlog-format = "json"\n' "$work/$name-db" "$port" >"$work/$name-serve.conf"
    # env execs the program: $! is the server itself, which the signal must reach.
    env -i PATH=/usr/bin:/bin HOME="$home" LANG=C.UTF-8 "$program" serve --config "$work/$name-serve.conf" \
        </dev/null >/dev/null 2>"$work/$name-serve.log" &
    local pid=$!
    server_pid=$pid
    out=""
    for _ in $(seq 100); do
        out=$(python3 -c "import urllib.request, sys; print(urllib.request.urlopen('http://127.0.0.1:$port/healthz?probe=1', timeout=2).read().decode())" 2>/dev/null) && break
        kill -0 "$pid" 2>/dev/null || { cat "$work/$name-serve.log" >&2; fail "$name: serve exited early"; }
        sleep 0.1
    done
    expect "$out" '"index": *"ready"' "$name: /healthz"
    kill -TERM "$pid"
    wait "$pid" || fail "$name: serve did not stop cleanly on SIGTERM"
    server_pid=""
    out=$(cat "$work/$name-serve.log")
    expect "$out" '"level":"info","message":"serving http://127.0.0.1:'"$port"'/"' "$name: serve start in the log"
    expect "$out" '"method":"GET","path":"/healthz\?probe=1","status":200' "$name: access log line"
    expect "$out" '"message":"stopped \(SIGTERM\)"' "$name: serve stop in the log"

    # The manual pages, one per command, rendered by man.
    local page
    for page in newssearch newssearch-index newssearch-search newssearch-serve; do
        [ -f "$prefix/share/man/man1/$page.1.gz" ] || fail "$name: no manual page $page.1.gz"
    done
    if command -v man >/dev/null; then
        out=$(run env MANWIDTH=100 man -l -P cat "$prefix/share/man/man1/newssearch-serve.1.gz" 2>&1)
        expect "$out" "--log-format" "$name: man newssearch-serve"
        expect "$out" "NEWSSEARCH_DB" "$name: man newssearch-serve names the environment"
    else
        echo "man is not installed: the manual pages are not rendered"
    fi

    # bash completion: commands, then a command's options.
    local completion=$prefix/share/bash-completion/completions/newssearch
    out=$(bash -c 'source "$1"; COMP_WORDS=(newssearch se); COMP_CWORD=1; _newssearch; echo "${COMPREPLY[*]}"' _ "$completion")
    expect "$out" "^search serve$" "$name: bash completes commands"
    out=$(bash -c 'source "$1"; COMP_WORDS=(newssearch serve --log); COMP_CWORD=2; _newssearch; echo "${COMPREPLY[*]}"' _ "$completion")
    expect "$out" "^--log-format$" "$name: bash completes a command's options"
    out=$(bash -c 'source "$1"; COMP_WORDS=(newssearch serve --log-format ""); COMP_CWORD=3; _newssearch; echo "${COMPREPLY[*]}"' _ "$completion")
    expect "$out" "^text json$|^json text$" "$name: bash completes an option's choices"
    if command -v zsh >/dev/null; then zsh -n "$prefix/share/zsh/vendor-completions/_newssearch" || fail "$name: zsh completion"; fi

    # examples/embed against the installed library: with CMake's find_package, and with pkg-config.
    cmake -S "$source/examples/embed" -B "$work/$name-embed" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
    cmake --build "$work/$name-embed" >/dev/null
    out=$(run "$work/$name-embed/embed_example" "$work/$name-embed-db" "new idea" "$data/raw")
    expect "$out" "^indexed 4 articles" "$name: embed (CMake)"
    expect "$out" "\\[new idea\\]" "$name: embed (CMake) search"

    local pc
    pc=$(dirname "$(find "$prefix" -name newssearch.pc | head -n 1)")
    [ -f "$pc/newssearch.pc" ] || fail "$name: no newssearch.pc"
    local flags
    flags=$(PKG_CONFIG_PATH=$pc pkg-config --cflags --libs newssearch)
    local libdir
    libdir=$(PKG_CONFIG_PATH=$pc pkg-config --variable=libdir newssearch)
    # shellcheck disable=SC2086 # the flags are words
    c++ -O1 -o "$work/$name-embed-pc" "$source/examples/embed/main.cpp" $flags -Wl,-rpath,"$libdir"
    out=$(run "$work/$name-embed-pc" "$work/$name-embed-pc-db" "Kuala Lumpur" "$data/raw")
    expect "$out" "^indexed 4 articles" "$name: embed (pkg-config)"
    expect "$out" "\\[Kuala Lumpur\\]" "$name: embed (pkg-config) search"
}

# 1. cmake --install into a prefix, then moved: nothing may point back at the prefix or the build.
cmake --install "$build" --prefix "$work/prefix" >/dev/null
unit=$work/prefix/lib/systemd/system/newssearch.service
[ -f "$unit" ] || fail "no systemd unit in the installation"
[ -f "$work/prefix/etc/newssearch/serve.conf" ] || fail "no serve.conf in the installation"
if command -v systemd-analyze >/dev/null; then
    out=$(systemd-analyze verify --man=no "$unit" 2>&1) || { printf '%s\n' "$out" >&2; fail "systemd-analyze verify"; }
    echo "systemd-analyze verify: ok"
fi
mv "$work/prefix" "$work/moved"
check_root moved "$work/moved"

# 2. the Debian package, unpacked into an empty root.
(cd "$build" && cpack -G DEB -B "$work/deb" >/dev/null)
deb=$(ls "$work"/deb/newssearch_*_*.deb)
[[ $(basename "$deb") =~ ^newssearch_[0-9.]+_[a-z0-9]+\.deb$ ]] || fail "package name $(basename "$deb")"
out=$(dpkg-deb --info "$deb")
expect "$out" "Depends:.*libxapian30" "package Depends (dpkg-shlibdeps)"
expect "$out" "Depends:.*libicu72" "package Depends (dpkg-shlibdeps)"
expect "$out" "conffiles" "package conffiles"
out=$(dpkg-deb --contents "$deb")
expect "$out" " \\./etc/newssearch/serve\\.conf$" "package settings file"
expect "$out" " \\./usr/lib/systemd/system/newssearch\\.service$" "package systemd unit"
expect "$out" " \\./usr/share/newssearch/models/entity_tagger\\.model$" "package data"
dpkg-deb -x "$deb" "$work/root"
out=$(cat "$work/root/usr/lib/systemd/system/newssearch.service")
expect "$out" "^ExecStart=/usr/bin/newssearch serve --config /etc/newssearch/serve.conf$" "the unit's ExecStart"
check_root deb "$work/root/usr"
echo "all install checks passed"
