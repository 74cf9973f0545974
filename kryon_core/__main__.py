"""``python -m kryon_core`` is the ``kryon`` command."""

from kryon_core.cli import main

main()
