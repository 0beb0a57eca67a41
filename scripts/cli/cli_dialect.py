"""Which AWS CLI the dump scripts read: the installed v1, or a v2 source tree.

Every dump script imports this module before ``awscli`` (``cli_tables`` does it
first).  By default the scripts read the AWS CLI v1 installed in the running
Python (awscli 1.45.11 / botocore 1.43.11).  With ``AWSCLI_V2_SOURCE`` set to a
checkout of the public repository aws/aws-cli at the v2 tag whose models equal
``botocore-data/`` (2.34.50 for botocore 1.43.11: both released on 2026-05-19),
they read AWS CLI v2 instead, run from source under Debian's Python with
Debian's packages (``python3-awscrt``, ``python3-ruamel.yaml``, …; run the
scripts with ``/usr/bin/python3``)::

    AWSCLI_V2_SOURCE=/path/to/aws-cli /usr/bin/python3 scripts/cli/dump_golden.py

Debian bookworm's awscrt (0.16.8) is older than the one 2.34.50 pins and lacks a
few names that v2 imports at module level but only calls when it signs or
transfers (``awscrt.crypto.EC``, ``awscrt.checksums.combine_crc32``, …).
Building command tables never calls them, so missing names resolve to
placeholders that raise if anything ever does call them; the names found
missing are listed in ``AWSCRT_PLACEHOLDERS`` and printed by the scripts.

Outputs per dialect: v1 writes ``tests/golden/cli-commands.json.gz`` and
``generators/data/cli-*.json``; v2 writes ``tests/golden/cli-commands-v2.json.gz``
and ``generators/data/v2/cli-*.json``.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import os
import sys
from pathlib import Path

from jsonio import REPO_ROOT

V2_SOURCE = os.environ.get("AWSCLI_V2_SOURCE")
DIALECT = "v2" if V2_SOURCE else "v1"

#: awscrt names v2 imports that the installed awscrt lacks (filled while importing).
AWSCRT_PLACEHOLDERS: set[str] = set()


def golden_path() -> Path:
    """The golden dump of this dialect's command tables."""
    suffix = "" if DIALECT == "v1" else "-v2"
    return REPO_ROOT / "tests" / "golden" / f"cli-commands{suffix}.json.gz"


def data_path(file_name: str) -> Path:
    """A generated data file of this dialect (``cli-overrides.json``, …)."""
    base = REPO_ROOT / "generators" / "data"
    return base / file_name if DIALECT == "v1" else base / "v2" / file_name


def _placeholder(module: str, name: str):
    AWSCRT_PLACEHOLDERS.add(f"{module}.{name}")

    def unavailable(*_args, **_kwargs):
        raise RuntimeError(f"{module}.{name} is not in the installed awscrt; the dump never calls it")

    # Classes are subclassed or instantiated, functions called: give each a matching stand-in. A class's own
    # attributes (EC.new_generate) are missing too: say so in an AttributeError, which hasattr() still treats as
    # "absent", rather than in Python's bare "type object 'EC' has no attribute".
    return _PlaceholderClass(name, (), {"__init__": unavailable, "__module__": module}) if name[:1].isupper() \
        else unavailable


class _Missing(AttributeError):
    """An attribute of an awscrt placeholder class."""


class _PlaceholderClass(type):
    def __getattr__(cls, attr):
        raise _Missing(f"{cls.__module__}.{cls.__name__}.{attr} is not in the installed awscrt; the dump never "
                       f"calls it")


def _complete(module) -> None:
    """Give an awscrt module a module-level __getattr__: real submodules first, placeholders otherwise."""
    if "__getattr__" in vars(module):
        return

    def __getattr__(name: str, _module: str = module.__name__):
        if name.startswith("__"):
            raise AttributeError(name)
        if name[:1].islower():
            try:
                return importlib.import_module(f"{_module}.{name}")
            except ImportError:
                pass
        return _placeholder(_module, name)

    module.__getattr__ = __getattr__


class _AwscrtCompleter(importlib.abc.MetaPathFinder):
    """Completes every awscrt module as it is imported."""

    def find_spec(self, fullname, path, target=None):
        if not fullname.startswith("awscrt."):
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None and spec.loader is not None:
                load = spec.loader.exec_module

                def exec_module(module, _load=load):
                    _load(module)
                    _complete(module)

                spec.loader.exec_module = exec_module
                return spec
        return None


def _activate_v2(source: str) -> None:
    if not (Path(source) / "awscli" / "botocore").is_dir():
        raise SystemExit(f"AWSCLI_V2_SOURCE={source} is not an AWS CLI v2 source tree (no awscli/botocore)")
    sys.path.insert(0, source)
    if "/usr/lib/python3/dist-packages" not in sys.path:
        sys.path.append("/usr/lib/python3/dist-packages")
    import awscrt

    sys.meta_path.insert(0, _AwscrtCompleter())
    for name, module in list(sys.modules.items()):
        if name == "awscrt" or name.startswith("awscrt."):
            _complete(module)
    import awscli  # noqa: F401  (installs v2's alias finder: `import botocore` finds awscli/botocore)


if V2_SOURCE:
    _activate_v2(V2_SOURCE)


def models_version(botocore_version: str) -> str:
    """The botocore release whose models the CLI reads.

    v1 reads its installed botocore.  v2 bundles a fork (versioned 2.0.0devN) whose
    models are synchronised with botocore releases: the version is the one of the
    repository's ``botocore-data/`` once every model file v2 bundles (service,
    paginators, waiters) is proven equal to it; any difference stops the dump.
    """
    if DIALECT == "v1":
        return botocore_version
    import gzip
    import json

    ours = REPO_ROOT / "botocore-data"
    theirs = Path(V2_SOURCE) / "awscli" / "botocore" / "data"
    compared = 0
    for path in sorted(theirs.glob("*/*/*.json")):
        if not path.name.startswith(("service-2", "paginators-1", "waiters-2")):
            continue
        relative = path.relative_to(theirs)
        mine = ours / relative
        mine = mine if mine.exists() else mine.with_name(mine.name + ".gz")
        if not mine.exists():
            raise SystemExit(f"v2 bundles {relative}, botocore-data does not: not the same models")
        opener = gzip.open if mine.suffix == ".gz" else open
        with opener(mine, "rt", encoding="utf-8") as fh:
            if json.load(fh) != json.loads(path.read_text(encoding="utf-8")):
                raise SystemExit(f"{relative} differs from botocore-data: not the same models")
        compared += 1
    return (ours / "VERSION").read_text(encoding="utf-8").strip()
