"""`serve`: the web app and JSON API (`pactwatch.app.web`) over a database opened read-only, on
127.0.0.1 unless told otherwise; it says where it listens and who can reach it when it starts.
`--check` opens the database and renders the overview once, then exits (0 ok, 1 not)."""
from __future__ import annotations

import logging
import sys

from ...io.store import default_db_path
from .common import echo

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def cmd_serve(args) -> int:
    from ..web import create_app
    from ..web.desk import Desk, Unavailable

    db = args.db or default_db_path()
    where = Desk(db).where
    if args.check:
        desk = Desk(db)
        try:
            o = desk.overview()
        except Unavailable as e:
            echo(f"pactwatch: {e}", file=sys.stderr, oneline=True)
            return 1
        finally:
            desk.close()
        echo(f"pactwatch serve: {where} can be served: {o['counts']['documents']} documents, "
             f"{o['counts']['events']} events, {o['canonical_total']} canonical events")
        return 0
    import uvicorn
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s", stream=sys.stderr)
    app = create_app(db)
    echo(f"pactwatch serve: reading {where} read-only")
    host = f"[{args.host}]" if ":" in args.host else args.host
    echo(f"serving on http://{host}:{args.port}/ (press Ctrl-C to stop)")
    if args.host in LOOPBACK:
        echo(f"only this machine can connect ({args.host}); give --host 0.0.0.0 to let others in")
    else:
        echo(f"warning: listening on {args.host}: anyone who can reach this machine on port {args.port} can "
             f"read the whole database (there is no login)", file=sys.stderr)
    sys.stdout.flush()
    uvicorn.run(app, host=args.host, port=args.port, log_level="info", access_log=False, server_header=False,
                proxy_headers=False)
    return 0
