#!/usr/bin/env bash
# Runs every test of NicConsole in Release and ends with a plain "N passed, N failed" line.
# It installs what the tests need and is missing, so it works on a fresh machine of this kind.
set -uo pipefail
cd "$(dirname "$0")"

# Browser tests drive Debian's Chromium (never a downloaded browser); CJK fonts make the Chinese pages legible.
# The multi-node tests start their own redis-server (Debian's) on a free port; none needs to be running.
# The Linux data plane's tests drive iproute2's ip and ping between namespaces they make (they run as root, else skip).
# The telemetry test starts Debian's prometheus on a free loopback port to scrape a console of its own.
missing=()
command -v ip >/dev/null 2>&1 || [ -x /usr/sbin/ip ] || missing+=(iproute2)
[ -x /usr/bin/ping ] || [ -x /bin/ping ] || missing+=(iputils-ping)
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]}"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null || exit 1
fi
# Prometheus alone, without the exporters it recommends; the test starts it itself, never as a service.
if [ ! -x /usr/bin/prometheus ]; then
    echo "installing prometheus"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends prometheus >/dev/null || exit 1
    # Where the package's service was started, stop it: nothing of ours listens outside the tests' own ports.
    $sudo invoke-rc.d prometheus stop >/dev/null 2>&1 || true
fi

dotnet tool restore >/dev/null || exit 1
dotnet build NicConsole.sln -c Release -nologo -clp:ErrorsOnly || exit 1

mkdir -p artifacts
log=artifacts/test.log
dotnet test NicConsole.sln -c Release --no-build -nologo --blame-hang-timeout 5m "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
echo "$passed passed, $failed failed"
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
    echo "no test ran" >&2
    exit 1
fi
exit "$status"
