"""Python's own jmespath.compile on the expressions JmesPathSyntaxDifferentialTests generates.

The input is a JSON list of expressions. The output is {"version", "budget", "results"}: one result per expression,
{"ok": true} when compile accepts it, else {"error": kind, "position": lex_position or null}, kind being Empty,
Lexer, Parse, Incomplete, or Limit (ValueError or RecursionError, which have no position). "budget" is the frames
Python allows from compile's own frame down, as JmesPathSyntax.Check takes it (compile is called at this depth).
"""
import json
import sys

import jmespath
from jmespath import exceptions

KINDS = [
    (exceptions.EmptyExpressionError, "Empty"),
    (exceptions.IncompleteExpressionError, "Incomplete"),
    (exceptions.LexerError, "Lexer"),
    (exceptions.ParseError, "Parse"),
]


def compile_at_depth(expression):
    return jmespath.compile(expression)


def chain(n):
    return 1 if n == 0 else chain(n - 1)


def probe_at_depth():
    # Called where compile is called, so a chain of n + 1 frames stands where compile and what it calls would.
    deepest = 0
    for n in range(0, sys.getrecursionlimit()):
        try:
            chain(n)
        except RecursionError:
            break
        deepest = n
    return deepest + 1


def run(expression):
    try:
        compile_at_depth(expression)
        return {"ok": True}
    except RecursionError:
        return {"error": "Limit", "position": None}
    except exceptions.JMESPathError as e:
        for cls, kind in KINDS:
            if isinstance(e, cls):
                return {"error": kind, "position": getattr(e, "lex_position", None)}
        return {"error": "Other:" + type(e).__name__, "position": None}
    except ValueError:
        return {"error": "Limit", "position": None}


def probe():
    return probe_at_depth()


expressions = json.load(open(sys.argv[1], encoding="utf-8"))
budget = probe()
results = []
for expression in expressions:  # not a comprehension: in Python 3.11 that is a frame more than probe() had
    results.append(run(expression))
print(json.dumps({"version": jmespath.__version__, "budget": budget, "results": results}))
