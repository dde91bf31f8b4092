"""Moved to `pactwatch.io.export`; this name stays so that
``from pactwatch.export import write_jsonl`` keeps working."""
from .io.export import CSV_COLUMNS, csv_row, write_csv, write_jsonl

__all__ = ["CSV_COLUMNS", "write_jsonl", "write_csv", "csv_row"]
