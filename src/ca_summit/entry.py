"""The process's entry, for `ca-summit` and `python -m ca_summit`: the collector tuned, then the CLI.

A run is short and allocates much (every module's classes, then the data's models and views) and
frees little before it ends, so the cyclic garbage collector's default pace (a pass every 700
allocations) spends time finding no garbage: up to a third of a run over a folder of 100 meetings,
and a few per cent of every start. It runs every 200,000 allocations here, as mypy runs its own.
This is set before anything else is imported, and only for a process that runs the CLI: importing
ca_summit as a library, as the tests do, leaves the collector alone.
"""

import gc
from typing import NoReturn


def run() -> NoReturn:
    gc.set_threshold(200_000, 30, 30)
    from .cli import main

    raise SystemExit(main())
