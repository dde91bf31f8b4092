"""`python -m pactwatch.app.cli`: the same as the `pactwatch` command."""
import sys

from . import main

sys.exit(main())
