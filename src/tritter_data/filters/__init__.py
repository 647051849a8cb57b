"""Per-sample filters: each rejects with a stable reason id or passes the sample on."""
