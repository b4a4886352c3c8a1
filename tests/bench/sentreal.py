#!/usr/bin/env python3
"""sentreal.py: nibsent's error rate on real text, against judgments by hand.

A candidate is every place where a sentence could end in a page body
(PAGES/<id>.body.txt, one block a line, as nibsent reads it): a run of
. ? ! or an ellipsis, with the closing quotes and brackets after it,
followed by white space or the end of the block.  Its position is the byte
offset just past the run, in the body file.  tests/bench/sent-real.tsv
holds a sample of candidates and, for each, whether a person reading it
judged it a true sentence boundary (page id, offset, yes/no: never text).

    sentreal.py sample PAGES N SEED          print N candidates, drawn at random
    sentreal.py context PAGES TSV            print each one in its context (to judge)
    sentreal.py score PAGES TSV NIBSENT      error rate of NIBSENT against TSV
    sentreal.py wrong PAGES TSV NIBSENT      the candidates it gets wrong, in context

nibsent splits at a candidate when one of its sentences (nibsent -j, each
body file a document) ends exactly there.  Pages are cut into two halves by
their id (the sorted ids, alternately), so that rules tuned on one half can
be checked on the other; score prints both.
"""
import json
import os
import random
import re
import subprocess
import sys

STOP = rb'(?:[.?!]|\xe2\x80\xa6)+'
CLOSE = rb'(?:["\')\]}]|\xe2\x80[\x99\x9d\xba]|\xc2\xbb)*'
CAND = re.compile(STOP + CLOSE + rb'(?=[ \t\r]|$)', re.M)


def pages(d):
    return sorted(f[:-len('.body.txt')] for f in os.listdir(d) if f.endswith('.body.txt'))


def body(d, pid):
    with open(os.path.join(d, pid + '.body.txt'), 'rb') as f:
        return f.read()


def candidates(d):
    out = []
    for pid in pages(d):
        out += [(pid, m.end()) for m in CAND.finditer(body(d, pid))]
    return out


def halves(d):
    return {pid: ('tune' if i % 2 == 0 else 'test') for i, pid in enumerate(pages(d))}


def readtsv(path):
    rows = []
    with open(path) as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            pid, off, yes = line.split('\t')[:3]
            rows.append((pid, int(off), yes.strip()))
    return rows


def sample(d, n, seed):
    c = candidates(d)
    for pid, off in sorted(random.Random(seed).sample(c, n)):
        print('%s\t%d\t?' % (pid, off))
    print('# %d candidates in all' % len(c), file=sys.stderr)


def context(d, tsv):
    for k, (pid, off, yes) in enumerate(readtsv(tsv)):
        b = body(d, pid)
        lo = max(b.rfind(b'\n', 0, off) + 1, off - 240)
        hi = b.find(b'\n', off)
        hi = len(b) if hi < 0 else min(hi, off + 160)
        print('%d %s %d %s\n  %s|||%s\n' % (k + 1, pid, off, yes,
              b[lo:off].decode('utf-8', 'replace'), b[off:hi].decode('utf-8', 'replace')))


def ends(nibsent, d, pid):
    out = subprocess.run(nibsent + [os.path.join(d, pid + '.body.txt')],
                         capture_output=True, check=True).stdout
    return {json.loads(l)['end'] for l in out.splitlines()}


def decisions(d, tsv, nibsent):
    cache = {}
    for pid, off, yes in readtsv(tsv):
        if pid not in cache:
            cache[pid] = ends(nibsent, d, pid)
        yield pid, off, yes, off in cache[pid]


def wrong(d, tsv, nibsent):
    for pid, off, yes, split in decisions(d, tsv, nibsent):
        if split != (yes == 'yes'):
            b = body(d, pid)
            print('%s %d %s: %s|%s' % (pid, off, 'false split' if split else 'missed',
                  b[max(0, off - 100):off].decode('utf-8', 'replace'),
                  b[off:off + 60].decode('utf-8', 'replace')))


def score(d, tsv, nibsent):
    half = halves(d)
    count = {h: [0, 0, 0] for h in ('all', 'tune', 'test')}  # n, false, missed
    for pid, off, yes, split in decisions(d, tsv, nibsent):
        for h in ('all', half[pid]):
            count[h][0] += 1
            if split and yes == 'no':
                count[h][1] += 1
            elif not split and yes == 'yes':
                count[h][2] += 1
    for h in ('all', 'tune', 'test'):
        n, fs, ms = count[h]
        print('real text (%s): %d/%d wrong (%.2f%%): %d false splits, %d missed' %
              (h + ' pages' if h != 'all' else 'all', fs + ms, n,
               100.0 * (fs + ms) / n if n else 0, fs, ms))


def main(a):
    if len(a) == 4 and a[0] == 'sample':
        sample(a[1], int(a[2]), int(a[3]))
    elif len(a) == 3 and a[0] == 'context':
        context(a[1], a[2])
    elif len(a) == 4 and a[0] == 'score':
        score(a[1], a[2], a[3].split() + ['-j'])
    elif len(a) == 4 and a[0] == 'wrong':
        wrong(a[1], a[2], a[3].split() + ['-j'])
    else:
        sys.exit(__doc__)


if __name__ == '__main__':
    main(sys.argv[1:])
