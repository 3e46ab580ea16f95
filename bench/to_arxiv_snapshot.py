#!/usr/bin/env python3
"""Writes simple arXiv JSON lines (id, title, authors[], abstract, categories[], published) as
records of the arXiv metadata snapshot (the bulk JSON-lines file arXiv publishes), to measure
`paperdeck import` of that format at scale:

    bench/scale_corpus.py --in ../shared/corpus/arxiv-75k.jsonl.gz --papers 1000000 --out /tmp/1m.jsonl.gz
    bench/to_arxiv_snapshot.py /tmp/1m.jsonl.gz /tmp/1m-snapshot.json.gz
    paperdeck --data /tmp/snap import /tmp/1m-snapshot.json.gz

Every snapshot field is filled the way arXiv fills it: authors as one string and as
authors_parsed, categories space-separated, one version dated by the published day, update_date.
Only the Python 3 standard library is used; output is written under /tmp, never committed.
"""

import datetime
import gzip
import json
import sys


def open_text(path, mode):
    return gzip.open(path, mode + "t", encoding="utf-8") if path.endswith(".gz") else open(path, mode, encoding="utf-8")


def parsed(name):
    parts = name.split()
    return [parts[-1], " ".join(parts[:-1]), ""] if parts else ["", "", ""]


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: to_arxiv_snapshot.py IN.jsonl[.gz] OUT.json[.gz]")
    with open_text(sys.argv[1], "r") as src, open_text(sys.argv[2], "w") as out:
        for line in src:
            r = json.loads(line)
            day = datetime.date.fromisoformat(r["published"])
            authors = r["authors"]
            joined = ", ".join(authors[:-1]) + (" and " if len(authors) > 1 else "") + authors[-1] if authors else ""
            out.write(json.dumps({
                "id": r["id"],
                "submitter": authors[0] if authors else None,
                "authors": joined,
                "title": r["title"],
                "comments": None,
                "journal-ref": None,
                "doi": None,
                "report-no": None,
                "categories": " ".join(r["categories"]),
                "license": None,
                "abstract": r["abstract"],
                "versions": [{"version": "v1", "created": day.strftime("%a, %-d %b %Y 12:00:00 GMT")}],
                "update_date": r["published"],
                "authors_parsed": [parsed(a) for a in authors],
            }) + "\n")


if __name__ == "__main__":
    main()
