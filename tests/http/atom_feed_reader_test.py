#!/usr/bin/env python3
"""A saved search's Atom feed, read by an independent parser, as a feed reader would.

Runs the real `paperdeck serve` on loopback over a fresh data directory holding the reference
page (tests/data/seed-page.jsonl) and the saved search `mamba` ('title:mamba'), fetches
/feeds/mamba.atom with urllib and parses it with Debian's python3-feedparser. Checks the feed's
title, id, updated and self link, each entry's id, title, authors, summary, dates and links; a
repeat with the ETag is a 304 with no body; a new matching paper changes the ETag and comes
first; hostile text comes out as text; an unknown name is a plain 404; a name with a space is
read from its URL-encoded form; a renamed saved search keeps its feed's id.

Usage: atom_feed_reader_test.py PAPERDECK_BINARY TEST_DATA_DIR
"""

import json
import os
import re
import select
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.parse
import urllib.request

import feedparser

BINARY = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("PAPERDECK_BINARY", "paperdeck")
TEST_DATA = sys.argv[2] if len(sys.argv) > 2 else os.environ.get("PAPERDECK_TEST_DATA", "tests/data")

MAMBA_TITLE = "Demystify Mamba in Vision: A Linear Attention Perspective"  # on the seed page


def run(data_dir, *args):
    done = subprocess.run([BINARY, "--data", data_dir, *args], capture_output=True, text=True,
                          timeout=120)
    if done.returncode != 0:
        raise AssertionError(f"paperdeck {' '.join(args)} exited {done.returncode}:\n"
                             f"{done.stdout}\n{done.stderr}")
    return done.stdout


def get(url, headers=None):
    """(status, headers, body) of a GET; errors are answers too."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def write_jsonl(path, records):
    with open(path, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


class AtomFeedReaderTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="atom-feed-")
        cls.data = os.path.join(cls.tmp.name, "data")
        run(cls.data, "import", os.path.join(TEST_DATA, "seed-page.jsonl"))
        run(cls.data, "watch", "add", "mamba", "title:mamba")
        run(cls.data, "watch", "add", "linear attention", '"linear attention"')
        cls.server = subprocess.Popen([BINARY, "--data", cls.data, "serve", "--port", "0"],
                                      stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        cls.base = None
        deadline = time.time() + 20
        seen = ""
        while time.time() < deadline and cls.base is None:
            ready, _, _ = select.select([cls.server.stdout], [], [], 0.5)
            if ready:
                line = cls.server.stdout.readline()
                seen += line
                match = re.search(r"(http://127\.0\.0\.1:\d+)/", line)
                if match:
                    cls.base = match.group(1)
            if cls.server.poll() is not None:
                break
        if cls.base is None:
            cls.server.kill()
            raise AssertionError("serve did not start: " + seen)

    @classmethod
    def tearDownClass(cls):
        cls.server.terminate()
        try:
            cls.server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            cls.server.kill()
        cls.tmp.cleanup()

    def fetch_feed(self, path="/feeds/mamba.atom", headers=None):
        status, response_headers, body = get(self.base + path, headers)
        self.assertEqual(status, 200, body)
        self.assertEqual(response_headers["Content-Type"], "application/atom+xml; charset=utf-8")
        self.assertEqual(response_headers["Cache-Control"], "no-cache")
        etag = response_headers["ETag"]
        self.assertRegex(etag, r'^"[^"]+"$', "a strong ETag")
        parsed = feedparser.parse(body)
        self.assertFalse(parsed.bozo, f"the feed is well-formed: {parsed.get('bozo_exception')}")
        self.assertEqual(parsed.version, "atom10")
        return parsed, etag, body

    def test_a_reader_sees_the_saved_search_and_its_paper(self):
        parsed, _, _ = self.fetch_feed()
        feed = parsed.feed
        self.assertEqual(feed.title, "PaperDeck: mamba \u2014 title:mamba")
        self.assertTrue(feed.id.startswith("tag:"), feed.id)
        self.assertRegex(feed.updated, r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
        links = {link.rel: link.href for link in feed.links}
        self.assertEqual(links["self"], self.base + "/feeds/mamba.atom")

        # The seed page gives the paper no arXiv id: its id is a tag IRI of its canonical id, and
        # the server's page is where a reader opens it.
        status, _, body = get(self.base + "/api/search?q=" + urllib.parse.quote('title:mamba'))
        self.assertEqual(status, 200)
        canonical = [r["id"] for r in json.loads(body)["results"] if r["title"] == MAMBA_TITLE]
        self.assertEqual(len(canonical), 1)
        mamba = [e for e in parsed.entries if e.title == MAMBA_TITLE]
        self.assertEqual(len(mamba), 1, [e.title for e in parsed.entries])
        entry = mamba[0]
        quoted = urllib.parse.quote(canonical[0], safe="")
        self.assertEqual(entry.id, "tag:paperdeck.local,2026:paper:" + quoted)
        self.assertEqual([a.name for a in entry.authors],
                         ["Dongchen Han", "Ziyi Wang", "Zhuofan Xia"])
        self.assertTrue(entry.summary.startswith("Mamba is an effective state space model"),
                        entry.summary)
        self.assertEqual(entry.summary_detail.type, "text/plain")
        self.assertRegex(entry.updated, r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
        self.assertGreaterEqual(feed.updated, entry.updated, "the feed is as new as its newest entry")
        alternates = [link.href for link in entry.links if link.rel == "alternate"]
        self.assertEqual(alternates, [self.base + "/paper/" + quoted])
        # The link opens the paper's page on the server.
        status, _, _ = get(alternates[0])
        self.assertEqual(status, 200)
        # Every entry matches the query: "mamba" in its title.
        for e in parsed.entries:
            self.assertIn("mamba", e.title.lower())

    def test_a_repeat_with_the_etag_is_a_304_without_a_body(self):
        _, etag, _ = self.fetch_feed()
        status, headers, body = get(self.base + "/feeds/mamba.atom", {"If-None-Match": etag})
        self.assertEqual(status, 304)
        self.assertEqual(body, b"")
        self.assertEqual(headers["ETag"], etag)
        # A list naming it, or the weak form of it, is a match too (RFC 9110 13.1.2).
        status, _, _ = get(self.base + "/feeds/mamba.atom", {"If-None-Match": f'"x", W/{etag}'})
        self.assertEqual(status, 304)
        status, _, body = get(self.base + "/feeds/mamba.atom", {"If-None-Match": '"other"'})
        self.assertEqual(status, 200)
        self.assertTrue(body)

    def test_a_name_with_a_space_is_read_url_decoded(self):
        parsed, _, _ = self.fetch_feed("/feeds/linear%20attention.atom")
        self.assertEqual(parsed.feed.title,
                         'PaperDeck: linear attention \u2014 "linear attention"')
        self.assertGreater(len(parsed.entries), 0)

    def test_a_renamed_saved_search_keeps_its_feed_id(self):
        run(self.data, "watch", "add", "ssm", "title:mamba")
        before, _, _ = self.fetch_feed("/feeds/ssm.atom")
        run(self.data, "watch", "rename", "ssm", "state space")
        after, _, _ = self.fetch_feed("/feeds/state%20space.atom")
        self.assertEqual(after.feed.id, before.feed.id)
        self.assertEqual([e.id for e in after.entries], [e.id for e in before.entries])
        self.assertNotEqual(after.feed.id, self.fetch_feed()[0].feed.id, "each saved search its own")
        status, _, _ = get(self.base + "/feeds/ssm.atom")
        self.assertEqual(status, 404)

    def test_an_unknown_name_is_a_plain_404(self):
        status, headers, body = get(self.base + "/feeds/no-such-search.atom")
        self.assertEqual(status, 404)
        self.assertTrue(headers["Content-Type"].startswith("text/plain"), headers["Content-Type"])
        self.assertIn(b"no-such-search", body)
        status, headers, body = get(self.base + "/feeds/%FF%3Cb%3E.atom")
        self.assertEqual(status, 404)
        self.assertNotIn(b"<b>", body)

    def test_z_a_new_matching_paper_changes_the_etag_and_comes_first(self):
        # Named to run last: it adds papers to the corpus the other tests read.
        before, etag, _ = self.fetch_feed()
        hostile = "Mamba <script>alert(1)</script> ]]> &amp; \u0001\u000bend"
        new_file = os.path.join(self.tmp.name, "new.jsonl")
        write_jsonl(new_file, [{
            "title": hostile,
            "authors": ["Ada Lovelace", "Alan Turing"],
            "abstract": "A selective state space model. </summary><entry>",
            "arxiv_id": "2612.00001",
            "categories": ["cs.LG"],
            "date": "2026-12-01",
        }])
        run(self.data, "import", new_file)
        # The server sees the new snapshot on its next request.
        after, new_etag, _ = self.fetch_feed(headers={"If-None-Match": etag})
        self.assertNotEqual(new_etag, etag)
        self.assertEqual(len(after.entries), len(before.entries) + 1)
        first = after.entries[0]
        self.assertEqual(first.id, "https://arxiv.org/abs/2612.00001")
        by_rel = {}
        for link in first.links:
            by_rel.setdefault(link.rel, []).append(link.href)
        self.assertEqual(by_rel["alternate"], ["https://arxiv.org/abs/2612.00001"])
        self.assertIn(self.base + "/paper/2612.00001", by_rel["related"])
        # The title as the corpus keeps it, less what XML 1.0 cannot carry: markup stays text.
        status, _, body = get(self.base + "/api/papers/2612.00001")
        self.assertEqual(status, 200)
        stored = json.loads(body)["title"]
        self.assertIn("\u0001", stored)
        self.assertEqual(first.title, re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", stored))
        self.assertTrue(first.title.startswith("Mamba <script>alert(1)</script> ]]> &amp; "),
                        first.title)
        self.assertTrue(first.title.endswith("end"), first.title)
        self.assertEqual([a.name for a in first.authors], ["Ada Lovelace", "Alan Turing"])
        self.assertEqual(first.summary, "A selective state space model. </summary><entry>")
        self.assertGreaterEqual(after.feed.updated, before.feed.updated)


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
