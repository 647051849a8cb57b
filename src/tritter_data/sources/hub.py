"""The Hugging Face hub side of curation: dataset catalogue, tokens, parquet listing.

The catalogue of supported datasets and their languages ships with the package
(``data/stack_subsets.json``) so ``--list-subsets`` works offline; when the hub is
reachable it is refreshed from the repository tree and the dataset card's row counts.
Every hub problem (gated dataset without ``HF_TOKEN``, no network, unknown repository)
is one ``UsageError`` line, raised before any output is written.
"""

from __future__ import annotations

import json
import os
from importlib import resources
from typing import Any

from tritter_data.core.errors import UsageError
from tritter_data.sources.blobs import HUB_INSTALL_HINT
from tritter_data.sources.stack import stack_language


def load_catalog() -> dict[str, dict[str, Any]]:
    """The shipped catalogue: dataset -> {gated, content, layout, subsets{language: {name, rows}}}."""
    text = resources.files("tritter_data").joinpath("data/stack_subsets.json").read_text(encoding="utf-8")
    return json.loads(text)["datasets"]


def dataset_spec(dataset: str) -> dict[str, Any]:
    catalog = load_catalog()
    if dataset not in catalog:
        raise UsageError(f"--dataset {dataset!r}: not a supported dataset; choose from {', '.join(catalog)}")
    return catalog[dataset]


def hub_offline() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in {"1", "true", "yes", "on"}


def hub_token(dataset: str, spec: dict[str, Any]) -> str | None:
    """The user's token; a gated dataset without one is a one-line ``UsageError``."""
    try:
        from huggingface_hub import get_token
    except ImportError:
        raise UsageError(f"reading {dataset} from the hub {HUB_INSTALL_HINT}") from None
    token = get_token()
    if spec.get("gated") and not token:
        raise UsageError(
            f"{dataset} is gated: accept its terms on huggingface.co/datasets/{dataset} and set HF_TOKEN "
            "(or run `hf auth login`); or use --from-parquet DIR with a local mirror"
        )
    return token


def _hub_error(dataset: str, error: Exception) -> UsageError:
    first_line = (str(error).strip().splitlines() or [""])[0][:200]
    kinds = set()
    cause: BaseException | None = error
    while cause is not None and len(kinds) < 10:  # HfFileSystem wraps hub errors in FileNotFoundError
        kinds.add(type(cause).__name__)
        cause = cause.__cause__ or cause.__context__
    if "GatedRepoError" in kinds:
        return UsageError(f"{dataset}: access denied: accept its terms on huggingface.co/datasets/{dataset} "
                          "with the account of HF_TOKEN")
    if "RepositoryNotFoundError" in kinds:
        return UsageError(f"{dataset}: no such dataset on the hub (or HF_TOKEN cannot see it)")
    return UsageError(
        f"{dataset}: cannot reach the hub ({type(error).__name__}: {first_line}); "
        "check the network and HF_TOKEN, or use --from-parquet DIR"
    )


def _subset_dir(spec: dict[str, Any], language: str, names: list[str]) -> str | None:
    """The hub directory of ``language`` among ``names`` (real names win over the shipped one)."""
    for name in names:
        if stack_language(name.rsplit("/", 1)[-1]) == language:
            return name
    return None


def hub_parquet_files(dataset: str, spec: dict[str, Any], language: str, token: str | None) -> tuple[Any, list[str]]:
    """(filesystem, sorted parquet paths) of ``language`` in ``dataset`` on the hub."""
    if hub_offline():
        raise UsageError(f"{dataset}: HF_HUB_OFFLINE is set; use --from-parquet DIR with a local mirror")
    try:
        from huggingface_hub import HfFileSystem
    except ImportError:
        raise UsageError(f"reading {dataset} from the hub {HUB_INSTALL_HINT}") from None
    fs = HfFileSystem(token=token)
    root = f"datasets/{dataset}"
    parent = spec["layout"].split("{subset}")[0].rstrip("/")
    try:
        entries = fs.ls(f"{root}/{parent}".rstrip("/"), detail=True)
        dirs = [entry["name"] for entry in entries if entry.get("type") == "directory"]
        directory = _subset_dir(spec, language, dirs)
        if directory is None:
            raise UsageError(f"{dataset}: no {language} subset on the hub")
        files = sorted(path for path in fs.find(directory) if path.endswith(".parquet"))
    except UsageError:
        raise
    except Exception as error:  # network, auth, gating: one line for the user
        raise _hub_error(dataset, error) from None
    if not files:
        raise UsageError(f"{dataset}: no parquet files under {directory}")
    return fs, files


def hub_unreachable_reason(timeout: float = 5.0) -> str | None:
    """None when the hub answers one quick request, else why not (one probe, no retries).

    The hub client retries a refused connection for about 20 seconds per call; probing
    once first keeps ``--list-subsets`` instant when offline.
    """
    if hub_offline():
        return "HF_HUB_OFFLINE"
    try:
        from huggingface_hub import constants
    except ImportError:
        return "huggingface_hub not installed"
    import urllib.error
    import urllib.request

    url = f"{constants.ENDPOINT.rstrip('/')}/api/datasets?limit=1"
    if not url.startswith(("http://", "https://")):
        return f"bad HF_ENDPOINT {constants.ENDPOINT!r}"
    try:
        with urllib.request.urlopen(url, timeout=timeout):  # noqa: S310 - scheme checked above
            return None
    except urllib.error.HTTPError:
        return None  # it answered
    except (OSError, ValueError) as error:
        return f"hub unreachable: {type(error).__name__}"


def refresh_catalog(dataset: str, spec: dict[str, Any], unreachable: str | None = None) -> tuple[dict[str, Any], str]:
    """The subsets of ``dataset`` from the hub when it answers, else the shipped ones.

    Returns the subsets and where they came from (``"hub"`` or ``"shipped (why)"``);
    ``unreachable`` is the result of ``hub_unreachable_reason()``, probed once per listing.
    """
    subsets = dict(spec["subsets"])
    if hub_offline():
        return subsets, "shipped (HF_HUB_OFFLINE)"
    if unreachable:
        return subsets, f"shipped ({unreachable})"
    try:
        from huggingface_hub import HfApi, get_token
    except ImportError:
        return subsets, "shipped (huggingface_hub not installed)"
    api = HfApi(token=get_token())
    parent = spec["layout"].split("{subset}")[0].rstrip("/")
    try:
        tree = api.list_repo_tree(dataset, path_in_repo=parent or None, repo_type="dataset")
        names = [item.path.rsplit("/", 1)[-1] for item in tree if type(item).__name__ == "RepoFolder"]
        card = api.dataset_info(dataset).card_data
    except Exception as error:  # offline or gated: the shipped list still answers
        return subsets, f"shipped (hub answered {type(error).__name__})"
    rows = _card_row_counts(card)
    refreshed: dict[str, Any] = {}
    for name in sorted(names):
        language = stack_language(name)
        if language is not None:
            refreshed[language] = {"name": name, "rows": rows.get(name, subsets.get(language, {}).get("rows"))}
    return (refreshed or subsets), "hub"


def _card_row_counts(card: Any) -> dict[str, int]:
    """``num_examples`` per config from a dataset card's ``dataset_info`` block."""
    info = getattr(card, "dataset_info", None) if card is not None else None
    if isinstance(info, dict):
        info = [info]
    counts: dict[str, int] = {}
    for config in info or []:
        splits = config.get("splits") or []
        total = sum(int(split.get("num_examples") or 0) for split in splits)
        if config.get("config_name") and total:
            counts[config["config_name"]] = total
    return counts
