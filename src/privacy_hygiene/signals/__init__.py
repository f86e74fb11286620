"""Page facts shared by the scam-sign analyzers (content, trust): normalised text with phrase
matching, and the personal data a page's forms ask for. Pure functions of the page and the catalog.
"""
