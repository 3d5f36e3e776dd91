"""Test prediction script (stdlib only): predicts each location's training mean as two samples."""
import argparse
import csv
import json
import sys

parser = argparse.ArgumentParser()
parser.add_argument("--historic", required=True)
parser.add_argument("--future", required=True)
parser.add_argument("--output", required=True)
args = parser.parse_args()

with open(args.historic, newline="", encoding="utf-8") as handle:
    historic = list(csv.DictReader(handle))
if any(row["location"] == "no_output" for row in historic):
    print("forgot to write predictions", file=sys.stderr)
    sys.exit(1)

with open("model.json", encoding="utf-8") as handle:
    model = json.load(handle)
with open(args.future, newline="", encoding="utf-8") as handle:
    future = list(csv.DictReader(handle))
with open(args.output, "w", newline="", encoding="utf-8") as handle:
    writer = csv.writer(handle)
    writer.writerow(["time_period", "location", "sample_0", "sample_1"])
    for row in future:
        mean = model["means"].get(row["location"], 0.0)
        writer.writerow([row["time_period"], row["location"], mean, mean + 1])
print("predicted")
