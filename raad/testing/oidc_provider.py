"""A real OpenID Connect provider process for the single sign-on tests (raad/testing/oidc/provider.mjs, npm
`oidc-provider`), on a free loopback port. Its accounts and client are described in the script."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from raad.testing.processes import terminate as stop  # the provider's fixture stops it by this name

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "raad" / "testing" / "oidc" / "provider.mjs"
CLIENT_ID = "raad-test"
CLIENT_SECRET = "raad-test-secret"


class ProviderUnavailable(RuntimeError):
    pass


def start(redirect_uri: str, post_logout_uri: str = "") -> tuple[subprocess.Popen, str]:
    """Start the provider (`post_logout_uri`: where its logout sends the person back); returns the process and its
    issuer URL. Raises ProviderUnavailable when node or the npm package is missing or the process does not say it
    is ready."""
    node = shutil.which("node")
    if node is None:
        raise ProviderUnavailable("node is not installed")
    if not (ROOT / "node_modules" / "oidc-provider").exists():
        raise ProviderUnavailable("node_modules/oidc-provider is missing (npm ci)")
    process = subprocess.Popen(
        [node, str(SCRIPT), "--port", "0", "--redirect-uri", redirect_uri]
        + (["--post-logout-uri", post_logout_uri] if post_logout_uri else []),
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    line = process.stdout.readline().strip() if process.stdout else ""
    if not line.startswith("ready "):
        stop(process)
        raise ProviderUnavailable(f"the OpenID Connect provider did not start (said {line!r})")
    return process, line.removeprefix("ready ")
