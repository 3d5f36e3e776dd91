"""Sample shell model, training: per-location mean and spread of disease_cases (python3 standard library only).

Reads data.csv (chapkit's CSV conventions) and config.yml, writes model.json into the workspace; the whole
workspace is stored as the training artifact.
"""
import argparse
import csv
import json
import statistics

from config import read_config

parser = argparse.ArgumentParser()
parser.add_argument("--data", required=True)
args = parser.parse_args()

config = read_config()
cases = {}
with open(args.data, newline="", encoding="utf-8") as handle:
    for row in csv.DictReader(handle):
        if row.get("disease_cases"):
            cases.setdefault(row["location"], []).append(float(row["disease_cases"]))

model = {
    location: {"mean": statistics.fmean(values), "sd": statistics.pstdev(values) if len(values) > 1 else 0.0}
    for location, values in cases.items()
}
with open("model.json", "w", encoding="utf-8") as handle:
    json.dump({"locations": model, "n_samples": int(config.get("n_samples", 20))}, handle)
print(f"trained {len(model)} locations")
