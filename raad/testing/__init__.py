"""Test helpers for Råd. The fixtures live in the root conftest.py; the environment in plugin.py.

Nothing here imports Django at module level: the pytest plugin imports this package before Django is set up.
"""

from __future__ import annotations

import time


def totp_code(user) -> str:
    """The current one-time code of the user's confirmed TOTP device (what their authenticator app shows).

    django-otp refuses a code for a time step it has already accepted; if the current step is used up,
    this returns the next step's code (accepted within the device's tolerance) or waits for it.
    """
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).order_by("id").first()
    if device is None:
        raise LookupError(f"{user} has no confirmed TOTP device")
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if device.last_t >= totp.t():  # time steps (t) include the device's drift
        wanted = device.last_t + 1
        if wanted - totp.t() > device.tolerance:
            accepted_from = device.t0 + (wanted - device.tolerance - device.drift) * device.step
            time.sleep(max(0.0, accepted_from - time.time()) + 0.05)
        totp.time = device.t0 + (wanted - device.drift) * device.step
    return str(totp.token()).zfill(device.digits)
