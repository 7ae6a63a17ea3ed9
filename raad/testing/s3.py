"""A real S3-compatible server for the tests: moto's `moto_server` process on a loopback port, one bucket.

`start_s3()` starts it (pytest.fail under CI=true, pytest.skip otherwise, if it cannot); `storage_settings()` is
the STORAGES entry `raad.env.env_s3_storage` builds from RAAD_S3_* for it, so the tests run the same options as
production."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn
from unittest import mock

import pytest

from raad.testing.plugin import in_ci
from raad.testing.processes import terminate

BUCKET = "raad-test"
KEY_ID, SECRET = "raad-test-key", "raad-test-secret"  # moto accepts any


@dataclass
class S3Server:
    process: subprocess.Popen
    endpoint: str

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id=KEY_ID,
            aws_secret_access_key=SECRET,
            region_name="eu-north-1",
        )

    def environment(self) -> dict[str, str]:
        return {
            "RAAD_S3_BUCKET": BUCKET,
            "RAAD_S3_ENDPOINT_URL": self.endpoint,
            "RAAD_S3_ACCESS_KEY_ID": KEY_ID,
            "RAAD_S3_SECRET_ACCESS_KEY": SECRET,
            "RAAD_S3_REGION": "eu-north-1",
        }

    def storage_settings(self) -> dict:
        from raad.env import env_s3_storage

        with mock.patch.dict(os.environ, self.environment()):
            storage = env_s3_storage("RAAD_S3")
        assert storage is not None
        return storage

    def stop(self) -> None:
        terminate(self.process)


def _unavailable(message: str) -> NoReturn:
    if in_ci():
        pytest.fail(f"CI=true: {message}", pytrace=False)
    pytest.skip(message)


def start_s3() -> S3Server:
    command = shutil.which("moto_server", path=str(Path(sys.executable).parent)) or shutil.which("moto_server")
    if command is None:
        _unavailable("moto_server (moto[server]) is not installed")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [command, "-H", "127.0.0.1", "-p", str(port)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    server = S3Server(process, f"http://127.0.0.1:{port}")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
        except OSError:
            time.sleep(0.1)
            continue
        server.client().create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-north-1"})
        return server
    server.stop()
    _unavailable(f"moto_server did not start on 127.0.0.1:{port} (exit code {process.poll()})")
