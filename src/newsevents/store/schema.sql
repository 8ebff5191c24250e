-- The newsevents store (DuckDB). Schema version 6: see meta('schema_version').
-- Run on every open; each statement is idempotent. Filterable fields are columns,
-- the whole record is kept as JSON in `record` so nothing of the contract is lost.

CREATE TABLE IF NOT EXISTS meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

-- One row per article; content_hash = sha256(date, title, text) catches re-sent copies.
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY,
    content_hash VARCHAR NOT NULL UNIQUE,
    date DATE,
    title VARCHAR,
    url VARCHAR,
    source VARCHAR,
    language VARCHAR,
    text VARCHAR NOT NULL,
    n_events INTEGER NOT NULL,
    n_quotes INTEGER NOT NULL,
    ingested_at TIMESTAMP NOT NULL
);

-- One row per coded event (a mention); story_id links it to the real event it reports.
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    event_type VARCHAR NOT NULL,
    mode VARCHAR,
    context VARCHAR[] NOT NULL,
    quad VARCHAR,
    intensity DOUBLE,
    cameo_root VARCHAR,
    date DATE,
    date_precision VARCHAR NOT NULL,
    actor_names VARCHAR[] NOT NULL,
    actor_countries VARCHAR[] NOT NULL,
    actor_sectors VARCHAR[] NOT NULL,
    recipient_names VARCHAR[] NOT NULL,
    recipient_countries VARCHAR[] NOT NULL,
    recipient_sectors VARCHAR[] NOT NULL,
    location_name VARCHAR,
    location_country_code VARCHAR,
    location_admin1 VARCHAR,
    location_lat DOUBLE,
    location_lon DOUBLE,
    location_geonameid BIGINT,
    location_precision VARCHAR,
    dead INTEGER,
    injured INTEGER,
    arrested INTEGER,
    negated BOOLEAN NOT NULL,
    hypothetical BOOLEAN NOT NULL,
    future BOOLEAN NOT NULL,
    historical BOOLEAN NOT NULL,
    confidence DOUBLE NOT NULL,
    trigger VARCHAR NOT NULL,
    sentence VARCHAR NOT NULL,
    extractor VARCHAR NOT NULL,
    story_id VARCHAR,
    record JSON NOT NULL,
    -- At most one party per role, each the first entry of its name/country/sector lists
    -- (store/rows.py), so the network and actor tables read it without joining `parties`.
    -- Version 5; NULL (read as false) until an older store is opened for writing.
    parties_in_lists BOOLEAN,
    -- Version 6: when parties_in_lists, the party_keys key of the event's one actor and one
    -- recipient (NULL when it has none); NULL otherwise. What the network and actor tables group.
    actor_key INTEGER,
    recipient_key INTEGER
);

-- Stores older than version 5 and 6 get the columns (then filled by Store._upgrade).
ALTER TABLE events ADD COLUMN IF NOT EXISTS parties_in_lists BOOLEAN;
ALTER TABLE events ADD COLUMN IF NOT EXISTS actor_key INTEGER;
ALTER TABLE events ADD COLUMN IF NOT EXISTS recipient_key INTEGER;

CREATE TABLE IF NOT EXISTS quotes (
    id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    speaker_name VARCHAR,
    speaker_country VARCHAR,
    speaker_sector VARCHAR,
    text VARCHAR NOT NULL,
    verb VARCHAR,
    record JSON NOT NULL
);

-- Each event's actors and recipients, one row per distinct (event, role, name, country,
-- sector), parsed from the record when the event is written (store/parties.py), so the
-- network and actor tables group a narrow table instead of parsing JSON. `name` is the
-- party's resolved name, else its text; `resolved` says the network may draw it.
CREATE TABLE IF NOT EXISTS parties (
    event_id VARCHAR NOT NULL,
    role VARCHAR NOT NULL,
    name VARCHAR,
    country VARCHAR,
    sector VARCHAR,
    resolved BOOLEAN NOT NULL,
    key INTEGER  -- party_keys.key (version 6)
);

ALTER TABLE parties ADD COLUMN IF NOT EXISTS key INTEGER;

-- Each distinct (name, country, sector, resolved) of `parties`, numbered once (version 6), so
-- the network and actor tables group small integers and look the strings up for the few kept.
CREATE TABLE IF NOT EXISTS party_keys (
    key INTEGER NOT NULL,
    name VARCHAR,
    country VARCHAR,
    sector VARCHAR,
    resolved BOOLEAN NOT NULL
);

-- One row per real-world event after deduplication (written by the dedup stage's caller).
CREATE TABLE IF NOT EXISTS stories (
    id VARCHAR PRIMARY KEY,
    event_type VARCHAR NOT NULL,
    date DATE,
    date_precision VARCHAR NOT NULL,
    actor_names VARCHAR[] NOT NULL,
    actor_countries VARCHAR[] NOT NULL,
    actor_sectors VARCHAR[] NOT NULL,
    recipient_names VARCHAR[] NOT NULL,
    recipient_countries VARCHAR[] NOT NULL,
    recipient_sectors VARCHAR[] NOT NULL,
    location_name VARCHAR,
    location_country_code VARCHAR,
    location_admin1 VARCHAR,
    location_lat DOUBLE,
    location_lon DOUBLE,
    location_geonameid BIGINT,
    location_precision VARCHAR,
    dead INTEGER,
    injured INTEGER,
    arrested INTEGER,
    n_mentions INTEGER NOT NULL,
    articles INTEGER NOT NULL,
    first_seen VARCHAR,
    last_seen VARCHAR,
    updated_at TIMESTAMP NOT NULL,
    record JSON NOT NULL
);

-- The words of each article (title and text, lower case, runs of 3+ letters: see
-- WORDS in queries.py), so a text filter reads the few articles that hold its words
-- instead of every article's text.
CREATE TABLE IF NOT EXISTS article_terms (
    term VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL
);

-- What deduplication needs to match new mentions against a story as if it had never
-- been stored (its articles' term weights, dates, places ...), kept beside the story.
CREATE TABLE IF NOT EXISTS story_state (
    story_id VARCHAR PRIMARY KEY,
    state JSON NOT NULL
);

-- Document frequencies of words over all stored articles (IDF for dedup's text
-- similarity); the number of documents is meta('term_docs').
CREATE TABLE IF NOT EXISTS term_df (
    term VARCHAR PRIMARY KEY,
    df BIGINT NOT NULL
);

-- What `newsevents watch` remembers of each feed between runs (docs/feeds.md): the
-- ETag/Last-Modified to send, the entries already handled, failures. Not part of
-- the event data; Store.feed_state / put_feed_state read and write it.
CREATE TABLE IF NOT EXISTS feed_state (
    feed VARCHAR PRIMARY KEY,
    state JSON NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- ART indexes serve point lookups only (DuckDB prunes ranges with per-row-group
-- min/max zonemaps instead); keep them to the joins the store itself runs.
CREATE INDEX IF NOT EXISTS events_article ON events (article_id);
CREATE INDEX IF NOT EXISTS events_story ON events (story_id);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes (article_id);

-- Threads (schema version 3): a real-world happening and its coverage. Every article is in
-- exactly one thread (article_threads; reassigned only when its thread moves into another, in the
-- batch's transaction); `state` is what threading needs
-- to match later articles (its summed word weights); thread_terms are the rare words that
-- find the thread for a new article (joined, so a batch never scans every thread).
CREATE TABLE IF NOT EXISTS threads (
    id VARCHAR PRIMARY KEY,
    title VARCHAR,
    first_seen DATE,
    last_seen DATE,
    n_articles INTEGER NOT NULL,
    terms VARCHAR[] NOT NULL,
    state JSON NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS article_threads (
    article_id VARCHAR PRIMARY KEY,
    thread_id VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS thread_terms (
    term VARCHAR NOT NULL,
    thread_id VARCHAR NOT NULL
);

CREATE INDEX IF NOT EXISTS article_threads_thread ON article_threads (thread_id);

-- A thread moved into another (schema version 7) leaves its id here, so that a link to it still
-- leads to its articles: `thread_id` is the thread they are in now (kept current along chains).
CREATE TABLE IF NOT EXISTS thread_aliases (
    old_id VARCHAR PRIMARY KEY,
    thread_id VARCHAR NOT NULL
);
