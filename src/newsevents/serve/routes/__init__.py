"""One module per resource; ``ROUTERS`` in the order the app includes them."""

from newsevents.serve.routes import aggregates, articles, events, exports, meta, quotes, stories, threads

ROUTERS = (events.router, stories.router, threads.router, articles.router, quotes.router, aggregates.router,
           exports.router,
           meta.router)

__all__ = ["ROUTERS"]
