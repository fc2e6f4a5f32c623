"""Credentials for SPARQL endpoints: the environment or a netrc file in, a login out.

Never the command line (where `ps` and shell history show it) nor a log: the user name
comes from `KG_ENDPOINT_USER` with `KG_ENDPOINT_PASSWORD`, else from the netrc file
(`NETRC` or `~/.netrc`) entry of the endpoint's host; `KG_ENDPOINT_AUTH=digest` asks for
HTTP Digest instead of Basic. The password is left out of every `repr`.
"""

from __future__ import annotations

import netrc
import os
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass, field

from kg.errors import KgError

USER_VARIABLE = "KG_ENDPOINT_USER"
PASSWORD_VARIABLE = "KG_ENDPOINT_PASSWORD"
# `digest` for stores that only take HTTP Digest (Virtuoso's sparql-graph-crud-auth).
AUTH_VARIABLE = "KG_ENDPOINT_AUTH"


@dataclass(frozen=True, slots=True)
class Credentials:
    """A user name and password for HTTP authentication (never printed)."""

    user: str
    password: str = field(repr=False)
    digest: bool = False


def find_credentials(
    url: str, environ: Mapping[str, str], *, netrc_file: str | None = None
) -> Credentials | None:
    """Find the login for `url`: environment variables, else its host's netrc entry."""
    digest = environ.get(AUTH_VARIABLE, "").strip().lower() == "digest"
    user = environ.get(USER_VARIABLE)
    if user:
        return Credentials(user, environ.get(PASSWORD_VARIABLE, ""), digest)
    path = netrc_file or environ.get("NETRC") or os.path.expanduser("~/.netrc")
    if not os.path.isfile(path):
        return None
    try:
        host = urllib.parse.urlsplit(url).hostname or ""
        entry = netrc.netrc(path).authenticators(host)
    except (netrc.NetrcParseError, OSError) as error:
        raise KgError(f"{path}: cannot read netrc file: {error.args[0]}") from None
    if entry is None:
        return None
    return Credentials(entry[0], entry[2] or "", digest)
