"""Sample shell model, prediction: normal draws around each location's mean as sample_0..sample_<n-1>."""
import argparse
import csv
import json
import random

from config import read_config

parser = argparse.ArgumentParser()
parser.add_argument("--historic", required=True)
parser.add_argument("--future", required=True)
parser.add_argument("--output", required=True)
args = parser.parse_args()

config = read_config()
rng = random.Random(int(config.get("seed", 42)))
with open("model.json", encoding="utf-8") as handle:
    model = json.load(handle)
n_samples = model["n_samples"]

with open(args.future, newline="", encoding="utf-8") as handle:
    future = list(csv.DictReader(handle))
with open(args.output, "w", newline="", encoding="utf-8") as handle:
    writer = csv.writer(handle)
    writer.writerow(["time_period", "location"] + [f"sample_{i}" for i in range(n_samples)])
    for row in future:
        fit = model["locations"].get(row["location"], {"mean": 0.0, "sd": 0.0})
        samples = [max(0.0, rng.gauss(fit["mean"], fit["sd"])) for _ in range(n_samples)]
        writer.writerow([row["time_period"], row["location"]] + [round(s, 3) for s in samples])
print(f"predicted {len(future)} rows")
