"""Executors run the same stage list over ordered batches: in-process, a local pool, Ray."""
