"""Near-dedup's phases 3-4: check the candidate pairs in exact Jaccard similarity, then cluster.

Two ways, the same removed records and log entries:

- ``verify_located``, when phase 1 ran in the executor's workers and they said where each
  document's line is (``DocTable.located``): the candidate graph is cut into its connected
  components in the driver (a few numpy calls), and each worker takes a batch of whole
  components: it reads their lines at their offsets, shingles them, checks their pairs, and
  clusters and ranks them itself. A cluster of verified pairs never leaves its candidate
  component, so the clusters, the kept records and the Jaccard figures are those of one global
  union-find. The driver only numbers the clusters (by smallest id, as before) and so with N
  workers this phase runs N-wide too (issue 14: "near-dup verification runs in the executor").
- ``verify_read``, otherwise (one in-process worker, a zstd input, a remote Ray cluster): the
  driver reads the candidates' lines, the executor shingles them, and the driver checks the
  pairs and clusters.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import orjson

from tritter_data.dedup.near_tasks import BATCH_BYTES, DocTable, candidate_lines, shingle_sets
from tritter_data.dedup.shingles import jaccard
from tritter_data.executors.base import Executor, batched
from tritter_data.executors.local import LocalExecutor
from tritter_data.io.shard_set import BadLines, InputShards, read_selected_lines
from tritter_data.io.shards import parse_line, read_located

if TYPE_CHECKING:
    from tritter_data.dedup.config import NearDedupConfig

Removed = dict[int, dict[str, Any]]
#: One candidate component for a worker: its documents (sorted ids), where their lines are
#: (shard index, offset, length), their ``DocTable.rank_head``, and its candidate pairs.
Component = tuple[list[int], list[tuple[int, int, int]], list[tuple[Any, ...]], list[tuple[int, int]]]
#: A verified cluster: its members, the kept one, each member's source and Jaccard to the kept one.
Cluster = tuple[list[int], int, list[str], list[float]]
_COMPONENT_BYTES = BATCH_BYTES // 4  # candidates are few MB: small tasks keep every worker busy to the end


def cluster(n: int, pairs: np.ndarray) -> list[np.ndarray]:
    """Connected components of size > 1, each sorted, ordered by their smallest id."""
    from tritter_data.dedup.union_find import UnionFind

    uf = UnionFind(n)
    for u, v in pairs.tolist():
        uf.union(u, v)
    members = np.unique(pairs)
    if len(members) == 0:
        return []
    roots = uf.roots()[members]
    order = np.argsort(roots, kind="stable")
    members, roots = members[order], roots[order]
    cuts = np.flatnonzero(roots[1:] != roots[:-1]) + 1
    return sorted(np.split(members, cuts), key=lambda group: int(group[0]))


def _entries(clusters: list[Cluster], with_jaccard: bool) -> Removed:
    """The removed records' log entries, clusters numbered by their smallest member."""
    removed: Removed = {}
    for number, (members, keep, sources, similarity) in enumerate(sorted(clusters, key=lambda c: c[0][0])):
        kept = sources[members.index(keep)]
        for doc, source, value in zip(members, sources, similarity, strict=True):
            if doc != keep:
                entry: dict[str, Any] = {"source": source, "reason": "near_duplicate", "cluster": number,
                                         "cluster_size": len(members), "kept": kept}
                if with_jaccard:
                    entry["jaccard"] = round(value, 4)
                removed[doc] = entry
    return removed


# --- in the executor's workers, components read at their offsets ---------------------------------
def component_batches(pairs: np.ndarray, table: DocTable, max_bytes: int = _COMPONENT_BYTES
                      ) -> Iterator[list[Component]]:
    """The candidate graph's connected components, in batches of about ``max_bytes`` of lines."""
    components = cluster(len(table), pairs)
    owner = np.full(len(table), -1, dtype=np.int64)
    for index, members in enumerate(components):
        owner[members] = index
    of_pair = owner[pairs[:, 0]] if len(pairs) else np.empty(0, np.int64)
    order = np.argsort(of_pair, kind="stable")
    cuts = np.searchsorted(of_pair[order], np.arange(len(components) + 1))
    batch: list[Component] = []
    held = 0
    for index, members in enumerate(components):
        docs = members.tolist()
        places = [(table.shard[doc], table.offset[doc], table.length[doc]) for doc in docs]
        edges = [(u, v) for u, v in pairs[order[cuts[index]:cuts[index + 1]]].tolist()]
        batch.append((docs, places, [table.rank_head(doc) for doc in docs], edges))
        held += sum(length for *_, length in places)
        if held >= max_bytes:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


def verify_components(shared: tuple[NearDedupConfig, tuple[str, ...]], batch: list[Component]
                      ) -> list[tuple[int, list[Cluster]]]:
    """In a worker: each component's verified pair count and clusters (``Cluster``)."""
    config, names = shared
    paths = tuple(Path(name) for name in names)
    found = []
    for docs, places, heads, edges in batch:
        records = [parse_line("", 0, line) for line in read_located(paths, iter(places))]  # valid in phase 1
        sources = {doc: record["source"] for doc, record in zip(docs, records, strict=True)}  # type: ignore[index]
        texts = [record["text"] for record in records]  # type: ignore[index]
        sets = dict(zip(docs, shingle_sets(texts, config.ngram), strict=True))
        verified = [(u, v) for u, v in edges if jaccard(sets[u], sets[v]) >= config.threshold]
        rank = {doc: (*head, sources[doc], doc) for doc, head in zip(docs, heads, strict=True)}
        local = {doc: index for index, doc in enumerate(docs)}  # docs are sorted: the order is kept
        clusters = []
        for group in cluster(len(docs), np.array([(local[u], local[v]) for u, v in verified],
                                                  dtype=np.int64).reshape(-1, 2)):
            members = [docs[index] for index in group.tolist()]
            keep = min(members, key=rank.__getitem__)
            clusters.append((members, keep, [sources[doc] for doc in members],
                             [jaccard(sets[doc], sets[keep]) if doc != keep else 1.0 for doc in members]))
        found.append((len(verified), clusters))
    return found


def verify_located(shards: InputShards, pairs: np.ndarray, table: DocTable, config: NearDedupConfig,
                   timings: dict[str, float], executor: Executor) -> tuple[Removed, int, list[int]]:
    """``(records to remove with their log entries, verified pairs, cluster sizes)``, checked in
    the executor's workers component by component."""
    mark = time.perf_counter()
    shared = (config, tuple(str(path) for path in shards.paths))
    results = [item for batch in executor.map_ordered(verify_components, shared, component_batches(pairs, table))
               for item in batch]
    timings["verify"] = time.perf_counter() - mark
    mark = time.perf_counter()
    clusters = [found for _, found_in in results for found in found_in]
    removed = _entries(clusters, with_jaccard=True)
    timings["cluster"] = time.perf_counter() - mark
    return removed, sum(count for count, _ in results), [len(c[0]) for c in sorted(clusters, key=lambda c: c[0][0])]


# --- candidates read by the driver ----------------------------------------------------------------
class CandidateShingles:
    """Shingle sets of the candidate documents, in one spill file read through a memmap."""

    def __init__(self, path: Path, ids: np.ndarray, arrays: Iterator[np.ndarray]):
        self.index = {int(doc): i for i, doc in enumerate(ids)}
        offsets = [0]
        with open(path, "wb") as handle:
            for shingles in arrays:
                shingles.tofile(handle)
                offsets.append(offsets[-1] + len(shingles))
        self.offsets = np.array(offsets, dtype=np.int64)
        self.flat = np.memmap(path, dtype=np.uint64, mode="r") if offsets[-1] else np.empty(0, np.uint64)

    def get(self, doc: int) -> np.ndarray:
        i = self.index[doc]
        return self.flat[self.offsets[i] : self.offsets[i + 1]]


def verify_read(shards: InputShards, pairs: np.ndarray, table: DocTable, bad: BadLines, config: NearDedupConfig,
                workdir: Path, timings: dict[str, float], executor: Executor) -> tuple[Removed, int, list[int]]:
    """``verify_located``'s result, with the candidates' lines read (and the pairs checked) here."""
    mark = time.perf_counter()
    ids = np.unique(pairs)
    sources: dict[int, str] = {}
    if table.located():  # the workers read blocks: the candidates are read where they are
        lines = read_located(shards.paths, ((table.shard[doc], table.offset[doc], table.length[doc])
                                            for doc in ids.tolist()))
    else:
        lines = (line for _, line in read_selected_lines(shards, iter(ids.tolist()), bad))
    if config.verify:
        # A pool is started only for more than one batch of candidates: for fewer its start-up
        # costs more than the shingling (the sets, and so the bytes, are the same either way).
        engine = executor if len(ids) > config.batch_size else LocalExecutor(1)
        batches = engine.map_ordered(candidate_lines, config.ngram, batched(lines, config.batch_size))
        found = (item for batch in batches for item in batch)

        def arrays() -> Iterator[np.ndarray]:
            for doc, (source, shingles) in zip(ids.tolist(), found, strict=True):
                sources[doc] = source
                yield shingles

        sets = CandidateShingles(workdir / "candidates.u64", ids, arrays())
        similarity = np.array([jaccard(sets.get(u), sets.get(v)) for u, v in pairs.tolist()])
        verified = pairs[similarity >= config.threshold] if len(pairs) else pairs
    else:
        for doc, line in zip(ids.tolist(), lines, strict=True):
            sources[doc] = orjson.loads(line)["source"]
        sets, verified = None, pairs
    timings["verify"] = time.perf_counter() - mark

    mark = time.perf_counter()
    clusters: list[Cluster] = []
    for group in cluster(len(table), verified):
        members = group.tolist()
        keep = min(members, key=lambda doc: table.rank(doc, sources[doc]))
        similarity_to_keep = [1.0 if sets is None or doc == keep else jaccard(sets.get(doc), sets.get(keep))
                              for doc in members]
        clusters.append((members, keep, [sources[doc] for doc in members], similarity_to_keep))
    removed = _entries(clusters, with_jaccard=sets is not None)
    timings["cluster"] = time.perf_counter() - mark
    return removed, len(verified), [len(c[0]) for c in clusters]
