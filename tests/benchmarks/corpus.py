"""A synthetic news corpus for benchmarks: the example articles, repeated with varied names and dates.

Run by hand:

    .venv/bin/python tests/benchmarks/corpus.py /tmp/corpus --articles 2000

Each copy of an example article gets its own people (the persons the examples name, other than
the heads of state the gazetteers know, take other first names and surnames, the same throughout
the copy) and its own dates (every "5 March 2017", "May 2012", "21 September" moves by the same
number of days). Every copy's text is different, so every copy is a document of its own (a
document's id is the SHA-1 of its text). The same seed gives the same corpus.
"""

from __future__ import annotations

import argparse
import random
import re
from datetime import date, timedelta
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"

# the persons of the examples that are safe to rename: (first name or None, surname)
PEOPLE = [("Boris", "Johnson"), ("Sergey", "Lavrov"), ("William", "Hague"), ("Alexander", "Litvinenko"),
          ("John", "Woodcock"), ("Ann", "Clwyd"), (None, "Kerry")]
# their new names: names that no gazetteer knows as a place or an organisation
FIRST = ["Andrew", "Arthur", "Beatrice", "Benjamin", "Caroline", "Charles", "Clara", "Daniel", "Diana",
         "Edward", "Eleanor", "Emily", "Grace", "Harriet", "Henry", "Isabel", "Jack", "James", "Jane",
         "Julia", "Katherine", "Laura", "Lucy", "Margaret", "Matthew", "Michael", "Nicholas", "Oliver",
         "Olivia", "Patrick", "Peter", "Rachel", "Richard", "Robert", "Rosalind", "Samuel", "Sarah",
         "Simon", "Sophie", "Stephen", "Thomas", "Walter"]
SURNAMES = ["Abernethy", "Ashcombe", "Babbington", "Blakemore", "Brackley", "Bramwell", "Carrington",
            "Cheverton", "Cotterill", "Crabtree", "Dalrymple", "Dimbleby", "Eccleston", "Fairbairn",
            "Fenwick", "Fotheringham", "Greaves", "Hammersley", "Hartigan", "Heathcote", "Hollingworth",
            "Illingworth", "Inchbald", "Jessop", "Kingsley", "Lambourne", "Latimer", "Lockwood",
            "Mablethorpe", "Marchbanks", "Merriweather", "Netherby", "Ormerod", "Pemberton", "Pettigrew",
            "Quarrington", "Ravenscroft", "Sackville", "Satterthwaite", "Shuttleworth", "Sowerby",
            "Tattersall", "Thistlewood", "Threlkeld", "Underwood", "Vickery", "Wetherby", "Whitlock",
            "Winterbottom", "Wolstenholme", "Yardley"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
_MONTH = "|".join(MONTHS)
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DAY_MONTH_YEAR = re.compile(rf"\b(?:({'|'.join(WEEKDAYS)}),? )?(\d{{1,2}}) ({_MONTH}) (\d{{4}})\b")
DAY_MONTH = re.compile(rf"\b(\d{{1,2}}) ({_MONTH})\b(?! \d)")
MONTH_YEAR = re.compile(rf"(?<!\d )\b({_MONTH}) (\d{{4}})\b")


def _shift_dates(text: str, days: int, year: int) -> str:
    """Move every full date by ``days``; a day without a year is taken in ``year``."""

    def moved(day: int, month: str, y: int) -> date:
        return date(y, MONTHS.index(month) + 1, min(day, 28)) + timedelta(days=days)

    def full(m: re.Match) -> str:
        d = moved(int(m.group(2)), m.group(3), int(m.group(4)))
        weekday = f"{WEEKDAYS[d.weekday()]}, " if m.group(1) else ""
        return f"{weekday}{d.day} {MONTHS[d.month - 1]} {d.year}"

    def short(m: re.Match) -> str:
        d = moved(int(m.group(1)), m.group(2), year)
        return f"{d.day} {MONTHS[d.month - 1]}"

    def month_year(m: re.Match) -> str:
        d = moved(15, m.group(1), int(m.group(2)))
        return f"{MONTHS[d.month - 1]} {d.year}"

    text = DAY_MONTH_YEAR.sub(full, text)
    text = DAY_MONTH.sub(short, text)
    return MONTH_YEAR.sub(month_year, text)


def _rename(text: str, rng: random.Random) -> str:
    surnames = rng.sample(SURNAMES, len(PEOPLE))
    for (first, last), new_last in zip(PEOPLE, surnames, strict=True):
        if first is not None:
            text = re.sub(rf"\b{first} {last}\b", f"{rng.choice(FIRST)} {new_last}", text)
        text = re.sub(rf"\b{last}\b", new_last, text)
    return text


def variants(seed: int = 0):
    """Endless (name, text) pairs: the examples in turn, each copy with new people and dates."""
    rng = random.Random(seed)
    examples = sorted(EXAMPLES.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in examples]
    seen: set[str] = set()
    i = 0
    while True:
        for path, text in zip(examples, texts, strict=True):
            year = int(re.search(r"(\d{4})", path.stem).group(1)) if re.search(r"\d{4}", path.stem) else 2016
            copy = _shift_dates(_rename(text, rng), rng.randrange(-900, 900), year)
            if copy in seen:
                continue
            seen.add(copy)
            yield f"{i:05d}-{path.stem}", copy
            i += 1


def make_corpus(folder: Path, articles: int, *, seed: int = 0) -> list[Path]:
    """Write ``articles`` article files into ``folder`` (created); returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for (name, text), _ in zip(variants(seed), range(articles), strict=False):
        path = folder / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    paths = make_corpus(args.folder, args.articles, seed=args.seed)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    print(f"wrote {len(paths)} articles ({words} words) to {args.folder}")


if __name__ == "__main__":
    main()
