"""The CLI's own shorthand parser on each value of a JSON list: the parsed value, or where it stops."""
import json
import sys

from awscli.shorthand import ShorthandParseError, ShorthandParser

results = []
for value in json.load(open(sys.argv[1], encoding="utf-8")):
    parser = ShorthandParser()
    parser._resolve_paramfiles = lambda v: {"file": v} if v.startswith(("file://", "fileb://")) else v
    try:
        results.append({"value": parser.parse(value)})
    except ShorthandParseError as e:
        results.append({"error": getattr(e, "index", None)})
print(json.dumps(results))
