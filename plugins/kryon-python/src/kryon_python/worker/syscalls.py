"""A seccomp filter: system calls the worker never needs fail with ``EPERM``.

The audit hook refuses what Python audits, but a few calls that create files
or reach other processes raise no audit event (``os.mknod``, ``os.mkfifo``,
``os.setpriority``, ``os.sched_setaffinity``...), and deleting them from
``os`` would not do: ``_imp.create_builtin`` rebuilds ``posix`` with all its
functions.  The kernel refuses them here, whatever a script reaches.

The filter is built with :mod:`ctypes`, imported while the worker starts
(before the file system goes away); ``ctypes`` calls made later by a script
meet the audit hook.  Linux on x86-64 and AArch64 only: elsewhere, or where
the kernel refuses filters, :func:`install` returns ``False`` and the other
layers stand alone.
"""

from __future__ import annotations

import ctypes
import errno
import platform
import struct
import sys

_LIBC: ctypes.CDLL | None = None
if sys.platform == "linux":
    try:
        _LIBC = ctypes.CDLL(None, use_errno=True)
    except OSError:
        _LIBC = None

__all__ = ["DENIED", "install"]

DENIED = (
    # files: the worker opens, creates, changes or removes none after start-up
    "open", "creat", "openat", "openat2", "mknod", "mknodat", "mkdir", "mkdirat",
    "rmdir", "unlink", "unlinkat", "rename", "renameat", "renameat2", "link", "linkat",
    "symlink", "symlinkat", "chmod", "fchmodat", "chown", "lchown", "fchownat",
    "truncate", "utime", "utimes", "utimensat", "futimesat", "name_to_handle_at",
    "open_by_handle_at", "chroot", "pivot_root", "mount", "umount2",
    # other processes: the host runs as the same user when it is not root
    "ptrace", "process_vm_readv", "process_vm_writev", "setpriority",
    "sched_setaffinity", "sched_setparam", "sched_setscheduler", "sched_setattr",
    "ioprio_set", "execve", "execveat", "fork", "vfork", "clone", "clone3",
    "unshare", "setns", "migrate_pages", "move_pages", "process_madvise",
    "process_mrelease", "kcmp",
    # signals: os.pidfd_open and signal.pidfd_send_signal raise no audit event
    "kill", "tkill", "tgkill", "rt_sigqueueinfo", "rt_tgsigqueueinfo",
    "pidfd_open", "pidfd_send_signal", "pidfd_getfd",
    # the network and the kernel
    "socket", "socketpair", "connect", "bind", "listen", "accept", "accept4",
    "kexec_load", "init_module", "finit_module", "delete_module", "bpf",
    "perf_event_open", "userfaultfd", "fanotify_init", "inotify_init", "inotify_init1",
    "reboot", "swapon", "swapoff", "acct", "settimeofday", "clock_settime",
    "clock_adjtime", "adjtimex", "sethostname", "setdomainname", "keyctl", "add_key",
    "request_key",
)  # fmt: skip
"""System calls the filter refuses (names as in ``<asm/unistd.h>``)."""

SELF_ONLY = "prlimit64"
"""Allowed only with pid 0 (the worker itself): glibc's ``getrlimit`` and
``setrlimit`` use it so, while another pid would change the host's limits."""

_X86_64 = {
    "open": 2, "creat": 85, "openat": 257, "openat2": 437, "mknod": 133, "mknodat": 259,
    "mkdir": 83, "mkdirat": 258, "rmdir": 84, "unlink": 87, "unlinkat": 263, "rename": 82,
    "renameat": 264, "renameat2": 316, "link": 86, "linkat": 265, "symlink": 88,
    "symlinkat": 266, "chmod": 90, "fchmodat": 268, "chown": 92, "lchown": 94,
    "fchownat": 260, "truncate": 76, "utime": 132, "utimes": 235, "utimensat": 280,
    "futimesat": 261, "name_to_handle_at": 303, "open_by_handle_at": 304, "chroot": 161,
    "pivot_root": 155, "mount": 165, "umount2": 166, "ptrace": 101, "process_vm_readv": 310,
    "process_vm_writev": 311, "setpriority": 141, "sched_setaffinity": 203,
    "sched_setparam": 142, "sched_setscheduler": 144, "sched_setattr": 314,
    "ioprio_set": 251, "execve": 59, "execveat": 322, "fork": 57, "vfork": 58, "clone": 56,
    "clone3": 435, "unshare": 272, "setns": 308, "socket": 41, "socketpair": 53,
    "connect": 42, "bind": 49, "listen": 50, "accept": 43, "accept4": 288,
    "kexec_load": 246, "init_module": 175, "finit_module": 313, "bpf": 321,
    "perf_event_open": 298, "userfaultfd": 323, "fanotify_init": 300, "inotify_init": 253,
    "inotify_init1": 294, "migrate_pages": 256, "move_pages": 279, "process_madvise": 440,
    "process_mrelease": 448, "kcmp": 312, "kill": 62, "tkill": 200, "tgkill": 234,
    "rt_sigqueueinfo": 129, "rt_tgsigqueueinfo": 297, "pidfd_open": 434,
    "pidfd_send_signal": 424, "pidfd_getfd": 438, "delete_module": 176, "reboot": 169,
    "swapon": 167, "swapoff": 168, "acct": 163, "settimeofday": 164, "clock_settime": 227,
    "clock_adjtime": 305, "adjtimex": 159, "sethostname": 170, "setdomainname": 171,
    "keyctl": 250, "add_key": 248, "request_key": 249, "prlimit64": 302,
}  # fmt: skip
_AARCH64 = {  # the generic table: no open, mkdir, fork... (only their *at forms)
    "openat": 56, "openat2": 437, "mknodat": 33, "mkdirat": 34, "unlinkat": 35,
    "renameat": 38, "renameat2": 276, "linkat": 37, "symlinkat": 36, "fchmodat": 53,
    "fchownat": 54, "truncate": 45, "utimensat": 88, "name_to_handle_at": 264,
    "open_by_handle_at": 265, "chroot": 51, "pivot_root": 41, "mount": 40, "umount2": 39,
    "ptrace": 117, "process_vm_readv": 270, "process_vm_writev": 271, "setpriority": 140,
    "sched_setaffinity": 122, "sched_setparam": 118, "sched_setscheduler": 119,
    "sched_setattr": 274, "ioprio_set": 30, "execve": 221, "execveat": 281, "clone": 220,
    "clone3": 435, "unshare": 97, "setns": 268, "socket": 198, "socketpair": 199,
    "connect": 203, "bind": 200, "listen": 201, "accept": 202, "accept4": 242,
    "kexec_load": 104, "init_module": 105, "finit_module": 273, "bpf": 280,
    "perf_event_open": 241, "userfaultfd": 282, "fanotify_init": 262, "inotify_init1": 26,
    "migrate_pages": 238, "move_pages": 239, "process_madvise": 440, "process_mrelease": 448,
    "kcmp": 272, "kill": 129, "tkill": 130, "tgkill": 131, "rt_sigqueueinfo": 138,
    "rt_tgsigqueueinfo": 240, "pidfd_open": 434, "pidfd_send_signal": 424,
    "pidfd_getfd": 438, "delete_module": 106, "reboot": 142, "swapon": 224, "swapoff": 225,
    "acct": 89, "settimeofday": 170, "clock_settime": 112, "clock_adjtime": 266,
    "adjtimex": 171, "sethostname": 161, "setdomainname": 162, "keyctl": 219,
    "add_key": 217, "request_key": 218, "prlimit64": 261,
}  # fmt: skip
_ARCHES = {"x86_64": (0xC000003E, _X86_64), "aarch64": (0xC00000B7, _AARCH64)}
_X32_BIT = 0x40000000  # x86-64's x32 ABI: the same calls under other numbers

_LD_W_ABS, _JEQ_K, _JGE_K, _RET_K = 0x20, 0x15, 0x35, 0x06
_RET_ALLOW = 0x7FFF0000
_RET_EPERM = 0x00050000 | errno.EPERM
_PR_SET_NO_NEW_PRIVS, _PR_SET_SECCOMP, _SECCOMP_MODE_FILTER = 38, 22, 2


def program(machine: str) -> bytes | None:
    """The classic-BPF filter for ``machine`` (``platform.machine()``), or None."""
    arch = _ARCHES.get(machine)
    if arch is None:
        return None
    audit_arch, table = arch
    numbers = sorted({table[name] for name in DENIED if name in table})
    checks = [(_JGE_K, _X32_BIT)] if machine == "x86_64" else []
    checks += [(_JEQ_K, number) for number in numbers]
    # layout: 3 loads/arch checks, the checks, the SELF_ONLY test (3), allow, deny
    deny = 3 + len(checks) + 3 + 1
    code = [
        (_LD_W_ABS, 0, 0, 4),  # seccomp_data.arch
        (_JEQ_K, 0, deny - 2, audit_arch),  # another ABI (i386 on x86-64): refused
        (_LD_W_ABS, 0, 0, 0),  # seccomp_data.nr
    ]
    code += [(op, deny - (3 + i) - 1, 0, k) for i, (op, k) in enumerate(checks)]
    code += [
        (_JEQ_K, 0, 2, table[SELF_ONLY]),  # not SELF_ONLY: on to allow
        (_LD_W_ABS, 0, 0, 16),  # args[0]: its low word (both ABIs are little-endian), a pid_t
        (_JEQ_K, 0, 1, 0),  # pid 0 allowed, any other refused
    ]
    code += [(_RET_K, 0, 0, _RET_ALLOW), (_RET_K, 0, 0, _RET_EPERM)]
    return b"".join(struct.pack("HBBI", *instruction) for instruction in code)


def install() -> bool:
    """Load the filter into this process (for good); False when unavailable."""
    filter_code = program(platform.machine())
    if _LIBC is None or filter_code is None:
        return False

    class SockFprog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_char_p)]

    prctl = _LIBC.prctl
    prctl.restype = ctypes.c_int
    ulong = ctypes.c_ulong
    if prctl(_PR_SET_NO_NEW_PRIVS, ulong(1), ulong(0), ulong(0), ulong(0)) != 0:
        return False
    fprog = SockFprog(len(filter_code) // 8, filter_code)
    mode = ulong(_SECCOMP_MODE_FILTER)
    return bool(prctl(_PR_SET_SECCOMP, mode, ctypes.byref(fprog), ulong(0), ulong(0)) == 0)
