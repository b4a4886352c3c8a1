#!/bin/sh
# sshd.sh start DIR [PATH]: brings up an sshd of our own on 127.0.0.1 for
# the --sshlogin recipe's test: a throwaway host key and client key in
# DIR, a free port, sessions with PATH set (nib found there), and an ssh
# client config in DIR/ssh_config where the hosts node1 and node2 are
# this sshd; it takes 100 logins at once (parallel -S opens one a job).
# Prints the port.  Needs Debian's openssh-server and
# openssh-client; as root it makes sshd's /run/sshd.  Fails, saying why,
# where sshd cannot start.  sshd.sh stop DIR ends that sshd (by its pid
# file) and no other.
set -u
cmd=$1 dir=$2
if [ "$cmd" = stop ]; then
	[ -s "$dir/sshd.pid" ] && kill "$(cat "$dir/sshd.pid")" 2>/dev/null
	exit 0
fi
path=${3:-$PATH}
sshd=/usr/sbin/sshd
[ -x "$sshd" ] && command -v ssh >/dev/null && command -v ssh-keygen >/dev/null ||
	{ echo "sshd.sh: no sshd or ssh (apt-get install openssh-server openssh-client)" >&2; exit 2; }
mkdir -p "$dir" || exit 2
[ "$(id -u)" -eq 0 ] && mkdir -p /run/sshd
ssh-keygen -q -t ed25519 -N '' -f "$dir/host_key" || exit 2
ssh-keygen -q -t ed25519 -N '' -f "$dir/key" || exit 2
cp "$dir/key.pub" "$dir/authorized_keys"
chmod 600 "$dir/authorized_keys"
port=
for i in 1 2 3 4 5 6 7 8; do
	p=$((20000 + ($$ * 7 + i * 997) % 40000))
	cat >"$dir/sshd_config" <<CONF
Port $p
ListenAddress 127.0.0.1
HostKey $dir/host_key
AuthorizedKeysFile $dir/authorized_keys
PidFile $dir/sshd.pid
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
SetEnv PATH=$path
MaxStartups 100
MaxSessions 100
LogLevel ERROR
CONF
	if "$sshd" -f "$dir/sshd_config" -E "$dir/sshd.log"; then port=$p; break; fi
done
[ -n "$port" ] || { echo "sshd.sh: sshd did not start: $(tail -3 "$dir/sshd.log" 2>/dev/null)" >&2; exit 2; }
cat >"$dir/ssh_config" <<CONF
Host node1 node2
	HostName 127.0.0.1
	Port $port
	User $(id -un)
	IdentityFile $dir/key
	IdentitiesOnly yes
	StrictHostKeyChecking no
	UserKnownHostsFile /dev/null
	BatchMode yes
	LogLevel ERROR
CONF
# The daemon forks before it listens for good: wait until a login works.
i=0
until ssh -F "$dir/ssh_config" node1 true 2>"$dir/ssh.err"; do
	i=$((i + 1))
	[ $i -gt 20 ] && { echo "sshd.sh: no login to 127.0.0.1:$port:" "$(cat "$dir/ssh.err" "$dir/sshd.log" | tail -n 3 | tr "\n" " ")" >&2; sh "$0" stop "$dir"; exit 2; }
	sleep 0.2
done
echo "$port"
