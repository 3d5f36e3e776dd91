"""Trains the model: the mean of disease_cases per location, written to model.json (standard library only)."""
import argparse
import csv
import json

parser = argparse.ArgumentParser()
parser.add_argument("--data", required=True)
args = parser.parse_args()

sums = {}
with open(args.data, newline="", encoding="utf-8") as handle:
    for row in csv.DictReader(handle):
        if row.get("disease_cases"):
            total, count = sums.get(row["location"], (0.0, 0))
            sums[row["location"]] = (total + float(row["disease_cases"]), count + 1)
with open("model.json", "w", encoding="utf-8") as handle:
    json.dump({"means": {loc: total / count for loc, (total, count) in sums.items()}}, handle)
print(f"trained {len(sums)} locations")
