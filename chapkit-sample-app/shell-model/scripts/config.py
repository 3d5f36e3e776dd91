"""Reads the flat config.yml chapkit writes (top-level `key: value` scalars) without a YAML library."""


def read_config(path="config.yml"):
    values = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if ":" in line and not line.startswith((" ", "-")):
                key, _, value = line.partition(":")
                values[key.strip()] = value.strip().strip("'\"")
    return values
