#!/usr/bin/env python3
"""Dump botocore's hard-coded ``xform_name`` cache of the CLI's botocore.

``botocore.xform_name`` looks names up in ``botocore._xform_cache`` before it
applies its regular expressions; the cache holds the names the expressions
would split wrongly (iSCSI, WhatsApp, OTel, ...).  The C# port
(generators/AwsMcpTyped.ModelCompiler/Naming/XformName.cs) reads the '-' entries
as data.  The caches differ between the CLI versions: v2's bundled botocore
lacks the OTel entries, so its baseline spells GetOTelEnrichment
``get-o-tel-enrichment``.

    python3 scripts/cli/dump_xform_cases.py                  # v1 -> generators/data/xform-special-cases.json
    AWSCLI_V2_SOURCE=/tmp/v2src /usr/bin/python3 scripts/cli/dump_xform_cases.py   # v2 -> generators/data/v2/
"""

from __future__ import annotations

import argparse
from pathlib import Path

import cli_dialect  # noqa: F401  (selects the CLI version before botocore is imported)
import botocore

from jsonio import write_json

COMMENT = ("botocore.xform_name's hard-coded cache (botocore/__init__.py _xform_cache), '-' separator: "
           "names the regex rules would split wrongly.")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--output", type=Path, default=cli_dialect.data_path("xform-special-cases.json"))
    args = ap.parse_args()
    names = {name: spelled for (name, separator), spelled in botocore._xform_cache.items() if separator == "-"}
    write_json(args.output, {"_comment": COMMENT, "names": dict(sorted(names.items()))})
    print(f"{cli_dialect.DIALECT}: {len(names)} names -> {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
