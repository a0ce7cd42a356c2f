"""The process's entry, for `ca-summit` and `python -m ca_summit`: Ctrl-C and SIGTERM handled, the
cyclic garbage collector off, then the CLI.

The signals' handler comes first, before the imports (a tenth of a second): Ctrl-C at any moment
exits 130 and SIGTERM 143, each with one line on stderr, never a traceback (interrupts.py).

A run is short and allocates much (every module's classes, then the data's models and views), and
what it frees is freed by reference counting: it makes next to no reference cycles, so the
collector's passes find nothing. At its default pace they cost a few per cent of every start and a
third of a run over a folder of 100 meetings (every 200,000 allocations, as mypy sets it, they still
cost a fifth). benchmarks/hostile.py measures peak memory with the collector off and on: the same
on every file of its corpus, within 3 MB; it keeps watching that budget. Only a process that runs
the CLI is concerned: importing ca_summit as a library, as the tests do, leaves the collector and
the signals alone.
"""

from .. import interrupts


def run() -> None:
    """Run the CLI and exit with its code; never returns."""
    interrupts.install()
    try:
        import gc

        gc.disable()
        from .app import main

        code = main()
        interrupts.finished()
    except interrupts.Stopped as stopped:
        stopped.announce()
        code = stopped.exit_code
    raise SystemExit(code)
