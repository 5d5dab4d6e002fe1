"""`corpus build` without paying the import each time: imports the project once, then forks one
build per request, so the SIGKILL trials spend their time building, not importing Dagster.

Reads commands on stdin, one per line, answers one line each on stdout:
    build LOG ARGS_JSON  ->  pid of a new process running `corpus ARGS` (output to LOG), in its own
                             process group (kill the group to kill its parse workers too)
    wait PID             ->  that process's exit code (negative: the signal that ended it)
"""

from __future__ import annotations

import json
import os
import sys

import assets.definitions  # noqa: F401  (the import is the point: children inherit it warm)
from pipelines.cli import main


def serve() -> None:
    for line in sys.stdin:
        command, _, rest = line.strip().partition(" ")
        if command == "build":
            log, args = rest.split(" ", 1)
            pid = os.fork()
            if pid == 0:  # the child is the build: nothing of the loop runs here
                os.setsid()
                fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
                os.dup2(fd, 1)
                os.dup2(fd, 2)
                code = 1
                try:
                    code = main(json.loads(args))
                finally:
                    sys.stdout.flush()
                    os._exit(code)
            print(pid, flush=True)
        elif command == "wait":
            _, status = os.waitpid(int(rest), 0)
            print(os.waitstatus_to_exitcode(status), flush=True)


if __name__ == "__main__":
    serve()
