"""Scale-out: code a corpus on a Ray cluster into Parquet shards, and load shards into the store.

``ray_engine`` runs one ``Pipeline`` per Ray worker (the ``ray`` extra; imported lazily so
the base install does not need it); ``shards`` is the shard format, written by the workers
and streamed back into ``pipeline.ingest_coded``; ``corpus`` invents articles for
benchmarks and tests. See docs/scale.md.

It sits beside ``pipeline`` (it runs the pipeline per worker), below ``cli``.
"""
