"""HTML pages to article text, with a real HTML parser (selectolax/lexbor).

Scripts, styles, navigation, headers, footers, forms and asides are dropped; the article body is
taken from <article> or <main> when the page has one. Block elements become paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

DROP = ", ".join([
    # code and embedded things, never text of the article
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "canvas", "audio",
    "video", "map", "head",
    # forms and controls
    "form", "button", "select", "textarea", "input", "dialog",
    # page furniture
    "nav", "header", "footer", "aside", "figure figcaption", "[role=navigation]", "[role=banner]",
    "[role=contentinfo]", "[role=complementary]", "[role=search]", "[role=dialog]", "[role=alertdialog]",
    # what the reader does not see
    "[hidden]", "[aria-hidden=true]",
])
BLOCKS = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote",
          "pre", "tr", "br", "dt", "dd", "figcaption", "time", "ul", "ol", "table", "body"}


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None
    date: str | None
    url: str | None


def _meta(tree: LexborHTMLParser, *names: str) -> str | None:
    for name in names:
        node = tree.css_first(f'meta[property="{name}"], meta[name="{name}"], meta[itemprop="{name}"]')
        if node is not None and node.attributes.get("content"):
            return node.attributes["content"].strip()
    return None


def _text(node) -> str:
    """Text of a node with block elements on lines of their own.

    A loop with a stack, not recursion: a hostile page may nest elements tens of thousands deep.
    """
    parts: list[str] = []
    stack = [(node.iter(include_text=True), False)]
    while stack:
        children, block = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if block:
                parts.append("\n\n")
            continue
        tag = child.tag
        if tag == "-text":
            parts.append(child.text_content or "")
        elif tag and not tag.startswith(("-", "!", "_")):  # comments, doctypes, processing instructions
            block = tag in BLOCKS
            if block:
                parts.append("\n\n")
            stack.append((child.iter(include_text=True), block))
    text = "".join(parts)
    text = re.sub(r"[ \t\r\f\v\u00a0]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def html_to_article_text(html: str) -> Page:
    tree = LexborHTMLParser(html)
    title = _meta(tree, "og:title", "twitter:title")
    if not title and tree.css_first("title") is not None:
        title = tree.css_first("title").text(strip=True) or None
    date = _meta(tree, "article:published_time", "datePublished", "date", "pubdate", "DC.date.issued")
    if not date:
        node = tree.css_first("time[datetime]")
        date = node.attributes.get("datetime") if node is not None else None
    url = _meta(tree, "og:url")
    if not url:
        node = tree.css_first('link[rel="canonical"]')
        url = node.attributes.get("href") if node is not None else None
    for node in tree.css(DROP):
        node.decompose()
    body = tree.css_first("article") or tree.css_first("main") or tree.body or tree.root
    text = _text(body) if body is not None else ""
    return Page(text=text, title=title, date=date, url=url)
