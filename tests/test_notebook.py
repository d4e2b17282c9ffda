"""examples/walkthrough.ipynb runs in a real Jupyter kernel (nbclient, ipykernel) and shows what the articles
say: the example questions answered, and the graph's page inline."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import EXAMPLES

pytestmark = pytest.mark.slow
NOTEBOOK = EXAMPLES / "walkthrough.ipynb"


RUN = """
import sys, nbformat
from nbclient import NotebookClient
nb = nbformat.read(sys.argv[1], as_version=4)
NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": sys.argv[2]}}).execute()
nbformat.write(nb, sys.argv[3])
"""


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """The notebook run by nbclient in a process of its own: the kernel's client leaves an asyncio loop
    running behind it, where Playwright's sync API in later tests would refuse to start."""
    import nbformat

    out = tmp_path_factory.mktemp("notebook") / "walkthrough.ipynb"
    subprocess.run([sys.executable, "-c", RUN, str(NOTEBOOK), str(EXAMPLES), str(out)], check=True, timeout=900)
    return nbformat.read(out, as_version=4)


def output_of(nb, source: str, mime: str = "text/html") -> str:
    """The output of type ``mime`` of the code cell whose source holds ``source``."""
    cell = next(c for c in nb.cells if c.cell_type == "code" and source in c.source)
    assert not [o for o in cell.outputs if o.output_type == "error"], cell.outputs
    return "".join(o.get("data", {}).get(mime, "") for o in cell.outputs)


def cells(table: str) -> list[list[str]]:
    """The body rows of a pandas HTML table, cell texts."""
    body = table.split("<tbody>", 1)[1]
    return [re.findall(r"<td>(.*?)</td>", row, re.S) for row in body.split("</tr>") if "<td>" in row]


def test_every_cell_runs(executed):
    errors = [o for c in executed.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []
    assert all(c.execution_count for c in executed.cells if c.cell_type == "code")


def test_the_convoy_strike(executed):
    # "the bombing of an aid convoy near Aleppo in September"; Hansard: "21 September, which was two days
    # after the bombing of the aid convoy"; "left 20 aid workers and one civilian dead"
    rows = cells(output_of(executed, "convoy-strike.rq"))
    assert [row[2:5] for row in rows] == [["Aleppo", "2016-09-19", "21"]]


def test_posts_and_meetings(executed):
    # "Foreign Secretary Boris Johnson has said ..."; Hansard, 18 October 2016: "I met Russian Foreign
    # Minister Lavrov in New York on 21 September" (the Foreign Secretary answering)
    posts = cells(output_of(executed, "posts.rq"))
    assert ["Boris Johnson", "Foreign Secretary"] in [row[:2] for row in posts]
    meetings = cells(output_of(executed, "foreign-secretary-meetings-2016-09.rq"))
    assert [(who, whom, when) for who, whom, where, when in meetings if where.startswith("New York")] == [
        ("Boris Johnson", "Sergey Lavrov", "2016-09-21")]  # the gazetteer's name is "New York City"


def test_the_page_inline(executed):
    cell = next(c for c in executed.cells if c.cell_type == "code" and c.source.strip() == "graph")
    shown = "".join(o.get("data", {}).get("text/html", "") for o in cell.outputs)
    assert shown.startswith("<iframe srcdoc=") and 'sandbox="allow-scripts"' in shown
    assert "Aleppo" in shown and "Content-Security-Policy" in shown  # the offline page, escaped into srcdoc
