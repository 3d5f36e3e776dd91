"""Test prediction script: predicts each location's training mean as sample_0."""
import argparse
import csv
import json
import sys

from common import read_config, read_rows

parser = argparse.ArgumentParser()
parser.add_argument("--historic", required=True)
parser.add_argument("--future", required=True)
parser.add_argument("--output", required=True)
args, extra = parser.parse_known_args()

config = read_config()
if config.get("behaviour") == "no_output":
    print("forgot to write predictions", file=sys.stderr)
    sys.exit(1)

with open("model.json", encoding="utf-8") as handle:
    model = json.load(handle)
with open(args.output, "w", newline="", encoding="utf-8") as handle:
    writer = csv.writer(handle)
    writer.writerow(["time_period", "location", "sample_0"])
    for row in read_rows(args.future):
        writer.writerow([row["time_period"], row["location"], model["means"].get(row["location"], 0.0)])
print("predicted")
