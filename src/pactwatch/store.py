"""Moved to `pactwatch.io.store` (a package, one module a job); this name stays so that
``from pactwatch.store import Store`` keeps working."""
from .io.store import (BUSY_TIMEOUT_S, SCHEMA_VERSION, Store, StoreError, date_bounds, default_db_path,
                       describe_db_error, remove_database)

__all__ = ["BUSY_TIMEOUT_S", "SCHEMA_VERSION", "Store", "StoreError", "date_bounds", "default_db_path",
           "describe_db_error", "remove_database"]
