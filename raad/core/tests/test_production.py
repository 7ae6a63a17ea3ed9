"""The production path: DEBUG=false, `collectstatic` into the manifest storage, pages served by gunicorn.

The other tests use Django's plain static storage (see docs/testing.md), so only this test notices a static
file that the manifest storage cannot collect (for instance a vendored file that references a missing source
map): without the manifest every page errors in production while `check --deploy` passes."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
GUNICORN = Path(sys.executable).parent / "gunicorn"


def _production_env(tmp_path: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SECURE_", "SESSION_", "CSRF_", "RAAD_", "DJANGO_", "STATIC_", "MEDIA_"))
        and k not in {"DATABASE_URL", "SECRET_KEY", "ALLOWED_HOSTS", "SITE_URL", "EMAIL_BACKEND"}
    }
    env.update(
        {
            "DEBUG": "false",
            "SECRET_KEY": "Z9#x-production-secret-for-the-gunicorn-test-q8Lw2Rt7Vb3Nm6Kc1Hs4",
            "ALLOWED_HOSTS": "raad.holbaek.dk,127.0.0.1",
            "SITE_URL": "https://raad.holbaek.dk",
            "DJANGO_SETTINGS_MODULE": "raad.settings",
            "RAAD_VAR_DIR": str(tmp_path / "var"),
            "STATIC_ROOT": str(tmp_path / "static"),
            "DATABASE_URL": f"sqlite:///{tmp_path / 'raad.sqlite3'}",
            "EMAIL_BACKEND": "console",
        }
    )
    return env


def _manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, str, bytes]:
    # TLS ends at the proxy in production; the proxy tells Django so (BEHIND_TLS_PROXY).
    request = urllib.request.Request(url, headers={"Host": "raad.holbaek.dk", "X-Forwarded-Proto": "https"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 (a local test server)
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


def test_production_collects_static_files_and_serves_pages_through_gunicorn(tmp_path):
    env = _production_env(tmp_path)
    env["BEHIND_TLS_PROXY"] = "true"
    _manage(env, "check", "--deploy", "--fail-level", "WARNING")
    _manage(env, "collectstatic", "--noinput", "-v", "0")
    _manage(env, "migrate", "--noinput", "-v", "0")
    manifest = json.loads((tmp_path / "static" / "staticfiles.json").read_text())["paths"]
    css = manifest["vendor/dkfds/css/dkfds.min.css"]
    assert css != "vendor/dkfds/css/dkfds.min.css"  # a hashed name

    port = _free_port()
    server = subprocess.Popen(
        [str(GUNICORN), "raad.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                assert server.poll() is None, server.stdout.read() if server.stdout else ""
                assert time.monotonic() < deadline, "gunicorn did not start within 60 s"
                time.sleep(0.2)

        status, content_type, body = _get(base + "/")
        assert status == 200, body.decode()[:2000]
        assert content_type == "text/html; charset=utf-8"
        page = body.decode()
        assert "<title>" in page and "Råd og nævn" in page
        assert f'/static/{css}"' in page  # the page links the hashed file from the manifest

        status, content_type, body = _get(f"{base}/static/{css}")
        assert status == 200
        assert content_type.startswith("text/css")
        assert body == (tmp_path / "static" / css).read_bytes()
        assert body.startswith(b"*,:after,:before{box-sizing:border-box}")

        status, content_type, body = _get(base + "/findes-ikke/")
        assert status == 404
        assert "Siden findes ikke" in body.decode()
        assert f'/static/{css}"' in body.decode()
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
