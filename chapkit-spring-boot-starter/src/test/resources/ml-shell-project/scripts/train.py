"""Test training script (stdlib only): mean disease_cases per location, behaviours chosen by location names."""
import argparse
import csv
import json
import os
import subprocess
import sys
import time

parser = argparse.ArgumentParser()
parser.add_argument("--data", required=True)
args = parser.parse_args()

with open(args.data, newline="", encoding="utf-8") as handle:
    rows = list(csv.DictReader(handle))
locations = {row["location"] for row in rows}

if "fail_train" in locations:
    print("training went wrong", file=sys.stderr)
    sys.exit(3)

if "flood" in locations:
    chunk = b"x" * (1024 * 1024)
    for _ in range(1024):  # 1 GiB to stdout: the service keeps only the tail
        sys.stdout.buffer.write(chunk)
    sys.stdout.buffer.write(b"\nflood done\n")
    sys.stdout.flush()

if "sleep" in locations:
    marker_dir = rows[0]["marker_dir"]
    child = subprocess.Popen(["sleep", "600"])
    with open(os.path.join(marker_dir, "pids.tmp"), "w", encoding="utf-8") as handle:
        handle.write(f"{os.getpid()} {child.pid}")
    os.rename(os.path.join(marker_dir, "pids.tmp"), os.path.join(marker_dir, "pids"))
    time.sleep(600)

sums = {}
for row in rows:
    if row["disease_cases"]:
        total, count = sums.get(row["location"], (0.0, 0))
        sums[row["location"]] = (total + float(row["disease_cases"]), count + 1)
with open("model.json", "w", encoding="utf-8") as handle:
    json.dump({"means": {loc: total / count for loc, (total, count) in sums.items()}}, handle)
print(f"trained on {len(rows)} rows")
