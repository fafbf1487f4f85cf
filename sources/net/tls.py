"""The certificate store every real connection verifies against, loaded once per process."""

from __future__ import annotations

import functools
import ssl

from ..errors import TLSFailed


@functools.cache
def _tls_context(ca_file: str | None = None) -> ssl.SSLContext:
    """The certificate store, loaded once per process (it takes tens of milliseconds) and
    shared by every client; certificates are always verified. ``ca_file`` adds authorities to
    trust besides the usual ones; it never turns a check off."""
    import certifi

    context = ssl.create_default_context(cafile=certifi.where())
    if ca_file is not None:
        context.load_verify_locations(cafile=ca_file)
    return context


def trusted(ca_file: str | None) -> ssl.SSLContext:
    try:
        return _tls_context(ca_file)
    except OSError as exc:  # ssl.SSLError too: a file that is not PEM
        raise TLSFailed(
            f"cannot load the certificate authorities in {ca_file}: {exc}; check HttpLimits.ca_file"
        ) from exc
