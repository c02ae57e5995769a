"""Interleaved A/B timing of two nprs-compare binaries (two commits of nprs).

    python benches/ab_compare.py BEFORE_BIN AFTER_BIN [--reps N] [--filter A,B] [--out FILE]

Both binaries serve the line protocol of `benches/src/serve.rs`. For every workload the
two tables share (by id), both sides build their inputs, their first results are
compared by digest (the same workload must give the same numbers before and after), and
then single repetitions alternate between the sides, so that both see the same state of
the machine; before each repetition the driver waits until the other side's threads
sleep. The table printed (Markdown) holds the medians and after / before.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time


class Side:
    def __init__(self, binary):
        self.p = subprocess.Popen(
            [binary, "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )

    def ask(self, **req):
        self.p.stdin.write(json.dumps(req) + "\n")
        self.p.stdin.flush()
        answer = json.loads(self.p.stdout.readline())
        if not answer.get("ok"):
            raise RuntimeError(answer.get("error"))
        return answer

    def settle(self, limit=0.3):
        """Waits (up to `limit` seconds) until every thread of this side sleeps: thread
        pools spin for a while after their work, and would take a core from the other
        side's next repetition."""
        end = time.monotonic() + limit
        while time.monotonic() < end:
            running = False
            try:
                for tid in os.listdir(f"/proc/{self.p.pid}/task"):
                    with open(f"/proc/{self.p.pid}/task/{tid}/stat") as f:
                        state = f.read().rsplit(")", 1)[1].split()[0]
                    running |= state == "R"
            except OSError:
                return
            if not running:
                return
            time.sleep(0.002)

    def close(self):
        try:
            self.ask(cmd="quit")
        except Exception:
            pass
        self.p.wait(timeout=10)


def fmt(s):
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if s >= scale:
            return f"{s / scale:.3g} {unit}"
    return f"{s / 1e-9:.3g} ns"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("--reps", type=int, default=7)
    ap.add_argument("--filter", default="")
    ap.add_argument("--out")
    args = ap.parse_args()
    a, b = Side(args.before), Side(args.after)
    table_a = {w["id"]: w for w in a.ask(cmd="list")["workloads"]}
    table_b = [w for w in b.ask(cmd="list")["workloads"]]
    alts = [f for f in args.filter.split(",") if f]
    rows = []
    for w in table_b:
        if w["id"] not in table_a:
            continue
        if alts and not any(f in w["id"] for f in alts):
            continue
        dims = w["dims"]
        try:
            sa = a.ask(cmd="setup", id=w["id"], dims=dims)
            sb = b.ask(cmd="setup", id=w["id"], dims=dims)
        except RuntimeError as e:
            print(f"{w['id']}: {e}", file=sys.stderr)
            continue
        same = sa["digest"] == sb["digest"]
        first = max(sa["first_s"], sb["first_s"], 1e-9)
        inner = max(1, min(10_000, round(0.05 / first)))
        ta, tb = [], []
        for r in range(args.reps):
            for side, times in ((a, ta), (b, tb)) if r % 2 == 0 else ((b, tb), (a, ta)):
                (b if side is a else a).settle()
                times.append(side.ask(cmd="run", inner=inner)["s"])
        a.ask(cmd="drop")
        b.ask(cmd="drop")
        ma, mb = statistics.median(ta), statistics.median(tb)
        row = (w["name"], w["size"], ma, mb, mb / ma, same)
        rows.append(row)
        print(f"{w['id']:<60} before {fmt(ma):>9}  after {fmt(mb):>9}  {mb / ma:5.2f}"
              f"{'' if same else '  (digests differ)'}", file=sys.stderr, flush=True)
    a.close()
    b.close()
    lines = ["| operation | size | before | after | after / before | same digest |",
             "|---|---|---:|---:|---:|---|"]
    for name, size, ma, mb, r, same in rows:
        lines.append(f"| {name} | {size} | {fmt(ma)} | {fmt(mb)} | {r:.2f} | {'yes' if same else 'no'} |")
    text = "\n".join(lines) + "\n"
    if args.out:
        with open(args.out, "w") as f:
            f.write(text)
    print(text)


if __name__ == "__main__":
    main()
