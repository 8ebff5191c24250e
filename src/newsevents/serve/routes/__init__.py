"""One module per resource; ``ROUTERS`` in the order the app includes them."""

from newsevents.serve.routes import aggregates, articles, events, exports, meta, quotes, stories

ROUTERS = (events.router, stories.router, articles.router, quotes.router, aggregates.router, exports.router,
           meta.router)

__all__ = ["ROUTERS"]
