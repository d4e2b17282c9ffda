"""Take the README's screenshots of a graph page in headless Chromium. Run by hand:

    .venv/bin/kg build examples/articles -o /tmp/x.ttl --html /tmp/x.html
    .venv/bin/python tests/benchmarks/screenshot_viz.py /tmp/x.html docs/page-examples.png

    .venv/bin/python tests/benchmarks/corpus.py /tmp/c300 --articles 300
    .venv/bin/kg build /tmp/c300 -o /tmp/c300.ttl --html /tmp/c300.html -j 1
    .venv/bin/python tests/benchmarks/screenshot_viz.py /tmp/c300.html docs/page-300-articles.png

By default the page is taken at first view, 1400x900, as a reader opens it. ``--fit`` fits the view
to the largest connected part first; ``--select NAME`` clicks an actor, so that the details panel
shows what a click gives.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]

FIT_LARGEST_PART = """() => {
    const edges = kg.shownEdges(), next = new Map();
    for (const e of edges) {
        if (!next.has(e.fromId)) next.set(e.fromId, []);
        if (!next.has(e.toId)) next.set(e.toId, []);
        next.get(e.fromId).push(e.toId);
        next.get(e.toId).push(e.fromId);
    }
    let best = [];
    const seen = new Set();
    for (const start of next.keys()) {
        if (seen.has(start)) continue;
        const part = [start];
        seen.add(start);
        for (let i = 0; i < part.length; i++)
            for (const n of next.get(part[i])) if (!seen.has(n)) { seen.add(n); part.push(n); }
        if (part.length > best.length) best = part;
    }
    kg.network.fit({nodes: best});
}"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("page", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--select", help="the name of a node to click (default: none)")
    parser.add_argument("--fit", action="store_true", help="fit the view to the largest connected part")
    parser.add_argument("--size", default="1400x900", help="the window, WIDTHxHEIGHT (default: 1400x900)")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))

    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(args.page.resolve().as_uri())
        page.wait_for_selector("html[data-ready=true]", state="attached", timeout=60_000)
        if args.fit:
            page.evaluate(FIT_LARGEST_PART)
            page.wait_for_timeout(300)
        if args.select is None:
            page.wait_for_timeout(300)
            args.out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.out))
            browser.close()
            print(f"wrote {args.out}")
            return 0
        at = page.evaluate("""(name) => {
            const node = kg.shownNodes().find(n => n.name === name);
            if (!node) return null;
            const p = kg.network.canvasToDOM(kg.network.getPositions([node.id])[node.id]);
            const box = document.getElementById("network").getBoundingClientRect();
            return [box.left + p.x, box.top + p.y];
        }""", args.select)
        if at is None:
            print(f"no node named {args.select!r} on the page", file=sys.stderr)
            return 1
        page.mouse.click(*at)
        page.mouse.move(5, height - 5)
        page.wait_for_timeout(300)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(args.out))
        browser.close()
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
