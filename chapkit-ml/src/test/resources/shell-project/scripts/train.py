"""Test training script: mean disease_cases per location, with behaviours chosen by the config."""
import argparse
import os
import subprocess
import sys
import time

from common import dumps, read_config, read_rows, record

parser = argparse.ArgumentParser()
parser.add_argument("--data", required=True)
parser.add_argument("--geo", nargs="?", default=None)
args, extra = parser.parse_known_args()

config = read_config()
record(config, "train_argv.json", dumps(sys.argv))
record(config, "train_config.yml", open("config.yml", encoding="utf-8").read())
behaviour = config.get("behaviour", "ok")

if behaviour == "fail":
    print("training went wrong", file=sys.stderr)
    sys.exit(3)

if behaviour == "hang":
    child = subprocess.Popen(["sleep", "300"])
    record(config, "parent.pid", str(os.getpid()))
    record(config, "child.pid", str(child.pid))
    time.sleep(300)

totals = {}
for row in read_rows(args.data):
    if row["disease_cases"]:
        totals.setdefault(row["location"], []).append(float(row["disease_cases"]))
means = {location: sum(values) / len(values) for location, values in totals.items()}
with open("model.json", "w", encoding="utf-8") as handle:
    handle.write(dumps({"means": means, "geo": args.geo}))
print("trained %d locations" % len(means))
