#!/usr/bin/env python3
"""Scales the real arXiv records up to an arXiv-sized corpus, reproducibly.

    bench/scale_corpus.py --in ../shared/corpus/arxiv-75k.jsonl.gz --papers 1000000 \
        --out /tmp/arxiv-1m.jsonl.gz [--seed 5]

The output holds the real records unchanged, then made-up records until it has --papers in all.
A made-up record is recombined from real ones, so that vocabulary, term frequencies and lengths
stay those of arXiv:
  - a template paper, drawn at random, gives the categories, the number of abstract sentences
    and the number of title words;
  - the abstract is that many sentences drawn from real abstracts of papers sharing the
    template's primary category (sentences are shuffled across papers, not invented);
  - the title joins the first part of one real title of that category to the last part of
    another;
  - the authors are those of another random paper;
  - the id is new (YYMM.NNNNN, 2007-01 to 2024-12, never one of the real ids) and the date is a
    day of that month.
The same input, --papers and --seed always give byte-identical output (Python's random.Random
with a fixed seed; gzip with mtime 0). The output is large (about 1.3 KB a paper before gzip):
write it under /tmp, never into the repository. Only the Python 3 standard library is used.
"""

import argparse
import gzip
import json
import random
import re
import sys
from collections import defaultdict

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\[])")


def split_sentences(text):
    return [s for s in SENTENCE_END.split(text.strip()) if s]


def open_text(path, mode):
    if path.endswith(".gz"):
        if "w" in mode:
            raw = open(path, "wb")
            # No file name and mtime 0 in the header: the same records give the same bytes,
            # whatever the output is called.
            return gzip.GzipFile(filename="", fileobj=raw, mode="wb", compresslevel=1,
                                 mtime=0), raw
        return gzip.open(path, "rt", encoding="utf-8"), None
    return open(path, mode, encoding="utf-8"), None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--in", dest="input", required=True, help="real records, JSON lines (.gz ok)")
    parser.add_argument("--out", required=True, help="output, JSON lines (.gz: gzip)")
    parser.add_argument("--papers", type=int, required=True, help="records in the output")
    parser.add_argument("--seed", type=int, default=5, help="seed of the recombination")
    args = parser.parse_args()

    reader, _ = open_text(args.input, "r")
    real = [json.loads(line) for line in reader if line.strip()]
    reader.close()
    if not real:
        sys.exit("scale_corpus: no records in " + args.input)

    # Per primary category: the papers' sentences and titles.
    sentences = defaultdict(list)
    titles = defaultdict(list)
    shape = []  # per real paper: (primary category, categories, sentence count, title words)
    for r in real:
        cats = r.get("categories") or ["misc"]
        primary = cats[0]
        parts = split_sentences(r.get("abstract", ""))
        sentences[primary].extend(parts)
        words = r.get("title", "").split()
        titles[primary].append(words)
        shape.append((primary, cats, max(1, len(parts)), max(2, len(words))))
    real_ids = {r["id"] for r in real}

    rng = random.Random(args.seed)
    months = [(y, m) for y in range(2007, 2025) for m in range(1, 13)]
    next_number = defaultdict(int)

    writer, raw = open_text(args.out, "w")

    def emit(record):
        line = json.dumps(record, ensure_ascii=False) + "\n"
        writer.write(line.encode("utf-8") if raw is not None else line)

    for r in real[: args.papers]:
        emit(r)
    for _ in range(max(0, args.papers - len(real))):
        primary, cats, n_sentences, n_words = shape[rng.randrange(len(shape))]
        pool = sentences[primary] or sentences[rng.choice(list(sentences))]
        abstract = " ".join(pool[rng.randrange(len(pool))] for _ in range(n_sentences))
        first = titles[primary][rng.randrange(len(titles[primary]))]
        second = titles[primary][rng.randrange(len(titles[primary]))]
        cut = rng.randint(1, max(1, min(len(first), n_words) - 1))
        title = " ".join(first[:cut] + second[cut:] if len(second) > cut else first)
        authors = real[rng.randrange(len(real))].get("authors", [])
        while True:
            year, month = months[rng.randrange(len(months))]
            next_number[(year, month)] += 1
            paper_id = "%02d%02d.%05d" % (year % 100, month, next_number[(year, month)])
            if paper_id not in real_ids:
                break
        day = rng.randint(1, 28)
        emit({
            "id": paper_id,
            "title": title,
            "authors": authors,
            "abstract": abstract,
            "categories": cats,
            "published": "%04d-%02d-%02d" % (year, month, day),
            "date_source": "generated",
            "source": "scale_corpus seed=%d" % args.seed,
        })
    writer.close()
    if raw is not None:
        raw.close()


if __name__ == "__main__":
    main()
