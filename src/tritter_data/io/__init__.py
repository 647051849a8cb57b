"""Reading and writing: files, shards and shard sets, local paths and object-store URLs."""
