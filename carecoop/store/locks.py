"""Whether the carecoop that left a workshop lock is still running.

A lock names a process id, a host name, this computer's boot and a start time. After a
reboot the same id may belong to another program, and a computer may be renamed: a lock is
stale when its boot is over, or when the process with its id started after the lock was
taken. Only a lock from a computer we cannot see into stays, until `carecoop doctor` clears it.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path


class LockState(StrEnum):
    """What a lock left in the store means."""

    LIVE = "live"  # its carecoop still runs here
    STALE = "stale"  # its carecoop is gone: taken over without asking
    ELSEWHERE = "elsewhere"  # another computer (or this one under an old name): ask before clearing


@dataclass(frozen=True)
class LockHolder:
    """Who holds a workshop lock."""

    workshop_id: str
    pid: int
    host: str
    started_at: str
    boot: str | None


def this_boot() -> str | None:
    """An id of this computer's current boot (Linux), or None where there is none."""
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip() or None
    except OSError:
        return None


def this_host() -> str:
    """This computer's name."""
    return socket.gethostname()


def _process_start(pid: int) -> datetime | None:
    """When a process started (Linux /proc), or None when that cannot be known."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii")
        ticks = int(stat.rsplit(")", 1)[1].split()[19])
        boot_time = next(
            int(line.split()[1])
            for line in Path("/proc/stat").read_text(encoding="ascii").splitlines()
            if line.startswith("btime ")
        )
        return datetime.fromtimestamp(boot_time + ticks / os.sysconf("SC_CLK_TCK"), UTC)
    except (OSError, ValueError, IndexError, StopIteration):
        return None


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def lock_state(holder: LockHolder) -> LockState:
    """Whether the lock's carecoop still runs, has gone, or cannot be seen from here."""
    boot = this_boot()
    same_machine = holder.host == this_host() or (boot is not None and holder.boot == boot)
    if not same_machine:
        return LockState.ELSEWHERE
    if boot is not None and holder.boot is not None and holder.boot != boot:
        return LockState.STALE  # the computer restarted since: every process of then is gone
    if not _running(holder.pid):
        return LockState.STALE
    started = _process_start(holder.pid)
    try:
        taken = datetime.fromisoformat(holder.started_at)
    except ValueError:
        return LockState.LIVE
    if taken.tzinfo is None:
        taken = taken.replace(tzinfo=UTC)
    if started is not None and (started - taken).total_seconds() > 2:
        return LockState.STALE  # that process id now belongs to a program started after the lock
    return LockState.LIVE
