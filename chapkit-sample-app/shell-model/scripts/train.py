"""Sample shell model, training: per-location mean and spread of disease_cases (python3 standard library only).

Reads data.csv (chapkit's CSV conventions) and config.yml, writes model.json into the workspace; the whole
workspace is stored as the training artifact.
"""
import argparse
import csv
import json
import os
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
# chapkit's run log: one JSON object per line appended to the file CHAPKIT_RUN_LOG names (set for every command)
run_log = os.environ.get("CHAPKIT_RUN_LOG")
if run_log:
    with open(run_log, "a", encoding="utf-8") as log:
        log.write(json.dumps({"param": "model", "value": "mean-and-spread"}) + "\n")
        for step, fit in enumerate(model.values()):
            log.write(json.dumps({"metric": "sd", "value": fit["sd"], "step": step}) + "\n")
        log.write(json.dumps({"metric": "locations", "value": len(model)}) + "\n")
print(f"trained {len(model)} locations")
