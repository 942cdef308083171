"""`python -m amazon_reclamation` runs the `reclam` command."""

from amazon_reclamation.cli import run

run()
