#!/usr/bin/env bash
# Three hypervisor hosts on one machine, each run by its own agent, for trying many hosts without many machines.
#
#   sudo scripts/many-hosts.sh up     # underlay + hosts h1..h3, registered, their agents started
#   sudo scripts/many-hosts.sh down   # agents stopped, every namespace this made deleted
#
# Everything is made inside network namespaces of its own (nothing in the machine's own, nothing linked to it):
#   nc-ul            the underlay: a bridge ulbr, the "physical" network between the hosts
#   nch1-h1 … nch3-h3  each host's namespace, with ul0 on the underlay (192.0.2.11 … .13, a documentation range)
# Each agent has a prefix of its own (nch1, nch2, nch3), as separate machines would: its servers are nch2-i-…
# The console is started as usual (dotnet run --project Console.Web) on the same database (Console.Web/data by default).
set -euo pipefail
cd "$(dirname "$0")/.."

hosts=(h1 h2 h3)
controller=${CONTROLLER:-http://localhost:5290}
state=artifacts/many-hosts
configuration=Release

root=$PWD
# The console's command line, on the database the console uses (run from Console.Web, as dotnet run does).
console() { (cd "$root/Console.Web" && dotnet "$root/Console.Web/bin/$configuration/net10.0/Console.Web.dll" "$@"); }
underlay() { echo "192.0.2.1${1#h}"; }

up() {
    [ "$(id -u)" -eq 0 ] || { echo "run as root: namespaces need CAP_NET_ADMIN and CAP_SYS_ADMIN" >&2; exit 1; }
    dotnet build NicConsole.sln -c $configuration -nologo -clp:ErrorsOnly
    mkdir -p "$state"
    ip netns add nc-ul
    ip -n nc-ul link add ulbr type bridge
    ip -n nc-ul link set ulbr up
    for h in "${hosts[@]}"; do
        ns="nc$h-$h"
        ip netns add "$ns"
        ip -n "$ns" link add ul0 type veth peer name "ul-$h" netns nc-ul
        ip -n nc-ul link set "ul-$h" master ulbr up
        ip -n "$ns" addr add "$(underlay $h)/24" dev ul0
        ip -n "$ns" link set ul0 up
    done
    # h1 is the console's own host: give it its underlay and an agent token; h2 and h3 are registered.
    console hosts set h1 --underlay "$(underlay h1)" >/dev/null
    console hosts rotate-token h1 | sed -n 's/^token: //p' > "$state/h1.token"
    for h in h2 h3; do
        console hosts add --name "$h" --underlay "$(underlay $h)" 2>/dev/null | sed -n 's/^token: //p' > "$state/$h.token"
    done
    for h in "${hosts[@]}"; do
        NICCONSOLE_AGENT_TOKEN=$(cat "$state/$h.token") nohup dotnet NicConsole.Agent/bin/$configuration/net10.0/NicConsole.Agent.dll \
            --controller "$controller" --host "$h" --prefix "nc$h" --driver Linux > "$state/$h.log" 2>&1 &
        echo $! > "$state/$h.pid"
    done
    echo "hosts h1 h2 h3 up; agents logging to $state/*.log (start the console if it is not running: dotnet run --project Console.Web)"
}

down() {
    for h in "${hosts[@]}"; do
        [ -f "$state/$h.pid" ] && kill "$(cat "$state/$h.pid")" 2>/dev/null || true
        rm -f "$state/$h.pid" "$state/$h.token"
    done
    for ns in $(ip netns list | awk '{print $1}' | grep -E '^nc(h[0-9]+-|-ul$)' || true); do
        ip netns del "$ns"
    done
    echo "agents stopped, namespaces deleted"
}

case "${1:-}" in
    up) up ;;
    down) down ;;
    *) echo "usage: $0 up|down" >&2; exit 2 ;;
esac
