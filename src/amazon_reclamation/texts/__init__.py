"""The wording: labels, summaries and messages made from the domain's results."""
