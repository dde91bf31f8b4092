"""Moved to `pactwatch.app.cli` (one module a command group); this name stays for the console
script (``pactwatch = "pactwatch.cli:main"``), ``python -m pactwatch.cli`` and old imports."""
import sys

from .app.cli import TOPIC_SHORT, build_parser, demo_corpus_dir, echo, main

__all__ = ["TOPIC_SHORT", "build_parser", "demo_corpus_dir", "echo", "main"]

if __name__ == "__main__":
    sys.exit(main())
