#!/bin/sh
# start.sh: brings up a one-node Slurm cluster on this machine (munge,
# slurmctld, slurmd), for the cluster recipes' tests.  Run as root; needs
# Debian's slurm-wlm and munge.  Idempotent: a cluster already up is left
# as it is.  `start.sh stop` takes it down again.
set -u
state=${NIB_SLURM_DIR:-/tmp/nib-slurm}
host=$(hostname -s)
if [ "${1:-}" = stop ]; then
	scontrol shutdown >/dev/null 2>&1
	pkill -x slurmd 2>/dev/null
	pkill -x slurmctld 2>/dev/null
	exit 0
fi
if sinfo -h -o %T 2>/dev/null | grep -q idle; then exit 0; fi
[ "$(id -u)" -eq 0 ] || { echo "start.sh: run as root" >&2; exit 2; }
command -v slurmctld >/dev/null && command -v munged >/dev/null ||
	{ echo "start.sh: slurm-wlm and munge are not installed" >&2; exit 2; }

# munge: a key, and the daemon (no systemd in a container or CI).
if ! pgrep -x munged >/dev/null; then
	[ -s /etc/munge/munge.key ] || { mungekey -c -f -k /etc/munge/munge.key ||
		dd if=/dev/urandom of=/etc/munge/munge.key bs=1 count=1024 2>/dev/null; }
	chown munge:munge /etc/munge/munge.key && chmod 400 /etc/munge/munge.key
	mkdir -p /run/munge /var/log/munge /var/lib/munge
	chown munge:munge /run/munge /var/log/munge /var/lib/munge
	su -s /bin/sh munge -c munged || { echo "start.sh: munged did not start" >&2; exit 2; }
fi

mkdir -p "$state/ctld" "$state/d" /etc/slurm
cpus=$(nproc)
mem=$(awk '/MemTotal/ { print int($2 / 1024 * 0.8) }' /proc/meminfo)
cat >/etc/slurm/slurm.conf <<CONF
ClusterName=nib
SlurmctldHost=$host
SlurmUser=root
AuthType=auth/munge
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/d
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
SlurmctldLogFile=$state/slurmctld.log
SlurmdLogFile=$state/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
NodeName=$host CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=nib Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
pgrep -x slurmctld >/dev/null || slurmctld || { echo "start.sh: slurmctld did not start; see $state/slurmctld.log" >&2; exit 2; }
pgrep -x slurmd >/dev/null || slurmd || { echo "start.sh: slurmd did not start; see $state/slurmd.log" >&2; exit 2; }
i=0
until sinfo -h -o %T 2>/dev/null | grep -q idle; do
	i=$((i + 1))
	[ $i -gt 30 ] && { echo "start.sh: the node did not come up; see $state/*.log" >&2; sinfo >&2; exit 2; }
	scontrol update nodename="$host" state=resume >/dev/null 2>&1
	sleep 1
done
