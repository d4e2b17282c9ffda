"""A throwaway Virtuoso Open Source server for the tests: its own database in a temporary folder,
loopback ports, started as a normal process and stopped after the tests (see shared/FACTS.md).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
BINARY = "virtuoso-t"
ISQL = "isql-vt"


def available() -> bool:
    return shutil.which(BINARY) is not None and shutil.which(ISQL) is not None and INI.exists()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def configure(template: str, folder: Path, sql_port: int, http_port: int) -> str:
    """The packaged virtuoso.ini with every file in ``folder`` and the two ports on loopback."""
    files = {
        "Database": {"DatabaseFile": "virtuoso.db", "TransactionFile": "virtuoso.trx",
                     "ErrorLogFile": "virtuoso.log", "LockFile": "virtuoso.lck",
                     "xa_persistent_file": "virtuoso.pxa"},
        "TempDatabase": {"DatabaseFile": "temp.db", "TransactionFile": "temp.trx",
                         "ErrorLogFile": "temp.log", "LockFile": "temp.lck", "xa_persistent_file": "temp.pxa"},
    }
    settings = {
        "Parameters": {"ServerPort": f"127.0.0.1:{sql_port}", "DirsAllowed": f"., {folder}",
                       "NumberOfBuffers": "170000", "MaxDirtyBuffers": "130000"},
        "HTTPServer": {"ServerPort": f"127.0.0.1:{http_port}"},
        "SPARQL": {"ResultSetMaxRows": "1000000"},
    }
    for section, names in files.items():
        settings[section] = {key: str(folder / name) for key, name in names.items()}
    out, section = [], ""
    for line in template.splitlines():
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            section = stripped[1:-1]
        elif "=" in stripped and not stripped.startswith(";"):
            key = stripped.split("=", 1)[0].strip()
            if key in settings.get(section, {}):
                line = f"{key} = {settings[section][key]}"
        out.append(line)
    return "\n".join(out) + "\n"


@dataclass
class Virtuoso:
    folder: Path
    sql_port: int = 0
    http_port: int = 0
    process: subprocess.Popen | None = None

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql"

    @property
    def graph_store(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql-graph-crud"

    def start(self, timeout: float = 120.0) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.sql_port, self.http_port = free_port(), free_port()
        ini = self.folder / "virtuoso.ini"
        ini.write_text(configure(INI.read_text(), self.folder, self.sql_port, self.http_port))
        log = open(self.folder / "stdout.log", "wb")  # noqa: SIM115 - closed with the process
        self.process = subprocess.Popen([BINARY, "-f", "-c", str(ini)], cwd=self.folder, stdout=log,
                                        stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"virtuoso-t exited with {self.process.returncode}: {self.log_tail()}")
            try:
                with urllib.request.urlopen(self.endpoint + "?query=ASK%7B%7D", timeout=5) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"virtuoso did not answer on {self.endpoint} in {timeout:.0f} s")
            time.sleep(0.5)
        self.isql('GRANT SPARQL_UPDATE TO "SPARQL";')

    def isql(self, statement: str) -> str:
        done = subprocess.run([ISQL, str(self.sql_port), "dba", "dba", f"exec={statement}"],
                              capture_output=True, text=True, timeout=60, check=True)
        return done.stdout

    def log_tail(self) -> str:
        log = self.folder / "virtuoso.log"
        return log.read_text(errors="replace")[-2000:] if log.exists() else ""

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            os.killpg(self.process.pid, 15)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, 9)
                self.process.wait()
        self.process = None
