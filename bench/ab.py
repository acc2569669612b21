#!/usr/bin/python3
"""ab.py — two (or more) spiegel binaries on the same corpus, run by turns, compared by medians.

    /usr/bin/python3 bench/ab.py [-n RUNS] [-j JOBS] [-o OUTDIR] CORPUS BINARY...

On a shared machine one run can be a fifth slower than the next, so a change of a few per cent
cannot be seen in one `make bench`. This runs `BINARY batch CORPUS -o OUTDIR -jJOBS -q --force`
for each binary in turn, RUNS rounds (A B A B ...: a slow minute hits both), each after the
previous output is removed and `sync`, and prints for each binary the median and the lowest of
user, system and wall-clock time (resource usage of the process and its threads), and how far
its median wall-clock time is from the first binary's, in per cent. It also checks that every
binary wrote the same bytes as the first (`diff -r` of the last round's outputs): a faster
engine that writes other XML is no faster engine.

OUTDIR should be on the disk the outputs of a real run go to (not tmpfs: the direct writes of
engine/output.c fall back to the page cache there). Each run writes OUTDIR.BINARY.ROUND and all
are removed only at the end (see main: deleting them between runs slows the next run's file
creations on some file systems), so the disk needs RUNS x BINARIES x one run's output (8.3
bytes of XML per input byte: 21 GB for six rounds of two binaries on the 165 MB ggz part). The binaries run with the repository as
working directory, so that a copy outside build/ finds lexicons/. Exit status 1 when outputs
differ, 2 on a usage error.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(binary, corpus, out, jobs):
    shutil.rmtree(out, ignore_errors=True)
    os.sync()
    start = time.perf_counter()
    proc = subprocess.Popen([binary, "batch", corpus, "-o", out, "-j%d" % jobs, "-q", "--force"],
                            cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit("ab.py: %s exited with %d" % (binary, code))
    return usage.ru_utime, usage.ru_stime, wall


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", "--runs", type=int, default=5)
    ap.add_argument("-j", "--jobs", type=int, default=1)
    ap.add_argument("-o", "--out", default=os.path.join(ROOT, "build", "ab-out"))
    ap.add_argument("corpus")
    ap.add_argument("binaries", nargs="+")
    a = ap.parse_args()
    if a.runs < 1 or a.jobs < 1:
        ap.error("runs and jobs must be at least 1")
    binaries = [os.path.abspath(b) for b in a.binaries]
    corpus = os.path.abspath(a.corpus)
    for b in binaries:
        if not os.access(b, os.X_OK):
            ap.error("%s is not an executable" % b)
    times = {b: [] for b in binaries}
    # Every run writes into a directory of its own, and all are removed at the end, not between
    # runs: on an ext4 file system without a journal the inode allocator steps over every inode
    # freed in the last minute or more (recently_deleted), so thousands of outputs deleted just
    # before a run made its own file creations slow (3.6 % of a run's samples on this machine).
    outs = {b: ["%s.%d.%d" % (a.out, i, r) for r in range(a.runs)] for i, b in enumerate(binaries)}
    for r in range(a.runs):
        for b in binaries:
            times[b].append(run(b, corpus, outs[b][r], a.jobs))
    rc = 0
    base = None
    print("%d runs each, by turns, -j%d, %s" % (a.runs, a.jobs, corpus))
    print("%-40s %17s %17s %17s %8s" % ("binary", "user med/min s", "sys med/min s",
                                        "wall med/min s", "wall"))
    for b in binaries:
        u, s, w = (sorted(x[k] for x in times[b]) for k in range(3))
        med = [statistics.median(v) for v in (u, s, w)]
        if base is None:
            base = med[2]
        print("%-40s %8.3f %8.3f %8.3f %8.3f %8.3f %8.3f %+7.1f%%" %
              (b[-40:], med[0], u[0], med[1], s[0], med[2], w[0], 100 * (med[2] / base - 1)))
    first = binaries[0]
    for b in binaries[1:]:
        same = subprocess.run(["diff", "-rq", outs[first][-1], outs[b][-1]], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
        if same.returncode != 0:
            rc = 1
            print("OUTPUTS DIFFER: %s vs %s\n%s" % (first, b, same.stdout[:2000]))
    if rc == 0 and len(binaries) > 1:
        print("outputs identical")
    for b in binaries:
        for out in outs[b]:
            shutil.rmtree(out, ignore_errors=True)
    print("note: %d outputs were just deleted; on ext4 without a journal, wait a minute or more "
          "before the next measurement on this file system" % (a.runs * len(binaries)))
    return rc


if __name__ == "__main__":
    sys.exit(main())
