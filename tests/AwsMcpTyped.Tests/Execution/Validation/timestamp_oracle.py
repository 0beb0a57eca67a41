"""botocore's own timestamp validation on the cases TimestampDifferentialTests generates: one result per case.

Usage: timestamp_oracle.py CASES.json [--today YYYY-MM-DD] [--cli-scripts DIR]
       timestamp_oracle.py --classes

Each case is {"s": "<string value>"} or {"json": "<a JSON literal>"} (a value given in JSON, e.g. a number). A result
is ["ok", "<UTC time, ISO, microseconds when not zero>"] when ParamValidator._type_check_datetime accepts the value,
["invalid"] when it refuses it, and ["error"] when parsing raises something the validator does not catch (the CLI
then stops with that error). Run under python3 it reads AWS CLI v1's botocore; with AWSCLI_V2_SOURCE set and
--cli-scripts naming scripts/cli, under /usr/bin/python3, v2's (scripts/cli/cli_dialect.py makes the v2 source
importable there).

--today fixes the date dateutil fills missing fields from (datetime.now() in dateutil's parser module, and the year
two-digit years are placed near), so the date-dependent cases can be tried on chosen days.

--classes prints Python's character classes (str.isalpha, isdigit, isdecimal with the zero of each digit run,
isspace) above ASCII as [start, end] ranges, for the test to compare with PythonUnicode.
"""
import json
import os
import sys
import types
import unicodedata
import warnings


def ranges(predicate):
    out, start = [], None
    for code_point in range(0x80, 0x110001):
        inside = code_point < 0x110000 and predicate(chr(code_point))
        if inside and start is None:
            start = code_point
        elif not inside and start is not None:
            out.append([start, code_point - 1])
            start = None
    return out


def classes():
    return {
        "alpha": ranges(str.isalpha),
        "digit": ranges(str.isdigit),
        "decimalZeros": [cp for cp in range(0x80, 0x110000)
                         if chr(cp).isdecimal() and unicodedata.decimal(chr(cp)) == 0],
        "space": ranges(str.isspace),
    }


def fix_today(text):
    """Make dateutil's parser see another today (it reads datetime.datetime.now() and, at import, the year)."""
    import dateutil.parser._parser as parser_module

    real = parser_module.datetime
    year, month, day = (int(part) for part in text.split("-"))

    class FixedNow(real.datetime):
        @classmethod
        def now(cls, tz=None):
            return real.datetime(year, month, day, 12, 34, 56, 789)

    shim = types.ModuleType("datetime")
    shim.__dict__.update(real.__dict__)
    shim.datetime = FixedNow
    parser_module.datetime = shim
    parser_module.DEFAULTPARSER.info._year = year
    parser_module.DEFAULTPARSER.info._century = year // 100 * 100


def main(argv):
    if argv[1:] == ["--classes"]:
        print(json.dumps(classes()))
        return
    cases_path, options = argv[1], argv[2:]
    today = options[options.index("--today") + 1] if "--today" in options else None
    if "--cli-scripts" in options and os.environ.get("AWSCLI_V2_SOURCE"):
        sys.path.insert(0, options[options.index("--cli-scripts") + 1])
        import cli_dialect  # noqa: F401  (v2's `import botocore` then finds awscli/botocore)
    import datetime

    import botocore.utils
    import botocore.validate
    import dateutil

    if today:
        fix_today(today)
    # dateutil warns about zone names it does not know; the CLI shows the warning and goes on.
    warnings.simplefilter("ignore")
    validator = botocore.validate.ParamValidator()

    def run(case):
        try:
            value = json.loads(case["json"]) if "json" in case else case["s"]
        except ValueError:
            return ["invalid"]  # Python's json refuses it (an int of more than 4300 digits)
        try:
            if not validator._type_check_datetime(value):
                return ["invalid"]
            utc = botocore.utils.parse_to_aware_datetime(value).replace(tzinfo=None)
            return ["ok", utc.isoformat()]
        except Exception as error:  # what the validator lets through ends the CLI
            return ["error", type(error).__name__]

    cases = json.load(open(cases_path, encoding="utf-8"))
    print(json.dumps({
        "python": sys.version.split()[0],
        "dateutil": dateutil.__version__,
        "botocore": botocore.utils.__file__,
        "today": today or datetime.date.today().isoformat(),
        "results": [run(case) for case in cases],
    }))


main(sys.argv)
