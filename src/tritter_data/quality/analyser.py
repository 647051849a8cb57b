"""The quality analyser: signals -> the fitted model's score, and the reasons behind it.

``assess`` returns the score (the model's predicted reviewer grade mapped to [0, 1]) and
the strongest reasons that pulled it down, each a ``Finding`` with a line and a fix;
``analyse`` returns just the reasons, for the ``Analyser`` interface.

    >>> code = "print('Hello')\\nprint('World')\\nprint(42)\\n"
    >>> [f.rule_id for f in QualityAnalyser().analyse(code, "python")][:1]
    ['Q-PRINTS-CONSTANTS']
"""

from __future__ import annotations

from dataclasses import dataclass

from tritter_data.core.findings import Finding
from tritter_data.quality.model import QualityModel, load_model
from tritter_data.quality.reasons import REASONS
from tritter_data.quality.signals import LANGUAGES, Signals, compute_signals

MAX_REASONS = 3
#: A signal becomes a reason when it costs at least this many reviewer points.
MIN_COST = 0.1
#: Signals whose reading depends on a language's conventions (how long files and functions
#: run, how modules are documented). The calibration set covers ``signals.LANGUAGES`` only;
#: for other languages these are set to the calibration mean, so a C header or a shell script
#: is judged by the language-independent signals (syntax, data, copy-paste, names, ...).
CONVENTION_SIGNALS = ("log_code_lines", "fragment", "functions_per_100", "log_max_fn_lines", "module_doc",
                      "fn_doc_share", "explained_fn_share", "doc_words_per_line", "comment_ratio", "script_share")


@dataclass(frozen=True, slots=True)
class Assessment:
    score: float
    findings: list[Finding]
    signals: Signals


def reasons(model: QualityModel, signals: Signals, limit: int = MAX_REASONS,
            contributions: dict[str, float] | None = None) -> list[Finding]:
    """The signals that cost the file most, worst first, as findings with a fix
    (``contributions``: the model's, when the caller has them already)."""
    costs = []
    if contributions is None:
        contributions = model.contributions(signals.values)
    for name, pull in contributions.items():
        if pull > -MIN_COST:  # most signals: checked first, it is the cheap test
            continue
        reason = REASONS.get(name)
        if reason is None:
            continue
        index = model.features.index(name)
        above_mean = signals.values[name] > model.mean[index]
        if above_mean != (reason.bad == "high"):  # the model's sign, not the author's fault
            continue
        costs.append((pull, name))
    findings: list[Finding] = []
    for pull, name in sorted(costs):
        reason = REASONS[name]
        if len(findings) == limit:
            break
        if any(f.rule_id == reason.rule_id for f in findings):  # two signals, one reason
            continue
        severity = "high" if pull <= -1.0 else "medium" if pull <= -0.4 else "low"
        findings.append(Finding(
            reason.rule_id, "quality", reason.category, signals.evidence.get(name) or 1,
            reason.message(signals.values, signals.examples), reason.fix, severity,
        ))
    return findings


@dataclass(frozen=True, slots=True)
class QualityAnalyser:
    name: str = "quality"
    model_path: str | None = None

    def assess(self, text: str, language: str, path: str | None = None) -> Assessment:
        model = load_model(self.model_path)
        signals = compute_signals(text, language, path)
        if language not in LANGUAGES:
            for name in CONVENTION_SIGNALS:
                if name in model.features:
                    signals.values[name] = model.mean[model.features.index(name)]
        contributions = model.contributions(signals.values)
        return Assessment(model.score_of(contributions), reasons(model, signals, contributions=contributions), signals)

    def analyse(self, text: str, language: str) -> list[Finding]:
        return self.assess(text, language).findings
