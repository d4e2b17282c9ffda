"""Atomic writes: a write that fails half-way leaves the previous file whole, and a finished one
leaves the file as a user expects it (permissions, links)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap

from kg.files import write_atomic

from .conftest import temporary_files


def test_a_write_cut_off_by_a_full_disk_leaves_the_previous_file(tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_text("# the previous graph\n")
    # the file size limit makes the kernel refuse the write half-way, as a full disk does
    script = textwrap.dedent(f"""
        import resource, signal
        from kg.files import write_atomic
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (65536, 65536))
        write_atomic({str(target)!r}, b"<a> <b> <c> .\\n" * 100_000)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode != 0 and "File too large" in result.stderr
    assert target.read_text() == "# the previous graph\n"
    assert temporary_files(tmp_path) == []


def test_a_replaced_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_text("old\n")
    target.chmod(0o640)
    write_atomic(target, "new\n")
    assert target.read_text() == "new\n" and stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_new_file_is_readable_as_the_umask_says(tmp_path):
    mask = os.umask(0o022)
    os.umask(mask)
    write_atomic(tmp_path / "graph.ttl", "new\n")
    assert stat.S_IMODE((tmp_path / "graph.ttl").stat().st_mode) == 0o666 & ~mask


def test_a_link_is_written_through(tmp_path):
    real = tmp_path / "data" / "graph-2017.ttl"
    real.parent.mkdir()
    real.write_text("old\n")
    link = tmp_path / "graph.ttl"
    link.symlink_to(real)
    write_atomic(link, "new\n")
    assert link.is_symlink() and real.read_text() == "new\n"
