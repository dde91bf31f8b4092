"""`main`: one command run, its databases closed, and every error a user can cause or meet
turned into one line on standard error with the exit status the package docstring gives."""
from __future__ import annotations

import errno
import os
import sqlite3
import sys

from sqlalchemy.exc import DBAPIError

from ...io.store import Store, StoreError, default_db_path, describe_db_error
from .common import OPEN_STORES, echo
from .parser import build_parser


def main(argv=None) -> int:
    """Run one command; returns the exit status (see the module docstring). Bad usage exits 2
    through argparse."""
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except BrokenPipeError:  # the reader went away (`| head`)
        try:
            sys.stdout = open(os.devnull, "w")  # no second error when Python flushes stdout at exit
        except OSError:
            pass
        return 0
    except KeyboardInterrupt:
        echo("pactwatch: interrupted", file=sys.stderr)
        return 130
    except StoreError as e:
        echo(f"pactwatch: {e}", file=sys.stderr, oneline=True)
    except (DBAPIError, sqlite3.Error) as e:
        where = Store.describe_target(getattr(args, "db", None) or default_db_path())
        echo(f"pactwatch: {where}: {describe_db_error(e)}", file=sys.stderr, oneline=True)
    except OSError as e:
        echo(f"pactwatch: {_os_error(e)}", file=sys.stderr, oneline=True)
    except ImportError as e:  # a broken installation
        echo(f"pactwatch: {e}", file=sys.stderr, oneline=True)
    except MemoryError:
        echo("pactwatch: out of memory: process fewer or smaller documents at a time (see --max-bytes)",
             file=sys.stderr)
    return 1


def _run(args) -> int:
    try:
        return args.func(args) or 0
    finally:
        while OPEN_STORES:
            OPEN_STORES.pop().close()


def _os_error(e: OSError) -> str:
    """One line for a file-system error: the file, the reason, what to do."""
    where = f"{e.filename}: " if e.filename else ""
    if e.errno == errno.ENOSPC:
        return f"{where}the disk is full: free some space and run the command again"
    if e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"{where}{e.strerror}: choose a place you can write to, or fix the permissions"
    if e.errno in (errno.ENOENT, errno.ENOTDIR):
        return f"{where}{e.strerror}: check the path"
    return f"{where}{e.strerror or e}"
