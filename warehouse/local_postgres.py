"""A throwaway PostgreSQL server for the lake's catalog: initdb into a fresh directory, started on a
free port of 127.0.0.1 with a random password, stopped and removed afterwards. The tests and
`bench/pipeline.py --backend ducklake` use it; a cluster points CORPUS_LAKE_CATALOG at a real one.

PostgreSQL refuses to run as root, so when this process is root (as CI is) the server runs as the
`postgres` user Debian's package creates (or `corpus-postgres`, created here when that is
missing), through `runuser`; its directory is then owned by that user.
"""

from __future__ import annotations

import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

ENV_PG_BIN = "CORPUS_PG_BIN"  # a directory holding initdb and pg_ctl, when not the Debian one
SERVER_USER = "postgres"
FALLBACK_USER = "corpus-postgres"
DATABASE = "corpus"
ROLE = "corpus"
START_TIMEOUT_SECONDS = 120  # pg_ctl's own bounded wait; a loaded machine can take a while


class PostgresUnavailableError(RuntimeError):
    """No PostgreSQL server binaries here; the message says how to install them."""


def pg_bin_dir() -> Path:
    """Where initdb and pg_ctl are: CORPUS_PG_BIN, Debian's newest /usr/lib/postgresql/N/bin, or
    the PATH."""
    configured = os.environ.get(ENV_PG_BIN)
    candidates = [Path(configured)] if configured else []
    debian = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
        reverse=True,
    )
    candidates += debian
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).parent)
    for candidate in candidates:
        if (candidate / "initdb").exists() and (candidate / "pg_ctl").exists():
            return candidate
    raise PostgresUnavailableError(
        "no PostgreSQL server found (initdb, pg_ctl): install Debian's `postgresql` package "
        f"(.ci/run does), or set {ENV_PG_BIN}"
    )


@dataclass(frozen=True, slots=True)
class LocalPostgres:
    host: str
    port: int
    database: str
    user: str
    password: str

    @property
    def libpq(self) -> str:
        """The connection string without the password (libpq takes it from PGPASSWORD)."""
        return f"host={self.host} port={self.port} dbname={self.database} user={self.user}"

    @property
    def ducklake_catalog(self) -> str:
        """CORPUS_LAKE_CATALOG for this server."""
        return f"postgres:{self.libpq}"

    @property
    def environment(self) -> dict[str, str]:
        """What a process needs in its environment to reach the catalog."""
        return {"PGPASSWORD": self.password}

    def create_database(self, name: str) -> LocalPostgres:
        """Another empty database on this server (one lake each)."""
        if not name.isidentifier():
            raise ValueError(f"database name {name!r}: letters, digits and _ only")
        server = replace(self, database=name)
        _create_database(pg_bin_dir(), server)
        return server


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _server_user() -> str | None:
    """The unprivileged user to run the server as, or None to run it as ourselves."""
    if os.geteuid() != 0:
        return None
    for name in (SERVER_USER, FALLBACK_USER):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    subprocess.run(
        ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", FALLBACK_USER],
        check=True,
    )
    return FALLBACK_USER


def _as(user: str | None, command: list[str]) -> list[str]:
    return command if user is None else ["runuser", "-u", user, "--", *command]


@contextmanager
def local_postgres(parent: Path | None = None) -> Iterator[LocalPostgres]:
    """A running server holding an empty database `corpus` owned by role `corpus` (password
    authentication over TCP on 127.0.0.1 only, no Unix socket); stopped and deleted on exit."""
    bin_dir = pg_bin_dir()
    user = _server_user()
    root = Path(tempfile.mkdtemp(prefix="corpus-pg-", dir=parent))
    data = root / "data"
    password = secrets.token_hex(16)
    pwfile = root / "password"
    pwfile.write_text(password + "\n", encoding="utf-8")
    if user is not None:
        entry = pwd.getpwnam(user)
        os.chown(root, entry.pw_uid, entry.pw_gid)
        os.chown(pwfile, entry.pw_uid, entry.pw_gid)
    log = root / "server.log"
    port = _free_port()
    run = subprocess.run
    try:
        run(
            _as(
                user,
                [
                    str(bin_dir / "initdb"),
                    "--pgdata",
                    str(data),
                    "--username",
                    ROLE,
                    "--pwfile",
                    str(pwfile),
                    "--auth",
                    "scram-sha-256",
                    "--encoding",
                    "UTF8",
                    "--locale",
                    "C",
                ],
            ),
            check=True,
            capture_output=True,
        )
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories='' "
            "-c fsync=off -c max_connections=100 -c shared_buffers=64MB"
        )
        started = run(
            _as(
                user,
                [
                    str(bin_dir / "pg_ctl"),
                    "start",
                    "--pgdata",
                    str(data),
                    "--wait",
                    "--timeout",
                    str(START_TIMEOUT_SECONDS),
                    "--log",
                    str(log),
                    "--options",
                    options,
                ],
            ),
            capture_output=True,
            text=True,
        )
        if started.returncode != 0:
            detail = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
            raise RuntimeError(f"PostgreSQL did not start: {started.stderr}\n{detail}")
        server = LocalPostgres("127.0.0.1", port, DATABASE, ROLE, password)
        _create_database(bin_dir, server)
        yield server
    finally:
        if (data / "postmaster.pid").exists():
            run(
                _as(
                    user,
                    [str(bin_dir / "pg_ctl"), "stop", "--pgdata", str(data), "--mode", "immediate"],
                ),
                capture_output=True,
            )
        shutil.rmtree(root, ignore_errors=True)


def _create_database(bin_dir: Path, server: LocalPostgres) -> None:
    subprocess.run(
        [
            str(bin_dir / "createdb"),
            *("--host", server.host, "--port", str(server.port), "--username", server.user),
            *("--maintenance-db", "postgres", "--owner", ROLE, server.database),
        ],
        check=True,
        capture_output=True,
        env={**os.environ, **server.environment},
    )
