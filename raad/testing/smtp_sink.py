"""A real SMTP server for the tests: stores every message it receives as a file.

    python -m raad.testing.smtp_sink --port 2525 --directory /tmp/mails

Prints "ready" when it accepts connections and runs until it is terminated. Each message is written
to `<directory>/<sequence>.eml` (first to a temporary name, then renamed, so a reader never sees half
a message) before the server answers 250, so it is on disk when the sender's call returns.
"""

from __future__ import annotations

import argparse
import itertools
import os
import signal
import threading
from pathlib import Path

from aiosmtpd.controller import Controller


class FileHandler:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.counter = itertools.count(1)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        number = next(self.counter)
        partial = self.directory / f".{number:06d}.part"
        partial.write_bytes(envelope.original_content or envelope.content)
        os.replace(partial, self.directory / f"{number:06d}.eml")
        return "250 Message accepted for delivery"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--directory", type=Path, required=True)
    args = parser.parse_args()
    args.directory.mkdir(parents=True, exist_ok=True)
    controller = Controller(FileHandler(args.directory), hostname=args.host, port=args.port)
    controller.start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    print("ready", flush=True)
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
