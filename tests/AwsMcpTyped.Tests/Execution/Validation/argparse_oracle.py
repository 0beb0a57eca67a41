"""Python's own argparse on the cases ArgparseDifferentialTests generates: one JSON result per case.

Each case is {"actions": [{"name", "positional", "nargs", "required"}], "args": [...]}; nargs is null (one value),
0 (store_true), "?", "*", "+" or 2. A result is {"error": true} when argparse stops with a usage error, else
{"values": {name: value or null when absent}, "extras": [...]}.
"""
import argparse
import json
import sys


class UsageError(Exception):
    pass


class Parser(argparse.ArgumentParser):
    def error(self, message):
        raise UsageError(message)


def run(case):
    parser = Parser(add_help=False, allow_abbrev=True)
    dests = {}
    for index, action in enumerate(case["actions"]):
        dest = f"a{index}"
        dests[action["name"]] = dest
        if action["positional"]:
            nargs = action["nargs"]
            parser.add_argument(dest, metavar=action["name"], **({} if nargs is None else {"nargs": nargs}))
        elif action["nargs"] == 0:
            parser.add_argument(action["name"], dest=dest, action="store_true", default=None, required=action["required"])
        else:
            kwargs = {} if action["nargs"] is None else {"nargs": action["nargs"]}
            parser.add_argument(action["name"], dest=dest, required=action["required"], **kwargs)
    try:
        namespace, extras = parser.parse_known_args(case["args"])
    except UsageError:
        return {"error": True}
    return {"values": {name: getattr(namespace, dest) for name, dest in dests.items()}, "extras": extras}


cases = json.load(open(sys.argv[1], encoding="utf-8"))
print(json.dumps([run(case) for case in cases]))
