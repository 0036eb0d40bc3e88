"""Atomic writes: a file, or a set of files, appears complete under its names, or not at all.

Why this module exists: an export interrupted half-way (a full disk, Ctrl-C, a killed job)
must never leave a half-written file that looks finished, nor a set of CSV files of which some
are new and some old (their merged ids are positional: ``reports.csv`` would join the wrong
deals).  Every writer of :mod:`korpol._io` writes under a temporary name in the target
directory and renames it over the target when done:

* :func:`atomic_path` -- one file;
* :func:`atomic_set` -- files that belong together: all are written first; then the old ones
  are removed (the last-named first) and the new ones renamed in (the last-named last), so the
  folder never holds old and new files together; while that happens a visible
  :data:`INCOMPLETE` note says so, and stays if the process is killed in between;
* a temporary name is ``.<name>.<host>-<pid>-<random>.korpol-tmp``: a later write into the same
  directory removes those whose process is gone (:func:`remove_stale`), so a killed export
  leaves nothing that is never cleaned.

A new file gets the permissions the umask gives (``0666 & ~umask``, as ``open()`` does); a
file that is replaced keeps its mode.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import secrets
import shutil
import signal
import socket
import stat
import sys
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

from korpol._errors import ValidationError

__all__ = ["INCOMPLETE", "TEMP_SUFFIX", "PathLike", "atomic_path", "atomic_set", "remove_stale"]

PathLike = str | os.PathLike[str]

#: How every temporary name korpol writes ends (``.korpol-tmp-journal`` for SQLite's journal).
TEMP_SUFFIX = ".korpol-tmp"

#: The note :func:`atomic_set` leaves in a folder whose set of files it was replacing when it was
#: stopped.  The next complete export into the folder removes it.
INCOMPLETE = "_INCOMPLETE_EXPORT.txt"

_HOST = re.sub(r"[^0-9A-Za-z]", "", socket.gethostname())[:32] or "host"
_TEMP = re.compile(
    r"\..*\.(?P<host>[0-9A-Za-z]+)-(?P<pid>[0-9]+)-[0-9a-f]{8}" + re.escape(TEMP_SUFFIX) + r"(?:-[a-z]+)?",
    re.DOTALL,
)


def _temp_path(directory: Path, name: str) -> Path:
    # (the target's name is cut so that the temporary name stays under 255 bytes)
    return directory / f".{name[:80]}.{_HOST}-{os.getpid()}-{secrets.token_hex(4)}{TEMP_SUFFIX}"


def _create(path: Path) -> int:
    """Create ``path`` empty, as ``open()`` would (mode 0666 less the umask); return that mode."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
    try:
        return stat.S_IMODE(os.fstat(fd).st_mode)
    finally:
        os.close(fd)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":  # (os.kill(pid, 0) would end the process on Windows)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: alive
        return True
    return True


def remove_stale(directory: PathLike) -> list[Path]:
    """Remove the temporary files of korpol writes into ``directory`` that were killed.

    Only names korpol gives its temporary files are touched, and only those written on this
    host by a process that no longer runs; returns what was removed.

    >>> import pathlib, subprocess, sys, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
    ...                       capture_output=True, text=True).stdout.strip()
    >>> stale = folder / f".kb.jsonl.{_HOST}-{gone}-0123abcd.korpol-tmp"
    >>> _ = stale.write_text("half an export")
    >>> [p.name == stale.name for p in remove_stale(folder)], stale.exists()
    ([True], False)
    """
    removed = []
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return []
    for entry in entries:
        found = _TEMP.fullmatch(entry.name)
        if found is None or found["host"] != _HOST or _alive(int(found["pid"])):
            continue
        with contextlib.suppress(OSError):
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)
            removed.append(Path(entry.path))
    return removed


def _sync(path: Path) -> None:
    """Put the file's bytes on disk before it takes its final name."""
    with path.open("rb") as written:
        os.fsync(written.fileno())


def _sync_directory(directory: Path) -> None:
    """Put a directory's renames on disk (POSIX; elsewhere a no-op)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def _keep_mode(tmp: Path, target: Path, created: int) -> None:
    """The mode ``target`` has (when it exists), else the one the umask gave: never 0600 by accident."""
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mode = created
    with contextlib.suppress(OSError):
        os.chmod(tmp, mode)


@contextlib.contextmanager
def _uninterrupted() -> Iterator[None]:
    """Ctrl-C and ``kill`` (SIGTERM) wait until the block is done (POSIX, the main thread)."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    held = {signal.SIGINT, signal.SIGTERM}
    old = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _directory_of(target: Path) -> Path:
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise FileNotFoundError(f"directory does not exist: {directory}")
    return directory


@contextlib.contextmanager
def atomic_path(path: PathLike) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success rename it over ``path``.

    On any error the temporary file is removed and ``path`` is untouched.  A file ``path``
    that exists keeps its mode; a new one gets the umask's.

    >>> import pathlib, tempfile
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "notes.txt"
    >>> with atomic_path(target) as tmp:
    ...     _ = tmp.write_text("done")
    >>> target.read_text(), sorted(p.name for p in target.parent.iterdir())
    ('done', ['notes.txt'])
    """
    target = Path(path)
    directory = _directory_of(target)
    if target.is_dir():
        raise ValidationError("path", os.fspath(path), "is a directory: give the name of the file to write")
    remove_stale(directory)
    tmp = _temp_path(directory, target.name)
    created = _create(tmp)
    try:
        yield tmp
        _sync(tmp)
        _keep_mode(tmp, target, created)
        os.replace(tmp, target)
        _sync_directory(directory)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


@contextlib.contextmanager
def atomic_set(directory: PathLike, names: Sequence[str]) -> Iterator[dict[str, Path]]:
    """Yield a temporary path for each of ``names``; on success they replace the set in ``directory``.

    Nothing in ``directory`` changes until every file is written.  Then the old files of the
    set are removed, the last of ``names`` first, and the new ones renamed in, the last of
    ``names`` last: the folder never mixes old and new files, and a reader who finds the last
    name (``reports.csv``, which joins the others) finds the whole set.  Meanwhile the note
    :data:`INCOMPLETE` is in the folder; killed at that moment, the note stays until the next
    complete export.  Ctrl-C waits for this last step (it takes milliseconds).

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> with atomic_set(folder, ["a.csv", "b.csv"]) as tmp:
    ...     for name, path in tmp.items():
    ...         _ = path.write_text(name)
    >>> sorted(p.name for p in folder.iterdir())
    ['a.csv', 'b.csv']
    """
    folder = Path(directory)
    if not folder.is_dir():
        raise FileNotFoundError(f"directory does not exist: {folder}")
    remove_stale(folder)
    temps: dict[str, Path] = {}
    created: dict[str, int] = {}
    try:
        for name in names:
            temps[name] = _temp_path(folder, name)
            created[name] = _create(temps[name])
        yield dict(temps)
        for name in names:
            _sync(temps[name])
            _keep_mode(temps[name], folder / name, created[name])
        with _uninterrupted():
            note = folder / INCOMPLETE
            note.write_text(_note(names), encoding="utf-8")
            _sync(note)
            _sync_directory(folder)
            for name in reversed(names):
                with contextlib.suppress(FileNotFoundError):
                    (folder / name).unlink()
            _sync_directory(folder)
            for name in names:
                os.replace(temps[name], folder / name)
            _sync_directory(folder)
            note.unlink()
            _sync_directory(folder)
    except BaseException:
        for tmp in temps.values():
            with contextlib.suppress(OSError):
                tmp.unlink()
        raise


def _note(names: Sequence[str]) -> str:
    started = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    return (
        f"korpol was stopped while it replaced the files of an export in this folder ({started}, "
        f"process {os.getpid()}, {sys.executable}).\n"
        f"The files here are not a complete set: run the export again.  One export writes "
        f"{', '.join(names)}.\n"
    )
