"""The `reclam` command line: a thin layer over `actions`, the domain and the renderers.

`app` parses the global options once into an `App` (`context`), each command lives in
its own module under `commands/`, and `exits` is the one place where errors become a
line on stderr and an exit code. Heavy modules (pydantic models, questionary, Rich,
Babel) are imported inside the commands that need them, so that `reclam --help`
answers at once.
"""

import sys

from amazon_reclamation.cli.exits import main


def run() -> None:
    """The console script."""
    sys.exit(main())


__all__ = ["main", "run"]
