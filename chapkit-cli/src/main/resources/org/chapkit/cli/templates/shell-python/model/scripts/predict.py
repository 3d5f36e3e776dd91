"""Predicts: samples around each location's training mean, one row per future row."""
import argparse
import csv
import json

parser = argparse.ArgumentParser()
parser.add_argument("--historic", required=True)
parser.add_argument("--future", required=True)
parser.add_argument("--output", required=True)
parser.add_argument("--samples", type=int, default=3)
args = parser.parse_args()

with open("model.json", encoding="utf-8") as handle:
    means = json.load(handle)["means"]
with open(args.future, newline="", encoding="utf-8") as handle:
    future = list(csv.DictReader(handle))
with open(args.output, "w", newline="", encoding="utf-8") as handle:
    writer = csv.writer(handle)
    writer.writerow(["time_period", "location"] + [f"sample_{s}" for s in range(args.samples)])
    for row in future:
        mean = means.get(row["location"], 0.0)
        writer.writerow([row["time_period"], row["location"]]
                        + [mean * (0.9 + 0.2 * s / max(1, args.samples - 1)) for s in range(args.samples)])
print(f"predicted {len(future)} rows")
