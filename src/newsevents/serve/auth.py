"""The bearer token that guards writing over HTTP.

Reading needs no token (the server binds to loopback unless told otherwise). Writing
is off unless the operator gave a token when starting the server; then a request must
carry ``Authorization: Bearer <token>``, compared in constant time so the response
time does not leak how much of a guess was right.
"""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

TOKEN_ENV = "NEWSEVENTS_TOKEN"
DISABLED = (
    "ingest over HTTP is disabled: start the server with a token "
    f"(`newsevents serve --token-env VAR`, or ${TOKEN_ENV}) to enable it"
)

_bearer = HTTPBearer(auto_error=False, description="The token given to `newsevents serve`.")


def token_matches(given: str, expected: str) -> bool:
    """Constant-time comparison (as bytes: ``compare_digest`` refuses non-ASCII str)."""
    return secrets.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def require_token(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """403 when writing is off, 401 without the right bearer token."""
    expected: str | None = request.app.state.token
    if expected is None:
        raise HTTPException(status.HTTP_403_FORBIDDEN, DISABLED)
    challenge = {"WWW-Authenticate": "Bearer"}
    if credentials is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED, "missing token: send 'Authorization: Bearer <token>'",
            headers=challenge,
        )
    if not token_matches(credentials.credentials, expected):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "wrong token", headers=challenge)


Writer = Depends(require_token)
