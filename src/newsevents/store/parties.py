"""The ``parties`` table: each event's actors and recipients, one row a party, written at ingest.

Events keep their actors as three separate distinct lists (names, countries, sectors),
which cannot say which country goes with which name once there are two, so the network
and actor tables would have to parse every event's ``record`` JSON on every request.
The store writes this narrow table once, with the events (in the same transaction, from
the records ingest holds: ``rows.party_rows``; from the stored JSON when a store is
upgraded); the aggregates join it with the filtered events' ids for the events whose
parties their own columns cannot say (``events.parties_in_lists``).

Schema 6 numbers each distinct (name, country, sector, resolved) once in ``party_keys``; a
``parties`` row carries its number (``key``), and so does an event whose parties are in its
lists (``actor_key``, ``recipient_key``), so the network and actor tables group and join small
integers instead of strings.
"""

from __future__ import annotations

_ACTOR_TYPE = '[{"name": "VARCHAR", "text": "VARCHAR", "country": "VARCHAR", "sector": "VARCHAR"}]'
_SIDES_TYPE = '{"actor": ' + _ACTOR_TYPE + ', "recipient": ' + _ACTOR_TYPE + "}"

# A resolved party, the only kind the network draws: one with a country, or a proper name
# (not a pronoun, whose name stays empty, nor a bare common noun such as "people" or "Police" at the
# start of a sentence). Read from the party's own fields: a name with a capital is proper when no
# sector was read from it as a common noun, when it has a capital past its first letter ("Leaders
# of the African Union"), or when it was resolved from other words ("he" -> "Balogun"). "Has a
# capital" is "lower case changes it", which costs ingest half what a regular expression does.
RESOLVED = (
    "(p.country IS NOT NULL OR (p.name IS NOT NULL AND p.name <> lower(p.name) AND "
    "(p.sector IS NULL OR p.name[2:] <> lower(p.name[2:]) OR lower(p.name) <> lower(p.text))))"
)


def grouped_parties_sql(source: str, *, from_records: bool) -> str:
    """SELECT the parties in ``source``: one row per distinct (event, role, name, country, sector),
    ``name`` being the party's resolved name else its text; ``resolved`` when any party folded into
    the row is (``RESOLVED``). ``source`` is a table or view of events (``id`` and ``record``) when
    ``from_records`` (a store being upgraded), else one of party rows (``rows.PARTY_COLUMNS``, what
    ingest builds from the events it writes, which costs less than reading their JSON again)."""
    if from_records:
        rows = (
            f"WITH sides AS (SELECT id, from_json(record, '{_SIDES_TYPE}') AS j FROM {source}) "
            "SELECT id AS event_id, role, p.name, p.text, p.country, p.sector FROM ("
            "SELECT id, 'actor' AS role, unnest(j.actor) AS p FROM sides UNION ALL "
            "SELECT id, 'recipient', unnest(j.recipient) FROM sides)"
        )
    else:
        rows = f"SELECT event_id, role, name, text, country, sector FROM {source}"
    return (
        f"SELECT event_id, role, coalesce(p.name, p.text) AS name, p.country, p.sector, "
        f"coalesce(bool_or({RESOLVED}), false) AS resolved FROM ({rows}) p "
        "GROUP BY event_id, role, coalesce(p.name, p.text), p.country, p.sector"
    )


_SAME_PARTY = ("k.name IS NOT DISTINCT FROM g.name AND k.country IS NOT DISTINCT FROM g.country AND "
               "k.sector IS NOT DISTINCT FROM g.sector AND k.resolved = g.resolved")


def insert_keys_sql(grouped: str) -> str:
    """INSERT into ``party_keys`` the (name, country, sector, resolved) of ``grouped`` (a SELECT of
    party rows) not there yet, numbered on from the largest key in their sorted order."""
    return (
        "INSERT INTO party_keys SELECT (SELECT coalesce(max(key), 0) FROM party_keys) "
        "+ row_number() OVER (ORDER BY name, country, sector, resolved), name, country, sector, resolved "
        f"FROM (SELECT DISTINCT name, country, sector, resolved FROM ({grouped}) "
        "EXCEPT SELECT name, country, sector, resolved FROM party_keys)"
    )


def insert_parties_sql(grouped: str, *, returning: bool = True) -> str:
    """INSERT the party rows of ``grouped`` with their ``party_keys`` key (``insert_keys_sql`` first),
    RETURNING (event_id, role, key) of each when asked: ingest writes them on the events
    (``rows.event_row``'s ``actor_key``/``recipient_key``)."""
    return (
        "INSERT INTO parties SELECT g.event_id, g.role, g.name, g.country, g.sector, g.resolved, k.key "
        f"FROM ({grouped}) g JOIN party_keys k ON {_SAME_PARTY}"
        + (" RETURNING event_id, role, key" if returning else "")
    )


KEY_PARTIES_SQL = (
    "UPDATE parties g SET key = k.key FROM party_keys k WHERE " + _SAME_PARTY
)
"""``parties.key`` of the rows of a store older than version 6 (after ``insert_keys_sql``)."""

EVENT_KEYS_SQL = (
    "UPDATE events SET actor_key = p.actor_key, recipient_key = p.recipient_key FROM ("
    "SELECT event_id, any_value(key) FILTER (WHERE role = 'actor') AS actor_key, "
    "any_value(key) FILTER (WHERE role = 'recipient') AS recipient_key FROM parties GROUP BY event_id) p "
    "WHERE p.event_id = events.id AND events.parties_in_lists"
)
"""``events.actor_key``/``recipient_key`` of stored events (upgrading a store), as ingest sets them
for new ones: the key of the role's one party when ``parties_in_lists``, else NULL."""


PARTIES_IN_LISTS_SQL = (
    "UPDATE events SET parties_in_lists = id NOT IN (SELECT event_id FROM parties GROUP BY event_id, role "
    "HAVING count(*) > 1 OR coalesce(bool_or(name = '' OR country = '' OR sector = ''), false))"
)
"""``events.parties_in_lists`` of stored events (upgrading a store), as ``rows.event_row`` sets it
for new ones: at most one party per role, none with an empty field."""
