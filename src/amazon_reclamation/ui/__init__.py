"""The terminal: questions as data, the wizard (questionary) and rendering (Rich)."""
