"""kg serve facing hostile clients: on loopback unless told otherwise, no updates unless allowed, a
time limit and a result limit, and bad requests answered with 4xx while the server goes on."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from .conftest import kg

ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def store(tmp_path_factory, examples_build) -> Path:
    path = tmp_path_factory.mktemp("serve") / "store"
    result = kg("load", examples_build, "--store", path, "-q")
    assert result.returncode == 0, result.stderr
    return path


@contextmanager
def serving(store: Path, *options: str) -> Iterator[tuple[str, subprocess.Popen, str]]:
    """``kg serve --store STORE --port 0 OPTIONS`` in a process of its own: (URL, process, first line)."""
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", "0", *options],
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        said = ""
        while "serving" not in said:
            line = proc.stderr.readline()
            assert line, f"kg serve ended: {said}"
            said += line
        yield re.search(r"at (http://\S+/) ", said).group(1), proc, said
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def request(url: str, *, data: bytes | None = None, headers: dict | None = None,
            timeout: float = 60) -> tuple[int, bytes]:
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def select(url: str, query: str) -> tuple[int, bytes]:
    return request(url + "sparql?" + urllib.parse.urlencode({"query": query}),
                   headers={"Accept": "application/sparql-results+json"})


def count(url: str) -> int:
    status, body = select(url, COUNT)
    assert status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


@pytest.fixture(scope="module")
def server(store) -> Iterator[str]:
    with serving(store, "--max-rows", "10") as (url, _, _):
        yield url


def listening(port: int) -> set[str]:
    """The local addresses on which something listens on ``port`` (from /proc/net/tcp and tcp6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, _, state = line.split()[1:4]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                found.add(address)
    return found


def test_it_listens_on_loopback_only_by_default(server):
    port = urllib.parse.urlsplit(server).port
    assert listening(port) == {"0100007F"}  # 127.0.0.1, and nothing on 0.0.0.0 or ::


def test_listening_beyond_loopback_is_said_out_loud(store):
    with serving(store, "--host", "0.0.0.0") as (_, _, said):
        assert "other machines can reach this server" in said


@pytest.mark.parametrize("how", ["form", "sparql-update", "get", "as a query"])
def test_updates_are_refused_and_change_nothing(server, how):
    before = count(server)
    drop = "DROP ALL"
    if how == "form":
        status, _ = request(server + "sparql", data=urllib.parse.urlencode({"update": drop}).encode(),
                            headers={"Content-Type": "application/x-www-form-urlencoded"})
    elif how == "sparql-update":
        status, _ = request(server + "sparql", data=drop.encode(),
                            headers={"Content-Type": "application/sparql-update"})
    elif how == "get":
        status, _ = request(server + "sparql?" + urllib.parse.urlencode({"update": drop}))
    else:
        status, _ = select(server, drop)
    assert status in (400, 403, 405)
    assert count(server) == before > 0


def test_an_allowed_update_is_applied(store, tmp_path):
    import shutil

    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    with serving(copy, "--allow-update") as (url, _, said):
        assert "read-write" in said
        status, body = request(url + "sparql", data=b"DROP ALL", headers={"Content-Type": "application/sparql-update"})
        assert status == 204, body
        assert count(url) == 0


def test_a_result_over_the_limit_is_refused_not_cut(server):
    status, body = select(server, "SELECT * WHERE { ?s ?p ?o }")
    assert status == 400 and b"more than 10 rows" in body
    status, body = select(server, "SELECT * WHERE { ?s ?p ?o } LIMIT 10")
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 10


@pytest.mark.parametrize("body, content_type", [
    (b"SELECT ?x WHERE { ?x ?y }", "application/sparql-query"),
    (b"SELECT \xff\xfe WHERE {}", "application/sparql-query"),
    (b"query=SELECT%00%01 WHERE {}", "application/x-www-form-urlencoded"),
    (b"<html><script>alert(1)</script>", "text/html"),
    (b"SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", "application/sparql-query"),
], ids=["syntax", "not utf-8", "control characters", "not sparql", "service"])
def test_a_bad_request_is_a_4xx_and_the_server_goes_on(server, body, content_type):
    status, answer = request(server + "sparql", data=body, headers={"Content-Type": content_type})
    assert 400 <= status < 500, answer
    assert count(server) > 0


def test_a_body_announced_too_large_is_refused_unread(server):
    import http.client

    parts = urllib.parse.urlsplit(server)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    connection.putrequest("POST", "/sparql")
    connection.putheader("Content-Type", "application/sparql-query")
    connection.putheader("Content-Length", str(1 << 40))  # a terabyte that never comes
    connection.endheaders()
    assert connection.getresponse().status == 413
    connection.close()


def cpu_of_tree(root: int) -> dict[int, float]:
    """CPU seconds (user + system) of ``root`` and each of its live descendants, by process id."""
    parent, cpu = {}, {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parent[int(entry.name)] = int(fields[1])
            cpu[int(entry.name)] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    tree, todo = {}, [root]
    while todo:
        pid = todo.pop()
        if pid in cpu:
            tree[pid] = cpu[pid]
            todo += [child for child, p in parent.items() if p == pid]
    return tree


def test_a_query_over_the_time_limit_is_answered_503(store):
    with serving(store, "--timeout", "1") as (url, _, _):
        started = time.monotonic()
        status, body = select(url, ENDLESS)
        assert status == 503 and b"time limit" in body
        assert time.monotonic() - started < 10
        assert count(url) > 0  # and the server still answers


def test_a_query_over_the_time_limit_is_stopped(store):
    with serving(store, "--timeout", "1") as (url, proc, _):
        status, _ = select(url, ENDLESS)
        assert status == 503
        before = cpu_of_tree(proc.pid)
        time.sleep(2)
        after = cpu_of_tree(proc.pid)
        spent = sum(seconds - before.get(pid, 0.0) for pid, seconds in after.items())
        assert spent < 0.5  # neither the server nor a worker of its goes on counting in the background


def test_xml_results_are_well_formed_whatever_the_articles_held(tmp_path):
    import xml.etree.ElementTree as ET

    article = tmp_path / "a.txt"
    article.write_text("Boris Johnson met Sergey Lavrov in Moscow. \x1b[31mRed alert\x1b[0m, said Boris Johnson.\n")
    assert kg("build", article, "--store", tmp_path / "store", "-j", "1", "-q").returncode == 0
    with serving(tmp_path / "store") as (url, _, _):
        status, body = request(url + "sparql?" + urllib.parse.urlencode(
            {"query": "SELECT ?v WHERE { ?m prov:value ?v }"}), headers={"Accept": "application/sparql-results+xml"})
    assert status == 200
    values = [e.text for e in ET.fromstring(body).iter("{http://www.w3.org/2005/sparql-results#}literal")]
    assert any("Red alert" in v for v in values)
