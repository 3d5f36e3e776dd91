"""Helpers shared by the test model scripts (no third-party modules, so any python3 works)."""
import csv
import json
import os


def read_config():
    """Reads the flat config.yml written by the runner: top-level `key: value` lines only."""
    values = {}
    with open("config.yml", encoding="utf-8") as handle:
        for line in handle:
            if ":" in line and not line.startswith((" ", "-")):
                key, _, value = line.partition(":")
                value = value.strip()
                if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                    value = value[1:-1].replace("''", "'")
                values[key.strip()] = value
    return values


def record(config, name, payload):
    """Writes evidence for the test into its marker directory."""
    marker_dir = config.get("marker_dir")
    if marker_dir:
        with open(os.path.join(marker_dir, name), "w", encoding="utf-8") as handle:
            handle.write(payload)


def read_rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def dumps(value):
    return json.dumps(value)
