"""Where a field sits in the page layout: the wrappers around it, the table cell above it, the
label heading its framework form item. Short bounded walks up the tree, never a document scan."""

from __future__ import annotations

from privacy_hygiene.forms.dom import Element, attr, input_type, is_field, own_text, tag_of

_FORM_ITEM_DEPTH = 4


def form_item_label(element: Element) -> Element:
    """The ``<label for="email">`` of an Element / Ant Design form item whose input carries no id:
    the label heading the field's own wrapper (a wrapper holding this one field only)."""
    node = element.getparent()
    for _ in range(_FORM_ITEM_DEPTH):
        if node is None or tag_of(node) in ("form", "fieldset", "table", "body"):
            return None
        first = node[0] if len(node) else None
        if first is not None and tag_of(first) == "label" and attr(first, "for"):
            fields = sum(1 for item in node.iter("input", "select", "textarea") if input_type(item) != "hidden")
            return first if fields == 1 else None
        node = node.getparent()
    return None


def wrapper_classes(element: Element) -> list[str]:
    """The classes of the field's two nearest wrappers (spam traps are hidden by their container:
    ``gform_validation_container``, ``hp-wrap``)."""
    found = []
    node = element.getparent()
    for _ in range(2):
        if node is None or tag_of(node) in ("form", "body"):
            break
        value = attr(node, "class")
        if value:
            found.append(value[:120])
        node = node.getparent()
    return found


def enclosing_cell(element: Element, tags: tuple[str, ...], *, depth: int) -> Element | None:
    """The nearest ancestor of the field with one of ``tags`` (a table or list cell), at most
    ``depth`` + 1 levels up."""
    for level, ancestor in enumerate(element.iterancestors()):
        if tag_of(ancestor) in tags:
            return ancestor
        if level >= depth:
            return None
    return None


def column_header(element: Element) -> str:
    """The text of the cell above the field's cell when the label row sits above the input row."""
    cell = enclosing_cell(element, ("td", "th"), depth=3)
    row = cell.getparent() if cell is not None else None
    if row is None or tag_of(row) != "tr":
        return ""
    cells = [child for child in row if tag_of(child) in ("td", "th")]
    column = cells.index(cell)
    above = row.getprevious()
    while above is not None and tag_of(above) != "tr":
        above = above.getprevious()
    if above is None:
        return ""
    headers = [child for child in above if tag_of(child) in ("td", "th")]
    if len(headers) != len(cells) or any(is_field(node) for node in headers[column].iter()):
        return ""
    return own_text(headers[column], 80)
