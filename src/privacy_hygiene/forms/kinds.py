"""Field kinds: lexicon scores per field (the neighbour rules are in :mod:`.context`).

Scoring, not first match: every kind sums the weights of the sources (autocomplete, type, label,
aria, placeholder, text before/after, name/id tokens, options) whose text matches its patterns and
not its exclusions; the best score above the threshold wins, earlier kinds win ties.
"""

from __future__ import annotations

from privacy_hygiene.forms.describe import FieldDescription, has_cjk
from privacy_hygiene.forms.lexicon import FieldLexicon

_TEXT_SOURCES = ("label", "aria", "placeholder", "before", "after")
_CHOICE_TYPES = frozenset({"radio", "checkbox", "select"})


def score_kind(description: FieldDescription, lexicon: FieldLexicon) -> tuple[str, float]:
    """The best kind for one field on its own, with its score."""
    for token in description.autocomplete:
        decided = lexicon.by_autocomplete.get(token)
        if decided is not None:
            return decided, lexicon.weights.autocomplete
    weights = lexicon.weights
    type_key = description.input_type
    if description.inputmode in ("tel", "email", "search"):
        type_key = {"tel": "tel", "email": "email", "search": "search"}[description.inputmode]
    texts = [
        (getattr(weights, source), getattr(description, source))
        for source in _TEXT_SOURCES
        if getattr(description, source)
    ]
    if description.label or description.aria:
        # an explicit label makes the inferred text before the field redundant (and often wrong)
        texts = [(weight, text) for weight, text in texts if text is not description.before]
    if description.before_marks and not description.label:
        # marks right before the box ("〒", "(必填)"): as weak as a hint after it
        texts.append((weights.after, description.before_marks))
    primary = description.label or description.aria or description.before
    tokens = description.tokens
    tokens_cjk = bool(tokens) and has_cjk(tokens)
    options = description.options
    best_kind, best_score, best_order = "other", 0.0, len(lexicon.kinds)
    choosing = description.input_type in _CHOICE_TYPES
    numeric = description.input_type == "number"
    # a radio/select asked as a sentence ("您对小区改造最关心哪一项?"): its words are the topic of a
    # poll or a survey question, not the name of a field
    question = choosing and primary.rstrip().endswith("?")
    for kind in lexicon.kinds:
        if (choosing and not kind.choice) or (numeric and not kind.numeric):
            continue
        if question and kind.question is not None and not kind.question.search(primary):
            continue
        exclude = kind.exclude
        excluded_by_name = bool(tokens) and exclude is not None and exclude.search(tokens) is not None
        # a name or label the kind excludes (``g-recaptcha-response`` in a textarea, a textarea
        # labelled "How did you hear about us?") cancels the type hint too
        excluded_by_label = exclude is not None and bool(primary) and exclude.search(primary) is not None
        if excluded_by_label and description.label and not (kind.terms is not None and kind.terms.search(primary)):
            continue  # an explicit label the kind excludes ("Bio", "Betreff") outweighs every hint
        score = weights.type if type_key in kind.types and not (excluded_by_name or excluded_by_label) else 0.0
        if kind.terms is not None:
            for weight, text in texts:
                if kind.terms.search(text) and not (exclude and exclude.search(text)):
                    score += weight
        if (
            tokens
            and not (excluded_by_name or excluded_by_label)
            and (
                (kind.names is not None and kind.names.search(tokens))
                or (tokens_cjk and kind.terms is not None and kind.terms.search(tokens))
            )
        ):
            score += weights.name
        if options and kind.options is not None and not excluded_by_label and kind.options.search(options):
            score += weights.options
        if description.maxlength is not None and description.maxlength in kind.maxlength:
            score += weights.shape
        if score > best_score or (score == best_score and score > 0 and kind.order < best_order):
            best_kind, best_score, best_order = kind.id, score, kind.order
    if not choosing and _names_two_identifiers(texts, lexicon):
        # "email or username" / "手机号/邮箱": the login identifier, whatever its type says
        return "username", best_score + weights.label
    if best_score < weights.threshold:
        return "other", best_score
    return best_kind, best_score


def _names_two_identifiers(texts: list[tuple[float, str]], lexicon: FieldLexicon) -> bool:
    """One text naming two kinds of login identifier, joined by "or" / "或" / "/" — unless the field
    asks how to reach you ("联系方式: 手机号或邮箱"), which is a contact detail, not an account."""
    if lexicon.contact_way is not None and any(lexicon.contact_way.search(text) for _, text in texts):
        return False
    for _, text in texts:
        if not lexicon.alternation.search(text):
            continue
        named = sum(1 for kind in lexicon.identifier_kinds if kind.terms is not None and kind.terms.search(text))
        if named >= 2:
            return True
    return False
